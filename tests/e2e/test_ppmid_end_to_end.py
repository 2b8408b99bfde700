"""The PPMID on an emulated prepayment home, through the air: codes typed on its keypad reach the
meter and its answers are shown; a disconnected supply comes back by press-and-hold."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from home_emulator.metering.credit_engine import CreditSettings, PrepaymentStart, units
from ppmid.shell import PpmidShell
from ppmid.top_up_screen import TopUpScreen
from tests.conftest import EmulatedHan, OpenEmulatedHan
from tests.ppmid.conftest import Kit
from tests.ppmid.page_of import page_of
from tests.ppmid.ppmid_window import ppmid_on


@contextlib.asynccontextmanager
async def _ppmid(
    emulated_han: OpenEmulatedHan, kit: type[Kit], balance: str, **settings: Any
) -> AsyncIterator[Any]:
    start = PrepaymentStart(balance=units(balance), settings=CreditSettings(**settings))
    async with emulated_han(start_epoch_s=kit.WEEKDAY_MORNING, electricity_prepayment=start) as han:
        await han.meter_ready()
        with ppmid_on(han):
            yield han


def _pounds(pennies_x100: int) -> str:
    """The engine keeps credit in 1/100 p; the meter reports whole pence."""
    return f"£{Decimal(pennies_x100 // 100) / 100:,.2f}"


async def _type(han: EmulatedHan, shell: PpmidShell, code: str) -> str:
    top_up = page_of(shell, "top_up", TopUpScreen)
    shell.go_to("top_up")
    QTest.keyClick(top_up, Qt.Key.Key_Delete)  # clears what the last attempt left
    assert top_up.result.text() == ""
    QTest.keyClicks(top_up, code)
    QTest.keyClick(top_up, Qt.Key.Key_Return)
    await han.until(lambda: not top_up.view_model.sending and top_up.result.text() != "")
    return top_up.result.text()


async def test_a_vended_code_typed_on_the_keypad_adds_credit_once(
    emulated_han: OpenEmulatedHan, kit: type[Kit]
) -> None:
    async with _ppmid(emulated_han, kit, "4.32") as han:
        balance = han.shell.page_for("balance")
        await han.until(lambda: bool(balance.cards) and balance.cards[0].balance.text() == "£4.32")
        code = kit.vend(han.home, 1, pounds=10)

        top_up = han.shell.page_for("top_up")
        han.shell.go_to("top_up")
        for digit in code[:8]:  # the big keypad, by touch
            QTest.mouseClick(top_up.keypad.buttons[digit], Qt.MouseButton.LeftButton)
        assert top_up.code.text().startswith(code[:4] + " " + code[4:8] + " ____")
        QTest.keyClicks(top_up, code[8:])  # and the keyboard
        assert top_up.view_model.entry.grouped == " ".join(code[i : i + 4] for i in range(0, 20, 4))
        assert top_up.send.isEnabled()
        QTest.mouseClick(top_up.send, Qt.MouseButton.LeftButton)
        await han.until(lambda: "added" in top_up.result.text())
        expected = _pounds(han.home.esme.prepay.engine.balance)
        assert top_up.result.text() == f"£10.00 added – new balance {expected}"

        han.shell.go_to("balance")
        await han.until(lambda: balance.cards[0].balance.text() == expected)

        assert await _type(han, han.shell, code) == "This code has already been used"


async def test_wrong_codes_lock_the_keypad_until_an_hour_has_passed(
    emulated_han: OpenEmulatedHan, kit: type[Kit]
) -> None:
    async with _ppmid(emulated_han, kit, "4.32") as han:
        good = kit.vend(han.home, 1, pounds=5)
        mistyped = good[:-1] + str((int(good[-1]) + 1) % 10)
        for _ in range(6):  # caught on the display: the meter never counts them
            assert await _type(han, han.shell, mistyped) == (
                "That code isn't right – please check the digits"
            )
        for _ in range(5):
            assert (
                await _type(han, han.shell, kit.forged(good)) == "This code is not for this meter"
            )
        locked = await _type(han, han.shell, good)
        assert locked.startswith("Too many wrong codes – try again at about ")
        for _ in range(361):  # an hour on the home's clock
            han.home.step()
        assert (await _type(han, han.shell, good)).startswith("£5.00 added – new balance ")


async def test_a_disconnected_supply_is_topped_up_and_held_back_on(
    emulated_han: OpenEmulatedHan, kit: type[Kit]
) -> None:
    async with _ppmid(emulated_han, kit, "0.30", emergency_credit_limit=0) as han:
        card_supply = lambda: han.shell.page_for("balance").cards[0].lines["supply"].text()  # noqa: E731
        await han.until(lambda: bool(han.shell.page_for("balance").cards))
        assert card_supply() == "Supply: on"
        steps = 0
        while han.home.esme.supply_status != 0:
            han.home.step()
            steps += 1
            assert steps < 8640, "credit never ran out"
        await han.until(  # a day of reports in one burst: give a loaded machine time
            lambda: card_supply() == "Supply: off – credit has run out; please top up", 30
        )
        assert han.shell.alarm.isVisible()  # low credit, and the alarm says so
        assert not han.shell.page_for("balance").cards[0].supply.isVisible()

        assert (await _type(han, han.shell, kit.vend(han.home, 1, pounds=10))).startswith(
            "£10.00 added"
        )
        han.shell.go_to("balance")
        await han.until(lambda: card_supply() == "Supply: off – ready to turn back on")
        balance = han.shell.page_for("balance")
        assert balance.cards[0].supply.isVisible()
        assert balance.cards[0].supply.words() == "Turn electricity on"
        QTest.mouseClick(balance.cards[0].supply, Qt.MouseButton.LeftButton)
        assert han.shell.current_key() == "supply"
        supply = han.shell.page_for("supply")
        assert "heaters, cookers and irons are switched off" in supply.safety.text()

        QTest.mousePress(supply.hold, Qt.MouseButton.LeftButton)
        await han.until(lambda: 0 < supply.hold.progress < 1, timeout_s=1)
        assert han.home.esme.supply_status == 1  # still armed while held
        await han.until(lambda: supply.result.text() == "Your supply is on.", timeout_s=5)
        QTest.mouseRelease(supply.hold, Qt.MouseButton.LeftButton)
        assert han.home.esme.supply_status == 2
        han.shell.go_to("balance")
        await han.until(lambda: card_supply() == "Supply: on")


async def test_letting_go_early_does_not_turn_the_supply_on(
    emulated_han: OpenEmulatedHan, kit: type[Kit]
) -> None:
    async with _ppmid(emulated_han, kit, "10.00") as han:
        from home_emulator.supplier.wan import SupplierWan

        wan = SupplierWan(han.home)
        wan.disable_supply()
        wan.arm_supply()
        han.home.step()  # the meter reports its supply at its next step
        await han.until(lambda: han.shell.page_for("supply").view_model.armed() is not None)
        han.shell.go_to("supply")
        supply = han.shell.page_for("supply")
        QTest.mousePress(supply.hold, Qt.MouseButton.LeftButton)
        await han.until(lambda: supply.hold.progress > 0.2, timeout_s=2)
        QTest.mouseRelease(supply.hold, Qt.MouseButton.LeftButton)
        assert supply.hold.progress == 0
        assert supply.result.text() == ""
        assert han.home.esme.supply_status == 1
