"""The emulated home's weather: repeatable per (seed, date), seasonal, persistent."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from home_emulator.household.weather import DailyWeather, Weather, hashed_normals, seasonal_mean_c


def _days(start: dt.date, count: int) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range(count)]


def _fields(day: DailyWeather) -> tuple[float, ...]:
    return (day.mean_c, day.swing_c, day.cloud, day.humidity, *day.hourly_cloud.tolist())


# Four years of one home's weather, shared by the statistical tests.
_FOUR_YEARS = _days(dt.date(2021, 1, 1), 4 * 365 + 1)
_WEATHER = [Weather(77).day(d) for d in _FOUR_YEARS]
_MEANS = np.array([w.mean_c for w in _WEATHER])
_MONTHS = np.array([d.month for d in _FOUR_YEARS])


def test_a_day_depends_only_on_seed_and_date() -> None:
    day = dt.date(2025, 3, 14)
    alone = _fields(Weather(3).day(day))
    after_others = Weather(3)
    for other in _days(day - dt.timedelta(days=30), 61):
        after_others.day(other)
    assert _fields(after_others.day(day)) == alone
    assert _fields(Weather(4).day(day)) != alone


def test_hashed_normals_are_repeatable_standard_normals() -> None:
    counters = np.arange(200_000, dtype=np.int64)
    first, second = hashed_normals(99, counters), hashed_normals(99, counters)
    np.testing.assert_array_equal(first, second)
    assert abs(first.mean()) < 0.01
    assert first.std() == pytest.approx(1.0, abs=0.01)
    assert np.corrcoef(first[:-1], first[1:])[0, 1] == pytest.approx(0.0, abs=0.01)
    assert not np.array_equal(hashed_normals(100, counters[:10]), first[:10])


def test_january_is_much_colder_than_july() -> None:
    january = _MEANS[_MONTHS == 1].mean()
    july = _MEANS[_MONTHS == 7].mean()
    assert july - january > 8
    assert 3.0 < january < 6.5
    assert 15.5 < july < 18.5


def test_seasonal_curve_through_the_normals() -> None:
    assert seasonal_mean_c(dt.date(2025, 1, 15)) == pytest.approx(4.5, abs=0.5)
    assert seasonal_mean_c(dt.date(2025, 7, 20)) == pytest.approx(17.0, abs=0.5)
    # Spring is colder than autumn at the same distance from midsummer.
    assert seasonal_mean_c(dt.date(2025, 4, 15)) < seasonal_mean_c(dt.date(2025, 10, 15))


def test_day_to_day_weather_persists() -> None:
    normals = {month: _MEANS[month == _MONTHS].mean() for month in range(1, 13)}
    monthly_normal = np.array([normals[month] for month in _MONTHS])
    anomaly = _MEANS - monthly_normal
    lag_1 = np.corrcoef(anomaly[:-1], anomaly[1:])[0, 1]
    lag_14 = np.corrcoef(anomaly[:-14], anomaly[14:])[0, 1]
    assert 0.6 < lag_1 < 0.95
    assert lag_14 < 0.3
    assert 1.5 < anomaly.std() < 4.0  # but the days do vary
    clouds = np.array([w.cloud for w in _WEATHER])
    assert np.corrcoef(clouds[:-1], clouds[1:])[0, 1] > 0.3


def test_winters_are_greyer_and_summer_days_swing_more() -> None:
    clouds = np.array([w.cloud for w in _WEATHER])
    swings = np.array([w.swing_c for w in _WEATHER])
    winter = np.isin(_MONTHS, (12, 1, 2))
    summer = np.isin(_MONTHS, (6, 7, 8))
    assert clouds[winter].mean() > clouds[summer].mean() + 0.05
    assert 0.55 < clouds.mean() < 0.8
    assert swings[summer].mean() > swings[winter].mean() + 2
    # Clear days swing more than overcast ones.
    assert swings[clouds < 0.4].mean() > swings[clouds > 0.8].mean()


def test_some_frosts_and_no_tropical_nights() -> None:
    minimums = np.array([w.min_c for w in _WEATHER])
    per_year = (minimums < 0).sum() / 4
    assert 10 < per_year < 80
    assert minimums.max() < 20


def test_diurnal_cycle_coldest_at_dawn_warmest_mid_afternoon() -> None:
    day = Weather(5).day(dt.date(2025, 6, 1))
    hours = np.arange(0, 24, 0.25)
    temperatures = day.temperature_c(hours)
    assert 3 <= hours[temperatures.argmin()] <= 6
    assert 14 <= hours[temperatures.argmax()] <= 17
    assert temperatures.mean() == pytest.approx(day.mean_c, abs=1e-9)
    assert temperatures.max() == pytest.approx(day.max_c, abs=0.01)
    assert temperatures.min() == pytest.approx(day.min_c, abs=0.01)


def test_cloud_cover_is_a_fraction_that_wanders_through_the_day() -> None:
    spread = []
    for day in _WEATHER[:120]:
        assert 0.0 <= day.cloud <= 1.0
        assert 0.4 <= day.humidity <= 1.0
        assert len(day.hourly_cloud) == 25
        assert np.all((day.hourly_cloud > 0) & (day.hourly_cloud < 1))
        spread.append(day.hourly_cloud.std())
    assert np.mean(spread) > 0.03
    day = _WEATHER[0]
    assert day.cloud_at(2.5) == pytest.approx(day.hourly_cloud[2:4].mean())
    with pytest.raises(ValueError, match="read-only"):
        day.hourly_cloud[0] = 0.5
