"""Appliance models that make up the emulated household's electricity load.

Each appliance adds its power into one *local day* of 10-second slots (see
``household.py`` for why the grid is 10 s).  Nearly everything in a home is a
switched load, so appliances describe their power as rectangular pulses
(start slot, length in slots, watts) and :class:`DayLoad` renders all pulses of
a day at once with a difference array.  A day therefore costs a handful of numpy
calls however many kettle boils or thermostat cycles it contains.

Appliances only ever see a :class:`DayContext` (who is up and at home, when it
is dark, ...) and their own random generator, so further appliance classes
(solar PV, EV charger, heat pump) can be added without disturbing the random
streams, and hence the traces, of the existing ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np
import numpy.typing as npt

SLOT_SECONDS = 10
SLOTS_PER_DAY = 86_400 // SLOT_SECONDS

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
Range = tuple[float, float]
# A daily rhythm as a mixture of (clock hour, spread in hours, relative weight).
Peaks = tuple[tuple[float, float, float], ...]

# Mains voltage wanders by a percent or two, so the same resistive appliance
# draws slightly different power from one use to the next.
_VOLTAGE_SPREAD = 0.015


@dataclass(frozen=True, eq=False)
class DayContext:
    """Everything an appliance may know about one local day of the household."""

    date: dt.date
    clock_s: npt.NDArray[np.int32]  # local wall-clock seconds since midnight, per slot
    clock_mono_s: npt.NDArray[np.int32]  # running maximum of clock_s (repeated hour folded)
    active: npt.NDArray[np.int8]  # occupants awake and at home, per slot
    dark: npt.NDArray[np.bool_]  # too dark indoors to manage without lights, per slot
    wake_slots: IntArray  # per occupant
    bed_slots: IntArray  # per occupant
    home_from_slot: int  # from here on everybody who went out is back for the evening
    occupants: int
    winterness: float  # 0 at midsummer, 1 at midwinter

    @property
    def n_slots(self) -> int:
        return len(self.clock_s)

    @property
    def weekend(self) -> bool:
        return self.date.weekday() >= 5

    def slots_at(self, hours: npt.ArrayLike) -> IntArray:
        """First slot at or after each local clock time (times in the spring-forward gap
        map to its end; times in the repeated autumn hour to its first pass)."""
        return clock_slots(self.clock_mono_s, hours)

    def slot_at(self, hour: float) -> int:
        return int(self.clock_mono_s.searchsorted(hour * 3600.0))

    def someone_home(self, slot: int) -> bool:
        return bool(self.active[min(max(slot, 0), self.n_slots - 1)])


def clock_slots(clock_mono_s: npt.NDArray[np.int32], hours: npt.ArrayLike) -> IntArray:
    """See :meth:`DayContext.slots_at`; ``clock_mono_s`` is its running-max clock."""
    seconds = np.asarray(hours, dtype=np.float64) * 3600.0
    return np.searchsorted(clock_mono_s, seconds, side="left").astype(np.int64)


class DayLoad:
    """Accumulates one day's power as pulses plus continuous curves, in integer watts.

    Pulses are gathered in plain lists (appliances add a few hundred a day, mostly
    one at a time) and rendered in one go: a difference array and a cumulative sum.
    Parts of pulses outside the day are cut off.
    """

    def __init__(self, n_slots: int) -> None:
        self.n_slots = n_slots
        self._starts: list[int] = []
        self._lengths: list[int] = []
        self._watts: list[float] = []
        self._curves: list[npt.NDArray[np.integer]] = []

    def add_pulse(self, start: int, length: int, watts: float) -> None:
        self._starts.append(start)
        self._lengths.append(length)
        self._watts.append(watts)

    def add_pulses(self, starts: IntArray, lengths: IntArray, watts: FloatArray | float) -> None:
        self._starts.extend(starts.tolist())
        self._lengths.extend(lengths.tolist())
        if isinstance(watts, np.ndarray):
            self._watts.extend(watts.tolist())
        else:
            self._watts.extend([watts] * len(starts))

    def add_curve(self, watts: npt.NDArray[np.integer]) -> None:
        self._curves.append(watts)

    def render(self) -> npt.NDArray[np.int32]:
        total = np.zeros(self.n_slots, dtype=np.int64)
        if self._starts:
            starts = np.array(self._starts, dtype=np.int64)
            stops = np.minimum(np.maximum(starts + self._lengths, 0), self.n_slots)
            starts = np.minimum(np.maximum(starts, 0), self.n_slots)
            watts = np.rint(self._watts)
            size = self.n_slots + 1
            steps = np.bincount(starts, weights=watts, minlength=size)
            steps -= np.bincount(stops, weights=watts, minlength=size)
            # Sums of integer-valued float64 are exact far beyond household power levels.
            total += np.cumsum(steps[:-1]).astype(np.int64)
        for curve in self._curves:
            total += curve
        return np.maximum(total, 0).astype(np.int32)


class Appliance(Protocol):
    """Adds one appliance's power for a day; ``name`` keys its random stream."""

    @property
    def name(self) -> str: ...

    def add_load(self, day: DayContext, rng: np.random.Generator, load: DayLoad) -> None: ...


