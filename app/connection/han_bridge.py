"""The HAN session seen through the narrow ports an experience gets (``app/host/context.py``).

Experiences never touch zigpy: commands go through ``SessionCommands`` (zigpy's errors become
``CommandFailed``), and the status screen's device list comes from ``paired_devices``.
"""

from __future__ import annotations

from collections.abc import Callable

from zigpy.device import Device
from zigpy.exceptions import ZigbeeException

from app.host.context import CommandFailed, DeviceKind, PairedDevice
from han.clusters import TIME_CLUSTER
from han.domain.credit import SupplyAnswer, TopUpAnswer
from han.links import prepayment_link
from han.model import Fuel, MeterKey
from han.session import HanSession

COORDINATOR_NWK = 0x0000

_ORDER = {
    DeviceKind.COMMS_HUB: 0,
    DeviceKind.ELECTRICITY_METER: 1,
    DeviceKind.GAS_METER: 2,
    DeviceKind.POWER_SENSOR: 3,
    DeviceKind.OTHER: 4,
}


class SessionCommands:
    """Commands through a session – or through whichever session is current, when given a
    function (the host's connection replaces its session after the source comes back)."""

    def __init__(self, session: HanSession | Callable[[], HanSession | None]) -> None:
        self._current = session if callable(session) else lambda: session

    @property
    def _session(self) -> HanSession:
        session = self._current()
        if session is None:
            raise CommandFailed("the display has lost its HAN and is reconnecting")
        return session

    async def confirm_message(self, message_id: int) -> None:
        hub = self._session.hub
        if hub is None:
            raise CommandFailed("no comms hub has been found on the HAN yet")
        try:
            await hub.confirm(message_id)
        except (ZigbeeException, TimeoutError, LookupError) as error:
            raise CommandFailed(str(error) or type(error).__name__) from error

    def _prepayment(self, meter: MeterKey) -> prepayment_link.PrepaymentLink:
        link = self._session.links.get(meter)
        if link is None or link.prepayment is None:
            raise CommandFailed(f"no prepayment meter {meter} on the HAN")
        return link.prepayment

    async def top_up(self, meter: MeterKey, code: str) -> TopUpAnswer:
        try:
            return await self._prepayment(meter).top_up(code)
        except prepayment_link.CommandFailed as error:
            raise CommandFailed(str(error)) from error

    async def activate_emergency_credit(self, meter: MeterKey) -> bool:
        try:
            return await self._prepayment(meter).activate_emergency_credit()
        except prepayment_link.CommandFailed as error:
            raise CommandFailed(str(error)) from error

    async def enable_supply(self, meter: MeterKey) -> SupplyAnswer:
        try:
            return await self._prepayment(meter).enable_supply()
        except prepayment_link.CommandFailed as error:
            raise CommandFailed(str(error)) from error


def paired_devices(session: HanSession | None) -> list[PairedDevice]:
    """Every device on the network but this display, one entry per role (hub, meter); none while
    the display is reconnecting (``session`` None)."""
    found: list[PairedDevice] = []
    if session is None:
        return found
    for device in session.application.devices.values():
        if device.nwk == COORDINATOR_NWK or not isinstance(device, Device):
            continue
        found.extend(_roles(session, device))
    return sorted(found, key=lambda entry: (_ORDER[entry.kind], entry.ieee))


def _roles(session: HanSession, device: Device) -> list[PairedDevice]:
    ieee = str(device.ieee)

    def entry(
        kind: DeviceKind, meter: MeterKey | None = None, via_hub: bool = False
    ) -> PairedDevice:
        return PairedDevice(
            ieee, kind, device.lqi, device.rssi, device.last_seen, meter=meter, via_hub=via_hub
        )

    is_hub = any(
        TIME_CLUSTER in endpoint.in_clusters
        for endpoint_id, endpoint in device.endpoints.items()
        if endpoint_id != 0
    )
    roles = [entry(DeviceKind.COMMS_HUB)] if is_hub else []
    for key in session.links:
        if key.ieee != ieee:
            continue
        meter = session.model.meters.get(key)
        kind = (
            DeviceKind.GAS_METER
            if meter is not None and meter.fuel is Fuel.GAS
            else DeviceKind.ELECTRICITY_METER
        )
        roles.append(entry(kind, key, via_hub=is_hub))
    roles += [
        entry(DeviceKind.POWER_SENSOR, key) for key in session.power_links if key.ieee == ieee
    ]
    return roles or [entry(DeviceKind.OTHER)]
