"""Space heating and hot water: gas combi boiler, air-source heat pump, storage heaters.

Heat demand follows *heating degree-hours*: the house loses heat in proportion to
how far the outdoor temperature is below a base of 15.5 °C (the GB degree-day
base: internal gains from people, appliances and sun cover the rest), times its
heat-loss coefficient in W/K.  A thermostat programme modulates that: during
setback the house is allowed to cool, which lowers the base by the setback, and
part of the heat not delivered then has to be put back as a warm-up boost when
the next comfort period starts (the rest is a genuine saving: a cooler house
loses less heat).  Burners and compressors deliver the hourly heat by modulating
down to a minimum output and, below that, by firing on and off.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import ClassVar

import numpy as np
import numpy.typing as npt

from home_emulator.household.day import (
    SLOTS_PER_HOUR,
    DayContext,
    DayLoad,
    DaySeries,
    FloatArray,
    IntArray,
    Peaks,
    Range,
    between,
    betweens,
    jittered,
    jittered_each,
    one_at_a_time,
    slots,
    slots_of,
    when_someone_home,
)
from home_emulator.household.weather import coldness

BASE_TEMPERATURE_C = 15.5
_HOUR_MIDPOINTS = np.arange(24) + 0.5
# Hot taps: washing and teeth in the morning, washing up after meals, evening baths.
_HOT_TAP_PEAKS: Peaks = ((7.5, 0.8, 3.0), (13.0, 1.0, 1.0), (19.0, 1.2, 3.0), (21.5, 1.0, 1.0))


@dataclass(frozen=True)
class HeatingSchedule:
    """A thermostat programme: comfort periods in local clock hours, setback between."""

    weekday: tuple[Range, ...] = ((6.5, 8.5), (16.5, 22.5))
    weekend: tuple[Range, ...] = ((7.5, 22.5),)
    setback_k: float = 5.0  # how much cooler the house may get outside the comfort periods
    recovery_share: float = 0.6  # share of the heat saved in setback needed to warm back up
    off_above_c: float = 14.0  # on a day this mild the heating stays off (spring to autumn)

    def comfort_share(self, weekend: bool) -> FloatArray:
        """Share of each local clock hour 0..23 inside a comfort period."""
        return _comfort_share(self.weekend if weekend else self.weekday)


@lru_cache(maxsize=64)
def _comfort_share(periods: tuple[Range, ...]) -> FloatArray:
    hours = np.arange(24.0)
    share = np.zeros(24)
    for start, end in periods:
        share += np.clip(np.minimum(hours + 1, end) - np.maximum(hours, start), 0.0, 1.0)
    share.setflags(write=False)
    return share


def space_heat_w(
    day: DayContext, heat_loss_w_per_k: float, schedule: HeatingSchedule
) -> FloatArray:
    """Mean heat output the house needs in each local clock hour 0..23, in watts."""
    weather = day.weather
    if weather.mean_c >= schedule.off_above_c:
        return np.zeros(24)
    outdoor = weather.temperature_c(_HOUR_MIDPOINTS)
    full = heat_loss_w_per_k * np.maximum(BASE_TEMPERATURE_C - outdoor, 0.0)
    setback = heat_loss_w_per_k * np.maximum(BASE_TEMPERATURE_C - schedule.setback_k - outdoor, 0.0)
    comfort = schedule.comfort_share(day.weekend)
    demand = comfort * full + (1.0 - comfort) * setback
    # The warm-up boost repays heat not delivered since the previous comfort period ended;
    # the night before midnight is taken to be like this day's own late evening.
    deficit = np.concatenate(([0.0], np.cumsum(np.tile((1.0 - comfort) * (full - setback), 2))))
    periods = sorted(schedule.weekend if day.weekend else schedule.weekday)
    previous_end = periods[-1][1] - 24.0
    for start, end in periods:
        since, until = math.floor(previous_end) + 24, math.ceil(start) + 24
        demand[int(start)] += schedule.recovery_share * (deficit[until] - deficit[since])
        previous_end = end
    return demand


def firing_cycles(
    rng: np.random.Generator,
    hour_edges: IntArray,
    demand_w: FloatArray,
    min_w: FloatArray | float,
    max_w: FloatArray | float,
    period_slots: int,
    min_on_slots: int,
) -> tuple[IntArray, IntArray, FloatArray]:
    """(starts, lengths, watts) of a modulating burner or compressor meeting an hourly
    demand: continuous at the demanded rate while that is above its minimum output,
    otherwise on and off at the minimum with the duty that delivers the demand, never
    for less than its minimum run (which anti-cycling controls enforce)."""
    hour_starts, hour_lengths = hour_edges[:-1], np.diff(hour_edges)
    firing = np.clip(demand_w, min_w, max_w)
    duty = np.minimum(demand_w / firing, 1.0)
    used = (demand_w > 0) & (hour_lengths > 0)
    firing, duty = firing[used], duty[used]
    starts, lengths = hour_starts[used], hour_lengths[used]
    on = np.maximum(np.rint(duty * period_slots), min_on_slots)
    cycle = np.maximum(period_slots, np.rint(on / duty))
    continuous = duty >= 1.0
    # Whole cycles per hour, rounded up or down at random so the mean is exact, spread
    # evenly with a random phase; continuous firing just runs from end to end.
    count = np.where(
        continuous, np.ceil(lengths / cycle), np.floor(lengths / cycle + rng.random(len(on)))
    ).astype(np.int64)
    spacing = np.where(continuous, cycle, lengths / np.maximum(count, 1))
    on = np.minimum(on, np.floor(spacing))
    phase = np.where(continuous, 0.0, rng.random(len(on)) * (spacing - on))
    which = np.repeat(np.arange(len(on)), count)
    nth = np.arange(len(which)) - np.repeat(np.cumsum(count) - count, count)
    cycle_starts = starts[which] + np.floor(phase[which] + nth * spacing[which]).astype(np.int64)
    cycle_ends = np.minimum(cycle_starts + on[which].astype(np.int64), (starts + lengths)[which])
    watts = firing[which] * (1.0 + 0.03 * rng.standard_normal(len(which)))
    return cycle_starts, cycle_ends - cycle_starts, watts


def heat_pump_cop(
    outdoor_c: npt.ArrayLike, at_minus_3_c: float = 2.3, at_10_c: float = 4.0
) -> FloatArray:
    """Coefficient of performance of an air-source heat pump on weather compensation:
    linear in the outdoor temperature through the two rated points, within 1.5 .. 5.5."""
    slope = (at_10_c - at_minus_3_c) / 13.0
    cop = at_minus_3_c + slope * (np.asarray(outdoor_c, dtype=np.float64) + 3.0)
    return np.asarray(np.clip(cop, 1.5, 5.5))


@dataclass(frozen=True)
class GasBoiler:
    """A condensing combination boiler: space heating to the thermostat programme and
    instantaneous hot water (showers, baths, hot taps), which takes priority: the heating
    waits while hot water runs.  Gas goes to the gas series in watts of gas energy; the
    fan and pump draw electricity whenever the boiler fires."""

    name: str = "gas_boiler"
    heat_loss_w_per_k: float = 180.0
    schedule: HeatingSchedule = field(default_factory=HeatingSchedule)
    max_heating_w: float = 18_000.0  # heat output
    min_output_w: float = 5_000.0  # lowest modulation
    hot_water_w: float = 24_000.0  # heat output at full fire on hot water
    efficiency: float = 0.88  # seasonal, space heating (condensing)
    hot_water_efficiency: float = 0.8  # short draws hardly let it condense
    showers_per_person: float = 0.4  # showers and baths a day from the boiler
    shower_minutes: Range = (5.0, 10.0)
    hot_taps_per_person: float = 3.0
    tap_minutes: Range = (0.3, 1.5)
    pump_fan_w: float = 85.0
    burns_gas: ClassVar[bool] = True

    def add_load(self, day: DayContext, rng: np.random.Generator, load: DayLoad) -> None:
        demand = space_heat_w(day, self.heat_loss_w_per_k, self.schedule)
        starts, lengths, heat_w = firing_cycles(
            rng,
            day.hour_edges(),
            demand,
            self.min_output_w,
            self.max_heating_w,
            slots(12),
            slots(3),
        )
        hot_water = DaySeries(day.n_slots)
        self._hot_water(day, rng, hot_water)
        max_input_w = round(self.hot_water_w / self.hot_water_efficiency)
        gas_w = np.minimum(hot_water.render(), max_input_w)
        if len(starts):  # else summer: hot water only
            heating = DaySeries(day.n_slots)
            heating.add_pulses(starts, lengths, heat_w / self.efficiency)
            gas_w = np.where(gas_w > 0, gas_w, heating.render())
        load.gas.add_curve(gas_w)
        load.add_curve(np.where(gas_w > 0, round(self.pump_fan_w), 0))

    def _hot_water(self, day: DayContext, rng: np.random.Generator, gas: DaySeries) -> None:
        full_w = self.hot_water_w / self.hot_water_efficiency
        # Colder mains water in winter needs more heat for the same flow; at full fire
        # the boiler's cap (applied by the caller) then limits it.
        winter = 0.85 + 0.3 * coldness(day.date)
        showers: list[int] = []
        for person, choice in enumerate(rng.random(day.occupants).tolist()):
            if choice < 0.7 * self.showers_per_person:
                showers.append(int(day.wake_slots[person]) + slots(5 + 45 * rng.random()))
            elif choice < self.showers_per_person:
                showers.append(int(day.bed_slots[person]) - slots(30 + 60 * rng.random()))
        if showers:
            lengths = slots_of(betweens(rng, self.shower_minutes, len(showers)))
            starts = one_at_a_time(np.sort(showers), lengths, gap=slots(2))
            gas.add_pulses(
                starts, lengths, full_w * winter * betweens(rng, (0.75, 1.0), len(starts))
            )
        taps = when_someone_home(day, rng, _HOT_TAP_PEAKS, self.hot_taps_per_person * day.occupants)
        if len(taps):
            lengths = slots_of(betweens(rng, self.tap_minutes, len(taps)))
            gas.add_pulses(taps, lengths, full_w * winter * betweens(rng, (0.4, 0.9), len(taps)))


@dataclass(frozen=True)
class HeatPump:
    """An air-source heat pump heating the house and, once a day, a hot-water cylinder.

    Its electricity is the heat delivered divided by the COP at the hour's outdoor
    temperature (lower again for hot water, which needs a hotter flow).  In cold damp
    weather frost builds up on the outdoor coil and is melted by short reverse-cycle
    defrosts; once a week an immersion heater takes the cylinder to 60 °C against
    legionella.  Controls draw a little all the time, the circulation pump while heating.
    """

    name: str = "heat_pump"
    heat_loss_w_per_k: float = 160.0
    schedule: HeatingSchedule = field(
        default_factory=lambda: HeatingSchedule(
            weekday=((6.0, 22.5),), weekend=((6.5, 23.0),), setback_k=2.0, recovery_share=0.8
        )
    )
    rated_heat_w: float = 7_000.0
    min_heat_w: float = 2_500.0
    cop_at_minus_3_c: float = 2.3
    cop_at_10_c: float = 4.0
    hot_water_cop_factor: float = 0.75
    hot_water_h: float = 13.0  # cylinder reheat timed for the warmest part of the day
    hot_water_w: float = 2_200.0  # electrical input while reheating the cylinder
    hot_water_kwh_per_person: float = 1.8  # heat drawn off a day
    cylinder_loss_kwh: float = 1.3  # standing loss a day
    pasteurise_weekday: int = 6  # Sunday
    immersion_w: float = 3_000.0
    pasteurise_minutes: Range = (30.0, 50.0)
    damp_humidity: float = 0.82  # frost forms on the coil at or above this humidity ...
    frost_band_c: Range = (-8.0, 5.0)  # ... in this outdoor temperature band
    defrost_w: float = 1_500.0
    circulation_w: float = 45.0
    controls_w: float = 12.0

    def cop(self, outdoor_c: npt.ArrayLike) -> FloatArray:
        return heat_pump_cop(outdoor_c, self.cop_at_minus_3_c, self.cop_at_10_c)

    def add_load(self, day: DayContext, rng: np.random.Generator, load: DayLoad) -> None:
        reheat_start, reheat_slots = self._hot_water(day, rng, load)
        reheat_end = reheat_start + reheat_slots
        edges = day.hour_edges()
        outdoor = day.weather.temperature_c(_HOUR_MIDPOINTS)
        cop = self.cop(outdoor)
        demand = space_heat_w(day, self.heat_loss_w_per_k, self.schedule)
        # One compressor: the house goes without while the cylinder reheats, and the hour
        # after makes up part of it, as after a setback.
        blocked = np.clip(
            np.minimum(edges[1:], reheat_end) - np.maximum(edges[:-1], reheat_start), 0, None
        ) / np.maximum(np.diff(edges), 1)
        after = min(int(np.searchsorted(edges, reheat_end, side="right")), 23)
        demand[after] += self.schedule.recovery_share * float((demand * blocked).sum())
        starts, lengths, watts = firing_cycles(
            rng,
            edges,
            demand / cop,
            self.min_heat_w / cop,
            self.rated_heat_w / cop,
            slots(30),
            slots(10),
        )
        load.add_pulses(*_outside(starts, lengths, watts, reheat_start, reheat_end))
        load.add_pulse(0, day.n_slots, self.controls_w)
        heating = demand > 0
        load.add_pulses(edges[:-1][heating], np.diff(edges)[heating], self.circulation_w)
        # Last, so that whether it frosts up leaves the draws of everything else unchanged.
        self._defrost(day, rng, load, edges, outdoor, heating)

    def _defrost(
        self,
        day: DayContext,
        rng: np.random.Generator,
        load: DayLoad,
        edges: IntArray,
        outdoor: FloatArray,
        heating: npt.NDArray[np.bool_],
    ) -> None:
        if day.weather.humidity < self.damp_humidity:
            return
        low, high = self.frost_band_c
        frosting = heating & (outdoor > low) & (outdoor < high)
        if not frosting.any():
            return
        # A defrost every 40 to 90 minutes through the hours it heats in frosting conditions.
        gaps = slots_of(betweens(rng, (40.0, 90.0), 40))
        times = np.cumsum(gaps) - int(rng.integers(0, slots(90)))
        times = times[(times >= 0) & (times < day.n_slots)]
        times = times[frosting[np.searchsorted(edges, times, side="right") - 1]]
        lengths = slots_of(betweens(rng, (3.0, 7.0), len(times)))
        load.add_pulses(times, lengths, jittered_each(rng, self.defrost_w, len(times)))

    def _hot_water(
        self, day: DayContext, rng: np.random.Generator, load: DayLoad
    ) -> tuple[int, int]:
        """Reheat the cylinder (and pasteurise it on its day); returns the reheat's
        (start, length) in slots, during which the compressor heats nothing else."""
        start = day.slot_at(self.hot_water_h)
        drawn_kwh = day.occupants * self.hot_water_kwh_per_person * between(rng, (0.7, 1.3))
        heat_kwh = drawn_kwh * (0.85 + 0.3 * coldness(day.date)) + self.cylinder_loss_kwh
        cop = float(self.cop(day.weather.temperature_c(self.hot_water_h))) * (
            self.hot_water_cop_factor
        )
        length = slots(heat_kwh / cop / self.hot_water_w * 60_000)
        load.add_pulse(start, length, jittered(rng, self.hot_water_w))
        if day.date.weekday() == self.pasteurise_weekday:
            minutes = between(rng, self.pasteurise_minutes)
            load.add_pulse(start + length, slots(minutes), jittered(rng, self.immersion_w))
        return start, length


def _outside(
    starts: IntArray, lengths: IntArray, watts: FloatArray, busy_from: int, busy_until: int
) -> tuple[IntArray, IntArray, FloatArray]:
    """The parts of pulses outside [busy_from, busy_until): a pulse running into the busy
    time stops, and one running through it resumes after."""
    ends = starts + lengths
    before, after = starts < busy_from, ends > busy_until
    resumed = np.maximum(starts, busy_until)
    return (
        np.concatenate((starts[before], resumed[after])),
        np.concatenate(((np.minimum(ends, busy_from) - starts)[before], (ends - resumed)[after])),
        np.concatenate((watts[before], watts[after])),
    )


@dataclass(frozen=True)
class StorageHeaters:
    """Night storage heaters: their bricks charge in the off-peak window with enough heat
    for the coming day, judged (by automatic charge controllers) from the weather, and
    finish charging as the window closes so the heat lasts into the evening."""

    name: str = "storage_heaters"
    heat_loss_w_per_k: float = 70.0
    heater_w: tuple[float, ...] = (2_550.0, 1_700.0, 1_700.0)
    off_peak: Range = (0.5, 7.5)
    off_above_c: float = 13.5

    def add_load(self, day: DayContext, rng: np.random.Generator, load: DayLoad) -> None:
        weather = day.weather
        if weather.mean_c >= self.off_above_c:
            return
        outdoor = weather.temperature_c(_HOUR_MIDPOINTS)
        degree_hours = float(np.maximum(BASE_TEMPERATURE_C - outdoor, 0.0).sum())
        need_wh = self.heat_loss_w_per_k * degree_hours * between(rng, (0.85, 1.15))
        ratings = np.array(self.heater_w)
        window_start, window_end = (day.slot_at(h) for h in self.off_peak)
        hours = np.minimum(need_wh / ratings.sum(), (window_end - window_start) / SLOTS_PER_HOUR)
        lengths = slots_of(np.full(len(ratings), hours * 60))
        stagger = slots_of(betweens(rng, (0.0, 10.0), len(ratings)))
        starts = np.maximum(window_end - lengths - stagger, window_start)
        load.add_pulses(starts, lengths, jittered_each(rng, 1.0, len(ratings)) * ratings)
