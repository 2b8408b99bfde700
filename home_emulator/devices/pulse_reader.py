"""A home-automation power sensor on the emulated air: an LED-pulse reader on the ESME.

Not part of a SMETS2 HAN – it is the kind of device a household adds to its *own* ZigBee network
(an optical reader taped over the meter's LED, a clamp, a metering plug). It speaks the Home
Automation profile's Electrical Measurement cluster (0x0B04): active power in watts, which the
display maps into the same ``Meter`` an ESME fills. It measures what the meter's LED flashes for:
imported energy, so it reads 0 W while a solar home exports.
"""

from __future__ import annotations

from typing import Final

import zigpy.types as t

from han.clusters import BASIC_CLUSTER, ELECTRICAL_MEASUREMENT_CLUSTER
from home_emulator.devices.esme import Esme
from home_emulator.zigbee.node import EmulatedEndpoint, EmulatedNode
from home_emulator.zigbee.zcl_server import ServerCluster

HA_PROFILE_ID: Final = 0x0104
METER_INTERFACE_DEVICE_ID: Final = 0x0053
"""Home Automation "Meter Interface"."""
ENDPOINT: Final = 1
ACTIVE_MEASUREMENT: Final = 0x00000001
MAX_ACTIVE_POWER_W: Final = 32_767
"""ActivePower is a signed 16-bit count of watts (with multiplier and divisor 1)."""


class PulseReader:
    def __init__(self, *, ieee: str, nwk: int, esme: Esme) -> None:
        self.esme = esme
        self.measurement = ServerCluster(
            ELECTRICAL_MEASUREMENT_CLUSTER,
            {
                "measurement_type": ACTIVE_MEASUREMENT,
                "active_power": 0,
                "ac_power_multiplier": 1,
                "ac_power_divisor": 1,
            },
        )
        basic = ServerCluster(
            BASIC_CLUSTER,
            {
                "zcl_version": 3,
                "manufacturer": "Emulated Sensors Ltd",
                "model": "LED pulse reader",
                "power_source": 3,  # battery
            },
        )
        self.node = EmulatedNode(
            ieee=t.EUI64.convert(ieee),
            nwk=nwk,
            manufacturer_code=0x1234,
            endpoints={
                ENDPOINT: EmulatedEndpoint(
                    ENDPOINT,
                    METER_INTERFACE_DEVICE_ID,
                    {BASIC_CLUSTER: basic, ELECTRICAL_MEASUREMENT_CLUSTER: self.measurement},
                    profile_id=HA_PROFILE_ID,
                )
            },
        )

    def advance_to(self, _epoch_s: float) -> None:
        """Read the LED: the ESME's import now (a step behind would be as true; pulses lag)."""
        watts = min(max(self.esme.demand_w, 0), MAX_ACTIVE_POWER_W)
        self.measurement.set("active_power", watts)
