"""Prepayment through the air: the model's credit follows the meter, and the consumer's commands
come back as answers a screen can explain."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from han.domain.credit import (
    PaymentMode,
    SupplyAnswer,
    SupplyState,
    TopUpOutcome,
    predicted_days_left,
)
from han.links.prepayment_link import PrepaymentLink
from home_emulator.metering.credit_engine import (
    CreditEngine,
    CreditSettings,
    PrepaymentStart,
    units,
)
from home_emulator.supplier.wan import SupplierWan
from tests.conftest import EmulatedHan, OpenEmulatedHan
from tests.value_of import value_of
from tests.vending import vend

WEEKDAY_MORNING = datetime(2026, 1, 13, 11, 0, tzinfo=ZoneInfo("Europe/London")).timestamp()


def _engine(han: EmulatedHan) -> CreditEngine:
    engine = han.home.esme.prepay.engine
    assert engine is not None, "the meter is not on prepayment"
    return engine


def _link(han: EmulatedHan) -> PrepaymentLink:
    return next(
        link.prepayment
        for link in han.session.links.values()
        if link.prepayment is not None and link.meter.credit.in_prepayment
    )


async def test_credit_reaches_the_model_and_a_top_up_is_explained(
    emulated_han: OpenEmulatedHan,
) -> None:
    start = PrepaymentStart(balance=units("4.32"))
    async with emulated_han(start_epoch_s=WEEKDAY_MORNING, electricity_prepayment=start) as han:
        await han.meter_ready()
        link = _link(han)
        credit = link.meter.credit
        assert credit.mode is not None
        assert credit.mode.value is PaymentMode.PREPAYMENT
        assert credit.balance_gbp is not None
        assert credit.balance_gbp.value == Decimal("4.32")
        assert credit.emergency_credit_limit_gbp is not None
        assert credit.emergency_credit_limit_gbp.value == Decimal("5.00")
        answer = await link.top_up(vend(han.home, 1, pounds=10))
        assert answer.outcome is TopUpOutcome.ACCEPTED
        assert answer.added_gbp == Decimal("10.00")
        assert answer.balance_gbp == _engine(han).balance // 100 / Decimal(100)
        again = await link.top_up(vend(han.home, 1, pounds=10))
        assert again.outcome is TopUpOutcome.ALREADY_USED
        nonsense = await link.top_up("1234 5678 9012 3456 7890")
        assert nonsense.outcome is TopUpOutcome.INVALID


async def test_spending_is_reported_and_emergency_credit_can_be_activated(
    emulated_han: OpenEmulatedHan,
) -> None:
    start = PrepaymentStart(balance=units("1.02"), settings=CreditSettings())
    async with emulated_han(start_epoch_s=WEEKDAY_MORNING, electricity_prepayment=start) as han:
        await han.meter_ready()
        link = _link(han)
        while _engine(han).balance >= units("1.00"):
            han.home.step()
        await han.until(
            lambda: (
                link.meter.credit.balance_gbp is not None
                and link.meter.credit.balance_gbp.value < Decimal("1.00")
            )
        )
        await han.until(lambda: link.meter.credit.emergency_credit_available)
        assert await link.activate_emergency_credit()
        await han.until(lambda: link.meter.credit.emergency_credit_in_use)


async def test_an_armed_supply_is_enabled_from_the_display(emulated_han: OpenEmulatedHan) -> None:
    start = PrepaymentStart(balance=units("10.00"))
    async with emulated_han(start_epoch_s=WEEKDAY_MORNING, electricity_prepayment=start) as han:
        await han.meter_ready()
        link = _link(han)
        wan = SupplierWan(han.home)
        wan.disable_supply()
        assert await link.enable_supply() is SupplyAnswer.NOT_ARMED
        wan.arm_supply()
        await link.refresh()
        assert value_of(link.meter.supply) is SupplyState.ARMED
        assert await link.enable_supply() is SupplyAnswer.ON
        assert value_of(link.meter.supply) is SupplyState.ON


def test_days_left_from_recent_spending() -> None:
    assert predicted_days_left(
        Decimal("10.00"), [Decimal("2.00"), Decimal("3.00"), None]
    ) == Decimal("4.0")
    assert predicted_days_left(Decimal("10.00"), []) is None
    assert predicted_days_left(Decimal("-1.00"), [Decimal("2.00")]) == Decimal("0")
