"""PPMID test set-up: English back after every test, prepayment homes and codes for them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from han.clusters.prepayment import CreditStatus, PrepaymentAlarm
from han.domain.credit import PaymentMode, SupplyState
from han.model import HomeModel, Measured, MeterKey
from tests.vending import vend

if TYPE_CHECKING:  # the emulator is imported by the tests that open one
    pass

NOW = 1_780_000_000.0
NO_ALARMS = PrepaymentAlarm(0)
ESME = MeterKey("0d:6f:00:00:00:00:00:01", 1)
WEEKDAY_MORNING = datetime(2026, 1, 13, 11, 0, tzinfo=ZoneInfo("Europe/London")).timestamp()


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        from app.ui import i18n

        i18n.use_language("en")


def prepay_model(
    balance: str = "4.32",
    *,
    flags: CreditStatus = CreditStatus.CREDIT_OK,
    alarms: PrepaymentAlarm = NO_ALARMS,
    supply: SupplyState = SupplyState.ON,
    emergency: str = "5.00",
    limit: str = "5.00",
    debt: str = "0.00",
    at: float = NOW - 5,
) -> HomeModel:
    """An electricity meter in prepayment, as the model holds it after the link has read it."""
    model = HomeModel()
    meter = model.meter(ESME)
    credit = meter.credit
    credit.mode = Measured(PaymentMode.PREPAYMENT, at)
    credit.balance_gbp = Measured(Decimal(balance), at)
    credit.emergency_credit_gbp = Measured(Decimal(emergency), at)
    credit.emergency_credit_limit_gbp = Measured(Decimal(limit), at)
    credit.debt_gbp = Measured(Decimal(debt), at)
    credit.low_credit_warning_gbp = Measured(Decimal("2.00"), at)
    credit.flags = Measured(flags, at)
    credit.alarms = Measured(alarms, at)
    meter.supply = Measured(supply, at)
    model.mark_connected()
    return model


def forged(code: str) -> str:
    """A code with a correct check digit whose signature is wrong: only the meter can tell."""
    from han.formats.utrn import check_digit

    body = code[:10] + str((int(code[10]) + 1) % 10) + code[11:19]
    return body + str(check_digit(body))


class Kit:
    """The helpers above, for test modules (which cannot import this conftest)."""

    NOW = NOW
    ESME = ESME
    WEEKDAY_MORNING = WEEKDAY_MORNING
    prepay_model = staticmethod(prepay_model)
    vend = staticmethod(vend)
    forged = staticmethod(forged)


@pytest.fixture
def kit() -> type[Kit]:
    return Kit
