"""The credit engine: GB top-up order, emergency credit, friendly hours, disconnection."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from home_emulator.metering.credit_engine import (
    CreditEngine,
    CreditSettings,
    EmergencyCredit,
    FriendlyHours,
    units,
)

LONDON = ZoneInfo("Europe/London")
TUESDAY_NOON = datetime(2026, 1, 13, 12, 0, tzinfo=LONDON).timestamp()
TUESDAY_NIGHT = datetime(2026, 1, 13, 23, 0, tzinfo=LONDON).timestamp()
SATURDAY_NOON = datetime(2026, 1, 17, 12, 0, tzinfo=LONDON).timestamp()


def _engine(balance: str = "10.00", **settings: Any) -> CreditEngine:
    return CreditEngine(CreditSettings(**settings), balance=units(balance), zone=LONDON)


def test_spending_below_the_threshold_offers_emergency_credit_which_must_be_activated() -> None:
    engine = _engine("1.50")
    # Read into names: asserting the attribute itself would fix its type for mypy, and it changes.
    at_first = engine.emergency_credit
    assert at_first is EmergencyCredit.NOT_AVAILABLE
    engine.charge(units("0.60"), TUESDAY_NOON)
    offered = engine.emergency_credit
    assert offered is EmergencyCredit.AVAILABLE
    assert engine.low_credit
    engine.charge(units("0.90"), TUESDAY_NOON)
    assert engine.should_disconnect(TUESDAY_NOON)  # nothing left and emergency credit not taken
    assert engine.activate_emergency_credit()
    assert not engine.should_disconnect(TUESDAY_NOON)
    engine.charge(units("5.00"), TUESDAY_NOON)
    assert engine.emergency_credit is EmergencyCredit.EXHAUSTED
    assert engine.should_disconnect(TUESDAY_NOON)


def test_friendly_hours_never_disconnect_but_the_balance_goes_below_zero() -> None:
    engine = _engine("0.20", emergency_credit_limit=0)
    engine.charge(units("1.00"), TUESDAY_NIGHT)
    assert engine.balance == units("-0.80")
    assert engine.in_friendly_credit
    assert not engine.should_disconnect(TUESDAY_NIGHT)
    assert not engine.should_disconnect(SATURDAY_NOON)
    assert engine.should_disconnect(TUESDAY_NOON)
    holiday = FriendlyHours(holidays=frozenset({datetime(2026, 1, 13).date()}))
    assert holiday.includes(datetime(2026, 1, 13, 12, 0, tzinfo=LONDON))


def test_a_top_up_pays_debts_then_emergency_credit_then_the_balance() -> None:
    engine = CreditEngine(
        CreditSettings(payment_debt_share=Decimal("0.25")),
        balance=units("0.50"),
        zone=LONDON,
        accumulated_debt=units("3.00"),
        payment_debt=units("10.00"),
    )
    engine.charge(units("0.10"), TUESDAY_NOON)
    engine.activate_emergency_credit()
    engine.charge(units("2.40"), TUESDAY_NOON)  # 0.40 from the balance, 2.00 of emergency credit
    applied = engine.top_up(units("10.00"))
    assert applied.payment_debt == units("2.50")
    assert applied.accumulated_debt == units("3.00")
    assert applied.emergency_credit_repaid == units("2.00")
    assert applied.balance == units("2.50")
    assert engine.balance == units("2.50")
    assert engine.emergency_credit_remaining == units("5.00")
    assert engine.payment_debt == units("7.50")


def test_standing_charge_and_time_debt_are_taken_each_night() -> None:
    engine = CreditEngine(
        CreditSettings(time_debt_recovery_per_day=units("0.50")),
        balance=units("10.00"),
        zone=LONDON,
        time_debt=units("0.70"),
    )
    engine.end_of_day(TUESDAY_NIGHT, units("0.60"))
    assert engine.balance == units("8.90")
    assert engine.time_debt == units("0.20")
    engine.end_of_day(TUESDAY_NIGHT, units("0.60"))
    assert engine.time_debt == 0
    assert engine.balance == units("8.10")


def test_maximum_credit_is_respected() -> None:
    engine = _engine("240.00", max_credit_limit=units("250.00"))
    assert engine.room_for(units("10.00"))
    assert not engine.room_for(units("10.01"))
