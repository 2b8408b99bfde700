"""One local day on the 10-second slot grid: what appliances see and what they add to.

Each appliance adds its power into one *local day* of 10-second slots (see
``household.py`` for why the grid is 10 s).  Nearly everything in a home is a
switched load, so appliances describe their power as rectangular pulses
(start slot, length in slots, watts) and :class:`DaySeries` renders all pulses of
a day at once with a difference array.  A day therefore costs a handful of numpy
calls however many kettle boils or thermostat cycles it contains.

Appliances only ever see a :class:`DayContext` (who is up and at home, when it
is dark, the weather, ...) and their own random generator, so further appliance
classes can be added without disturbing the random streams, and hence the
traces, of the existing ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol, runtime_checkable
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from home_emulator.household.weather import DailyWeather

SLOT_SECONDS = 10
SLOTS_PER_DAY = 86_400 // SLOT_SECONDS
SLOTS_PER_HOUR = 3600 // SLOT_SECONDS

Watts = npt.NDArray[np.int32]
IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
Range = tuple[float, float]
# A daily rhythm as a mixture of (clock hour, spread in hours, relative weight).
Peaks = tuple[tuple[float, float, float], ...]

# Mains voltage wanders by a percent or two, so the same resistive appliance
# draws slightly different power from one use to the next.
_VOLTAGE_SPREAD = 0.015
_ELAPSED_S = np.arange(SLOTS_PER_DAY, dtype=np.int32) * SLOT_SECONDS
_ELAPSED_S.setflags(write=False)


@dataclass(frozen=True, eq=False)
class DayContext:
    """Everything an appliance may know about one local day of the household."""

    date: dt.date
    first_slot: int  # UTC slot number of local midnight (slot k starts at 10k s after the epoch)
    clock_s: npt.NDArray[np.int32]  # local wall-clock seconds since midnight, per slot
    clock_mono_s: npt.NDArray[np.int32]  # running maximum of clock_s (repeated hour folded)
    eve_clock_mono_s: npt.NDArray[np.int32]  # the same for the previous local day
    active: npt.NDArray[np.int8]  # occupants awake and at home, per slot
    dark: npt.NDArray[np.bool_]  # too dark indoors to manage without lights, per slot
    wake_slots: IntArray  # per occupant
    bed_slots: IntArray  # per occupant
    home_from_slot: int  # from here on everybody who went out is back for the evening
    occupants: int
    winterness: float  # 0 at midsummer, 1 at midwinter
    weather: DailyWeather
    latitude_deg: float
    longitude_deg: float

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

    def eve_slot_at(self, hour: float) -> int:
        """The slot, counted from this day's midnight (so negative), of a clock time on the
        previous day: for things started last evening that are still running."""
        return int(self.eve_clock_mono_s.searchsorted(hour * 3600.0)) - len(self.eve_clock_mono_s)

    def hour_edges(self) -> IntArray:
        """Slot boundaries of the local clock hours 0..24 (an hour skipped by the clock
        change is empty; a repeated one is two hours long)."""
        return self.slots_at(np.arange(25))

    def someone_home(self, slot: int) -> bool:
        return bool(self.active[min(max(slot, 0), self.n_slots - 1)])


def clock_slots(clock_mono_s: npt.NDArray[np.int32], hours: npt.ArrayLike) -> IntArray:
    """See :meth:`DayContext.slots_at`; ``clock_mono_s`` is its running-max clock."""
    seconds = np.asarray(hours, dtype=np.float64) * 3600.0
    return np.searchsorted(clock_mono_s, seconds, side="left").astype(np.int64)


class DaySeries:
    """Accumulates one day of one quantity as pulses plus continuous curves, in integer watts.

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

    def render(self) -> Watts:
        total = np.zeros(self.n_slots, dtype=np.int64)
        if self._starts:
            starts = np.array(self._starts, dtype=np.int64)
            stops = np.minimum(np.maximum(starts + self._lengths, 0), self.n_slots)
            starts = np.minimum(np.maximum(starts, 0), self.n_slots)
            watts = np.rint(self._watts)
            size = self.n_slots + 1
            steps = np.bincount(starts, weights=watts, minlength=size)
            steps -= np.bincount(stops, weights=watts, minlength=size)
            # Sums of integer-valued float64 are exact far beyond household power levels,
            # so the steps convert exactly, and an integer running sum is several times
            # faster than a floating-point one.
            total += np.cumsum(steps[:-1].astype(np.int64))
        for curve in self._curves:
            total += curve
        return np.maximum(total, 0).astype(np.int32)


