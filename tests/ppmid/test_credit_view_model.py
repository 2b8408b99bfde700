"""The balance page in words: balance, days left, emergency credit, debt, supply."""

from __future__ import annotations

from decimal import Decimal

from han.clusters.prepayment import CreditStatus, PrepaymentAlarm
from han.domain.credit import DebtRate, Recovery, SupplyState
from han.domain.history import PeriodFigures
from han.model import HomeModel, Measured
from ppmid.view_models.credit import CreditViewModel
from tests.ppmid.conftest import Kit


def _spending(kit: type[Kit], model: HomeModel, *days: str) -> None:
    spends = tuple(Decimal(day) for day in days)
    model.meter(kit.ESME).history.cost_gbp = Measured(
        PeriodFigures(None, spends, None, (), None, ()), kit.NOW
    )


def test_a_meter_in_credit_is_worded(kit: type[Kit]) -> None:
    fuel = CreditViewModel(kit.prepay_model("4.32")).page().fuels[0]
    assert fuel.fuel == "Electricity"
    assert fuel.balance == "£4.32"
    assert fuel.days_left == "Days left: not known yet"
    assert fuel.emergency_credit == "Emergency credit: £5.00 when your credit runs low"
    assert fuel.debt == "No debt"
    assert fuel.supply == "Supply: on"
    assert fuel.friendly_credit == ""
    assert not fuel.low
    assert not fuel.can_use_emergency_credit


def test_days_left_come_from_recent_daily_costs(kit: type[Kit]) -> None:
    model = kit.prepay_model("10.00")
    _spending(kit, model, "2.00", "3.00", "2.50")  # £2.50 a day
    assert (
        CreditViewModel(model).page().fuels[0].days_left == "About 4 days left at your recent use"
    )
    model.meter(kit.ESME).credit.balance_gbp = Measured(Decimal("3.00"), kit.NOW)
    assert CreditViewModel(model).page().fuels[0].days_left == "About 1 day left at your recent use"
    model.meter(kit.ESME).credit.balance_gbp = Measured(Decimal("1.00"), kit.NOW)
    assert (
        CreditViewModel(model).page().fuels[0].days_left
        == "Less than a day left at your recent use"
    )


def test_low_credit_with_emergency_credit_offered(kit: type[Kit]) -> None:
    flags = CreditStatus.LOW_CREDIT | CreditStatus.EMERGENCY_CREDIT_AVAILABLE
    fuel = CreditViewModel(kit.prepay_model("0.80", flags=flags)).page().fuels[0]
    assert fuel.low
    assert fuel.can_use_emergency_credit
    assert fuel.emergency_credit == "Emergency credit available: £5.00"
    assert fuel.emergency_credit_amount == "£5.00"


def test_emergency_credit_in_use_debt_and_friendly_credit(kit: type[Kit]) -> None:
    flags = CreditStatus.EMERGENCY_CREDIT_IN_USE | CreditStatus.CREDIT_EXHAUSTED
    model = kit.prepay_model(
        "0.00",
        flags=flags,
        emergency="3.20",
        debt="12.50",
        alarms=PrepaymentAlarm.FRIENDLY_CREDIT_IN_USE,
    )
    fuel = CreditViewModel(model).page().fuels[0]
    assert fuel.emergency_credit == "Using emergency credit: £3.20 left"
    assert fuel.debt == "Debt £12.50"  # the meter has not said how it is repaid
    assert fuel.friendly_credit.startswith("Friendly credit:")
    assert not fuel.can_use_emergency_credit


def test_the_supply_off_and_armed(kit: type[Kit]) -> None:
    off = kit.prepay_model(
        "0.00",
        limit="0.00",
        emergency="0.00",
        supply=SupplyState.OFF,
        alarms=PrepaymentAlarm.DISCONNECTED_FOR_CREDIT,
    )
    fuel = CreditViewModel(off).page().fuels[0]
    assert fuel.supply == "Supply: off – credit has run out; please top up"
    assert fuel.emergency_credit == "No emergency credit"
    assert not fuel.supply_armed
    armed = kit.prepay_model("10.00", supply=SupplyState.ARMED)
    fuel = CreditViewModel(armed).page().fuels[0]
    assert fuel.supply == "Supply: off – ready to turn back on"
    assert fuel.supply_armed


def test_before_the_meter_is_heard_and_in_credit_mode(kit: type[Kit]) -> None:
    assert CreditViewModel(HomeModel()).page().notice == "Looking for your meter…"
    model = kit.prepay_model()
    from han.domain.credit import PaymentMode

    model.meter(kit.ESME).credit.mode = Measured(PaymentMode.CREDIT, kit.NOW)
    page = CreditViewModel(model).page()
    assert page.fuels == ()
    assert "not in prepayment" in page.notice


def test_the_debt_says_how_fast_it_is_repaid(kit: type[Kit]) -> None:
    model = kit.prepay_model("10.00", debt="85.20")
    credit = model.meter(kit.ESME).credit
    credit.recovery = Measured(Recovery(Decimal("0.50"), DebtRate.DAY), kit.NOW)
    assert CreditViewModel(model).page().fuels[0].debt == "Debt £85.20, repaid at £3.50 a week"
    credit.recovery = Measured(Recovery(Decimal("15.00"), DebtRate.MONTH), kit.NOW)
    assert CreditViewModel(model).page().fuels[0].debt == "Debt £85.20, repaid at £3.45 a week"
    credit.recovery = Measured(Recovery(top_up_percent=Decimal("25")), kit.NOW)
    assert (
        CreditViewModel(model).page().fuels[0].debt == "Debt £85.20, repaid from 25% of each top-up"
    )
    credit.recovery = Measured(Recovery(Decimal("3.50"), DebtRate.WEEK, Decimal("12.5")), kit.NOW)
    assert (
        CreditViewModel(model).page().fuels[0].debt
        == "Debt £85.20, repaid at £3.50 a week and 12.5% of each top-up"
    )
