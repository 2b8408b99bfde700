"""The History screen: a bar chart of half hours, days or months for either fuel in kWh or £, and the
totals for today, this week, this month and this year.

Range buttons (Day, Week, Month, Year), fuel and unit buttons, Earlier/Later to step back through
24 months (``controls.py``); the chart zooms and pans, and a tapped bar's value is said in words
beneath it (``chart_page.py``); the totals have a page of their own (``totals_page.py``). This
screen chooses what they show and reads the bars.
"""

from __future__ import annotations

import asyncio
import contextlib

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.host.context import ExperienceContext
from app.settings.display_settings import SoundMode
from app.ui.i18n import QT_WORDING
from app.ui.page_stack import PageStack
from app.ui.theme import Theme
from han.model import Field, Fuel, Meter, ModelChange
from ihd.history.chart_page import ChartPage
from ihd.history.controls import ChartControls, ViewAndSpan
from ihd.history.totals_page import TotalsPage
from ihd.screen import IhdScreen, Navigator
from ihd.view_models.history import (
    Measure,
    Series,
    Span,
    Windows,
    load_series,
    series_from_meter,
)
from ihd.view_models.history_record import ChartShown
from ihd.view_models.history_summary import HistorySummaryViewModel, Summary

translate = QCoreApplication.translate