class DayLoad(DaySeries):
    """A day of the home's electricity consumption, with the other things meters see
    alongside: gas burnt (as watts of gas energy: what a gas meter integrates) and
    electricity generated on site (solar PV).  Consumption and generation are kept
    apart because the electricity meter nets them slot by slot."""

    def __init__(self, n_slots: int) -> None:
        super().__init__(n_slots)
        self.gas = DaySeries(n_slots)
        self.generation = DaySeries(n_slots)


class Appliance(Protocol):
    """Adds one appliance's power for a day; ``name`` keys its random stream."""

    @property
    def name(self) -> str: ...

    def add_load(self, day: DayContext, rng: np.random.Generator, load: DayLoad) -> None: ...


@runtime_checkable
class OvernightAppliance(Appliance, Protocol):
    """An appliance whose use can run on past midnight (an EV charging from late evening).

    Days are generated independently, so the part after midnight is added when the next
    day is generated: ``add_carry_over`` receives *that* day's context and the appliance's
    stream for the previous day, redraws the previous day's session from it and adds
    whatever falls after midnight (pulses before the day's start are cut off).
    """

    def add_carry_over(
        self, day: DayContext, eve_rng: np.random.Generator, load: DayLoad
    ) -> None: ...


# --- the local-time grid ---------------------------------------------------------------------


def _utc_offset_s(tz: ZoneInfo, epoch_s: int) -> int:
    offset = dt.datetime.fromtimestamp(epoch_s, tz).utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


@lru_cache(maxsize=4096)
def day_bounds(tz: ZoneInfo, local_date: dt.date) -> tuple[int, int]:
    """(first slot, number of slots) of a local day: midnight to midnight."""
    start, end = (
        dt.datetime.combine(d, dt.time(), tzinfo=tz).timestamp()
        for d in (local_date, local_date + dt.timedelta(days=1))
    )
    if start % SLOT_SECONDS or end % SLOT_SECONDS:
        raise ValueError(f"{tz} midnight on {local_date} is not on the {SLOT_SECONDS}-s grid")
    return int(start) // SLOT_SECONDS, int(end - start) // SLOT_SECONDS


def local_clock_s(tz: ZoneInfo, first_slot: int, n_slots: int) -> npt.NDArray[np.int32]:
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


def monotonic_clock_s(clock_s: npt.NDArray[np.int32]) -> npt.NDArray[np.int32]:
    """The running maximum of a day's clock: the repeated autumn hour folded onto its end."""
    return clock_s if len(clock_s) == SLOTS_PER_DAY else np.maximum.accumulate(clock_s)


def dark_mask(n_slots: int, light_from: int, light_until: int) -> npt.NDArray[np.bool_]:
    """Slots of the day outside the indoor-daylight window [light_from, light_until)."""
    dark = np.ones(n_slots, dtype=np.bool_)
    dark[max(0, light_from) : max(0, light_until)] = False
    return dark


# --- helpers shared by appliance models ------------------------------------------------------


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


def jittered(rng: np.random.Generator, watts: float) -> float:
    return watts * (1.0 + _VOLTAGE_SPREAD * rng.standard_normal())


def jittered_each(rng: np.random.Generator, watts: float, count: int) -> FloatArray:
    return watts * (1.0 + _VOLTAGE_SPREAD * rng.standard_normal(count))


def cycles(
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


def wandering(
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


def when_someone_home(
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
