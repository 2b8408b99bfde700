"""Charts in words: a history chart's total, highest and lowest bar; today's cheapest and dearest
half hour – on screen under the chart and as its description for screen readers."""

from __future__ import annotations

import numpy as np

from app.wording import PLAIN_ENGLISH
from han.model import Fuel
from ihd.view_models.chart_words import extremes, history_summary
from ihd.view_models.history import Measure, Series, Span, Windows

MONDAY_NOON = 1_733_140_800.0  # Mon 2 Dec 2024 12:00 GMT


def test_the_highest_and_lowest_bar_with_a_record() -> None:
    assert extremes(np.array([np.nan, 3.0, 9.0, 1.0, 9.0])) == (2, 3)
    assert extremes(np.array([np.nan, np.nan])) is None


def test_a_week_in_words() -> None:
    window = Windows().window(Span.WEEK, MONDAY_NOON)
    values = np.array([11.0, 14.0, 12.5, np.nan, 6.0, 9.0, 10.0])
    series = Series(Fuel.ELECTRICITY, Measure.ENERGY, window, np.array(window.edges, float), values)
    assert history_summary(series, PLAIN_ENGLISH) == (
        "Total 62.50 kWh; most on Tue 3 Dec, 14.00 kWh; least on Fri 6 Dec, 6.00 kWh"
    )
