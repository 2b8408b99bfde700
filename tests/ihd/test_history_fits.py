"""History fits an 800×480 touchscreen without scrolling, in the language and theme that need the
most room (Welsh, high contrast): the chart with its controls, and the totals with their notes."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from han.domain.history import MeterHistory, PeriodFigures, PeriodStarts
from han.domain.local_calendar import LocalCalendar
from han.model import Measured
from ihd.history.screen import HistoryScreen
from tests.ihd.conftest import NOW, Display
from tests.ihd.screen_of import screen_of


def _with_full_histories(display: Display) -> None:
    """Every total filled for both fuels, so the totals grid is as tall as it gets."""
    calendar = LocalCalendar()
    today = calendar.day_start(NOW)
    days = tuple(calendar.days_before(today, n) for n in range(9))
    figures = PeriodFigures(
        Decimal("4.5"),
        tuple(Decimal(n) for n in range(1, 9)),
        Decimal("20.25"),
        tuple(Decimal(n) for n in range(1, 6)),
        Decimal("160.5"),
        tuple(Decimal(n) for n in range(1, 14)),
    )
    for meter in display.model.meters.values():
        meter.history = MeterHistory(
            energy_kwh=Measured(figures, NOW),
            cost_gbp=Measured(figures, NOW),
            starts=PeriodStarts(days, (), ()),
        )


def _needs_scrolling(display: Display) -> bool:
    page = display.shell.findChild(QScrollArea, "page-history") or next(
        area
        for area in display.shell.findChildren(QScrollArea)
        if area.widget() is screen_of(display.shell, "history", HistoryScreen)
    )
    return page.verticalScrollBar().maximum() > 0


def test_history_fits_800_by_480_in_welsh_high_contrast(display: Display, qtbot: QtBot) -> None:
    _with_full_histories(display)
    display.settings.set_language("cy")
    display.settings.set_theme("contrast")
    display.shell.go_to("history")
    screen = screen_of(display.shell, "history", HistoryScreen)
    screen.chart.choose(20)  # a chosen bar adds its line of words under the chart
    qtbot.wait(50)
    assert not _needs_scrolling(display)

    screen.totals_button.click()
    qtbot.wait(50)
    assert len(screen.totals.labels) > 12  # both fuels and both together, every period
    assert not screen.chart_controls.isVisible()  # fuel and measure are the chart's alone
    assert not _needs_scrolling(display)

    screen.chart_button.click()
    qtbot.wait(50)
    assert screen.chart_controls.isVisible()
    assert not _needs_scrolling(display)
