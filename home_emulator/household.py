"""Household electricity load of the emulated SMETS2 home.

The emulated electricity meter (ESME) integrates this load into its registers,
interval data and backfilled history.  To make that integral exact, power is
*piecewise constant in integer watts on a fixed grid of 10-second slots* of UTC
epoch time: slot k covers [10k, 10k + 10) s, so the energy of any whole number
of slots is an exact integer number of joules (watts x 10), and every way of
summing it (per second, per half hour, per day, in bulk) agrees to the joule.
Ten seconds is finer than anything a consumer device resolves (instantaneous
demand is typically refreshed every 5-10 s) yet keeps a day at 8,640 values.

Days are generated as *local* days (Europe/London by default, so 23, 24 or 25
hours of slots).  Each day draws from random generators seeded by (seed, date,
stream), never from the previous day, so any day can be generated on its own
and matches the same day generated as part of a range.  Each appliance has its
own stream, so adding appliances (solar, EV, heat pump) leaves the others'
traces unchanged.
"""

from __future__ import annotations

import datetime as dt
import math
import zlib
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from home_emulator import appliances as ap
from home_emulator.appliances import SLOT_SECONDS, SLOTS_PER_DAY, Appliance

Watts = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float64]

_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_ELAPSED_S = np.arange(SLOTS_PER_DAY, dtype=np.int32) * SLOT_SECONDS
_ELAPSED_S.setflags(write=False)
_DAY_STREAM = zlib.crc32(b"household:day")
# Sun below the horizon by its apparent radius plus refraction at sunrise/sunset.
_SUN_ALTITUDE_DEG = -0.833


@dataclass(frozen=True)
class Routine:
    """One occupant's day in local clock hours, jittered from day to day."""

    wake_h: float
    bed_h: float
    away_h: tuple[float, float] | None = None  # out on weekdays: work or school
    away_probability: float = 0.95  # share of weekdays actually out (leave, sickness)
    weekend_lie_in_h: float = 1.0
    spread_h: float = 0.3


@dataclass(frozen=True)
class HouseholdProfile:
    """Who lives in the home, how they spend their days and what they plug in."""

    name: str
    description: str
    routines: tuple[Routine, ...]
    appliances: tuple[Appliance, ...]
    outing_h: tuple[float, float] = (10.5, 13.0)  # when the whole household goes out
    weekday_outing_probability: float = 0.0
    weekend_outing_probability: float = 0.3
    stream_keys: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = [appliance.name for appliance in self.appliances]
        if len(set(names)) != len(names):
            raise ValueError(f"appliance names must be unique (they key random streams): {names}")
        if not self.routines:
            raise ValueError("a household needs at least one occupant")
        keys = {name: zlib.crc32(f"appliance:{name}".encode()) for name in names}
        object.__setattr__(self, "stream_keys", keys)

    @property
    def occupants(self) -> int:
        return len(self.routines)


class _Day(NamedTuple):
    first_slot: int
    watts: Watts  # read-only
    watt_slots: npt.NDArray[np.int64]  # prefix sums of watts, length n + 1


def sun_times_utc_h(
    date: dt.date, latitude_deg: float, longitude_deg: float
) -> tuple[float, float]:
    """Sunrise and sunset in hours after UTC midnight (a simple approximation good
    to a few minutes in GB; polar day/night clamp to noon +/- 12 h / 0 h)."""
    day_of_year = date.timetuple().tm_yday
    declination = math.radians(-23.44) * math.cos(2 * math.pi * (day_of_year + 10) / 365)
    latitude = math.radians(latitude_deg)
    cos_hour_angle = (
        math.sin(math.radians(_SUN_ALTITUDE_DEG)) - math.sin(latitude) * math.sin(declination)
    ) / (math.cos(latitude) * math.cos(declination))
    half_day_h = math.degrees(math.acos(min(1.0, max(-1.0, cos_hour_angle)))) / 15
    b = 2 * math.pi * (day_of_year - 81) / 365
    equation_of_time_min = 9.87 * math.sin(2 * b) - 7.53 * math.cos(b) - 1.5 * math.sin(b)
    solar_noon_h = 12.0 - longitude_deg / 15 - equation_of_time_min / 60
    return solar_noon_h - half_day_h, solar_noon_h + half_day_h


