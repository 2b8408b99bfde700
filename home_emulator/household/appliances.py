"""The everyday appliances that make up the emulated household's electricity load.

Each appliance adds its power into one local day of 10-second slots (the grid, the
day context and the accumulators are in :mod:`home_emulator.household.day`).  Heating, hot
water, the EV charger and solar generation have modules of their own.  The names
of :mod:`home_emulator.household.day` are re-exported here for the appliance models of
other modules and for older imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from home_emulator.household.day import (
    SLOT_SECONDS,
    SLOTS_PER_DAY,
    SLOTS_PER_HOUR,
    Appliance,
    DayContext,
    DayLoad,
    DaySeries,
    FloatArray,
    IntArray,
    OvernightAppliance,
    Peaks,
    Range,
    between,
    betweens,
    clock_slots,
    cycles,
    dark_mask,
    jittered,
    jittered_each,
    one_at_a_time,
    sample_clock_hours,
    slots,
    slots_of,
    wandering,
    when_someone_home,
)

__all__ = [
    "SLOTS_PER_DAY",
    "SLOTS_PER_HOUR",
    "SLOT_SECONDS",
    "Appliance",
    "BaseLoad",
    "Cooking",
    "DayContext",
    "DayLoad",
    "DaySeries",
    "ElectricShower",
    "Entertainment",
    "FloatArray",
    "FridgeFreezer",
    "HomeOffice",
    "IntArray",
    "Lighting",
    "OvernightAppliance",
    "Peaks",
    "Range",
    "ShortBursts",
    "WashingMachine",
    "between",
    "betweens",
    "clock_slots",
    "cycles",
    "dark_mask",
    "jittered",
    "jittered_each",
    "one_at_a_time",
    "sample_clock_hours",
    "slots",
    "slots_of",
    "wandering",
    "when_someone_home",
]


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
        starts, lengths = cycles(rng, phase, day.n_slots, on_s, off_s)
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
        starts = when_someone_home(day, rng, self.peaks, mean)
        if len(starts):
            lengths = slots_of(betweens(rng, self.minutes, len(starts)))
            starts = one_at_a_time(starts, lengths, gap=slots(1))
            load.add_pulses(starts, lengths, jittered_each(rng, self.watts, len(starts)))


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
            load.add_pulses(queued, lengths, jittered_each(rng, self.watts, len(starts)))


# A simmering gas burner runs at a third to a half of its full rate.
_SIMMER: Range = (0.3, 0.5)


@dataclass(frozen=True)
class Cooking:
    """Electric oven and hob: the evening meal once people are home, a hob lunch when
    someone is in at midday, and the Sunday roast.  Both cycle on their thermostats.

    A gas hob instead burns gas: full flame to bring the pan up, then a steady simmer
    (a burner is turned down, not switched on and off like a ring)."""

    name: str = "cooking"
    oven_w: float = 2500.0
    hob_w: float = 2000.0  # the largest ring (for a gas hob: its burner's gas rate)
    hob_fuel: Literal["electricity", "gas"] = "electricity"
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
        load.add_pulse(start, preheat, jittered(rng, self.oven_w))
        starts, lengths = cycles(rng, start + preheat, stop, (40, 90), (60, 150))
        load.add_pulses(starts, lengths, jittered(rng, self.oven_w))

    @property
    def burns_gas(self) -> bool:
        return self.hob_fuel == "gas"

    def _hob(self, rng: np.random.Generator, start: int, stop: int, load: DayLoad) -> None:
        boil = min(stop - start, slots(3 + 3 * rng.random()))
        if self.hob_fuel == "gas":
            load.gas.add_pulse(start, boil, self.hob_w)
            if stop > start + boil:
                simmer_w = self.hob_w * between(rng, _SIMMER)
                load.gas.add_pulse(start + boil, stop - start - boil, simmer_w)
            return
        load.add_pulse(start, boil, jittered(rng, self.hob_w))
        starts, lengths = cycles(rng, start + boil, stop, (20, 40), (30, 60))
        load.add_pulses(starts, lengths, jittered(rng, self.hob_w))


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
        for start in when_someone_home(day, rng, self.peaks, mean).tolist():
            free_from = self._cycle(rng, max(start, free_from), day.winterness, load)

    def _cycle(self, rng: np.random.Generator, start: int, winterness: float, load: DayLoad) -> int:
        """One wash (and maybe a drying) from ``start``; returns when the machine is free."""
        heat_start = start + slots(3)  # filling first
        heat = slots(12 + 6 * rng.random())
        load.add_pulse(heat_start, heat, jittered(rng, self.heater_w))
        tumble_start = heat_start + heat
        tumble_stop = tumble_start + slots(50 + 20 * rng.random())
        starts, lengths = cycles(rng, tumble_start, tumble_stop, (15, 40), (5, 15))
        load.add_pulses(starts, lengths, between(rng, self.motor_w))
        spin = slots(5 + 4 * rng.random())
        load.add_pulse(tumble_stop, spin, 400 + 200 * rng.random())
        if rng.random() < self.dryer_share * (0.3 + 0.7 * winterness):
            dryer_start = tumble_stop + spin + slots(5 + 25 * rng.random())
            dryer_stop = dryer_start + slots(60 + 30 * rng.random())
            starts, lengths = cycles(rng, dryer_start, dryer_stop, (240, 420), (60, 150))
            load.add_pulses(starts, lengths, jittered(rng, self.dryer_w))
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
            load.add_pulses(*wandering(rng, start, stop, self.watts, 0.15))
        afternoon = day.slot_at(between(rng, self.afternoon_h))
        if rng.random() < self.afternoon_probability and day.someone_home(afternoon):
            stop = afternoon + slots(60 + 90 * rng.random())
            load.add_pulses(*wandering(rng, afternoon, stop, self.watts, 0.15))


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
        load.add_pulses(*wandering(rng, start, lunch, self.watts, 0.2))
        load.add_pulse(lunch, back - lunch, self.asleep_w)
        load.add_pulses(*wandering(rng, back, end, self.watts, 0.2))


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
