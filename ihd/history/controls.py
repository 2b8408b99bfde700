"""The History screen's controls: Chart or Totals and the range (Day, Week, Month, Year) on the first
row; the chart's own – fuel, kWh or £, Earlier and Later – on the second, which the totals hide."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QWidget

from app.ui.one_of import OneOf
from app.ui.touch_button import TouchButton
from han.model import Fuel
from ihd.view_models.history import Measure, Span

translate = QCoreApplication.translate


def _choice(group: OneOf, layout: QHBoxLayout) -> TouchButton:
    button = TouchButton()
    button.setCheckable(True)
    group.addButton(button)
    layout.addWidget(button)
    return button


class ViewAndSpan(QWidget):
    """Chart or Totals, and how much time the chart shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self._view_group = OneOf(self)
        self.chart_button = _choice(self._view_group, row)
        self.totals_button = _choice(self._view_group, row)
        self.chart_button.setChecked(True)
        row.addSpacing(8)
        self._span_group = OneOf(self)
        self.span_buttons = {span: _choice(self._span_group, row) for span in Span}
        self.span_buttons[Span.DAY].setChecked(True)

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


class ChartControls(QWidget):
    """Which fuel, in kWh or £, and stepping back through the months: the chart's alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self._fuel_group = OneOf(self)
        self.fuel_buttons = {fuel: _choice(self._fuel_group, row) for fuel in Fuel}
        self.fuel_buttons[Fuel.ELECTRICITY].setChecked(True)
        row.addSpacing(8)
        self._measure_group = OneOf(self)
        self.measure_buttons = {m: _choice(self._measure_group, row) for m in Measure}
        self.measure_buttons[Measure.ENERGY].setChecked(True)
        row.addStretch(1)
        self.earlier = TouchButton()
        self.later = TouchButton()
        row.addWidget(self.earlier)
        row.addWidget(self.later)

    def retranslate(self) -> None:
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
