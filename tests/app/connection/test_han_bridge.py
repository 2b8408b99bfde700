"""The host's ports onto the HAN session: the paired devices as the status screen lists them, and
commands whose failures arrive as CommandFailed, never as zigpy's own errors."""

from __future__ import annotations

import pytest

from app.connection.han_bridge import SessionCommands, paired_devices
from app.host.context import CommandFailed, DeviceKind, NotConnected
from tests.conftest import OpenEmulatedHan


async def test_the_hub_and_each_meter_are_listed_with_their_signal(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han() as han:
        await han.meter_ready()
        await han.until(lambda: han.model.gas_meter() is not None)
        devices = paired_devices(han.session)
    kinds = [device.kind for device in devices]
    assert kinds == [DeviceKind.COMMS_HUB, DeviceKind.ELECTRICITY_METER, DeviceKind.GAS_METER]
    hub, electricity, gas = devices
    assert hub.lqi is not None
    assert hub.rssi_dbm is not None
    assert hub.last_heard is not None
    assert electricity.meter is not None
    assert not electricity.via_hub
    assert gas.via_hub
    assert gas.ieee == hub.ieee


async def test_confirming_before_a_hub_is_found_fails_cleanly(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han(power_on=False) as han:
        with pytest.raises(CommandFailed, match="no comms hub"):
            await SessionCommands(han.session).confirm_message(1)


async def test_a_display_without_a_han_cannot_confirm() -> None:
    with pytest.raises(CommandFailed):
        await NotConnected().confirm_message(1)
