"""Heating and hot water: degree-hours, thermostat programmes, boilers and heat pumps."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from home_emulator.household import appliances as ap
from home_emulator.household.heating import (
    BASE_TEMPERATURE_C,
    GasBoiler,
    HeatingSchedule,
    HeatPump,
    StorageHeaters,
    firing_cycles,
    heat_pump_cop,
    space_heat_w,
)
from home_emulator.household.load import (
    PROFILES,
    SLOT_SECONDS,
    HouseholdLoad,
    HouseholdProfile,
    Routine,
)
from home_emulator.household.weather import DailyWeather

FAMILY = PROFILES["family_of_four"]
WEEKDAY = dt.date(2025, 1, 15)  # a Wednesday
J_PER_KWH = 3.6e6


@dataclasses.dataclass(frozen=True)
class _ContextRecorder:
    """Draws nothing, adds nothing: keeps the day context it is shown."""

    seen: list[ap.DayContext] = dataclasses.field(default_factory=list, compare=False)
    name: str = "context_recorder"

    def add_load(self, day: ap.DayContext, rng: np.random.Generator, load: ap.DayLoad) -> None:
        self.seen.append(day)


def _context(
    day: dt.date, mean_c: float, *, humidity: float = 0.6, swing_c: float = 0.0
) -> ap.DayContext:
    """A family's day with made-up weather."""
    recorder = _ContextRecorder()
    HouseholdLoad(1, dataclasses.replace(FAMILY, appliances=(recorder,))).day_watts(day)
    weather = DailyWeather(day, mean_c, swing_c, 0.7, humidity, np.full(25, 0.7))
    return dataclasses.replace(recorder.seen[-1], weather=weather)


def _run(appliance: ap.Appliance, context: ap.DayContext, seed: int = 1) -> ap.DayLoad:
    load = ap.DayLoad(context.n_slots)
    appliance.add_load(context, np.random.default_rng(seed), load)
    return load


def _kwh(watts: np.ndarray) -> float:
    return int(watts.sum(dtype=np.int64)) * SLOT_SECONDS / J_PER_KWH


def _only(profile: HouseholdProfile, *names: str) -> HouseholdProfile:
    kept = tuple(a for a in profile.appliances if a.name in names)
    assert len(kept) == len(names)
    return dataclasses.replace(profile, appliances=kept)


def _month(year: int, month: int) -> list[dt.date]:
    first = dt.date(year, month, 1)
    return [
        first + dt.timedelta(days=i)
        for i in range(31)
        if (first + dt.timedelta(days=i)).month == month
    ]


# --- heat demand ----------------------------------------------------------------------------


@pytest.mark.parametrize("outdoor_c", [-5.0, 0.0, 7.5, 15.0, 18.0])
def test_demand_is_heat_loss_times_degrees_below_the_base(outdoor_c: float) -> None:
    always_on = HeatingSchedule(weekday=((0.0, 24.0),), weekend=((0.0, 24.0),), off_above_c=30)
    demand = space_heat_w(_context(WEEKDAY, outdoor_c), 200.0, always_on)
    np.testing.assert_allclose(demand, 200.0 * max(BASE_TEMPERATURE_C - outdoor_c, 0.0))


def test_setback_saves_heat_but_the_warm_up_pays_some_back() -> None:
    schedule = HeatingSchedule()  # 06:30-08:30 and 16:30-22:30 on weekdays, 5 K setback
    demand = space_heat_w(_context(WEEKDAY, 0.0), 200.0, schedule)
    assert demand[2] == pytest.approx(200.0 * (BASE_TEMPERATURE_C - 5.0))  # night: setback
    assert demand[19] == pytest.approx(200.0 * BASE_TEMPERATURE_C)  # evening: comfort
    assert demand[6] > 2 * demand[19]  # the morning warm-up
    assert demand[16] > demand[19]  # and the afternoon one
    always_on = HeatingSchedule(weekday=((0.0, 24.0),))
    assert demand.sum() < space_heat_w(_context(WEEKDAY, 0.0), 200.0, always_on).sum()


def test_heating_stays_off_on_mild_days() -> None:
    assert not space_heat_w(_context(WEEKDAY, 14.5), 200.0, HeatingSchedule()).any()


