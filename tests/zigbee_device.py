"""A device as zigpy's controller holds it, for tests that read its endpoints and clusters.

zigpy's ``devices`` maps each address to a ``BaseDevice``: a Zigbee device or a Green Power one.
The emulated meters, hub and displays are all Zigbee devices; a test says so here, and anything
else at the address fails the test.
"""

from __future__ import annotations

import zigpy.types as t
from zigpy.application import ControllerApplication
from zigpy.device import Device


def zigbee_device(radio: ControllerApplication, ieee: t.EUI64) -> Device:
    device = radio.devices[ieee]
    assert isinstance(device, Device), f"{ieee} is a {type(device).__name__}"
    return device
