"""The prepayment commands a PPMID sends, through the host's narrow port to the HAN session."""

from __future__ import annotations

import pytest

from app.connection.han_bridge import SessionCommands
from app.host.context import CommandFailed, NotConnected
from han.model import MeterKey
from home_emulator.metering.credit_engine import PrepaymentStart, units
from tests.conftest import OpenEmulatedHan
from tests.ppmid.conftest import Kit

NOWHERE = MeterKey("00:00:00:00:00:00:00:99", 1)


async def test_without_a_han_every_command_fails_as_a_lost_link_would() -> None:
    with pytest.raises(CommandFailed):
        await NotConnected().top_up(NOWHERE, "1" * 20)
    with pytest.raises(CommandFailed):
        await NotConnected().activate_emergency_credit(NOWHERE)
    with pytest.raises(CommandFailed):
        await NotConnected().enable_supply(NOWHERE)


async def test_a_meter_that_is_not_on_the_han_is_refused(
    emulated_han: OpenEmulatedHan, kit: type[Kit]
) -> None:
    start = PrepaymentStart(balance=units("4.32"))
    async with emulated_han(start_epoch_s=kit.WEEKDAY_MORNING, electricity_prepayment=start) as han:
        await han.meter_ready()
        commands = SessionCommands(han.session)
        with pytest.raises(CommandFailed):
            await commands.top_up(NOWHERE, "1" * 20)
        meter = next(iter(han.session.links))
        answer = await commands.top_up(meter, kit.vend(han.home, 1, pounds=2))
        assert answer.added_gbp == 2
