"""A prepayment meter's credit engine: balance, emergency credit, debts, standing charge, friendly
credit, disconnection – the rules of a GB SMETS2 meter, as plain logic.

Money is held in *credit units* of £0.0001, the resolution costs are metered in, so a day of
consumption deducts exactly what the cost registers recorded. On the air it is shown in pence.

A top-up is applied in the GB order: payment-based debt (a share of each top-up; time-based debt is
collected daily at its recovery rate instead), then accumulated debt, then repaying emergency credit used, then the meter balance.
When balance and emergency credit are exhausted the meter disconnects – except in friendly-credit
hours (nights, weekends, bank holidays), when use simply runs the balance below zero.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

UNITS_PER_POUND = 10_000
UNITS_PER_PENNY = 100


def units(pounds: Decimal | str | int) -> int:
    return int(Decimal(pounds) * UNITS_PER_POUND)


class EmergencyCredit(enum.Enum):
    NOT_AVAILABLE = "not available"
    """Balance above the threshold: nothing to offer yet."""
    AVAILABLE = "available"
    """Balance below the threshold: the consumer may activate it."""
    ACTIVE = "in use"
    EXHAUSTED = "exhausted"


@dataclass(frozen=True)
class FriendlyHours:
    """When a meter must not disconnect: evenings and nights, weekends and bank holidays.

    GB suppliers set these in the meter's non-disablement calendar; the defaults are typical
    (16:00–10:00 on weekdays, all weekend) and configurable."""

    evening_from: time = time(16, 0)
    morning_until: time = time(10, 0)
    weekends: bool = True
    holidays: frozenset[date] = frozenset()

    def includes(self, when: datetime) -> bool:
        if self.weekends and when.weekday() >= 5:
            return True
        if when.date() in self.holidays:
            return True
        clock = when.time()
        return clock >= self.evening_from or clock < self.morning_until


@dataclass
class CreditSettings:
    emergency_credit_limit: int = units("5.00")
    emergency_credit_threshold: int = units("1.00")
    low_credit_warning: int = units("2.00")
    disablement_threshold: int = 0
    max_credit_limit: int = units("250.00")
    max_credit_per_top_up: int = units("100.00")
    time_debt_recovery_per_day: int = 0
    payment_debt_share: Decimal = Decimal("0")
    """Share of each top-up that goes to the payment-based debt (e.g. 0.25)."""
    friendly_hours: FriendlyHours = field(default_factory=FriendlyHours)


@dataclass(frozen=True)
class TopUpApplied:
    """Where a top-up went, in credit units."""

    amount: int
    time_debt: int = 0
    payment_debt: int = 0
    accumulated_debt: int = 0
    emergency_credit_repaid: int = 0
    balance: int = 0


class CreditEngine:
    def __init__(
        self,
        settings: CreditSettings,
        *,
        balance: int,
        zone: ZoneInfo,
        accumulated_debt: int = 0,
        time_debt: int = 0,
        payment_debt: int = 0,
    ) -> None:
        self.settings = settings
        self.zone = zone
        self.balance = balance
        self.emergency_credit_remaining = settings.emergency_credit_limit
        self.emergency_credit = EmergencyCredit.NOT_AVAILABLE
        self.accumulated_debt = accumulated_debt
        self.time_debt = time_debt
        self.payment_debt = payment_debt
        self.total_credit_added = 0
        self.disconnected = False
        self.in_friendly_credit = False
        self._review_emergency_credit()

    # What the consumer has --------------------------------------------------------------------

    @property
    def available(self) -> int:
        """What can still be used before disconnection."""
        extra = (
            self.emergency_credit_remaining
            if self.emergency_credit is EmergencyCredit.ACTIVE
            else 0
        )
        return self.balance + extra - self.settings.disablement_threshold

    @property
    def low_credit(self) -> bool:
        return self.balance < self.settings.low_credit_warning

    @property
    def emergency_credit_used(self) -> int:
        return self.settings.emergency_credit_limit - self.emergency_credit_remaining

    # Spending ---------------------------------------------------------------------------------

    def charge(self, amount: int, at_s: float) -> None:
        """Deduct consumption (or a standing charge); returns nothing – check ``should_disconnect``."""
        if amount <= 0:
            return
        from_balance = min(amount, max(self.balance, 0))
        self.balance -= from_balance
        rest = amount - from_balance
        if rest and self.emergency_credit is EmergencyCredit.ACTIVE:
            from_emergency = min(rest, self.emergency_credit_remaining)
            self.emergency_credit_remaining -= from_emergency
            rest -= from_emergency
            if self.emergency_credit_remaining == 0:
                self.emergency_credit = EmergencyCredit.EXHAUSTED
        self.balance -= rest  # below zero only while use is allowed to continue (friendly hours)
        self.in_friendly_credit = self.balance < 0 and self.friendly(at_s)
        self._review_emergency_credit()

    def set_balance(self, balance: int, at_s: float) -> None:
        """Put the balance somewhere directly (a trial's "low credit" situation)."""
        self.balance = balance
        self.in_friendly_credit = balance < 0 and self.friendly(at_s)
        self._review_emergency_credit()

    def end_of_day(self, at_s: float, standing_charge: int) -> None:
        """Midnight: the day's standing charge, and the time-based debt's daily recovery."""
        self.charge(standing_charge, at_s)
        recovery = min(self.settings.time_debt_recovery_per_day, self.time_debt)
        if recovery:
            self.time_debt -= recovery
            self.charge(recovery, at_s)

    def friendly(self, at_s: float) -> bool:
        return self.settings.friendly_hours.includes(datetime.fromtimestamp(at_s, self.zone))

    def should_disconnect(self, at_s: float) -> bool:
        """Credit (and any active emergency credit) gone, outside friendly hours."""
        return not self.disconnected and self.available <= 0 and not self.friendly(at_s)

    # Emergency credit ----------------------------------------------------------------------------

    def activate_emergency_credit(self) -> bool:
        if self.emergency_credit is not EmergencyCredit.AVAILABLE:
            return False
        self.emergency_credit = EmergencyCredit.ACTIVE
        return True

    def _review_emergency_credit(self) -> None:
        if self.emergency_credit in (EmergencyCredit.ACTIVE, EmergencyCredit.EXHAUSTED):
            return
        # A meter set up without emergency credit (limit 0) never offers any.
        below = (
            self.balance < self.settings.emergency_credit_threshold
            and self.settings.emergency_credit_limit > 0
        )
        self.emergency_credit = (
            EmergencyCredit.AVAILABLE if below else EmergencyCredit.NOT_AVAILABLE
        )

    # Top-up ---------------------------------------------------------------------------------

    def top_up(self, amount: int) -> TopUpApplied:
        """Apply credit in the GB order; the caller has validated the amount and the code."""
        rest = amount
        # Time-based debt is collected daily (end_of_day), not from top-ups.
        payment = min(self.payment_debt, int(amount * self.settings.payment_debt_share))
        self.payment_debt -= payment
        rest -= payment
        accumulated = min(self.accumulated_debt, rest)
        self.accumulated_debt -= accumulated
        rest -= accumulated
        repaid = min(self.emergency_credit_used, rest)
        self.emergency_credit_remaining += repaid
        rest -= repaid
        self.balance += rest
        self.total_credit_added += amount
        if (
            self.emergency_credit_used == 0
            and self.emergency_credit is not EmergencyCredit.AVAILABLE
        ):
            self.emergency_credit = EmergencyCredit.NOT_AVAILABLE
        self._review_emergency_credit()
        self.in_friendly_credit = False
        return TopUpApplied(amount, 0, payment, accumulated, repaid, rest)

    def room_for(self, amount: int) -> bool:
        """MaxCreditLimit: a top-up may not take the balance above it."""
        return self.balance + amount <= self.settings.max_credit_limit


@dataclass(frozen=True)
class PrepaymentStart:
    """A prepayment meter as a scenario or the supplier sets it up: its rules and starting credit."""

    balance: int = units("10.00")
    settings: CreditSettings = field(default_factory=CreditSettings)
    accumulated_debt: int = 0
    time_debt: int = 0
    payment_debt: int = 0

    def engine(self, zone: ZoneInfo) -> CreditEngine:
        return CreditEngine(
            self.settings,
            balance=self.balance,
            zone=zone,
            accumulated_debt=self.accumulated_debt,
            time_debt=self.time_debt,
            payment_debt=self.payment_debt,
        )
