"""Prepayment as a display understands it: credit, emergency credit, debt, supply – Qt-free.

Values come from the meter's Prepayment cluster (in pence) and its Metering supply status; every one
is ``Measured`` so a screen never shows an old balance as current.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from han.clusters.prepayment import CreditStatus, PrepaymentAlarm
from han.measured import Measured

PREPAYMENT_ENABLED_BIT = 0x0002
"""PaymentControlConfiguration bit 1: the meter is in prepayment mode."""


class PaymentMode(enum.Enum):
    CREDIT = "credit"
    PREPAYMENT = "prepayment"


class SupplyState(enum.IntEnum):
    """Metering SupplyStatus."""

    OFF = 0
    ARMED = 1
    """Off, and allowed to come on once someone at home confirms."""
    ON = 2


class SupplyAnswer(enum.Enum):
    """How a meter answered LocalChangeSupply (enable)."""

    ON = "on"
    NOT_ARMED = "not armed"
    """FAILURE: the supplier has not re-armed the supply yet."""
    ONLY_AT_METER = "only at the meter"
    """ACTION_DENIED: this supply comes back on only at the meter itself (gas)."""
    REFUSED = "refused"


class DebtRate(enum.IntEnum):
    """DebtRecoveryFrequency: the period a time-based debt's recovery amount is taken in."""

    HOUR = 0x00
    DAY = 0x01
    WEEK = 0x02
    MONTH = 0x03
    QUARTER = 0x04


DAYS_IN: dict[DebtRate, Decimal] = {
    DebtRate.HOUR: Decimal(1) / 24,
    DebtRate.DAY: Decimal(1),
    DebtRate.WEEK: Decimal(7),
    DebtRate.MONTH: Decimal("30.4375"),
    DebtRate.QUARTER: Decimal("91.3125"),
}


@dataclass(frozen=True, slots=True)
class Recovery:
    """How a debt is repaid: an amount per period (time-based), or a share of each top-up."""

    amount_gbp: Decimal = Decimal(0)
    per: DebtRate = DebtRate.DAY
    top_up_percent: Decimal = Decimal(0)

    @property
    def per_week_gbp(self) -> Decimal:
        return (self.amount_gbp * 7 / DAYS_IN[self.per]).quantize(Decimal("0.01"))


class TopUpOutcome(enum.IntEnum):
    """ConsumerTopUpResponse result types, as the meter answers a code."""

    ACCEPTED = 0x00
    INVALID = 0x01
    ALREADY_USED = 0x02
    ERROR = 0x03
    MAX_CREDIT_REACHED = 0x04
    KEYPAD_LOCKED = 0x05
    TOO_LARGE = 0x06
    NOT_WHOLE_POUNDS = 0x07


@dataclass(slots=True)
class Credit:
    """A prepayment meter's money, as last heard."""

    mode: Measured[PaymentMode] | None = None
    balance_gbp: Measured[Decimal] | None = None
    emergency_credit_gbp: Measured[Decimal] | None = None
    """Emergency credit still available to use (its limit when none has been used)."""
    emergency_credit_limit_gbp: Measured[Decimal] | None = None
    emergency_credit_threshold_gbp: Measured[Decimal] | None = None
    debt_gbp: Measured[Decimal] | None = None
    """All the debt the meter is recovering (AccumulatedDebt)."""
    recovery: Measured[Recovery] | None = None
    """How the time- and payment-based debts are repaid (the Debt attribute set)."""
    low_credit_warning_gbp: Measured[Decimal] | None = None
    max_credit_gbp: Measured[Decimal] | None = None
    max_top_up_gbp: Measured[Decimal] | None = None
    flags: Measured[CreditStatus] | None = None
    alarms: Measured[PrepaymentAlarm] | None = None

    @property
    def in_prepayment(self) -> bool:
        return self.mode is not None and self.mode.value is PaymentMode.PREPAYMENT

    def _flag(self, flag: CreditStatus) -> bool:
        return self.flags is not None and bool(self.flags.value & flag)

    @property
    def low(self) -> bool:
        return self._flag(CreditStatus.LOW_CREDIT)

    @property
    def emergency_credit_available(self) -> bool:
        return self._flag(CreditStatus.EMERGENCY_CREDIT_AVAILABLE)

    @property
    def emergency_credit_in_use(self) -> bool:
        return self._flag(CreditStatus.EMERGENCY_CREDIT_IN_USE)

    @property
    def exhausted(self) -> bool:
        return self._flag(CreditStatus.CREDIT_EXHAUSTED)

    @property
    def friendly_credit_in_use(self) -> bool:
        return self.alarms is not None and bool(
            self.alarms.value & PrepaymentAlarm.FRIENDLY_CREDIT_IN_USE
        )

    @property
    def disconnected_for_credit(self) -> bool:
        return self.alarms is not None and bool(
            self.alarms.value & PrepaymentAlarm.DISCONNECTED_FOR_CREDIT
        )


@dataclass(frozen=True)
class TopUpAnswer:
    outcome: TopUpOutcome
    added_gbp: Decimal
    balance_gbp: Decimal | None
    locked_until_han_s: float | None = None
    """For KEYPAD_LOCKED: when codes may be tried again (estimated by the display)."""


def pence(value: int) -> Decimal:
    return (Decimal(int(value)) / 100).quantize(Decimal("0.01"))


def predicted_days_left(
    balance_gbp: Decimal, daily_spend_gbp: Sequence[Decimal | None]
) -> Decimal | None:
    """How many days the balance lasts at the average of recent days' spend (standing charge in).

    None when there is nothing to average or the home spends nothing."""
    spends = [spend for spend in daily_spend_gbp if spend is not None and spend > 0]
    if not spends or balance_gbp <= 0:
        return None if not spends else Decimal(0)
    average = sum(spends, Decimal(0)) / len(spends)
    return (balance_gbp / average).quantize(Decimal("0.1"))