def _winterness(date: dt.date) -> float:
    """0 at the summer solstice, 1 at the winter solstice."""
    return 0.5 * (1 + math.cos(2 * math.pi * (date.timetuple().tm_yday - 355) / 365.25))


def _utc_offset_s(tz: ZoneInfo, epoch_s: int) -> int:
    offset = dt.datetime.fromtimestamp(epoch_s, tz).utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


@lru_cache(maxsize=4096)
def _day_bounds(tz: ZoneInfo, local_date: dt.date) -> tuple[int, int]:
    """(first slot, number of slots) of a local day: midnight to midnight."""
    start, end = (
        dt.datetime.combine(d, dt.time(), tzinfo=tz).timestamp()
        for d in (local_date, local_date + dt.timedelta(days=1))
    )
    if start % SLOT_SECONDS or end % SLOT_SECONDS:
        raise ValueError(f"{tz} midnight on {local_date} is not on the {SLOT_SECONDS}-s grid")
    return int(start) // SLOT_SECONDS, int(end - start) // SLOT_SECONDS


def _local_clock_s(tz: ZoneInfo, first_slot: int, n_slots: int) -> npt.NDArray[np.int32]:
    """Local wall-clock seconds since midnight at each slot start.  Assumes at most one
    clock change per day (true of GB and nearly everywhere)."""
    if n_slots == SLOTS_PER_DAY:
        return _ELAPSED_S
    start_offset = _utc_offset_s(tz, first_slot * SLOT_SECONDS)
    lo, hi = 0, n_slots - 1  # offset at lo is the midnight one, at hi it has changed
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if _utc_offset_s(tz, (first_slot + mid) * SLOT_SECONDS) == start_offset:
            lo = mid
        else:
            hi = mid
    clock = np.arange(n_slots, dtype=np.int32) * SLOT_SECONDS
    clock[hi:] += _utc_offset_s(tz, (first_slot + hi) * SLOT_SECONDS) - start_offset
    return clock


