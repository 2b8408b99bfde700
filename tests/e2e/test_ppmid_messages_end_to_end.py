"""A supplier message on an emulated prepayment home reaches the PPMID through the air (the hub
serves its Messaging cluster to every bound display), whole, and Confirm on the PPMID reaches the
hub."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from home_emulator.metering.credit_engine import PrepaymentStart, units
from ppmid.balance_screen import BalanceScreen
from ppmid.messages_screen import MessagesScreen
from tests.conftest import OpenEmulatedHan
from tests.ppmid.conftest import Kit
from tests.ppmid.page_of import page_of
from tests.ppmid.ppmid_window import ppmid_on

TEXT = (
    "From Monday your debt is repaid at £3.50 a week rather than £5.00. Nothing changes in how you "
    "top up. Please confirm you have read this."
)


async def test_a_message_reaches_the_ppmid_whole_and_its_confirmation_reaches_the_hub(
    emulated_han: OpenEmulatedHan, kit: type[Kit]
) -> None:
    start = PrepaymentStart(balance=units("4.32"))
    async with emulated_han(start_epoch_s=kit.WEEKDAY_MORNING, electricity_prepayment=start) as han:
        await han.meter_ready()
        with ppmid_on(han) as shell:
            session = han.session
            await han.until(lambda: session.hub is not None and session.hub.attached.is_set())
            sent = han.home.send_message(TEXT, confirm=True)

            balance = page_of(shell, "balance", BalanceScreen)
            await han.until(lambda: balance.messages.words() == "Messages (1)")
            QTest.mouseClick(balance.messages, Qt.MouseButton.LeftButton)
            messages = page_of(shell, "messages", MessagesScreen)
            assert messages.card.text.text() == TEXT
            assert messages.card.new.isVisible()

            QTest.mouseClick(messages.confirm, Qt.MouseButton.LeftButton)
            await han.until(lambda: sent.confirmed_at_s is not None)
            await han.until(lambda: not messages.card.new.isVisible())
            assert not messages.confirm.isVisible()
            assert "You confirmed this message" in messages.card.confirmation.text()
