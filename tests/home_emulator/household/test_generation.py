"""Solar PV generation: zero at night, seasonal, cloud-dependent, about 900 kWh/kWp a year."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from home_emulator.household.generation import SolarPV
from home_emulator.household.load import (
    PROFILES,
    SLOT_SECONDS,
    HouseholdLoad,
    HouseholdProfile,
    Routine,
    sun_times_utc_h,
)


def _solar_only(panel: SolarPV) -> HouseholdProfile:
    return HouseholdProfile(
        name="panels_only",
        description="Nobody in; just the panels",
        routines=(Routine(wake_h=7.0, bed_h=23.0),),
        appliances=(panel,),
    )


_PANELS = _solar_only(SolarPV(kwp=4.0))


def _days(start: dt.date, count: int) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range(count)]


def _kwh(load: HouseholdLoad, days: list[dt.date]) -> float:
    return sum(int(load.generation_day_watts(d).sum()) for d in days) * SLOT_SECONDS / 3.6e6


def _utc_hours(load: HouseholdLoad, day: dt.date) -> np.ndarray:
    """UTC hours since the date's UTC midnight at each slot of the local day."""
    span = load.day_slots(day)
    utc_midnight = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC).timestamp()
    return (np.arange(span.start, span.stop) * SLOT_SECONDS - utc_midnight) / 3600


@pytest.mark.parametrize("month", range(1, 13))
def test_nothing_at_night_something_at_noon(month: int) -> None:
    load = HouseholdLoad(8, _PANELS)
    for day in _days(dt.date(2025, month, 3), 3):
        watts = load.generation_day_watts(day)
        sunrise, sunset = sun_times_utc_h(day, 52.0, -1.5)
        hours = _utc_hours(load, day)
        assert not watts[(hours < sunrise) | (hours > sunset)].any()
        assert watts[np.abs(hours - 12.1) < 0.5].min() > 0
        assert watts.min() >= 0
        assert watts.max() <= 3680  # the inverter's limit


def test_summer_yields_far_more_than_winter() -> None:
    load = HouseholdLoad(8, _PANELS)
    june = _kwh(load, _days(dt.date(2025, 6, 1), 30))
    december = _kwh(load, _days(dt.date(2025, 12, 1), 31))
    assert june > 3 * december
    assert december > 0


@pytest.mark.parametrize("seed", [1, 2])
def test_a_year_yields_800_to_1000_kwh_per_kwp(seed: int) -> None:
    load = HouseholdLoad(seed, _PANELS)
    per_kwp = _kwh(load, _days(dt.date(2025, 1, 1), 365)) / 4.0
    assert 800 <= per_kwp <= 1000


def test_yield_scales_with_the_array() -> None:
    days = _days(dt.date(2025, 5, 1), 10)
    small = _kwh(HouseholdLoad(3, _solar_only(SolarPV(kwp=2.0))), days)
    large = _kwh(HouseholdLoad(3, _solar_only(SolarPV(kwp=4.0))), days)
    assert large == pytest.approx(2 * small, rel=0.01)


def test_cloudy_days_yield_less() -> None:
    load = HouseholdLoad(4, _PANELS)
    days = _days(dt.date(2025, 5, 15), 60)
    clouds = [load.weather.day(d).cloud for d in days]
    yields = [int(load.generation_day_watts(d).sum()) for d in days]
    assert np.corrcoef(clouds, yields)[0, 1] < -0.6


def test_passing_clouds_make_output_jump_within_the_day() -> None:
    load = HouseholdLoad(4, _PANELS)
    broken = [d for d in _days(dt.date(2025, 6, 1), 30) if 0.3 < load.weather.day(d).cloud < 0.8]
    assert broken
    for day in broken:
        jumps = np.abs(np.diff(load.generation_day_watts(day).astype(np.int64)))
        assert (jumps > 500).sum() >= 10


def test_an_east_facing_array_generates_earlier_than_a_west_facing_one() -> None:
    days = _days(dt.date(2025, 4, 1), 7)
    morning_share = {}
    for facing, azimuth in (("east", -90.0), ("west", 90.0)):
        load = HouseholdLoad(5, _solar_only(SolarPV(azimuth_deg=azimuth)))
        morning = afternoon = 0
        for day in days:
            watts = load.generation_day_watts(day).astype(np.int64)
            before_noon = _utc_hours(load, day) < 12.1  # solar noon at 1.5°W
            morning += int(watts[before_noon].sum())
            afternoon += int(watts[~before_noon].sum())
        morning_share[facing] = morning / (morning + afternoon)
    assert morning_share["east"] > 0.6
    assert morning_share["west"] < 0.4


def test_the_inverter_clips_a_large_array() -> None:
    load = HouseholdLoad(6, _solar_only(SolarPV(kwp=4.0, inverter_w=2000.0)))
    peaks = [int(load.generation_day_watts(d).max()) for d in _days(dt.date(2025, 6, 1), 30)]
    assert max(peaks) == 2000


def test_generation_is_repeatable_and_each_day_stands_alone() -> None:
    day = dt.date(2025, 8, 9)
    alone = HouseholdLoad(9, _PANELS).generation_day_watts(day).copy()
    in_range = HouseholdLoad(9, _PANELS)
    for other in _days(day - dt.timedelta(days=10), 21):
        in_range.generation_day_watts(other)
    np.testing.assert_array_equal(in_range.generation_day_watts(day), alone)
    assert not np.array_equal(HouseholdLoad(10, _PANELS).generation_day_watts(day), alone)


def test_the_solar_home_has_panels_and_the_others_do_not() -> None:
    solar = PROFILES["solar_home"]
    assert solar.has_generation
    assert any(isinstance(a, SolarPV) and a.kwp == 4.0 for a in solar.appliances)
    family = HouseholdLoad(1, PROFILES["family_of_four"])
    assert not family.has_generation
    assert not family.generation_day_watts(dt.date(2025, 6, 21)).any()
    without = dataclasses.replace(solar, appliances=solar.appliances[:-1])
    assert not without.has_generation