class HouseholdLoad:
    """Seeded, repeatable whole-house electrical load in integer watts per 10-s slot."""

    cache_days = 8

    def __init__(
        self,
        seed: int,
        profile: HouseholdProfile,
        timezone: str = "Europe/London",
        *,
        latitude_deg: float = 52.0,
        longitude_deg: float = -1.5,
    ) -> None:
        self.seed = seed
        self.profile = profile
        self.timezone = ZoneInfo(timezone)
        self.latitude_deg = latitude_deg
        self.longitude_deg = longitude_deg
        self._entropy = seed % 2**64  # a Philox key word is unsigned 64-bit
        self._cache: OrderedDict[dt.date, _Day] = OrderedDict()
        self._philox = np.random.Philox(0)
        self._philox_state = self._philox.state
        self._generator = np.random.Generator(self._philox)
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

    # --- time grid -----------------------------------------------------------------

    def day_slots(self, local_date: dt.date) -> range:
        """Slots of a local day (8640, or 8280 / 9000 on clock-change days)."""
        first, count = _day_bounds(self.timezone, local_date)
        return range(first, first + count)

    def local_date_of_slot(self, slot: int) -> dt.date:
        return dt.datetime.fromtimestamp(slot * SLOT_SECONDS, self.timezone).date()

    # --- power -----------------------------------------------------------------------

    def day_watts(self, local_date: dt.date) -> Watts:
        """Power per slot over a local day (read-only; shared with the cache)."""
        return self._day(local_date).watts

    def watts_at(self, epoch_s: float) -> int:
        slot = math.floor(epoch_s / SLOT_SECONDS)
        day = self._day(self.local_date_of_slot(slot))
        return int(day.watts[slot - day.first_slot])

    def slot_watts(self, first_slot: int, count: int) -> Watts:
        """Power for ``count`` consecutive slots from ``first_slot`` (a new array)."""
        if count < 0:
            raise ValueError("count must not be negative")
        out = np.empty(count, dtype=np.int32)
        done = 0
        while done < count:
            slot = first_slot + done
            day = self._day(self.local_date_of_slot(slot))
            offset = slot - day.first_slot
            take = min(count - done, len(day.watts) - offset)
            out[done : done + take] = day.watts[offset : offset + take]
            done += take
        return out

    # --- energy ----------------------------------------------------------------------

    def energy_joules(self, t0: float, t1: float) -> int:
        """Energy over [t0, t1) in joules.

        Exact for slot-aligned bounds.  A bound inside a slot contributes that slot's
        watts times the seconds into the slot, rounded to the nearest joule (half to
        even) *per bound*; because the rounding depends on the bound alone,
        E(a, c) == E(a, b) + E(b, c) holds exactly for any a <= b <= c.
        """
        if t1 < t0:
            raise ValueError(f"t1 ({t1}) is before t0 ({t0})")
        slot0, into0 = divmod(t0, SLOT_SECONDS)
        slot1, into1 = divmod(t1, SLOT_SECONDS)
        joules = SLOT_SECONDS * self._watt_slots(int(slot0), int(slot1))
        return (
            joules
            - self._partial_joules(int(slot0), into0)
            + self._partial_joules(int(slot1), into1)
        )

    def _partial_joules(self, slot: int, seconds_into_slot: float) -> int:
        if not seconds_into_slot:
            return 0
        return round(float(self.slot_watts(slot, 1)[0]) * seconds_into_slot)

    def _watt_slots(self, first_slot: int, end_slot: int) -> int:
        """Sum of watts over slots [first_slot, end_slot), one numpy lookup per day."""
        total = 0
        slot = first_slot
        while slot < end_slot:
            day = self._day(self.local_date_of_slot(slot))
            stop = min(end_slot, day.first_slot + len(day.watts))
            total += int(
                day.watt_slots[stop - day.first_slot] - day.watt_slots[slot - day.first_slot]
            )
            slot = stop
        return total

    # --- generation --------------------------------------------------------------------

    def _day(self, local_date: dt.date) -> _Day:
        day = self._cache.get(local_date)
        if day is not None:
            self._cache.move_to_end(local_date)
            return day
        first, count = _day_bounds(self.timezone, local_date)
        watts = self._generate(local_date, first, count)
        watts.setflags(write=False)
        watt_slots = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(watts, dtype=np.int64, out=watt_slots[1:])
        day = _Day(first, watts, watt_slots)
        self._cache[local_date] = day
        if len(self._cache) > self.cache_days:
            self._cache.popitem(last=False)
        return day

    def _rng(self, local_date: dt.date, stream: int) -> np.random.Generator:
        """The generator of one random stream for one day.

        Philox is a counter-based generator: keying it with (seed, date, stream)
        gives independent streams without the cost of hashing a seed sequence,
        which matters at a dozen streams a day and hundreds of days per backfill.
        """
        key = np.array([(local_date.toordinal() << 32) | stream, self._entropy], np.uint64)
        self._philox_state["state"] = {"counter": np.zeros(4, np.uint64), "key": key}
        self._philox.state = self._philox_state  # counter and buffer back to the start
        return self._generator

    def _generate(self, local_date: dt.date, first_slot: int, n_slots: int) -> Watts:
        context = self._context(local_date, first_slot, n_slots)
        load = ap.DayLoad(n_slots)
        for appliance in self.profile.appliances:
            rng = self._rng(local_date, self.profile.stream_keys[appliance.name])
            appliance.add_load(context, rng, load)
        return load.render()

    def _context(self, local_date: dt.date, first_slot: int, n_slots: int) -> ap.DayContext:
        # Whoever stayed up past midnight is still up: the previous evening's bedtimes
        # come from that day's own stream, without generating the previous day.
        eve = local_date - dt.timedelta(days=1)
        eve_bed_h = self._routine_hours(eve, self._rng(eve, _DAY_STREAM))[3]
        rng = self._rng(local_date, _DAY_STREAM)
        clock = _local_clock_s(self.timezone, first_slot, n_slots)
        mono = clock if n_slots == SLOTS_PER_DAY else np.maximum.accumulate(clock)
        winterness = _winterness(local_date)
        wake, leave, back, bed, out = self._routine_hours(local_date, rng)
        wake_s, leave_s, back_s, bed_s, up_late_s = ap.clock_slots(
            mono, np.stack((wake, leave, back, bed, np.maximum(eve_bed_h - 24, 0)))
        )
        starts = np.concatenate((wake_s, back_s, np.zeros_like(up_late_s)))
        stops = np.concatenate((leave_s, bed_s, up_late_s))
        steps = np.bincount(starts, minlength=n_slots + 1)
        steps -= np.bincount(stops, minlength=n_slots + 1)
        active = np.cumsum(steps[:-1]).astype(np.int8)
        self._go_out(local_date, mono, rng, active)
        return ap.DayContext(
            date=local_date,
            clock_s=clock,
            clock_mono_s=mono,
            active=active,
            dark=self._dark(local_date, first_slot, n_slots, winterness, rng),
            wake_slots=wake_s,
            bed_slots=bed_s,
            home_from_slot=int(back_s[out].max()) if out.any() else 0,
            occupants=self.profile.occupants,
            winterness=winterness,
        )

    def _routine_hours(
        self, local_date: dt.date, rng: np.random.Generator
    ) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray, npt.NDArray[np.bool_]]:
        """Each occupant's wake, leave, back and bed clock hours (bed may be past 24),
        and whether they went out to work or school.  Draws first from the day stream."""
        weekend = local_date.weekday() >= 5
        late_night = local_date.weekday() in (4, 5)  # Friday and Saturday
        jitter = rng.standard_normal((4, self.profile.occupants)) * self._spread_h
        wake = self._wake_h + self._lie_in_h * weekend + jitter[0]
        bed = np.maximum(self._bed_h + 0.5 * late_night + jitter[1], wake + 1)
        out = self._has_away & (rng.random(self.profile.occupants) < self._away_probability)
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
            start, stop = ap.clock_slots(clock_mono_s, [start_h, start_h + hours])
            active[start:stop] = 0

    def _dark(
        self,
        local_date: dt.date,
        first_slot: int,
        n_slots: int,
        winterness: float,
        rng: np.random.Generator,
    ) -> npt.NDArray[np.bool_]:
        """Indoors needs light from before sunset until after sunrise; overcast winter
        days widen that, occasionally to the whole day."""
        sunrise_h, sunset_h = sun_times_utc_h(local_date, self.latitude_deg, self.longitude_deg)
        margin_h = 0.5 + winterness * rng.exponential(0.75)
        utc_midnight = (local_date.toordinal() - _EPOCH_ORDINAL) * SLOTS_PER_DAY - first_slot
        slots_per_hour = 3600 // SLOT_SECONDS
        light_from = utc_midnight + round((sunrise_h + margin_h) * slots_per_hour)
        light_until = utc_midnight + round((sunset_h - margin_h) * slots_per_hour)
        return ap.dark_mask(n_slots, light_from, light_until)


