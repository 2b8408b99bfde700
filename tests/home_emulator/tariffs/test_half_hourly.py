"""The Agile-like tariff: 48 half-hourly prices a day, repeatable, with a plausible shape."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from home_emulator.tariffs import Agile, agile, half_hourly

LONDON = ZoneInfo("Europe/London")
WINTER = dt.date(2026, 1, 15)
SPRING_FORWARD = dt.date(2026, 3, 29)
FALL_BACK = dt.date(2026, 10, 25)


def midnight(day: dt.date) -> float:
    return dt.datetime.combine(day, dt.time(), LONDON).timestamp()


def day_periods(tariff: Agile, day: dt.date) -> list[tuple[float, float, int]]:
    periods = tariff.schedule(midnight(day), midnight(day + dt.timedelta(days=1)))
    return [(p.start_s, p.end_s, p.rate.tier) for p in periods]


def dates(first: dt.date, count: int) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range(count)]


def test_a_day_has_48_half_hours_each_its_own_rate() -> None:
    tariff = agile(7)
    periods = day_periods(tariff, WINTER)
    assert len(periods) == 48
    assert periods[0][0] == midnight(WINTER)
    assert [end - start for start, end, _ in periods] == [1800] * 48
    assert [tier for *_, tier in periods] == list(range(1, 49))
    assert tariff.number_of_tiers == 48
    labels = [tariff.rate_at(start).label for start, *_ in periods]
    assert labels[0] == "Agile 00:00"
    assert labels[33] == "Agile 16:30"
    assert len(set(labels)) == 48


def test_clock_changes_skip_or_repeat_the_night_hour() -> None:
    tariff = agile(7)
    spring = [tier for *_, tier in day_periods(tariff, SPRING_FORWARD)]
    assert spring == [1, 2, *range(5, 49)]
    autumn = day_periods(tariff, FALL_BACK)
    assert [tier for *_, tier in autumn] == [1, 2, 3, 4, 3, 4, *range(5, 49)]
    repeated = [tariff.rate_at(start) for start, _, tier in autumn if tier == 3]
    assert repeated[0] == repeated[1]


def test_prices_are_deterministic_per_seed_and_date() -> None:
    prices = agile(7).prices_for(WINTER)
    half_hourly._day_prices.cache_clear()
    assert Agile(7).prices_for(WINTER) == prices
    assert agile(8).prices_for(WINTER) != prices
    assert agile(7).prices_for(WINTER + dt.timedelta(days=1)) != prices
    assert all(p == p.quantize(Decimal("0.0001")) for p in prices)


def test_a_day_alone_prices_the_same_as_within_a_range() -> None:
    first = dt.date(2026, 10, 20)
    slots = midnight(first) + np.arange(10 * 48) * 1800.0
    in_range = agile(11).unit_prices(slots)
    half_hourly._day_prices.cache_clear()
    half_hourly._day_profile.cache_clear()
    for day in (first, FALL_BACK, dt.date(2026, 10, 28)):
        alone = Agile(11)
        in_day = (slots >= midnight(day)) & (slots < midnight(day + dt.timedelta(days=1)))
        assert alone.unit_prices(slots[in_day]).tolist() == in_range[in_day].tolist()
        five_pm = dt.datetime.combine(day, dt.time(17), LONDON).timestamp()
        assert alone.rate_at(five_pm).unit_price_gbp_per_kwh == alone.prices_for(day)[34]


@pytest.mark.parametrize("month", [dt.date(2026, 1, 1), dt.date(2026, 7, 1)])
def test_peak_is_dearer_than_the_night_over_a_month(month: dt.date) -> None:
    tariff = agile(3)
    days = [tariff.prices_for(d) for d in dates(month, 31)]
    night = [float(p) for day in days for p in day[0:10]]  # 00:00–05:00
    peak = [float(p) for day in days for p in day[32:38]]  # 16:00–19:00
    assert 0.08 <= np.mean(night) <= 0.18
    assert 0.35 <= np.mean(peak) <= 0.50
    assert np.mean(peak) > np.mean(night) + 0.15


def test_windy_nights_can_go_negative_and_prices_are_capped() -> None:
    year = [(day, agile(5).prices_for(day)) for day in dates(dt.date(2026, 1, 1), 365)]
    negative_half_hours = [h for _, prices in year for h, p in enumerate(prices) if p < 0]
    assert negative_half_hours, "a year of Agile has some negative prices"
    assert max(negative_half_hours) < 14  # only before 07:00
    assert max(p for _, prices in year for p in prices) <= Decimal("1.0000")
    capped = Agile(5, cap="0.3000")
    assert max(p for day, _ in year[:60] for p in capped.prices_for(day)) == Decimal("0.3000")


def test_invalid_cap() -> None:
    with pytest.raises(ValueError, match="cap must be positive"):
        Agile(1, cap=0)
