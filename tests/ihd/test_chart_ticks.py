"""Labels under the bars: under the bar they name, the first bar always labelled, in GB time."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import numpy as np
from pytestqt.qtbot import QtBot

from app.wording import PLAIN_ENGLISH
from han.model import Fuel
from ihd.view_models.chart_ticks import half_hour_ticks, history_ticks
from ihd.view_models.history import Measure, Series, Span, Windows

LONDON = ZoneInfo("Europe/London")


def _series(span: Span, when: datetime) -> Series:
    window = Windows().window(span, when.timestamp())
    edges = np.asarray(window.edges, dtype=np.float64)
    return Series(Fuel.ELECTRICITY, Measure.ENERGY, window, edges, np.ones(len(edges) - 1))


def _bar_of(series: Series, position: float) -> int:
    index = int(np.searchsorted(series.edges, position, side="right")) - 1
    # In the middle of its bar: as far from one edge as from the other.
    assert position - series.edges[index] == series.edges[index + 1] - position
    return index


def test_a_days_half_hours_are_labelled_every_three_hours_from_the_first_bar() -> None:
    day = _series(Span.DAY, datetime(2026, 1, 13, 19, 10, tzinfo=LONDON))
    ticks = history_ticks(day, PLAIN_ENGLISH)
    assert [words for _, words in ticks] == [f"{hour:02d}:00" for hour in range(0, 24, 3)]
    assert [_bar_of(day, position) for position, _ in ticks] == list(range(0, 48, 6))


def test_a_clock_change_day_labels_the_bars_that_start_on_its_hours() -> None:
    # 29 March 2026: the clocks go forward at 01:00, the day has 46 half hours.
    spring = _series(Span.DAY, datetime(2026, 3, 29, 12, 0, tzinfo=LONDON))
    assert len(spring.values) == 46
    ticks = half_hour_ticks(spring.edges, PLAIN_ENGLISH)
    assert [words for _, words in ticks] == [f"{hour:02d}:00" for hour in range(0, 24, 3)]
    assert [_bar_of(spring, position) for position, _ in ticks][:2] == [0, 4]  # 00:00, 03:00


def test_a_week_names_each_day_a_month_every_seventh_a_year_each_month() -> None:
    when = datetime(2026, 1, 13, 19, 10, tzinfo=LONDON)
    week = _series(Span.WEEK, when)
    ticks = history_ticks(week, PLAIN_ENGLISH)
    assert [words for _, words in ticks] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert [_bar_of(week, position) for position, _ in ticks] == list(range(7))
    month = _series(Span.MONTH, when)
    assert [words for _, words in history_ticks(month, PLAIN_ENGLISH)] == [
        "1",
        "8",
        "15",
        "22",
        "29",
    ]
    year = _series(Span.YEAR, when)
    months = [words for _, words in history_ticks(year, PLAIN_ENGLISH)]
    assert months[0] == "Feb"
    assert months[-1] == "Jan"
    assert len(months) == 12


def test_the_history_chart_shows_the_labels_in_the_language_chosen(qtbot: QtBot) -> None:
    from ihd.history.chart_page import ChartPage

    page = ChartPage()
    qtbot.addWidget(page)
    week = _series(Span.WEEK, datetime(2026, 1, 13, 19, 10, tzinfo=LONDON))
    page.show_series(week)
    axis = page.chart.plot.getPlotItem().getAxis("bottom")
    shown = [words for _, words in axis._tickLevels[0]]
    assert shown == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
