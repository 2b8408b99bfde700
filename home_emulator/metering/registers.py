"""Cumulative registers and the GB history sets derived from them.

A meter keeps an exact accumulator (joules for energy, price-units × joules for cost) and shows a
floored reading of it on the air (Wh, or £0.0001). At every half-hour boundary the reading is
recorded. Every history figure – the half-hourly profile, today and the 8 previous days, this week
(from Monday) and 5 previous, this month and 13 previous – is a *difference of two recorded readings*.
So histories telescope exactly: a day's 48 half hours sum to the day, a week's days to the week, and
all of them to the register, to the Wh.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import time as clock
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

HALF_HOUR_S = 1800
PREVIOUS_DAYS = 8
PREVIOUS_WEEKS = 5
PREVIOUS_MONTHS = 13


class CumulativeRegister:
    """A register whose reading is ``accumulator // scale``, recorded at every half-hour boundary."""

    def __init__(
        self,
        zone: ZoneInfo,
        *,
        scale: int,
        accumulator: int = 0,
        first_boundary_s: int,
        readings: list[int] | None = None,
    ) -> None:
        if first_boundary_s % HALF_HOUR_S:
            raise ValueError("readings start on a half-hour boundary")
        self.zone = zone
        self.scale = scale
        self.accumulator = accumulator
        self.first_boundary_s = first_boundary_s
        self.readings: list[int] = readings if readings is not None else [self.reading]
        self.snapshot_end: Callable[[int], int] | None = None
        """Where a day ending at a local midnight stops counting for its day figure; None: at that
        midnight. (A SMETS1 gas meter in summer time: 23:00, see ``metering.smets1``.)"""
        self.visible_from_s: int | None = None
        """Change of tenancy: the householder may not see periods that began before this
        boundary (``history`` and ``visible_between``); the meter itself still counts them."""

    @classmethod
    def from_half_hours(
        cls,
        zone: ZoneInfo,
        *,
        scale: int,
        accumulator_at_boundaries: npt.NDArray[np.int64],
        first_boundary_s: int,
        accumulator: int,
    ) -> CumulativeRegister:
        """Build a register with a bulk-generated past: accumulator values at consecutive boundaries."""
        readings = (accumulator_at_boundaries // scale).tolist()
        return cls(
            zone,
            scale=scale,
            accumulator=accumulator,
            first_boundary_s=first_boundary_s,
            readings=readings,
        )

    # Live operation ------------------------------------------------------------------------

    @property
    def reading(self) -> int:
        return self.accumulator // self.scale

    @property
    def last_boundary_s(self) -> int:
        return self.first_boundary_s + (len(self.readings) - 1) * HALF_HOUR_S

    def add(self, amount: int) -> None:
        self.accumulator += amount

    def close_half_hour(self, boundary_s: int) -> None:
        """Record the reading at ``boundary_s``, the next half-hour boundary (no gaps allowed)."""
        if boundary_s != self.last_boundary_s + HALF_HOUR_S:
            raise ValueError(
                f"half hour closed at {boundary_s}, expected {self.last_boundary_s + HALF_HOUR_S}"
            )
        self.readings.append(self.reading)

    # What the histories say ----------------------------------------------------------------

    def reading_at(self, boundary_s: int) -> int | None:
        """The recorded reading at a half-hour boundary, or None before the meter's records."""
        index, remainder = divmod(boundary_s - self.first_boundary_s, HALF_HOUR_S)
        if remainder:
            raise ValueError("not a half-hour boundary")
        if 0 <= index < len(self.readings):
            return self.readings[index]
        return None  # before the meter's records, or the half hour in progress

    def since(self, boundary_s: int) -> int | None:
        """Consumption from a recorded boundary until now."""
        start = self.reading_at(boundary_s)
        return None if start is None else self.reading - start

    def between(self, start_s: int, end_s: int) -> int | None:
        start, end = self.reading_at(start_s), self.reading_at(end_s)
        return None if start is None or end is None else end - start

    def visible_between(self, start_s: int, end_s: int) -> int | None:
        """``between`` as the householder may see it: None for a period begun before the move-in."""
        if self.visible_from_s is not None and start_s < self.visible_from_s:
            return None
        return self.between(start_s, end_s)

    def visible_reading_at(self, boundary_s: int) -> int | None:
        """A period's starting reading, or None if that period began before the move-in."""
        if self.visible_from_s is not None and boundary_s < self.visible_from_s:
            return None
        return self.reading_at(boundary_s)

    def half_hours(self, end_s: int, count: int) -> list[int | None]:
        """The profile: consumption in each of ``count`` half hours ending at ``end_s`` (oldest first)."""
        return [
            self.between(end_s - (count - k) * HALF_HOUR_S, end_s - (count - k - 1) * HALF_HOUR_S)
            for k in range(count)
        ]

    def history(self, now_s: float) -> RegisterHistory:
        calendar = LocalCalendar(self.zone)
        today = calendar.day_start(now_s)
        days = [calendar.add_days(today, -n) for n in range(PREVIOUS_DAYS + 1)]
        week = calendar.week_start(now_s)
        weeks = [calendar.add_days(week, -7 * n) for n in range(PREVIOUS_WEEKS + 1)]
        month = calendar.month_start(now_s)
        months = [month]
        for _ in range(PREVIOUS_MONTHS):
            months.append(calendar.previous_month_start(months[-1]))
        between = self.visible_between

        def day_end(midnight_s: int) -> int:
            return midnight_s if self.snapshot_end is None else self.snapshot_end(midnight_s)

        def since(start_s: int) -> int | None:
            start = self.visible_reading_at(start_s)
            return None if start is None else self.reading - start

        return RegisterHistory(
            today=since(today),
            previous_days=[between(days[n + 1], day_end(days[n])) for n in range(PREVIOUS_DAYS)],
            this_week=since(week),
            previous_weeks=[between(weeks[n + 1], weeks[n]) for n in range(PREVIOUS_WEEKS)],
            this_month=since(month),
            previous_months=[between(months[n + 1], months[n]) for n in range(PREVIOUS_MONTHS)],
        )


class RegisterHistory:
    """The GB history set of one register; None where the meter has no record that far back."""

    __slots__ = (
        "previous_days",
        "previous_months",
        "previous_weeks",
        "this_month",
        "this_week",
        "today",
    )

    def __init__(
        self,
        *,
        today: int | None,
        previous_days: list[int | None],
        this_week: int | None,
        previous_weeks: list[int | None],
        this_month: int | None,
        previous_months: list[int | None],
    ) -> None:
        self.today = today
        self.previous_days = previous_days
        self.this_week = this_week
        self.previous_weeks = previous_weeks
        self.this_month = this_month
        self.previous_months = previous_months


class LocalCalendar:
    """Local (Europe/London) day, Monday-week and month boundaries as epoch seconds."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone

    def local_date(self, epoch_s: float) -> date:
        return datetime.fromtimestamp(epoch_s, self.zone).date()

    def midnight(self, day: date) -> int:
        return int(datetime.combine(day, clock(0), self.zone).timestamp())

    def day_start(self, epoch_s: float) -> int:
        return self.midnight(self.local_date(epoch_s))

    def add_days(self, midnight_s: int, days: int) -> int:
        return self.midnight(self.local_date(midnight_s) + timedelta(days=days))

    def week_start(self, epoch_s: float) -> int:
        day = self.local_date(epoch_s)
        return self.midnight(day - timedelta(days=day.weekday()))

    def month_start(self, epoch_s: float) -> int:
        return self.midnight(self.local_date(epoch_s).replace(day=1))

    def previous_month_start(self, month_start_s: int) -> int:
        first = self.local_date(month_start_s)
        previous = (first - timedelta(days=1)).replace(day=1)
        return self.midnight(previous)

    def next_day_start(self, epoch_s: float) -> int:
        return self.midnight(self.local_date(epoch_s) + timedelta(days=1))


def half_hour_boundaries(start_s: int, end_s: int) -> list[int]:
    """Every half-hour boundary b with start_s < b <= end_s."""
    first = (start_s // HALF_HOUR_S + 1) * HALF_HOUR_S
    return list(range(first, end_s + 1, HALF_HOUR_S))


__all__ = [
    "HALF_HOUR_S",
    "CumulativeRegister",
    "LocalCalendar",
    "RegisterHistory",
    "half_hour_boundaries",
]