@pytest.mark.parametrize("demand_w", [600.0, 3_000.0, 9_000.0, 30_000.0])
def test_firing_cycles_deliver_the_hourly_demand(demand_w: float) -> None:
    edges = np.arange(25, dtype=np.int64) * 360
    demand = np.full(24, demand_w)
    starts, lengths, watts = firing_cycles(
        np.random.default_rng(3), edges, demand, 5_000.0, 18_000.0, 72, 18
    )
    assert (lengths > 0).all()
    hours = starts // 360
    assert ((starts + lengths - 1) // 360 == hours).all()  # nothing spills into the next hour
    delivered_wh = float((lengths * watts).sum()) / 360
    # Cycles per hour are rounded at random (exact on average): a day is close.
    assert delivered_wh == pytest.approx(24 * min(demand_w, 18_000.0), rel=0.08)
    if demand_w < 5_000.0:  # below the minimum output: on and off at the minimum
        assert watts.max() < 5_000.0 * 1.15
        assert lengths.min() >= 18


# --- heat pump ------------------------------------------------------------------------------


def test_cop_falls_with_the_outdoor_temperature() -> None:
    assert float(heat_pump_cop(10.0)) == pytest.approx(4.0)
    assert float(heat_pump_cop(-3.0)) == pytest.approx(2.3)
    curve = heat_pump_cop(np.linspace(-15, 25, 81))
    assert (np.diff(curve) >= 0).all()
    assert curve.min() >= 1.5
    assert curve.max() <= 5.5
    np.testing.assert_allclose(HeatPump().cop([-3.0, 10.0]), [2.3, 4.0])


@pytest.mark.parametrize("outdoor_c", [-3.0, 10.0])
def test_heat_pump_electricity_is_the_heat_over_the_cop(outdoor_c: float) -> None:
    pump = HeatPump(
        hot_water_kwh_per_person=0.0, cylinder_loss_kwh=0.0, circulation_w=0, controls_w=0
    )
    context = _context(WEEKDAY, outdoor_c)
    electricity_kwh = _kwh(_run(pump, context).render())
    heat_kwh = space_heat_w(context, pump.heat_loss_w_per_k, pump.schedule).sum() / 1000
    # One slot of cylinder reheat is all that is left of the hot water.
    assert electricity_kwh == pytest.approx(heat_kwh / float(pump.cop(outdoor_c)), rel=0.08)


def test_cold_damp_weather_brings_defrost_blips() -> None:
    pump = HeatPump()
    damp = _run(pump, _context(WEEKDAY, 1.0, humidity=0.95)).render()
    dry = _run(pump, _context(WEEKDAY, 1.0, humidity=0.6)).render()
    blips = damp.astype(np.int64) - dry
    assert blips.min() == 0  # defrosts come last in the stream: the rest is the same
    edges = np.flatnonzero(np.diff(np.concatenate(([0], blips > 0, [0]))))
    runs = edges[1::2] - edges[::2]
    assert len(runs) >= 8
    assert (runs * SLOT_SECONDS >= 3 * 60).all()
    assert (runs * SLOT_SECONDS <= 14 * 60).all()  # two may touch
    assert blips.max() <= 2 * pump.defrost_w * 1.1
    mild_damp = _run(pump, _context(WEEKDAY, 10.0, humidity=0.95)).render()
    mild_dry = _run(pump, _context(WEEKDAY, 10.0, humidity=0.6)).render()
    np.testing.assert_array_equal(mild_damp, mild_dry)


def test_the_cylinder_is_reheated_daily_and_pasteurised_weekly() -> None:
    pump = HeatPump(circulation_w=0, controls_w=0)
    weekday = _run(pump, _context(WEEKDAY, 16.0)).render()  # no space heating
    sunday = _run(pump, _context(dt.date(2025, 1, 19), 16.0)).render()
    assert weekday[: 13 * 360].max() == 0
    assert 1_900 < weekday[13 * 360] < 2_500
    assert _kwh(sunday) > _kwh(weekday) + 1.0  # the immersion's extra heat
    assert sunday.max() >= 2_800


def test_the_house_waits_while_the_heat_pump_reheats_the_cylinder() -> None:
    pump = HeatPump(circulation_w=0, controls_w=0)
    context = _context(WEEKDAY, -3.0)  # heating all through the comfort period
    watts = _run(pump, context).render()
    one_pm = 13 * 360
    reheat = watts[one_pm : one_pm + 30]
    assert len(set(reheat.tolist())) == 1  # the cylinder alone, nothing on top
    assert 2_000 < reheat[0] < 2_400
    assert watts[one_pm - 30 : one_pm].min() > 0  # heating the house just before
    assert watts[one_pm - 30 : one_pm].max() != reheat[0]
    # What the house missed is partly made up in the hour after the reheat.
    demand = space_heat_w(context, pump.heat_loss_w_per_k, pump.schedule)
    no_cylinder = dataclasses.replace(pump, hot_water_kwh_per_person=0.0, cylinder_loss_kwh=0.0)
    unbroken = _run(no_cylinder, context).render()
    reheat_end = one_pm + int(np.flatnonzero(watts[one_pm:] != reheat[0])[0])
    next_hour = slice((reheat_end // 360 + 1) * 360, (reheat_end // 360 + 2) * 360)
    assert watts[next_hour].sum() > 1.2 * unbroken[next_hour].sum()
    assert demand[13] > 0


def test_heat_pump_uses_far_more_in_january_than_july_and_a_plausible_year() -> None:
    load = HouseholdLoad(12, _only(PROFILES["heat_pump_home"], "heat_pump"))
    january = sum(_kwh(load.day_watts(d)) for d in _month(2025, 1))
    july = sum(_kwh(load.day_watts(d)) for d in _month(2025, 7))
    assert january > 4 * july
    t0 = dt.datetime(2025, 1, 1, tzinfo=load.timezone).timestamp()
    t1 = dt.datetime(2026, 1, 1, tzinfo=load.timezone).timestamp()
    assert 3_000 <= load.energy_joules(t0, t1) / J_PER_KWH <= 4_500
    assert not load.has_gas


# --- gas boiler -----------------------------------------------------------------------------


def test_a_gas_heated_family_burns_about_11500_kwh_a_year() -> None:
    load = HouseholdLoad(2024, FAMILY)
    t0 = dt.datetime(2025, 1, 1, tzinfo=load.timezone).timestamp()
    t1 = dt.datetime(2026, 1, 1, tzinfo=load.timezone).timestamp()
    assert 0.7 * 11_500 <= load.gas_joules(t0, t1) / J_PER_KWH <= 1.3 * 11_500


def test_gas_use_is_far_higher_in_january_than_july() -> None:
    load = HouseholdLoad(13, _only(FAMILY, "gas_boiler"))
    january = sum(_kwh(load.gas_day_watts(d)) for d in _month(2025, 1))
    july = sum(_kwh(load.gas_day_watts(d)) for d in _month(2025, 7))
    assert january > 3 * july
    assert july > 0  # hot water all year round


def test_the_boiler_draws_electricity_exactly_while_it_fires() -> None:
    boiler = _only(FAMILY, "gas_boiler")
    load = HouseholdLoad(14, boiler)
    for day in (dt.date(2025, 1, 20), dt.date(2025, 7, 20)):
        gas, electricity = load.gas_day_watts(day), load.day_watts(day)
        np.testing.assert_array_equal(electricity, np.where(gas > 0, 85, 0))


def test_hot_water_comes_first_and_the_burner_has_a_ceiling() -> None:
    boiler = GasBoiler(showers_per_person=1.0, hot_taps_per_person=10.0)
    context = _context(WEEKDAY, -2.0)
    gas = _run(boiler, context).gas.render()
    assert gas.max() <= round(boiler.hot_water_w / boiler.hot_water_efficiency)
    heating_only = _run(
        dataclasses.replace(boiler, showers_per_person=0.0, hot_taps_per_person=0.0), context
    )
    assert gas.max() > heating_only.gas.render().max()


def test_the_thermostat_programme_shapes_the_gas_day() -> None:
    gas = _run(GasBoiler(showers_per_person=0.0, hot_taps_per_person=0.0), _context(WEEKDAY, 0.0))
    hourly = gas.gas.render().reshape(24, -1).sum(axis=1)
    night, evening = hourly[1:5].mean(), hourly[18:22].mean()
    assert evening > 1.3 * night
    assert hourly[6] > evening  # the morning warm-up


def test_gas_series_are_repeatable_and_each_day_stands_alone() -> None:
    day = dt.date(2025, 2, 2)
    alone = HouseholdLoad(15, FAMILY).gas_day_watts(day).copy()
    in_range = HouseholdLoad(15, FAMILY)
    for offset in range(-10, 11):
        in_range.gas_day_watts(day + dt.timedelta(days=offset))
    np.testing.assert_array_equal(in_range.gas_day_watts(day), alone)
    assert not np.array_equal(HouseholdLoad(16, FAMILY).gas_day_watts(day), alone)


def test_homes_without_gas_show_none() -> None:
    for name in ("ev_owner", "heat_pump_home"):
        load = HouseholdLoad(1, PROFILES[name])
        assert not load.has_gas
        assert not load.gas_day_watts(WEEKDAY).any()
        assert load.gas_joules(0, 10**6) == 0
    for name in ("single_pensioner", "family_of_four", "home_worker", "solar_home"):
        assert HouseholdLoad(1, PROFILES[name]).has_gas


def test_a_gas_hob_burns_gas_where_an_electric_one_drew_power() -> None:
    electric = ap.Cooking(meal_probability=1.0, oven_share=0.0, roast_probability=0.0)
    gas_hob = dataclasses.replace(electric, hob_w=2900.0, hob_fuel="gas")
    assert gas_hob.burns_gas
    assert not electric.burns_gas
    context = _context(WEEKDAY, 5.0)
    cooked_on_gas = _run(gas_hob, context)
    assert not cooked_on_gas.render().any()  # no oven tonight, and the hob is gas
    assert 2900 <= cooked_on_gas.gas.render().max() <= 2 * 2900  # one or two burners
    assert _run(electric, context).render().any()
    profile = HouseholdProfile(
        name="gas_hob_only",
        description="One cook, a gas hob",
        routines=(Routine(wake_h=7.0, bed_h=23.0),),
        appliances=(gas_hob,),
    )
    assert profile.has_gas


# --- storage heaters ------------------------------------------------------------------------


def test_storage_heaters_charge_off_peak_more_on_colder_days() -> None:
    heaters = StorageHeaters(off_peak=(0.5, 7.5))
    cold = _run(heaters, _context(WEEKDAY, -2.0)).render()
    mild = _run(heaters, _context(WEEKDAY, 9.0)).render()
    for watts in (cold, mild):
        charging = np.flatnonzero(watts)
        assert charging.min() >= 180  # 00:30
        assert charging.max() < 7.5 * 360
    assert _kwh(cold) > 2 * _kwh(mild) > 0
    assert not _run(heaters, _context(WEEKDAY, 15.0)).render().any()
