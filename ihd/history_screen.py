"""The History screen: a bar chart of half hours, days or months for either fuel in kWh or £, and the
totals for today, this week, this month and this year.

Range buttons (Day, Week, Month, Year), fuel and unit buttons, Earlier/Later to step back through
24 months; the chart zooms and pans, and a tapped bar's value is said in words beneath it.
"""

from __future__ import annotations

import asyncio
import contextlib

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.host.context import ExperienceContext
from app.ui.chart import BarChart
from app.ui.i18n import QT_WORDING
from app.ui.labels import mark_stale, role_label
from app.ui.page_stack import PageStack
from app.ui.theme import Theme
from app.ui.touch_button import TouchButton
from han.model import Fuel, Meter, ModelChange
from ihd.screen import IhdScreen, Navigator
from ihd.view_models.history import (
    BarWords,
    Measure,
    Series,
    Span,
    Windows,
    load_series,
    series_from_meter,
)
from ihd.view_models.history_summary import HistorySummaryViewModel, Summary

translate = QCoreApplication.translate

_SPANS = (
    (Span.DAY, "Day"),
    (Span.WEEK, "Week"),
    (Span.MONTH, "Month"),
    (Span.YEAR, "Year"),
)


def _choice(group: QButtonGroup, layout: QHBoxLayout) -> TouchButton:
    button = TouchButton()
    button.setCheckable(True)
    group.addButton(button)
    layout.addWidget(button)
    return button