# --- preset households ------------------------------------------------------------------

# Tea and coffee through the day: breakfast, mid-morning, mid-afternoon, evening.
_KETTLE_PEAKS: ap.Peaks = ((7.5, 0.6, 3.0), (10.5, 1.0, 1.5), (15.5, 1.2, 2.0), (19.5, 1.5, 2.0))
_MICROWAVE_PEAKS: ap.Peaks = ((8.0, 0.5, 1.0), (12.75, 0.6, 2.0), (18.5, 1.0, 2.0))
_BREAKFAST_PEAKS: ap.Peaks = ((7.5, 0.5, 1.0),)
_HOUSEWORK_PEAKS: ap.Peaks = ((10.5, 1.0, 2.0), (15.0, 1.5, 1.0))

PROFILES: dict[str, HouseholdProfile] = {
    profile.name: profile
    for profile in (
        HouseholdProfile(
            name="single_pensioner",
            description="One retired occupant, home most of the day, early to bed.",
            routines=(Routine(wake_h=7.25, bed_h=22.5, weekend_lie_in_h=0.0, spread_h=0.4),),
            weekday_outing_probability=0.35,
            weekend_outing_probability=0.25,
            outing_h=(10.0, 12.5),
            appliances=(
                ap.BaseLoad(standby_w=75.0, wander_w=6.0, winter_extra=0.08),
                ap.FridgeFreezer(compressor_w=80.0),
                ap.ShortBursts("kettle", 2800.0, (1.5, 3.0), per_day=4.5, peaks=_KETTLE_PEAKS),
                ap.ShortBursts("microwave", 900.0, (1.5, 4.0), 1.0, _MICROWAVE_PEAKS),
                ap.ShortBursts("vacuum", 1200.0, (10.0, 25.0), 0.3, _HOUSEWORK_PEAKS),
                ap.ElectricShower(watts=8500.0, morning_probability=0.3, evening_probability=0.05),
                ap.Cooking(
                    oven_w=2200.0,
                    meal_h=17.25,
                    meal_probability=0.65,
                    meal_minutes=(25.0, 45.0),
                    oven_share=0.4,
                    weekend_factor=1.0,
                    roast_probability=0.3,
                    lunch_probability=0.5,
                ),
                ap.WashingMachine(per_week=1.5),
                ap.Entertainment(
                    "tv", watts=100.0, evening_from_h=17.5, afternoon_probability=0.35
                ),
                ap.Lighting(shared_w=45.0, per_person_w=20.0),
            ),
        ),
        HouseholdProfile(
            name="family_of_four",
            description="Two working parents and two school-age children.",
            routines=(
                Routine(wake_h=6.5, bed_h=23.0, away_h=(7.75, 17.75)),
                Routine(wake_h=6.75, bed_h=22.75, away_h=(8.5, 15.0), away_probability=0.9),
                Routine(wake_h=7.0, bed_h=21.0, away_h=(8.4, 15.5), spread_h=0.2),
                Routine(wake_h=7.0, bed_h=22.25, away_h=(8.2, 16.0), weekend_lie_in_h=2.0),
            ),
            weekend_outing_probability=0.5,
            outing_h=(10.5, 13.5),
            appliances=(
                ap.BaseLoad(standby_w=115.0, wander_w=15.0),
                ap.FridgeFreezer(compressor_w=110.0),
                ap.ShortBursts("kettle", 3000.0, (2.0, 4.0), per_day=8.0, peaks=_KETTLE_PEAKS),
                ap.ShortBursts("microwave", 1000.0, (1.5, 5.0), 2.0, _MICROWAVE_PEAKS),
                ap.ShortBursts("toaster", 900.0, (2.0, 4.0), 0.8, _BREAKFAST_PEAKS),
                ap.ShortBursts("hair_dryer", 1800.0, (4.0, 8.0), 0.6, _BREAKFAST_PEAKS),
                ap.ShortBursts("vacuum", 1400.0, (15.0, 30.0), 0.4, _HOUSEWORK_PEAKS),
                ap.ElectricShower(watts=9500.0, morning_probability=0.35, evening_probability=0.1),
                ap.Cooking(
                    oven_w=2800.0,
                    meal_h=17.75,
                    meal_probability=0.9,
                    meal_minutes=(35.0, 60.0),
                    oven_share=0.6,
                    roast_probability=0.6,
                    lunch_probability=0.3,
                ),
                ap.WashingMachine(per_week=5.0, dryer_share=0.5),
                ap.Entertainment("tv", watts=130.0, evening_from_h=18.0, afternoon_probability=0.2),
                ap.Entertainment(
                    "games_console",
                    watts=110.0,
                    evening_from_h=16.0,
                    until_h=20.75,
                    weekday_evening_probability=0.6,
                    afternoon_probability=0.3,
                ),
                ap.Lighting(shared_w=70.0, per_person_w=25.0),
            ),
        ),
        HouseholdProfile(
            name="home_worker",
            description="A couple: one works from home, the other commutes.",
            routines=(
                Routine(wake_h=7.0, bed_h=23.25),
                Routine(wake_h=6.5, bed_h=23.0, away_h=(7.5, 18.0)),
            ),
            weekday_outing_probability=0.1,
            weekend_outing_probability=0.4,
            appliances=(
                ap.BaseLoad(standby_w=80.0, wander_w=10.0),
                ap.FridgeFreezer(compressor_w=90.0),
                ap.ShortBursts("kettle", 2900.0, (2.0, 3.5), per_day=6.0, peaks=_KETTLE_PEAKS),
                ap.ShortBursts("microwave", 900.0, (1.5, 4.0), 1.5, _MICROWAVE_PEAKS),
                ap.ShortBursts("vacuum", 1300.0, (10.0, 25.0), 0.3, _HOUSEWORK_PEAKS),
                ap.ElectricShower(watts=9000.0, morning_probability=0.55, evening_probability=0.1),
                ap.Cooking(
                    oven_w=2600.0,
                    meal_h=18.75,
                    meal_probability=0.85,
                    meal_minutes=(30.0, 50.0),
                    roast_probability=0.3,
                    lunch_probability=0.6,
                ),
                ap.WashingMachine(per_week=3.0),
                ap.HomeOffice(),
                ap.Entertainment(
                    "tv", watts=120.0, evening_from_h=19.0, afternoon_probability=0.05
                ),
                ap.Lighting(shared_w=50.0, per_person_w=30.0),
            ),
        ),
    )
}
