"""A chart's time axis labels its days and months in the display's language, and says them again
when the language changes while it is on show."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from app.ui import i18n
from app.ui.chart import BarChart
from app.ui.date_axis import qt_pattern
from tests.layout.chart_text import painted_texts

JUNE_2026 = 1_780_000_000.0
"""Late May 2026: a week of days crosses into June."""


@pytest.fixture
def english_after() -> Iterator[None]:
    yield
    i18n.use_language("en")


def _time_labels(chart: BarChart) -> list[str]:
    texts = painted_texts(chart.plot, "chart")
    return [text for key, text in texts.items() if "/bottom#" in key]


def test_pyqtgraph_formats_become_qt_patterns() -> None:
    assert qt_pattern("%a %d") == "ddd dd"
    assert qt_pattern("%b") == "MMM"
    assert qt_pattern("%H:%M") == "HH:mm"


def test_month_names_follow_a_live_language_switch(qtbot: QtBot, english_after: None) -> None:
    i18n.use_language("en")
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(600, 300)
    edges = JUNE_2026 + np.arange(8, dtype=np.float64) * 86_400.0
    # No words of its own for the bars: the axis labels itself.
    chart.set_bars(edges, np.arange(7, dtype=np.float64))
    chart.show()
    qtbot.waitExposed(chart)
    qtbot.waitUntil(lambda: "Jun" in _time_labels(chart))
    qtbot.wait(100)  # reading the labels laid them out again: let that be drawn first
    english = chart.plot.grab().toImage()
    i18n.use_language("cy")
    # Drawn again, not only worded again: the axis keeps a picture of its labels.
    qtbot.waitUntil(lambda: chart.plot.grab().toImage() != english)
    assert "Meh" in _time_labels(chart)
    assert "Jun" not in _time_labels(chart)
