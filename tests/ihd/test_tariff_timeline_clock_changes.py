"""The Tariff screen's day of prices on the days the clocks change: the half hours already gone,
which the meter no longer publishes, take the price of the same clock time tomorrow – the same
time on the wall, not 24 hours later (which on a 23- or 25-hour day is another hour's band)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from han.domain.tariff import PricePeriod
from han.measured import Measured
from ihd.view_models.tariff import TariffViewModel
from tests.ihd.conftest import dual_fuel_home

LONDON = ZoneInfo("Europe/London")
DAY = Decimal("0.3000")
NIGHT = Decimal("0.1500")


def _at(day: dt.date, hour: int) -> float:
    return dt.datetime.combine(day, dt.time(hour), LONDON).timestamp()


@pytest.mark.parametrize(
    ("day", "half_hours"),
    [(dt.date(2026, 3, 29), 46), (dt.date(2026, 10, 25), 50), (dt.date(2026, 6, 1), 48)],
)
def test_a_clock_night_window_is_in_its_clock_hours_on_a_change_day(
    day: dt.date, half_hours: int
) -> None:
    model = dual_fuel_home(at=_at(day, 12))
    meter = model.electricity_import_meter()
    assert meter is not None
    tomorrow = day + dt.timedelta(days=1)
    noon, midnight, seven = _at(day, 12), _at(tomorrow, 0), _at(tomorrow, 7)
    # What the meter publishes at noon: the day rate since 07:00, then night 00:00–07:00 on the
    # clock.
    meter.tariff.schedule = (
        PricePeriod(DAY, "Day", 1, 2, _at(day, 7), midnight),
        PricePeriod(NIGHT, "Night", 2, 2, midnight, seven),
        PricePeriod(DAY, "Day", 1, 2, seven, None),
    )
    meter.tariff.as_of_s = noon
    meter.tariff.unit_price_gbp_per_kwh = Measured(DAY, noon)
    model.han_now = lambda display_now: display_now  # type: ignore[method-assign]
    timeline = TariffViewModel(model).timeline(meter, noon)
    assert len(timeline.labels) == half_hours
    for start, label in zip(timeline.edges[:-1], timeline.labels, strict=True):
        clock = dt.datetime.fromtimestamp(float(start), LONDON)
        expected = "Night" if clock.hour < 7 else "Day"
        assert label == expected, clock.isoformat()
