"""The History chart's bars come from the display's store: half hours for a day, days for a week and
a month, months for a year – and the meter's own histories when there is no store."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import numpy as np

from app.history.store import HalfHourRow, HistoryStore, PeriodRow, TariffRow
from han.domain.history import MeterHistory, PeriodFigures, PeriodStarts
from han.domain.local_calendar import LocalCalendar
from han.model import Measured
from ihd.view_models.history import (
    BarWords,
    Measure,
    Span,
    Windows,
    load_series,
    series_from_meter,
)
from tests.ihd.conftest import ESME, NOW, dual_fuel_home

CALENDAR = LocalCalendar()
KEY = str(ESME)


def test_each_range_has_its_number_of_bars() -> None:
    windows = Windows(CALENDAR)
    assert len(windows.window(Span.DAY, NOW).edges) - 1 == 48
    assert len(windows.window(Span.WEEK, NOW).edges) - 1 == 7
    assert len(windows.window(Span.MONTH, NOW).edges) - 1 == 31  # May 2026
    assert len(windows.window(Span.YEAR, NOW).edges) - 1 == 12
    # The day the clocks go forward (29 March 2026) has 46 half hours.
    spring = CALENDAR.midnight(__import__("datetime").date(2026, 3, 29)) + 3600 * 12
    assert len(windows.window(Span.DAY, spring).edges) - 1 == 46
    earlier = windows.window(Span.DAY, NOW, back=1)
    assert earlier.end_s == windows.window(Span.DAY, NOW).start_s


async def test_a_day_is_its_48_half_hours_from_the_store_in_kwh_and_pounds(tmp_path: Path) -> None:
    model = dual_fuel_home()
    meter = model.electricity_import_meter()
    assert meter is not None
    window = Windows(CALENDAR).window(Span.DAY, NOW)
    rows = [
        HalfHourRow(KEY, "import", start, 100 + n)
        for n, start in enumerate(window.edges[:-1])
        if n != 5  # one half hour the store never heard
    ]
    async with HistoryStore(tmp_path / "history.sqlite3") as store:
        await store.upsert_half_hours(rows)
        night_end = window.start_s + 7 * 3600
        await store.record_tariffs(
            [
                TariffRow(KEY, window.start_s, night_end, Decimal("0.15"), "Night", 2),
                TariffRow(KEY, night_end, None, Decimal("0.30"), "Day", 1),
            ],
            recorded_s=int(NOW),
        )
        energy = await load_series(store, meter, Measure.ENERGY, window)
        cost = await load_series(store, meter, Measure.COST, window)
    assert len(energy.values) == 48
    assert energy.values[0] == 0.1
    assert np.isnan(energy.values[5])  # no record: never a zero
    assert cost.values[0] == 0.1 * 0.15
    assert cost.values[20] == (120 / 1000) * 0.30
    words = BarWords()
    assert words.bar(energy, 0).endswith(": 0.10 kWh")
    assert words.bar(energy, 0).startswith("Electricity, ")
    assert words.bar(energy, 5).endswith(": no record")
    assert words.bar(cost, 20).endswith(": £0.04")


async def test_a_week_and_a_year_are_days_and_months_from_the_store(tmp_path: Path) -> None:
    model = dual_fuel_home()
    meter = model.electricity_import_meter()
    assert meter is not None
    windows = Windows(CALENDAR)
    week = windows.window(Span.WEEK, NOW)
    year = windows.window(Span.YEAR, NOW)
    days = [PeriodRow(KEY, "energy", "day", start, 9000, True) for start in week.edges[:-1]]
    months = [PeriodRow(KEY, "cost", "month", start, 600_000, True) for start in year.edges[:-1]]
    async with HistoryStore(tmp_path / "history.sqlite3") as store:
        await store.upsert_periods(days + months, recorded_s=int(NOW))
        week_series = await load_series(store, meter, Measure.ENERGY, week)
        year_series = await load_series(store, meter, Measure.COST, year)
    assert len(week_series.values) == 7
    assert list(week_series.values) == [9.0] * 7
    assert week_series.total == 63.0
    assert len(year_series.values) == 12
    assert list(year_series.values) == [60.0] * 12


def test_without_a_store_the_meters_own_days_stand_in() -> None:
    model = dual_fuel_home()
    meter = model.electricity_import_meter()
    assert meter is not None
    today = CALENDAR.day_start(NOW)
    days = tuple(CALENDAR.days_before(today, n) for n in range(9))
    figures = PeriodFigures(
        Decimal("4"), tuple(Decimal(n) for n in range(1, 9)), None, (), None, ()
    )
    meter.history = MeterHistory(
        energy_kwh=Measured(figures, NOW), starts=PeriodStarts(days, (), ())
    )
    week = Windows(CALENDAR).window(Span.WEEK, NOW)
    series = series_from_meter(meter, Measure.ENERGY, week)
    assert len(series.values) == 7
    index = week.edges.index(today)
    assert series.values[index] == 4.0
    assert series.values[index - 1] == 1.0  # yesterday