CHART, TOTALS = 0, 1
"""The pages, in the order they are stacked."""


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
        self._windows = Windows()
        self._summary_model = HistorySummaryViewModel(context.model, QT_WORDING)
        self._loading: asyncio.Task[None] | None = None
        self._say_summary = False
        """A person chose what the chart shows: its words are said (when speech is on)."""

        self.view_and_span = ViewAndSpan()
        self.chart_button = self.view_and_span.chart_button
        self.totals_button = self.view_and_span.totals_button
        self.span_buttons = self.view_and_span.span_buttons
        for span, button in self.span_buttons.items():
            button.clicked.connect(lambda _c=False, s=span: self.show_span(s))

        self.chart_controls = ChartControls()
        self.fuel_buttons = self.chart_controls.fuel_buttons
        self.measure_buttons = self.chart_controls.measure_buttons
        self.earlier = self.chart_controls.earlier
        self.later = self.chart_controls.later
        for fuel, button in self.fuel_buttons.items():
            button.clicked.connect(lambda _c=False, f=fuel: self.show_fuel(f))
        for measure, button in self.measure_buttons.items():
            button.clicked.connect(lambda _c=False, m=measure: self.show_measure(m))
        self.earlier.clicked.connect(lambda: self.step(+1))
        self.later.clicked.connect(lambda: self.step(-1))

        self.chart_page = ChartPage()
        self.chart = self.chart_page.chart
        self.title = self.chart_page.title
        self.total = self.chart_page.total
        self.bar_value = self.chart_page.bar_value
        self.totals = TotalsPage()

        self.pages = PageStack()  # only the page on show claims room
        self.pages.addWidget(self.chart_page)
        self.pages.addWidget(self.totals)
        self.chart_button.clicked.connect(lambda: self.pages.setCurrentIndex(CHART))
        self.totals_button.clicked.connect(self._show_totals)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 0)
        layout.setSpacing(4)
        layout.addWidget(self.view_and_span)
        layout.addWidget(self.chart_controls)
        layout.addWidget(self.pages, 1)
        self.pages.currentChanged.connect(self._page_shown)
        self._page_shown(CHART)

        self._reload_pending = False
        self.until_closed(self._stop_loading)
        self.retranslate()
        self.reload()

    @property
    def series(self) -> Series | None:
        """The bars on the chart (None until a meter is found)."""
        return self.chart_page.series

    # Words ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.view_and_span.retranslate()
        self.chart_controls.retranslate()
        self.chart_page.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.chart_page.apply_theme(theme)

    # Choices ---------------------------------------------------------------------------------

    def show_span(self, span: Span) -> None:
        self._say_summary = True
        self.span = span
        self.back = 0
        self.span_buttons[span].setChecked(True)
        self.pages.setCurrentIndex(CHART)
        self.chart_button.setChecked(True)
        self.reload()

    def show_fuel(self, fuel: Fuel) -> None:
        self._say_summary = True
        self.fuel = fuel
        self.fuel_buttons[fuel].setChecked(True)
        self.reload()

    def show_measure(self, measure: Measure) -> None:
        self._say_summary = True
        self.measure = measure
        self.measure_buttons[measure].setChecked(True)
        self.reload()

    def step(self, ranges_back: int) -> None:
        self._say_summary = True
        self.back = min(max(self.back + ranges_back, 0), self._windows.oldest_back(self.span))
        self.reload()

    def _page_shown(self, index: int) -> None:
        """The totals need none of the chart's controls (nor the room they take at 800×480)."""
        self.chart_controls.setVisible(index == CHART)

    def _show_totals(self) -> None:
        self.pages.setCurrentIndex(TOTALS)
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
        self._stop_loading()
        if meter is None:
            self.show_series(None)
            return
        store = self.context.history
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        before = (
            self._windows.window(self.span, han_now, self.back + 1)
            if self.back < self._windows.oldest_back(self.span)
            else None
        )
        if store is None or loop is None:
            previous = series_from_meter(meter, self.measure, before) if before else None
            self.show_series(series_from_meter(meter, self.measure, window), previous, han_now)
            return

        async def load() -> None:
            series = await load_series(store, meter, self.measure, window)
            previous = await load_series(store, meter, self.measure, before) if before else None
            self.show_series(series, previous, han_now)

        self._loading = loop.create_task(load(), name="history-chart")

    def _stop_loading(self) -> None:
        if self._loading is not None:
            self._loading.cancel()
            self._loading = None

    async def loaded(self) -> None:
        """Until the bars being read are on the chart (tests)."""
        if self._loading is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._loading

    def show_series(
        self, series: Series | None, previous: Series | None = None, now_s: float | None = None
    ) -> None:
        said = self.chart_page.summary.text()
        self.chart_page.show_series(series, previous, now_s)
        summary = self.chart_page.summary.text()
        if self._say_summary and summary and summary != said:
            self._say_summary = False
            if self.context.settings.sound is SoundMode.SPEAK:
                self.context.sound.speak(summary, self.context.settings.language)

    @property
    def spoken(self) -> str:
        """What the repeat key says on this screen when nothing has been said yet."""
        return self.chart_page.summary.text() if self.pages.currentIndex() == CHART else ""

    # Totals -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.pages.currentIndex() == TOTALS:
            self.show_summary(self._summary_model.summary(self.context.now()))

    def show_summary(self, summary: Summary) -> None:
        self.totals.show_summary(summary)

    # A trial's record and replay (app/host/recorded_screen.py) -------------------------------

    def recorded_state(self) -> str:
        """The range chosen and the bars drawn: a replay has no history store to read them."""
        page = self.chart_page
        totals = self.pages.currentIndex() == TOTALS
        return ChartShown(
            self.span, self.fuel, self.measure, self.back, totals, page.series, page.previous,
            page.now_s,
        ).text()  # fmt: skip

    def show_recorded_state(self, text: str) -> None:
        shown = ChartShown.read(text)
        self._stop_loading()
        self.span, self.fuel, self.measure, self.back = (
            shown.span, shown.fuel, shown.measure, shown.back,
        )  # fmt: skip
        self.span_buttons[shown.span].setChecked(True)
        self.fuel_buttons[shown.fuel].setChecked(True)
        self.measure_buttons[shown.measure].setChecked(True)
        self.later.setEnabled(self.back > 0)
        self.earlier.setEnabled(self.back < self._windows.oldest_back(self.span))
        (self.totals_button if shown.totals else self.chart_button).setChecked(True)
        self.pages.setCurrentIndex(TOTALS if shown.totals else CHART)
        self.show_series(shown.series, shown.previous, shown.now_s)
        self.refresh()

    # Events -----------------------------------------------------------------------------------

    def model_changed(self, change: ModelChange) -> None:
        if self.isVisible():  # shown again, it ticks at once
            self.refresh_soon()
        if Field.HISTORY in change.fields and self.series is not None and self.back == 0:
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