def slots(minutes: float) -> int:
    """Whole slots (at least one) nearest to a duration in minutes."""
    return max(1, round(minutes * (60 / SLOT_SECONDS)))


def slots_of(minutes: FloatArray) -> IntArray:
    return np.maximum(1, np.rint(minutes * (60 / SLOT_SECONDS))).astype(np.int64)


def between(rng: np.random.Generator, bounds: Range) -> float:
    """A uniform draw within bounds (cheaper than Generator.uniform for scalars)."""
    return bounds[0] + (bounds[1] - bounds[0]) * rng.random()


def betweens(rng: np.random.Generator, bounds: Range, count: int) -> FloatArray:
    return bounds[0] + (bounds[1] - bounds[0]) * rng.random(count)


def _jittered(rng: np.random.Generator, watts: float) -> float:
    return watts * (1.0 + _VOLTAGE_SPREAD * rng.standard_normal())


def _jittered_each(rng: np.random.Generator, watts: float, count: int) -> FloatArray:
    return watts * (1.0 + _VOLTAGE_SPREAD * rng.standard_normal(count))


def _cycles(
    rng: np.random.Generator, start: int, stop: int, on_s: Range, off_s: Range
) -> tuple[IntArray, IntArray]:
    """Alternating on/off periods (thermostats, compressors, drum motors) from ``start``
    until ``stop``, as (starts, lengths) of the on periods, in slots."""
    period_s = (sum(on_s) + sum(off_s)) / 2
    count = int((stop - start) * SLOT_SECONDS / period_s * 1.5) + 2
    on = slots_of(betweens(rng, on_s, count) / 60)
    off = slots_of(betweens(rng, off_s, count) / 60)
    ends = np.cumsum(on + off)
    starts = start + ends - on - off
    keep = starts < stop
    return starts[keep], np.minimum(on[keep], stop - starts[keep])


def _wandering(
    rng: np.random.Generator, start: int, stop: int, watts: float, spread: float
) -> tuple[IntArray, IntArray, FloatArray]:
    """A steady load whose draw wanders every few minutes (screen brightness, CPU load)."""
    chunk = slots(5)
    starts = np.arange(start, max(start, stop), chunk, dtype=np.int64)
    lengths = np.minimum(chunk, stop - starts)
    return starts, lengths, watts * (1 - spread + 2 * spread * rng.random(len(starts)))


def one_at_a_time(starts: IntArray, lengths: IntArray, gap: int) -> IntArray:
    """Delay uses of a single device so each starts at least ``gap`` slots after the
    previous one ends (the second cup waits for the kettle to be refilled).
    ``starts`` must be sorted."""
    busy = lengths + gap
    before = np.cumsum(busy) - busy  # time taken by the earlier uses
    return np.asarray(before + np.maximum.accumulate(starts - before))


@lru_cache(maxsize=64)
def _rhythm(peaks: Peaks) -> tuple[FloatArray, FloatArray, FloatArray]:
    table = np.asarray(peaks, dtype=np.float64)
    cumulative = np.cumsum(table[:, 2])
    return table[:, 0], table[:, 1], cumulative / cumulative[-1]


def sample_clock_hours(rng: np.random.Generator, peaks: Peaks, count: int) -> FloatArray:
    """Clock hours drawn from a daily rhythm given as a mixture of normal peaks."""
    hours, spreads, cumulative = _rhythm(peaks)
    which = cumulative.searchsorted(rng.random(count))
    return np.asarray((hours[which] + spreads[which] * rng.standard_normal(count)) % 24.0)


