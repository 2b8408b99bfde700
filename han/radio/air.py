"""Adapting zigpy to the Smart Energy profile.

zigpy 2.x parses ZCL only for the Home Automation and ZLL profiles and drops every frame whose profile
is Smart Energy (0x0109) as "custom profile" – which would silently discard every GB meter's reports.
ZCL framing does not depend on the profile, so frames arriving on the SE profile are handed to zigpy's
ZCL pipeline under the HA profile id. Outgoing requests are untouched: zigpy sends them with the
endpoint's own profile (0x0109), as a GB meter expects.
"""

from __future__ import annotations

from typing import Any

import zigpy.profiles.zha
import zigpy.types as t
from zigpy.application import ControllerApplication

from han.clusters import SE_PROFILE_ID

_HA_PROFILE_ID = zigpy.profiles.zha.PROFILE_ID


class SmartEnergyAware:
    """Mixin for any zigpy ``ControllerApplication``: delivers SE-profile frames to zigpy's ZCL layer."""

    def packet_received(self, packet: t.ZigbeePacket) -> None:
        if packet.profile_id == SE_PROFILE_ID:
            packet = packet.replace(profile_id=_HA_PROFILE_ID)
        super().packet_received(packet)  # type: ignore[misc]


def smart_energy_application(
    radio_application: type[ControllerApplication],
) -> type[ControllerApplication]:
    """The radio library's ControllerApplication, taught to accept Smart Energy frames."""
    if issubclass(radio_application, SmartEnergyAware):
        return radio_application
    namespace: dict[str, Any] = {"__module__": __name__}
    return type(
        f"SmartEnergy{radio_application.__name__}", (SmartEnergyAware, radio_application), namespace
    )
