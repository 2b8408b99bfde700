"""A meter's own day, week and month histories, as read from its history attributes.

GB meters keep today and 8 previous days, this week (from Monday) and 5 previous, this month and 13
previous – in their own unit (kWh, or m³ for gas), in the alternative unit (kWh for gas) and in
money. A figure the meter has no record of (before installation, change of tenancy) is None, never
a misleading zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from han.measured import Measured

PREVIOUS_DAYS = 8
PREVIOUS_WEEKS = 5
PREVIOUS_MONTHS = 13


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """One history set; the previous periods run newest first (``previous_days[0]`` is yesterday)."""

    today: Decimal | None
    previous_days: tuple[Decimal | None, ...]
    this_week: Decimal | None
    previous_weeks: tuple[Decimal | None, ...]
    this_month: Decimal | None
    previous_months: tuple[Decimal | None, ...]


@dataclass(frozen=True, slots=True)
class PeriodStarts:
    """Where each period of a history set begins (local midnights, epoch seconds), newest first:
    ``days[0]`` is today's start, ``days[1]`` yesterday's, and so on; likewise weeks and months."""

    days: tuple[int, ...]
    weeks: tuple[int, ...]
    months: tuple[int, ...]

    @property
    def today(self) -> int:
        return self.days[0]


@dataclass(slots=True)
class MeterHistory:
    """The history sets of one meter, read when the display attached and again when a day ends.

    The running figures here (today, this week, this month) are as they were when read; the live
    ones are on the ``Meter`` (``today_import_kwh``, ``today_cost_gbp``, …)."""

    energy_kwh: Measured[PeriodFigures] | None = None
    volume_m3: Measured[PeriodFigures] | None = None
    """Gas only: the meter's own unit."""
    cost_gbp: Measured[PeriodFigures] | None = None
    starts: PeriodStarts | None = None
    """The periods the figures belong to, on the HAN's local calendar when they were read."""
    day_ends_at_s: int | None = None
    """Seconds after local midnight at which the meter froze yesterday's figures, when it says so
    (ZSE DailyFreezeTime) and it is not midnight: a SMETS1 gas meter in summer time stops its day at
    23:00, so yesterday's figure leaves the last hour out. None: the day figures are whole days."""
