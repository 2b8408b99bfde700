"""The machinery shared by tariffs that follow a day profile on the local clock (TOU, Agile).

A day profile is what a meter's calendar holds: for each local day, a list of (clock time, rate)
switch points starting at 00:00. The price at an instant is the entry in force at the local clock
time on the local date – so when clocks go forward the skipped hour's switches happen at the jump,
and when they go back the repeated hour's switches happen twice, as on a clock-driven meter.
Subclasses say only which profile applies on a date.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import Final
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from home_emulator.tariffs import local_time as lt
from home_emulator.tariffs.rates import PricePeriod, Rate, build_schedule

_SEARCH_DAYS: Final = 8
"""How far to look for a price change: a week, plus a day for the week-profile boundary."""
_KEY_STRIDE: Final = 2 * lt.DAY_S
"""Spacing of days in the flattened look-up key; anything above one day's clock range works."""
_PROFILE_CACHE_DAYS: Final = 4096


@dataclass(frozen=True)
class ProfileEntry:
    start_s: int
    """Clock seconds after local midnight at which ``rate`` starts."""
    rate: Rate


DayProfile = tuple[ProfileEntry, ...]


@dataclass(frozen=True)
class _ProfileArrays:
    starts_s: npt.NDArray[np.int64]
    price_units: npt.NDArray[np.int64]
    tiers: npt.NDArray[np.int8]


def check_day_profile(entries: Sequence[ProfileEntry], what: str) -> DayProfile:
    """A day profile must start at 00:00 and switch at strictly increasing clock times."""
    if not entries:
        raise ValueError(f"{what} is empty")
    if entries[0].start_s != 0:
        raise ValueError(f"{what} must start at 00:00 (starts at {entries[0].start_s} s)")
    for before, after in pairwise(entries):
        if not before.start_s < after.start_s:
            raise ValueError(
                f"{what} switch times must increase ({before.start_s} s, {after.start_s} s)"
            )
    if entries[-1].start_s >= lt.DAY_S:
        raise ValueError(f"{what} switch times must be before 24:00")
    return tuple(entries)


class DayProfileTariff(ABC):
    """A time-priced tariff driven by a day profile on the local clock of ``zone``."""

    def __init__(
        self,
        *,
        kind: str,
        name: str,
        standing_charge_gbp_per_day: Decimal,
        number_of_tiers: int,
        timezone: str,
    ) -> None:
        if standing_charge_gbp_per_day < 0:
            raise ValueError(
                f"standing charge must not be negative (got £{standing_charge_gbp_per_day}/day)"
            )
        self.kind = kind
        self.name = name
        self.standing_charge_gbp_per_day = standing_charge_gbp_per_day
        self.number_of_tiers = number_of_tiers
        self.zone: ZoneInfo = lt.zone(timezone)
        self._arrays: dict[int, _ProfileArrays] = {}

    @abstractmethod
    def day_profile(self, local_date: dt.date) -> DayProfile:
        """The switch points that apply on ``local_date``."""

    # Scalar look-ups ------------------------------------------------------------------------

    def rate_at(self, epoch_s: float) -> Rate:
        local_date, clock_s = lt.clock_of(self.zone, epoch_s)
        profile = self.day_profile(local_date)
        return profile[lt.profile_index([e.start_s for e in profile], clock_s)].rate

    def next_change_after(self, epoch_s: float) -> float | None:
        current = self.rate_at(epoch_s)
        for day in range(_SEARCH_DAYS):
            window = (epoch_s + day * lt.DAY_S, epoch_s + (day + 1) * lt.DAY_S)
            for candidate in self._candidates(*window):
                if candidate > epoch_s and self.rate_at(candidate) != current:
                    return candidate
        return None

    def last_change_at_or_before(self, epoch_s: float) -> float | None:
        current = self.rate_at(epoch_s)
        for day in range(_SEARCH_DAYS):
            window = (epoch_s - (day + 1) * lt.DAY_S, epoch_s - day * lt.DAY_S)
            for candidate in reversed(self._candidates(*window)):
                # Switch instants are whole seconds, so the second before one is still the old rate.
                if candidate <= epoch_s and self.rate_at(candidate - 1) != current:
                    return candidate
        return None

    def schedule(self, start_s: float, end_s: float) -> list[PricePeriod]:
        return build_schedule(self, start_s, end_s)

    def _candidates(self, lo_s: float, hi_s: float) -> list[float]:
        """Every instant in [lo_s, hi_s] at which the rate *could* change: the profile switch
        points on the local clock, and the clock jumps themselves."""
        found = set(lt.offset_changes(self.zone, lo_s, hi_s))
        first, _ = lt.clock_of(self.zone, lo_s)
        last, _ = lt.clock_of(self.zone, hi_s)
        local_date = first - dt.timedelta(days=1)
        while local_date <= last + dt.timedelta(days=1):
            for entry in self.day_profile(local_date):
                for instant in lt.instants_of(self.zone, local_date, entry.start_s):
                    if lo_s <= instant <= hi_s:
                        found.add(instant)
            local_date += dt.timedelta(days=1)
        return sorted(found)

    # Vectorised look-ups --------------------------------------------------------------------

    def unit_prices(self, slot_starts_s: npt.ArrayLike) -> npt.NDArray[np.int64]:
        return self._lookup(slot_starts_s)[0]

    def tiers_at(self, slot_starts_s: npt.ArrayLike) -> npt.NDArray[np.int8]:
        return self._lookup(slot_starts_s)[1]

    def _lookup(
        self, slot_starts_s: npt.ArrayLike
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int8]]:
        """(price units, tiers) at every slot start, in the shape of ``slot_starts_s``."""
        starts = np.asarray(slot_starts_s, dtype=np.float64)
        days, clock_s = lt.local_day_and_clock(self.zone, starts.ravel())
        unique_days, day_index = np.unique(days, return_inverse=True)
        # One searchsorted for all days: each day's switch points are laid out at its own offset
        # of the key, so a slot can only land among its own day's entries (each starts at 0).
        profiles = [self._profile_arrays(int(day)) for day in unique_days]
        keys = np.concatenate(
            [np.zeros(0, np.int64)] + [p.starts_s + i * _KEY_STRIDE for i, p in enumerate(profiles)]
        )
        prices = np.concatenate([np.zeros(0, np.int64)] + [p.price_units for p in profiles])
        tiers = np.concatenate([np.zeros(0, np.int8)] + [p.tiers for p in profiles])
        where = np.searchsorted(keys, day_index.ravel() * _KEY_STRIDE + clock_s, side="right") - 1
        return prices[where].reshape(starts.shape), tiers[where].reshape(starts.shape)

    def _profile_arrays(self, day: int) -> _ProfileArrays:
        arrays = self._arrays.get(day)
        if arrays is None:
            if len(self._arrays) >= _PROFILE_CACHE_DAYS:
                self._arrays.clear()
            profile = self.day_profile(lt.date_of_day(day))
            arrays = _ProfileArrays(
                starts_s=np.array([e.start_s for e in profile], dtype=np.int64),
                price_units=np.array([e.rate.price_units for e in profile], dtype=np.int64),
                tiers=np.array([e.rate.tier for e in profile], dtype=np.int8),
            )
            self._arrays[day] = arrays
        return arrays
