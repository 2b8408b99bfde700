"""What a person sees on History: the chart holds the range's bars, and a tapped bar says its value."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from app.history.store import HalfHourRow, HistoryStore, PeriodRow
from app.host.context import ExperienceContext
from ihd.history.screen import HistoryScreen
from ihd.pages.tariff import TariffScreen
from ihd.view_models.history import Span, Windows
from tests.ihd.conftest import ESME, NOW, Display, dual_fuel_home
from tests.ihd.screen_of import screen_of

KEY = str(ESME)


def _tap(qtbot: QtBot, screen: HistoryScreen, x: float) -> None:
    """A click on the chart at time ``x``, half way up the bars."""
    plot = screen.chart.plot
    view = plot.getPlotItem().getViewBox()
    top = view.viewRange()[1][1]
    scene = view.mapViewToScene(QPointF(x, top / 2))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.mapFromScene(scene))


async def test_day_week_month_and_year_hold_their_bars_and_a_tap_says_a_value(
    qtbot: QtBot, tmp_path: Path
) -> None:
    model = dual_fuel_home()
    windows = Windows()
    day = windows.window(Span.DAY, NOW)
    week = windows.window(Span.WEEK, NOW)
    async with HistoryStore(tmp_path / "history.sqlite3") as store:
        await store.upsert_half_hours(
            [HalfHourRow(KEY, "import", start, 250) for start in day.edges[:-1]]
        )
        await store.upsert_periods(
            [PeriodRow(KEY, "energy", "day", start, 12_000, True) for start in week.edges[:-1]],
            recorded_s=int(NOW),
        )
        screen = HistoryScreen(ExperienceContext(model, now=lambda: NOW, history=store))
        qtbot.addWidget(screen)
        await screen.loaded()
        assert screen.chart.bar_count == 48
        assert screen.total.text() == "Total 12.00 kWh"
        assert screen.chart.value(20) == 0.25

        screen.span_buttons[Span.WEEK].click()
        await screen.loaded()
        assert screen.chart.bar_count == 7
        assert screen.total.text() == "Total 84.00 kWh"
        screen.span_buttons[Span.MONTH].click()
        await screen.loaded()
        assert screen.chart.bar_count == 31
        screen.span_buttons[Span.YEAR].click()
        await screen.loaded()
        assert screen.chart.bar_count == 12

        screen.span_buttons[Span.DAY].click()
        screen.earlier.click()
        await screen.loaded()
        assert screen.chart.bar_count == 48
        assert screen.total.text() == "No record for this time yet."
        screen.close()


def test_tapping_a_bar_says_its_value_in_words(display: Display, qtbot: QtBot) -> None:
    from decimal import Decimal

    from han.domain.history import MeterHistory, PeriodFigures, PeriodStarts
    from han.domain.local_calendar import LocalCalendar
    from han.model import Measured

    calendar = LocalCalendar()
    meter = display.model.electricity_import_meter()
    assert meter is not None
    today = calendar.day_start(NOW)
    days = tuple(calendar.days_before(today, n) for n in range(9))
    figures = PeriodFigures(
        Decimal("4.5"), tuple(Decimal(n) for n in range(1, 9)), None, (), None, ()
    )
    meter.history = MeterHistory(
        energy_kwh=Measured(figures, NOW), starts=PeriodStarts(days, (), ())
    )
    display.shell.go_to("history")
    screen = screen_of(display.shell, "history", HistoryScreen)
    assert screen.chart.bar_count == 48  # a day of half hours (none recorded without a store)
    assert screen.bar_value.text() == "Tap a bar to see its value."
    screen.span_buttons[Span.WEEK].click()
    assert screen.chart.bar_count == 7
    qtbot.waitUntil(lambda: screen.chart.plot.getPlotItem().getViewBox().width() > 100)
    week = Windows().window(Span.WEEK, NOW)
    index = week.edges.index(today)
    _tap(qtbot, screen, today + 43_200)
    assert screen.chart.chosen == index
    assert screen.bar_value.text().endswith(": 4.50 kWh")
    assert screen.bar_value.text().startswith("Electricity, ")
    assert screen.bar_value.accessibleName() == screen.bar_value.text()
    screen.chart.setFocus()
    qtbot.keyClick(screen.chart, Qt.Key.Key_Left)
    assert screen.chart.chosen == index - 1
    assert screen.bar_value.text().endswith(": 1.00 kWh")  # yesterday


def test_the_totals_say_vat_and_the_standing_charge_apart(qtbot: QtBot) -> None:
    model = dual_fuel_home()
    screen = HistoryScreen(ExperienceContext(model, now=lambda: NOW))
    qtbot.addWidget(screen)
    screen.totals_button.click()
    texts = [label.text() for label in screen.totals.labels]
    assert "Electricity" in texts
    assert "Gas" in texts
    assert "Both" in texts
    notes = texts[-1]
    assert "Prices include VAT at 5 %." in notes
    assert "Electricity: Standing charge £0.60 a day, not in the totals above" in notes


def test_history_and_tariff_speak_welsh(display: Display, qtbot: QtBot) -> None:
    display.settings.set_language("cy")
    shell = display.shell
    qtbot.waitUntil(lambda: shell.nav.buttons["history"].words() == "Hanes")
    history = screen_of(shell, "history", HistoryScreen)
    assert history.span_buttons[Span.DAY].words() == "Diwrnod"
    assert history.bar_value.text() == "Tapiwch far i weld ei werth."
    tariff = screen_of(shell, "tariff", TariffScreen)
    shell.go_to("tariff")
    from han.model import Fuel

    assert tariff.cards[Fuel.ELECTRICITY].price.text() == "24.50c y kWh"
    assert tariff.vat.text() == "Mae'r prisiau'n cynnwys TAW ar 5 %."
    assert shell.nav.buttons["more"].words() == "Mwy"
