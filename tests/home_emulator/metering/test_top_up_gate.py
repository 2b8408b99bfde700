"""The ESME in prepayment mode: top-up codes, disconnection and re-enable, through the meter's
own rules and over the air."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from han.formats.utrn import encode_utrn
from home_emulator.devices.esme import (
    SUPPLIER_ORIGINATOR,
    SUPPLY_ARMED,
    SUPPLY_OFF,
    SUPPLY_ON,
    supplier_key,
)
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.metering.credit_engine import (
    CreditEngine,
    CreditSettings,
    PrepaymentStart,
    units,
)
from home_emulator.metering.top_up_gate import TopUpResult, derived_key
from home_emulator.supplier.wan import SupplierWan
from tests.conftest import OpenEmulatedHan
from tests.vending import vend
from tests.zigbee_device import zigbee_device

LONDON = ZoneInfo("Europe/London")
WEEKDAY_MORNING = datetime(2026, 1, 13, 11, 0, tzinfo=LONDON).timestamp()


def _engine(home: EmulatedHome) -> CreditEngine:
    engine = home.esme.prepay.engine
    assert engine is not None, "the meter is not on prepayment"
    return engine


def _prepay_home(balance: str = "10.00", **settings: Any) -> EmulatedHome:
    start = PrepaymentStart(balance=units(balance), settings=CreditSettings(**settings))
    home = EmulatedHome(
        HomeSpec(start_epoch_s=WEEKDAY_MORNING, history_days=1, electricity_prepayment=start)
    )
    home.power_on()
    return home


def test_a_vended_code_adds_credit_once() -> None:
    home = _prepay_home("4.00")
    code = vend(home, 1, pounds=10)
    assert home.esme.prepay.top_up(code) == (TopUpResult.ACCEPTED, 1000)
    assert home.esme.prepayment.get("credit_remaining") == 1400
    assert home.esme.prepay.top_up(code) == (TopUpResult.DUPLICATE, 0)
    assert home.esme.prepayment.get("credit_remaining") == 1400
    home.close()


def test_wrong_codes_are_invalid_and_five_lock_the_keypad_for_an_hour() -> None:
    home = _prepay_home()
    good = vend(home, 1, pennies=500)
    wrong = good[:-1] + str((int(good[-1]) + 1) % 10)
    for _ in range(4):
        assert home.esme.prepay.top_up(wrong)[0] == TopUpResult.INVALID
    assert home.esme.prepay.top_up(wrong)[0] == TopUpResult.INVALID  # the fifth locks
    assert home.esme.prepay.top_up(good)[0] == TopUpResult.KEYPAD_LOCKED
    for _ in range(361):  # an hour later the good code works
        home.step()
    assert home.esme.prepay.top_up(good) == (TopUpResult.ACCEPTED, 500)
    home.close()


def test_limits_refuse_too_much_credit() -> None:
    home = _prepay_home(
        "245.00", max_credit_limit=units("250.00"), max_credit_per_top_up=units("50.00")
    )
    assert home.esme.prepay.top_up(vend(home, 1, pounds=60))[0] == TopUpResult.TOO_LARGE
    assert home.esme.prepay.top_up(vend(home, 2, pounds=10))[0] == TopUpResult.MAX_CREDIT_REACHED
    assert home.esme.prepay.top_up(vend(home, 3, pounds=5))[0] == TopUpResult.ACCEPTED
    home.close()


def test_smets1_mode_refuses_codes_not_in_whole_pounds() -> None:
    home = _prepay_home()
    home.esme.prepay.gate.smets1 = True
    assert home.esme.prepay.top_up(vend(home, 1, pennies=1234))[0] == TopUpResult.NOT_WHOLE_POUNDS
    assert home.esme.prepay.top_up(vend(home, 2, pennies=1200))[0] == TopUpResult.ACCEPTED
    home.close()


def test_running_out_disconnects_and_a_top_up_arms_for_the_household_to_enable() -> None:
    home = _prepay_home("0.30", emergency_credit_limit=0)
    steps = 0
    while home.esme.supply_status == SUPPLY_ON:
        home.step()
        steps += 1
        assert steps < 8640, "credit never ran out"
    assert home.esme.supply_status == SUPPLY_OFF
    assert _engine(home).disconnected
    assert home.esme.prepayment.get("prepayment_alarm_status") & 0x0100
    assert home.esme.prepay.top_up(vend(home, 1, pounds=10))[0] == TopUpResult.ACCEPTED
    assert home.esme.supply_status == SUPPLY_ARMED
    home.esme.enable_supply_locally()
    assert home.esme.supply_status == SUPPLY_ON
    home.close()


def test_consumption_costs_come_off_the_balance_exactly() -> None:
    home = _prepay_home("20.00")
    cost_before = home.esme.registers.cost.reading
    balance_before = _engine(home).balance
    for _ in range(360):
        home.step()
    spent = home.esme.registers.cost.reading - cost_before
    assert spent > 0
    assert _engine(home).balance == balance_before - spent
    home.close()


def test_the_supplier_can_switch_payment_mode_and_add_credit() -> None:
    home = EmulatedHome(HomeSpec(start_epoch_s=WEEKDAY_MORNING, history_days=1))
    wan = SupplierWan(home)
    assert home.esme.prepayment.get("payment_control_configuration") == 0x0C94
    wan.set_payment_mode(PrepaymentStart(balance=units("1.00")))
    assert home.esme.prepayment.get("payment_control_configuration") == 0x0C97
    wan.add_credit(Decimal("5.00"))
    assert home.esme.prepayment.get("credit_remaining") == 600
    wan.set_payment_mode(None)
    with pytest.raises(ValueError, match="credit mode"):
        wan.add_credit(Decimal("5.00"))
    home.close()


async def test_a_ppmid_tops_up_over_the_air(emulated_han: OpenEmulatedHan) -> None:
    start = PrepaymentStart(balance=units("2.00"))
    async with emulated_han(electricity_prepayment=start) as han:
        await han.meter_ready()
        prepayment = (
            zigbee_device(han.radio, han.home.esme.node.ieee).endpoints[1].smartenergy_prepayment
        )
        code = vend(han.home, 1, pounds=10)
        response = await prepayment.consumer_top_up(originating_device=2, top_up_code=code.encode())
        assert response.result_type == TopUpResult.ACCEPTED
        assert response.top_up_value == 1000
        assert response.credit_remaining == han.home.esme.prepayment.get("credit_remaining")
        again = await prepayment.consumer_top_up(originating_device=2, top_up_code=code.encode())
        assert again.result_type == TopUpResult.DUPLICATE
        success, _ = await prepayment.read_attributes(
            ["credit_remaining", "payment_control_configuration"]
        )
        assert success["credit_remaining"] >= 1100


def test_no_code_is_credited_twice_however_many_newer_codes_were_used() -> None:
    """The counter cache keeps 100 counters; a code older than all of them is refused too, so a
    replay of any of 150 used codes credits nothing (issue: one £10 code credited six times)."""
    home = _prepay_home("0.00", max_credit_limit=units("999.00"))
    codes = [vend(home, step, pennies=1) for step in range(1, 151)]
    for code in codes:
        assert home.esme.prepay.top_up(code) == (TopUpResult.ACCEPTED, 1)
    credit = home.esme.prepayment.get("credit_remaining")
    for code in codes:
        assert home.esme.prepay.top_up(code) == (TopUpResult.DUPLICATE, 0)
    assert home.esme.prepayment.get("credit_remaining") == credit
    assert home.esme.prepay.top_up(vend(home, 151, pennies=1)) == (TopUpResult.ACCEPTED, 1)
    home.close()


def test_a_code_for_another_meter_is_not_for_this_meter_however_old() -> None:
    home = _prepay_home("0.00", max_credit_limit=units("999.00"))
    for step in range(11, 111):
        assert home.esme.prepay.top_up(vend(home, step, pennies=1))[0] == TopUpResult.ACCEPTED
    foreign = encode_utrn(  # vended for another home's meter, older than every counter here
        supplier_private_key=supplier_key(),
        meter_public_key=derived_key("another home", "esme").public_key(),
        originator=SUPPLIER_ORIGINATOR,
        target=bytes.fromhex("00DB1234567890A1"),
        counter=1 << 32,
        pennies=1,
    )
    assert home.esme.prepay.top_up(foreign) == (TopUpResult.INVALID, 0)
    home.close()
