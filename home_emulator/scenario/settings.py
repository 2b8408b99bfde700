"""What a scenario says of each fuel: how it is paid for, its tariff and its prepayment state.

Both the scenario as a whole (:mod:`home_emulator.scenario.model`) and its scripted events
(:mod:`home_emulator.scenario.events`: a price change or tariff switch carries a whole tariff) are
made of these, so they live here, below both. Plain frozen data: the tariff engine interprets
:class:`TariffSettings`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Fuel(StrEnum):
    ELECTRICITY = "electricity"
    GAS = "gas"


class PaymentMode(StrEnum):
    CREDIT = "credit"
    PREPAYMENT = "prepayment"


class Meters(StrEnum):
    """Which generation of smart meters the home has."""

    SMETS2 = "smets2"
    SMETS1_FOC = "smets1-foc"
    """SMETS1 meters enrolled in the DCC, behaving as its 2021 FOC Uplift 2.1 consultation says."""


class TariffType(StrEnum):
    SINGLE = "single"
    ECONOMY7 = "economy7"
    AGILE = "agile"
    BLOCK = "block"


class ClockBasis(StrEnum):
    """Which clock an Economy 7 night window follows. Many GB meters keep GMT all year, so in summer
    the cheap hours fall an hour later by the wall clock – a classic source of confusion."""

    GMT = "gmt"
    CLOCK = "clock"


class BlockPeriod(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class TariffSettings:
    """A tariff as a scenario describes it; fields not used by ``type`` are None or empty."""

    type: TariffType
    standing_charge: Decimal
    """£ per day."""
    label: str
    unit_price: Decimal | None = None
    """£/kWh (single)."""
    day_price: Decimal | None = None
    """£/kWh outside the night window (economy7)."""
    night_price: Decimal | None = None
    night_window: tuple[dt.time, dt.time] | None = None
    follows: ClockBasis | None = None
    seed: int | None = None
    """Seed of the generated half-hourly prices (agile)."""
    cap: Decimal | None = None
    """Highest half-hourly price, £/kWh (agile; None: the tariff engine's own cap)."""
    thresholds_kwh: tuple[Decimal, ...] = ()
    """Block boundaries, ascending (block): one fewer than ``prices``."""
    prices: tuple[Decimal, ...] = ()
    period: BlockPeriod | None = None
    """Over what the block thresholds accumulate (block)."""


@dataclass(frozen=True)
class PrepaymentSettings:
    """A prepayment meter's state at the start, in £."""

    credit: Decimal = Decimal("10.00")
    emergency_credit_limit: Decimal = Decimal("5.00")
    emergency_credit_threshold: Decimal = Decimal("1.00")
    low_credit_warning: Decimal = Decimal("2.00")
    debt: Decimal = Decimal("0.00")
    debt_recovery_per_day: Decimal = Decimal("0.00")
