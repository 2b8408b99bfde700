"""The PPMID with electricity and gas both on prepayment, through the emulated air: balances side
by side, a code sent to the meter it was made for, the gas valve that only the gas meter's button
reopens, emergency credit per fuel, and the debt's repayment rate."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from home_emulator.metering.credit_engine import CreditSettings, PrepaymentStart, units
from home_emulator.metering.registers import HALF_HOUR_S
from home_emulator.metering.supply_switch import SUPPLY_ARMED, SUPPLY_OFF, SUPPLY_ON
from home_emulator.metering.top_up_gate import MeterKeys
from ppmid.balance_screen import BalanceScreen, FuelCard
from ppmid.shell import PpmidShell
from ppmid.top_up_screen import TopUpScreen
from tests.conftest import EmulatedHan, OpenEmulatedHan
from tests.ppmid.conftest import Kit
from tests.ppmid.page_of import page_of
from tests.ppmid.ppmid_window import ppmid_on


def _code(keys: MeterKeys, step: int, pounds: int) -> str:
    from han.formats.utrn import encode_utrn
    from home_emulator.devices.esme import SUPPLIER_ORIGINATOR, supplier_key

    return encode_utrn(
        supplier_private_key=supplier_key(),
        meter_public_key=keys.meter_private_key.public_key(),
        originator=SUPPLIER_ORIGINATOR,
        target=keys.target,
        counter=step << 32,
        pounds=pounds,
    )


@contextlib.asynccontextmanager
async def _dual_fuel_ppmid(
    emulated_han: OpenEmulatedHan, kit: type[Kit], gas: PrepaymentStart
) -> AsyncIterator[Any]:
    electricity = PrepaymentStart(
        balance=units("12.00"),
        settings=CreditSettings(time_debt_recovery_per_day=units("0.50")),
        time_debt=units("85.20"),
    )
    async with emulated_han(
        start_epoch_s=kit.WEEKDAY_MORNING,
        electricity_prepayment=electricity,
        gas_prepayment=gas,
    ) as han:
        await han.meter_ready()
        with ppmid_on(han) as shell:
            balance = page_of(shell, "balance", BalanceScreen)
            await han.until(lambda: len([c for c in balance.cards if c.isVisible()]) == 2)
            yield han


def _cards(shell: PpmidShell) -> tuple[FuelCard, FuelCard]:
    cards = page_of(shell, "balance", BalanceScreen).cards
    assert [card.fuel.text() for card in cards] == ["Electricity", "Gas"]
    return cards[0], cards[1]


async def _type(han: EmulatedHan, shell: PpmidShell, code: str) -> str:
    top_up = page_of(shell, "top_up", TopUpScreen)
    shell.go_to("top_up")
    QTest.keyClick(top_up, Qt.Key.Key_Delete)
    QTest.keyClicks(top_up, code)
    QTest.keyClick(top_up, Qt.Key.Key_Return)
    await han.until(lambda: not top_up.view_model.sending and top_up.result.text() != "")
    return top_up.result.text()


async def test_gas_runs_out_is_topped_up_from_the_keypad_and_comes_on_at_the_gas_meter(
    emulated_han: OpenEmulatedHan, kit: type[Kit]
) -> None:
    gas = PrepaymentStart(balance=units("0.40"), settings=CreditSettings(emergency_credit_limit=0))
    async with _dual_fuel_ppmid(emulated_han, kit, gas) as han:
        electricity_card, gas_card = _cards(han.shell)
        assert gas_card.balance.text() == "£0.40"
        assert electricity_card.lines["debt"].text() == "Debt £85.20, repaid at £3.50 a week"
        home = han.home

        for _ in range(8640):  # credit runs out on the virtual clock, outside friendly hours
            if home.gas.supply_status == SUPPLY_OFF:
                break
            home.step()
        assert home.gas.supply_status == SUPPLY_OFF
        assert electricity_card.lines["supply"].text() == "Supply: on"
        while home.now_s % HALF_HOUR_S:  # the gas meter wakes and tells the mirror
            home.step()
        await han.until(  # hours of reports in one burst: give a loaded machine time
            lambda: (
                gas_card.lines["supply"].text() == "Supply: off – credit has run out; please top up"
            ),
            30,
        )

        top_up = han.shell.page_for("top_up")
        han.shell.go_to("top_up")
        buttons = top_up.fuel_buttons
        assert [button.words() for button in buttons.values()] == ["✓ Electricity", "Gas"]
        electricity_before = home.esme.prepay.engine.balance
        result = await _type(
            han, han.shell, _code(home.gas.keys, 1, 10)
        )  # a gas code, electricity chosen
        gas_balance = f"£{Decimal(home.gas.prepay.engine.balance // 100) / 100:,.2f}"
        assert result == (
            "This code was for your gas meter, so it was sent there. "
            f"£10.00 added to your gas – new gas balance {gas_balance}"
        )
        assert home.esme.prepay.engine.balance <= electricity_before  # nothing added there
        assert [button.words() for button in buttons.values()] == ["Electricity", "✓ Gas"]
        assert home.gas.supply_status == SUPPLY_ARMED  # credit back: the meter re-armed

        han.shell.go_to("balance")
        await han.until(
            lambda: (
                gas_card.lines["supply"].text()
                == "Supply: off – ready; turn it back on at the gas meter"
            )
        )
        assert gas_card.supply.isVisible()
        assert gas_card.supply.words() == "Turn gas on"
        assert not electricity_card.supply.isVisible()
        QTest.mouseClick(gas_card.supply, Qt.MouseButton.LeftButton)
        supply = han.shell.page_for("supply")
        assert han.shell.current_key() == "supply"
        assert supply.heading.text() == "Turn your gas back on"
        assert "gas cooker" in supply.safety.text()
        QTest.mousePress(supply.hold, Qt.MouseButton.LeftButton)
        await han.until(lambda: bool(supply.result.text()) and not supply.view_model.sending, 5)
        QTest.mouseRelease(supply.hold, Qt.MouseButton.LeftButton)
        assert supply.result.text() == (
            "Gas can only be turned back on at the gas meter – press its button."
        )
        assert home.gas.supply_status == SUPPLY_ARMED  # the PPMID could not, and did not

        home.gas.press_button()  # someone at the gas meter
        home.step()
        han.shell.go_to("balance")
        await han.until(lambda: gas_card.lines["supply"].text() == "Supply: on")
        assert not gas_card.supply.isVisible()
        assert home.gas.supply_status == SUPPLY_ON


async def test_a_code_goes_to_the_meter_it_was_made_for_whichever_is_chosen(
    emulated_han: OpenEmulatedHan, kit: type[Kit]
) -> None:
    gas = PrepaymentStart(balance=units("5.00"))
    async with _dual_fuel_ppmid(emulated_han, kit, gas) as han:
        home = han.home
        top_up = han.shell.page_for("top_up")
        han.shell.go_to("top_up")
        gas_key = next(key for key in top_up.fuel_buttons if key.endpoint_id == 2)
        QTest.mouseClick(top_up.fuel_buttons[gas_key], Qt.MouseButton.LeftButton)
        assert top_up.view_model.target() == gas_key
        result = await _type(han, han.shell, _code(home.gas.keys, 1, 5))
        assert result.startswith("£5.00 added to your gas – new gas balance ")
        result = await _type(
            han, han.shell, _code(home.esme.keys, 1, 5)
        )  # gas chosen, electricity code
        assert result.startswith(
            "This code was for your electricity meter, so it was sent there. "
            "£5.00 added to your electricity – new electricity balance "
        )
        assert (
            await _type(han, han.shell, _code(home.esme.keys, 1, 5))
            == "This code has already been used"
        )
        assert await _type(han, han.shell, kit.forged(_code(home.esme.keys, 2, 5))) == (
            "This code is not for your electricity or gas meter"
        )


async def test_emergency_credit_is_offered_and_used_per_fuel(
    emulated_han: OpenEmulatedHan, kit: type[Kit]
) -> None:
    gas = PrepaymentStart(balance=units("0.90"))  # below the £1.00 threshold: offered at once
    async with _dual_fuel_ppmid(emulated_han, kit, gas) as han:
        electricity_card, gas_card = _cards(han.shell)
        await han.until(lambda: gas_card.emergency.isVisible())
        assert not electricity_card.emergency.isVisible()
        assert gas_card.emergency.words() == "Emergency credit £5.00"
        QTest.mouseClick(gas_card.emergency, Qt.MouseButton.LeftButton)
        emergency = han.shell.page_for("emergency")
        assert "emergency credit for your gas" in emergency.explanation.text()
        QTest.mouseClick(emergency.confirm, Qt.MouseButton.LeftButton)
        await han.until(lambda: bool(emergency.result.text()))
        assert emergency.result.text().startswith("Emergency credit is on.")
        assert han.home.gas.prepay.engine.emergency_credit.name == "ACTIVE"
        assert han.home.esme.prepay.engine.emergency_credit.name == "NOT_AVAILABLE"
        han.shell.go_to("balance")
        await han.until(lambda: gas_card.lines["emergency_credit"].text().startswith("Using"))
