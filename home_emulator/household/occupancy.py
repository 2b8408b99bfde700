"""Who is up and at home, and when it is dark indoors: the shared context of a day.

Occupants follow :class:`Routine` clock hours jittered day by day; the household
now and then goes out together.  All of it draws from the household's *day
stream* for the date, never from the previous day, so any day can be built on
its own.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from home_emulator.household import day as dy
from home_emulator.household.sun import sun_times_utc_h
from home_emulator.household.weather import DailyWeather, winterness

FloatArray = npt.NDArray[np.float64]
StreamRng = Callable[[dt.date, int], np.random.Generator]

DAY_STREAM = zlib.crc32(b"household:day")
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


@dataclass(frozen=True)
class Routine:
    """One occupant's day in local clock hours, jittered from day to day."""

    wake_h: float
    bed_h: float
    away_h: tuple[float, float] | None = None  # out on weekdays: work or school
    away_probability: float = 0.95  # share of weekdays actually out (leave, sickness)
    weekend_lie_in_h: float = 1.0
    spread_h: float = 0.3


class Household(Protocol):
    """What the day's context needs of a household: its occupants' routines and its outings
    (a :class:`~home_emulator.household.profiles.HouseholdProfile` is one)."""

    @property
    def routines(self) -> tuple[Routine, ...]: ...
    @property
    def occupants(self) -> int: ...
    @property
    def outing_h(self) -> tuple[float, float]: ...
    @property
    def weekday_outing_probability(self) -> float: ...
    @property
    def weekend_outing_probability(self) -> float: ...


class Occupancy:
    """Builds the :class:`~home_emulator.household.day.DayContext` of each day for one household."""

    def __init__(
        self,
        profile: Household,
        timezone: ZoneInfo,
        latitude_deg: float,
        longitude_deg: float,
    ) -> None:
        self.profile = profile
        self.timezone = timezone
        self.latitude_deg = latitude_deg
        self.longitude_deg = longitude_deg
        routines = profile.routines
        self._wake_h = np.array([r.wake_h for r in routines])
        self._bed_h = np.array([r.bed_h for r in routines])
        self._lie_in_h = np.array([r.weekend_lie_in_h for r in routines])
        self._spread_h = np.array([r.spread_h for r in routines])
        self._has_away = np.array([r.away_h is not None for r in routines])
        self._away_probability = np.array([r.away_probability for r in routines])
        away = [r.away_h or (r.bed_h, r.bed_h) for r in routines]
        self._leave_h = np.array([a[0] for a in away])
        self._back_h = np.array([a[1] for a in away])

    def day_context(
        self,
        local_date: dt.date,
        first_slot: int,
        n_slots: int,
        rng_of: StreamRng,
        weather: DailyWeather,
    ) -> dy.DayContext:
        # Whoever stayed up past midnight is still up: the previous evening's bedtimes
        # come from that day's own stream, without generating the previous day.
        eve = local_date - dt.timedelta(days=1)
        eve_bed_h = self._routine_hours(eve, rng_of(eve, DAY_STREAM))[3]
        rng = rng_of(local_date, DAY_STREAM)
        clock = dy.local_clock_s(self.timezone, first_slot, n_slots)
        mono = dy.monotonic_clock_s(clock)
        eve_first, eve_n_slots = dy.day_bounds(self.timezone, eve)
        eve_mono = dy.monotonic_clock_s(dy.local_clock_s(self.timezone, eve_first, eve_n_slots))
        season = winterness(local_date)
        wake, leave, back, bed, out = self._routine_hours(local_date, rng)
        wake_s, leave_s, back_s, bed_s, up_late_s = dy.clock_slots(
            mono, np.stack((wake, leave, back, bed, np.maximum(eve_bed_h - 24, 0)))
        )
        starts = np.concatenate((wake_s, back_s, np.zeros_like(up_late_s)))
        stops = np.concatenate((leave_s, bed_s, up_late_s))
        steps = np.bincount(starts, minlength=n_slots + 1)
        steps -= np.bincount(stops, minlength=n_slots + 1)
        active = np.cumsum(steps[:-1]).astype(np.int8)
        self._go_out(local_date, mono, rng, active)
        return dy.DayContext(
            date=local_date,
            first_slot=first_slot,
            clock_s=clock,
            clock_mono_s=mono,
            eve_clock_mono_s=eve_mono,
            active=active,
            dark=self._dark(local_date, first_slot, n_slots, season, rng),
            wake_slots=wake_s,
            bed_slots=bed_s,
            home_from_slot=int(back_s[out].max()) if out.any() else 0,
            occupants=self.profile.occupants,
            winterness=season,
            weather=weather,
            latitude_deg=self.latitude_deg,
            longitude_deg=self.longitude_deg,
        )

    def _routine_hours(
        self, local_date: dt.date, rng: np.random.Generator
    ) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray, npt.NDArray[np.bool_]]:
        """Each occupant's wake, leave, back and bed clock hours (bed may be past 24),
        and whether they went out to work or school.  Draws first from the day stream."""
        occupants = self.profile.occupants
        weekend = local_date.weekday() >= 5
        late_night = local_date.weekday() in (4, 5)  # Friday and Saturday
        jitter = rng.standard_normal((4, occupants)) * self._spread_h
        wake = self._wake_h + self._lie_in_h * weekend + jitter[0]
        bed = np.maximum(self._bed_h + 0.5 * late_night + jitter[1], wake + 1)
        out = self._has_away & (rng.random(occupants) < self._away_probability)
        out &= not weekend
        leave = np.clip(np.where(out, self._leave_h + 0.5 * jitter[2], bed), wake, bed)
        back = np.clip(np.where(out, self._back_h + jitter[3], bed), leave, bed)
        return wake, leave, back, bed, out

    def _go_out(
        self,
        local_date: dt.date,
        clock_mono_s: npt.NDArray[np.int32],
        rng: np.random.Generator,
        active: npt.NDArray[np.int8],
    ) -> None:
        """Now and then the whole household goes out together (shopping, visiting)."""
        profile = self.profile
        weekend = local_date.weekday() >= 5
        chance = (
            profile.weekend_outing_probability if weekend else profile.weekday_outing_probability
        )
        if rng.random() < chance:
            start_h = profile.outing_h[0] + 0.5 * rng.standard_normal()
            hours = (profile.outing_h[1] - profile.outing_h[0]) * (0.6 + 0.8 * rng.random())
            start, stop = dy.clock_slots(clock_mono_s, [start_h, start_h + hours])
            active[start:stop] = 0

    def _dark(
        self,
        local_date: dt.date,
        first_slot: int,
        n_slots: int,
        season: float,
        rng: np.random.Generator,
    ) -> npt.NDArray[np.bool_]:
        """Indoors needs light from before sunset until after sunrise; overcast winter
        days widen that, occasionally to the whole day."""
        sunrise_h, sunset_h = sun_times_utc_h(local_date, self.latitude_deg, self.longitude_deg)
        margin_h = 0.5 + season * rng.exponential(0.75)
        utc_midnight = (local_date.toordinal() - _EPOCH_ORDINAL) * dy.SLOTS_PER_DAY - first_slot
        light_from = utc_midnight + round((sunrise_h + margin_h) * dy.SLOTS_PER_HOUR)
        light_until = utc_midnight + round((sunset_h - margin_h) * dy.SLOTS_PER_HOUR)
        return dy.dark_mask(n_slots, light_from, light_until)