class HistoryScreen(IhdScreen):
    tick_ms = 5000  # the totals' ages move without events

    def __init__(
        self,
        context: ExperienceContext,
        navigator: Navigator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, navigator, parent)
        self.setObjectName("ihd-history")
        self.span = Span.DAY
        self.fuel = Fuel.ELECTRICITY
        self.measure = Measure.ENERGY
        self.back = 0
        self.series: Series | None = None
        self._windows = Windows()
        self._words = BarWords(QT_WORDING)
        self._summary_model = HistorySummaryViewModel(context.model, QT_WORDING)
        self._loading: asyncio.Task[None] | None = None

        # Chart or totals ---------------------------------------------------------------------
        self._view_group = QButtonGroup(self)
        top = QHBoxLayout()
        top.setSpacing(4)
        self.chart_button = _choice(self._view_group, top)
        self.totals_button = _choice(self._view_group, top)
        self.chart_button.setChecked(True)
        top.addSpacing(8)
        self._span_group = QButtonGroup(self)
        self.span_buttons: dict[Span, TouchButton] = {}
        for span, _word in _SPANS:
            self.span_buttons[span] = button = _choice(self._span_group, top)
            button.clicked.connect(lambda _c=False, s=span: self.show_span(s))
        self.span_buttons[Span.DAY].setChecked(True)

        self.chart_controls = QWidget()  # fuel, measure, earlier/later: the chart's alone
        second = QHBoxLayout(self.chart_controls)
        second.setContentsMargins(0, 0, 0, 0)
        second.setSpacing(4)
        self._fuel_group = QButtonGroup(self)
        self.fuel_buttons = {fuel: _choice(self._fuel_group, second) for fuel in Fuel}
        self.fuel_buttons[Fuel.ELECTRICITY].setChecked(True)
        for fuel, button in self.fuel_buttons.items():
            button.clicked.connect(lambda _c=False, f=fuel: self.show_fuel(f))
        second.addSpacing(8)
        self._measure_group = QButtonGroup(self)
        self.measure_buttons = {m: _choice(self._measure_group, second) for m in Measure}
        self.measure_buttons[Measure.ENERGY].setChecked(True)
        for measure, button in self.measure_buttons.items():
            button.clicked.connect(lambda _c=False, m=measure: self.show_measure(m))
        second.addStretch(1)
        self.earlier = TouchButton()
        self.later = TouchButton()
        self.earlier.clicked.connect(lambda: self.step(+1))
        self.later.clicked.connect(lambda: self.step(-1))
        second.addWidget(self.earlier)
        second.addWidget(self.later)

        self.title = role_label("heading")
        self.total = role_label("caption")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.total, 1)
        self.chart = BarChart()
        self.chart.setMinimumHeight(90)
        self.chart.bar_chosen.connect(self._bar_chosen)
        self.bar_value = role_label("heading")
        self.bar_value.setAccessibleName("")
        chart_page = QWidget()
        chart_layout = QVBoxLayout(chart_page)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.setSpacing(2)
        chart_layout.addLayout(heading)
        chart_layout.addWidget(self.chart, 1)
        chart_layout.addWidget(self.bar_value)

        # Totals --------------------------------------------------------------------------------
        totals_page = QWidget()
        self._totals_grid = QGridLayout(totals_page)
        self._totals_grid.setContentsMargins(0, 0, 0, 0)
        self._totals_grid.setHorizontalSpacing(14)
        self._totals_grid.setVerticalSpacing(0)
        self._total_labels: list[QLabel] = []
        self.notes = role_label("caption")

        self.pages = PageStack()  # only the page on show claims room
        self.pages.addWidget(chart_page)
        self.pages.addWidget(totals_page)
        self.chart_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.totals_button.clicked.connect(self._show_totals)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.chart_controls)
        layout.addWidget(self.pages, 1)
        self.pages.currentChanged.connect(self._page_shown)
        self._page_shown(0)

        self._reload_pending = False
        self.until_closed(self._stop_loading)
        self.retranslate()
        self.reload()

    # Words ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.chart_button.set_words(translate("HistoryScreen", "Chart"))
        self.chart_button.describe(
            translate("HistoryScreen", "Chart"), translate("HistoryScreen", "Use as a chart")
        )
        self.totals_button.set_words(translate("HistoryScreen", "Totals"))
        self.totals_button.describe(
            translate("HistoryScreen", "Totals"),
            translate("HistoryScreen", "Today, this week, month and year"),
        )
        words = {
            Span.DAY: translate("HistoryScreen", "Day"),
            Span.WEEK: translate("HistoryScreen", "Week"),
            Span.MONTH: translate("HistoryScreen", "Month"),
            Span.YEAR: translate("HistoryScreen", "Year"),
        }
        for span, button in self.span_buttons.items():
            button.set_words(words[span])
            button.describe(
                words[span], translate("HistoryScreen", "How much time the chart shows")
            )
        fuels = {
            Fuel.ELECTRICITY: translate("HistoryScreen", "Electricity"),
            Fuel.GAS: translate("HistoryScreen", "Gas"),
        }
        for fuel, button in self.fuel_buttons.items():
            button.set_words(fuels[fuel])
            button.describe(fuels[fuel], translate("HistoryScreen", "Which fuel the chart shows"))
        measures = {Measure.ENERGY: "kWh", Measure.COST: "£"}
        measure_names = {
            Measure.ENERGY: translate("HistoryScreen", "Energy in kilowatt hours"),
            Measure.COST: translate("HistoryScreen", "Cost in pounds"),
        }
        for measure, button in self.measure_buttons.items():
            button.set_words(measures[measure])
            button.describe(measure_names[measure])
        self.earlier.set_words(translate("HistoryScreen", "◀ Earlier"))
        self.earlier.describe(translate("HistoryScreen", "Earlier"))
        self.later.set_words(translate("HistoryScreen", "Later ▶"))
        self.later.describe(translate("HistoryScreen", "Later"))
        self.chart.setAccessibleName(translate("HistoryScreen", "Chart of your energy use"))
        self.chart.setAccessibleDescription(
            translate(
                "HistoryScreen", "Left and Right arrows choose a bar; its value is said below"
            )
        )

        self._show_words()

    def _show_words(self) -> None:
        """The chart's title, total and chosen bar, in the current language."""
        series = self.series
        if series is None:
            self.title.setText(translate("HistoryScreen", "Looking for your meter…"))
            self.total.setText("")
        else:
            self.title.setText(self._words.title(series))
            self.total.setText(self._words.total(series))
        self._bar_chosen(self.chart.chosen)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.chart.apply_theme(theme)

    # Choices ---------------------------------------------------------------------------------

    def show_span(self, span: Span) -> None:
        self.span = span
        self.back = 0
        self.span_buttons[span].setChecked(True)
        self.pages.setCurrentIndex(0)
        self.chart_button.setChecked(True)
        self.reload()

    def show_fuel(self, fuel: Fuel) -> None:
        self.fuel = fuel
        self.fuel_buttons[fuel].setChecked(True)
        self.reload()

    def show_measure(self, measure: Measure) -> None:
        self.measure = measure
        self.measure_buttons[measure].setChecked(True)
        self.reload()

    def step(self, ranges_back: int) -> None:
        self.back = min(max(self.back + ranges_back, 0), self._windows.oldest_back(self.span))
        self.reload()

    def _page_shown(self, index: int) -> None:
        """The totals need none of the chart's controls (nor the room they take at 800×480)."""
        self.chart_controls.setVisible(index == 0)

    def _show_totals(self) -> None:
        self.pages.setCurrentIndex(1)
        self.refresh()

    # Data -------------------------------------------------------------------------------------

    def meter(self) -> Meter | None:
        model = self.context.model
        return model.gas_meter() if self.fuel is Fuel.GAS else model.electricity_import_meter()

    def reload(self) -> None:
        """Read the bars of the chosen range (from the store when it is open)."""
        meter = self.meter()
        self.fuel_buttons[Fuel.GAS].setEnabled(self.context.model.gas_meter() is not None)
        self.later.setEnabled(self.back > 0)
        self.earlier.setEnabled(self.back < self._windows.oldest_back(self.span))
        han_now = self.context.model.han_now(self.context.now())
        window = self._windows.window(self.span, han_now, self.back)
        if self._loading is not None:
            self._loading.cancel()
            self._loading = None
        if meter is None:
            self.show_series(None)
            return
        store = self.context.history
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if store is None or loop is None:
            self.show_series(series_from_meter(meter, self.measure, window))
            return

        async def load() -> None:
            self.show_series(await load_series(store, meter, self.measure, window))

        self._loading = loop.create_task(load(), name="history-chart")

    async def loaded(self) -> None:
        """Until the bars being read are on the chart (tests)."""
        if self._loading is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._loading

    def show_series(self, series: Series | None) -> None:
        self.series = series
        if series is None:
            self.chart.clear_bars()
        else:
            self.chart.set_bars(series.edges, series.values)
            self.chart.set_unit("£" if series.measure is Measure.COST else "kWh")
        self._show_words()

    def _bar_chosen(self, index: int) -> None:
        text = "" if self.series is None else self._words.bar(self.series, index)
        self.bar_value.setText(text)
        self.bar_value.setAccessibleName(text)

    # Totals -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.pages.currentIndex() == 1:
            self.show_summary(self._summary_model.summary(self.context.now()))

    def show_summary(self, summary: Summary) -> None:
        for label in self._total_labels:
            self._totals_grid.removeWidget(label)
            label.deleteLater()
        self._total_labels = []
        grid = self._totals_grid

        def put(text: str, row: int, column: int, role: str = "", stale: bool = False) -> None:
            label = role_label(role)
            label.setText(text)
            mark_stale(label, stale)
            grid.addWidget(label, row, column)
            self._total_labels.append(label)

        rows = [(fuel.caption, fuel.figures) for fuel in summary.fuels]
        if len(summary.fuels) > 1:
            rows.append((translate("HistoryScreen", "Both"), summary.combined))
        if rows:
            for column, figure in enumerate(rows[0][1], start=1):
                put(figure.caption, 0, column, "caption")
        for row, (caption, figures) in enumerate(rows, start=1):
            put(caption, row, 0, "heading")
            for column, figure in enumerate(figures, start=1):
                text = f"{figure.cost}\n{figure.energy}"
                if figure.note:
                    text += f"\n{figure.note}"
                put(text, row, column, stale=figure.stale)
        notes = [f"{fuel.caption}: {fuel.comparison}" for fuel in summary.fuels if fuel.comparison]
        notes += [
            f"{fuel.caption}: {fuel.standing_charge}"
            for fuel in summary.fuels
            if fuel.standing_charge
        ]
        notes.append(summary.vat_note)
        put("\n".join(notes), len(rows) + 1, 0, "caption")
        grid.addWidget(self._total_labels[-1], len(rows) + 1, 0, 1, 5)
        grid.setRowStretch(len(rows) + 2, 1)

    # Events -----------------------------------------------------------------------------------

    def model_changed(self, change: ModelChange) -> None:
        if self.isVisible():  # shown again, it ticks at once
            self.refresh_soon()
        if "history" in change.fields and self.series is not None and self.back == 0:
            self.reload_soon()

    def reload_soon(self) -> None:
        if not self._reload_pending:
            self._reload_pending = True
            QTimer.singleShot(0, self, self._reload_now)

    def _reload_now(self) -> None:
        self._reload_pending = False
        self.reload()

    def screen_shown(self) -> None:
        self.reload()

    def _stop_loading(self) -> None:
        if self._loading is not None:
            self._loading.cancel()