def _when_someone_home(
    day: DayContext, rng: np.random.Generator, peaks: Peaks, mean_count: float
) -> IntArray:
    """Start slots of spontaneous uses: drawn from the rhythm, then kept with a chance
    that grows with the number of people up and about (nobody home, no use)."""
    count = int(rng.poisson(mean_count))
    if not count:
        return np.zeros(0, dtype=np.int64)
    found = np.minimum(day.slots_at(sample_clock_hours(rng, peaks, count)), day.n_slots - 1)
    share_active = day.active[found] / day.occupants
    keep = (share_active > 0) & (rng.random(count) < 0.4 + 0.6 * share_active)
    return np.sort(found[keep])


@dataclass(frozen=True)
class BaseLoad:
    """Always-on standby (router, chargers, clocks, boiler electronics), wandering slowly;
    a little higher in winter (central-heating pump, more things left on)."""

    standby_w: float
    name: str = "base_load"
    wander_w: float = 12.0
    winter_extra: float = 0.12
    flicker_w: int = 3

    def add_load(self, day: DayContext, rng: np.random.Generator, load: DayLoad) -> None:
        knot = slots(5)
        knots = -(-day.n_slots // knot)
        # A moving sum of white noise: a level that drifts over an hour or so.
        drift = np.convolve(rng.standard_normal(knots + 11), _DRIFT_KERNEL, "valid")
        level = self.standby_w * (1.0 + self.winter_extra * day.winterness)
        steps = np.rint(level + self.wander_w * drift).astype(np.int64)
        curve = np.repeat(steps, knot)[: day.n_slots]
        curve += rng.integers(-self.flicker_w, self.flicker_w + 1, day.n_slots, dtype=np.int8)
        load.add_curve(curve)


_DRIFT_KERNEL = np.full(12, 1 / np.sqrt(12))


@dataclass(frozen=True)
class FridgeFreezer:
    """Compressor cycling; the cycle runs through the night regardless of occupancy.
    A warmer kitchen in summer lengthens the runs and shortens the rests."""

    name: str = "fridge_freezer"
    compressor_w: float = 100.0
    on_minutes: Range = (15.0, 20.0)
    off_minutes: Range = (30.0, 40.0)

    def add_load(self, day: DayContext, rng: np.random.Generator, load: DayLoad) -> None:
        summer = 1.1 - 0.2 * day.winterness
        on_s = (self.on_minutes[0] * 60 * summer, self.on_minutes[1] * 60 * summer)
        off_s = (self.off_minutes[0] * 60 / summer, self.off_minutes[1] * 60 / summer)
        # The phase at midnight is drawn per day, so day D never needs day D-1.
        phase = -int(rng.integers(0, slots((on_s[1] + off_s[1]) / 60)))
        starts, lengths = _cycles(rng, phase, day.n_slots, on_s, off_s)
        load.add_pulses(starts, lengths, self.compressor_w + 3.0 * rng.standard_normal(len(starts)))


@dataclass(frozen=True)
class ShortBursts:
    """Short spontaneous uses at a fixed rating: kettle, microwave, toaster, vacuum."""

    name: str
    watts: float
    minutes: Range
    per_day: float  # mean uses on a day with everybody at home all day
    peaks: Peaks
    weekend_factor: float = 1.0

    def add_load(self, day: DayContext, rng: np.random.Generator, load: DayLoad) -> None:
        mean = self.per_day * (self.weekend_factor if day.weekend else 1.0)
        starts = _when_someone_home(day, rng, self.peaks, mean)
        if len(starts):
            lengths = slots_of(betweens(rng, self.minutes, len(starts)))
            starts = one_at_a_time(starts, lengths, gap=slots(1))
            load.add_pulses(starts, lengths, _jittered_each(rng, self.watts, len(starts)))


@dataclass(frozen=True)
class ElectricShower:
    """Instantaneous electric shower: each occupant showers after getting up, or
    else perhaps before bed.  Winter showers run a little longer."""

    name: str = "electric_shower"
    watts: float = 9000.0
    minutes: Range = (5.0, 10.0)
    morning_probability: float = 0.7
    evening_probability: float = 0.15

    def add_load(self, day: DayContext, rng: np.random.Generator, load: DayLoad) -> None:
        starts: list[int] = []
        for person, choice in enumerate(rng.random(day.occupants).tolist()):
            if choice < self.morning_probability:
                starts.append(int(day.wake_slots[person]) + slots(5 + 45 * rng.random()))
            elif choice < self.morning_probability + self.evening_probability:
                starts.append(int(day.bed_slots[person]) - slots(30 + 60 * rng.random()))
        if starts:
            minutes = betweens(rng, self.minutes, len(starts)) * (1.0 + 0.15 * day.winterness)
            lengths = slots_of(minutes)
            # One shower in the house: whoever is second waits for the bathroom.
            queued = one_at_a_time(np.sort(starts), lengths, gap=slots(2))
            load.add_pulses(queued, lengths, _jittered_each(rng, self.watts, len(starts)))


@dataclass(frozen=True)
class Cooking:
    """Electric oven and hob: the evening meal once people are home, a hob lunch when
    someone is in at midday, and the Sunday roast.  Both cycle on their thermostats."""

    name: str = "cooking"
    oven_w: float = 2500.0
    hob_w: float = 2000.0  # the largest ring
    meal_h: float = 18.0
    meal_probability: float = 0.85
    meal_minutes: Range = (30.0, 60.0)
    oven_share: float = 0.5
    weekend_factor: float = 1.3  # weekend meals take longer
    roast_probability: float = 0.4
    lunch_probability: float = 0.2

    def add_load(self, day: DayContext, rng: np.random.Generator, load: DayLoad) -> None:
        if rng.random() < self.meal_probability:
            start = max(day.slot_at(self.meal_h + 0.35 * rng.standard_normal()), day.home_from_slot)
            minutes = between(rng, self.meal_minutes) * (self.weekend_factor if day.weekend else 1)
            stop = start + slots(minutes)
            if rng.random() < self.oven_share:
                self._oven(rng, start, stop, load)
            for _ in range(1 + (rng.random() < 0.5)):
                ring = start + int((stop - start) / 2 * rng.random())
                self._hob(rng, ring, min(stop, ring + slots(20)), load)
        if day.date.weekday() == 6 and rng.random() < self.roast_probability:
            start = day.slot_at(11.5 + 0.4 * rng.standard_normal())
            stop = start + slots(90 + 30 * rng.random())
            if day.someone_home(start):
                self._oven(rng, start, stop, load)
                self._hob(rng, stop - slots(25), stop, load)
        lunch = day.slot_at(12.5 + 0.4 * rng.standard_normal())
        if rng.random() < self.lunch_probability and day.someone_home(lunch):
            self._hob(rng, lunch, lunch + slots(8 + 7 * rng.random()), load)

    def _oven(self, rng: np.random.Generator, start: int, stop: int, load: DayLoad) -> None:
        preheat = slots(8 + 4 * rng.random())
        load.add_pulse(start, preheat, _jittered(rng, self.oven_w))
        starts, lengths = _cycles(rng, start + preheat, stop, (40, 90), (60, 150))
        load.add_pulses(starts, lengths, _jittered(rng, self.oven_w))

    def _hob(self, rng: np.random.Generator, start: int, stop: int, load: DayLoad) -> None:
        boil = min(stop - start, slots(3 + 3 * rng.random()))
        load.add_pulse(start, boil, _jittered(rng, self.hob_w))
        starts, lengths = _cycles(rng, start + boil, stop, (20, 40), (30, 60))
        load.add_pulses(starts, lengths, _jittered(rng, self.hob_w))


@dataclass(frozen=True)
class WashingMachine:
    """Heat the water, tumble, spin; optionally followed by the tumble dryer, which is
    used more in winter when washing will not dry outside."""

    name: str = "washing_machine"
    per_week: float = 3.0
    heater_w: float = 2000.0
    motor_w: Range = (200.0, 500.0)
    dryer_w: float = 2300.0
    dryer_share: float = 0.0  # share of midwinter washes that go in the dryer
    peaks: Peaks = ((9.5, 1.0, 2.0), (14.0, 1.5, 1.0), (19.0, 1.0, 0.5))

    def add_load(self, day: DayContext, rng: np.random.Generator, load: DayLoad) -> None:
        # A weekend day gets 1.5 times a weekday's share of the week's washing.
        mean = self.per_week / 8 * (1.5 if day.weekend else 1.0)
        free_from = 0
        for start in _when_someone_home(day, rng, self.peaks, mean).tolist():
            free_from = self._cycle(rng, max(start, free_from), day.winterness, load)

    def _cycle(self, rng: np.random.Generator, start: int, winterness: float, load: DayLoad) -> int:
        """One wash (and maybe a drying) from ``start``; returns when the machine is free."""
        heat_start = start + slots(3)  # filling first
        heat = slots(12 + 6 * rng.random())
        load.add_pulse(heat_start, heat, _jittered(rng, self.heater_w))
        tumble_start = heat_start + heat
        tumble_stop = tumble_start + slots(50 + 20 * rng.random())
        starts, lengths = _cycles(rng, tumble_start, tumble_stop, (15, 40), (5, 15))
        load.add_pulses(starts, lengths, between(rng, self.motor_w))
        spin = slots(5 + 4 * rng.random())
        load.add_pulse(tumble_stop, spin, 400 + 200 * rng.random())
        if rng.random() < self.dryer_share * (0.3 + 0.7 * winterness):
            dryer_start = tumble_stop + spin + slots(5 + 25 * rng.random())
            dryer_stop = dryer_start + slots(60 + 30 * rng.random())
            starts, lengths = _cycles(rng, dryer_start, dryer_stop, (240, 420), (60, 150))
            load.add_pulses(starts, lengths, _jittered(rng, self.dryer_w))
        return tumble_stop + spin


@dataclass(frozen=True)
class Entertainment:
    """A TV or games console: on from the evening until bedtime, now and then an
    afternoon's viewing.  Its draw wanders with the picture."""

    name: str = "tv"
    watts: float = 140.0
    evening_from_h: float = 18.5
    until_h: float | None = None  # None: until the last person goes to bed
    weekday_evening_probability: float = 0.9
    afternoon_probability: float = 0.1
    afternoon_h: Range = (13.0, 16.5)

    def add_load(self, day: DayContext, rng: np.random.Generator, load: DayLoad) -> None:
        if day.weekend or rng.random() < self.weekday_evening_probability:
            start = day.slot_at(self.evening_from_h + 0.4 * rng.standard_normal())
            start = max(start, day.home_from_slot)
            if self.until_h is None:
                stop = int(day.bed_slots.max()) - slots(20 * rng.random())
            else:
                stop = day.slot_at(self.until_h + 0.3 * rng.standard_normal())
            load.add_pulses(*_wandering(rng, start, stop, self.watts, 0.15))
        afternoon = day.slot_at(between(rng, self.afternoon_h))
        if rng.random() < self.afternoon_probability and day.someone_home(afternoon):
            stop = afternoon + slots(60 + 90 * rng.random())
            load.add_pulses(*_wandering(rng, afternoon, stop, self.watts, 0.15))


@dataclass(frozen=True)
class HomeOffice:
    """Laptop, dock and monitors on working days, asleep over lunch."""

    name: str = "home_office"
    watts: float = 110.0
    asleep_w: float = 12.0
    start_h: float = 8.75
    lunch_h: float = 12.5
    end_h: float = 17.5
    workday_probability: float = 0.95

    def add_load(self, day: DayContext, rng: np.random.Generator, load: DayLoad) -> None:
        if day.weekend or rng.random() >= self.workday_probability:
            return
        jitter = (0.25 * rng.standard_normal(3)).tolist()
        start = day.slot_at(self.start_h + jitter[0])
        lunch = day.slot_at(self.lunch_h + jitter[1])
        back = lunch + slots(30 + 30 * rng.random())
        end = day.slot_at(self.end_h + jitter[2])
        load.add_pulses(*_wandering(rng, start, lunch, self.watts, 0.2))
        load.add_pulse(lunch, back - lunch, self.asleep_w)
        load.add_pulses(*_wandering(rng, back, end, self.watts, 0.2))


@dataclass(frozen=True)
class Lighting:
    """Lights are on while it is dark and people are up: a shared room as soon as
    anyone is, plus one more room's worth per active occupant."""

    name: str = "lighting"
    shared_w: float = 60.0
    per_person_w: float = 30.0

    def add_load(self, day: DayContext, rng: np.random.Generator, load: DayLoad) -> None:
        scale = 0.8 + 0.4 * rng.random()  # which rooms are in use varies from day to day
        shared = round(self.shared_w * scale)
        per_person = round(self.per_person_w * scale)
        in_use = (day.active > 0) * shared + day.active.astype(np.int64) * per_person
        load.add_curve(in_use * day.dark)


def dark_mask(n_slots: int, light_from: int, light_until: int) -> npt.NDArray[np.bool_]:
    """Slots of the day outside the indoor-daylight window [light_from, light_until)."""
    dark = np.ones(n_slots, dtype=np.bool_)
    dark[max(0, light_from) : max(0, light_until)] = False
    return dark
