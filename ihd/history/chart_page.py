"""The History screen's chart page: a title and total over the bars, and a tapped (or arrowed-to)
bar's value said in words beneath them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.ui.announce import announce
from app.ui.chart import BarChart
from app.ui.i18n import QT_WORDING
from app.ui.labels import role_label
from app.ui.theme import Theme
from app.wording import fill
from ihd.view_models.chart_ticks import history_ticks
from ihd.view_models.chart_words import history_summary
from ihd.view_models.history import BarWords, Measure, Series

translate = QCoreApplication.translate


class ChartPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: Series | None = None
        self.previous: Series | None = None
        """The range before, which the summary compares with."""
        self.now_s: float | None = None
        self._words = BarWords(QT_WORDING)
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
        self.summary = role_label("caption")
        """The chart in words: its total against the range before, its highest and lowest bar."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(heading)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.bar_value)
        layout.addWidget(self.summary)

    def retranslate(self) -> None:
        self.show_words()  # the chart's name with it

    def apply_theme(self, theme: Theme) -> None:
        self.chart.apply_theme(theme)

    def show_series(
        self, series: Series | None, previous: Series | None = None, now_s: float | None = None
    ) -> None:
        """The bars to draw; ``previous`` (the range before) and ``now_s`` for the summary's
        comparison ("8% less than last week")."""
        self.series, self.previous, self.now_s = series, previous, now_s
        if series is None:
            self.chart.clear_bars()
        else:
            self.chart.set_bars(series.edges, series.values)
            self.chart.set_unit("£" if series.measure is Measure.COST else "kWh")
        self.show_words()

    def show_words(self) -> None:
        """The chart's title, total and chosen bar, in the current language."""
        series = self.series
        if series is None:
            self.title.setText(translate("HistoryScreen", "Looking for your meter…"))
            self.total.setText("")
        else:
            self.title.setText(self._words.title(series))
            self.chart.set_ticks(history_ticks(series, QT_WORDING))
            self.total.setText(self._words.total(series))
        summary = (
            "" if series is None else history_summary(series, QT_WORDING, self.previous, self.now_s)
        )
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        hint = translate(
            "HistoryScreen", "Left and Right arrows choose a bar; its value is said below"
        )
        self.chart.setAccessibleDescription(f"{summary}. {hint}" if summary else hint)
        self._bar_chosen(self.chart.chosen)

    def _bar_chosen(self, index: int) -> None:
        text = "" if self.series is None else self._words.bar(self.series, index)
        if text != self.bar_value.text() and self.chart.hasFocus():
            announce(self.chart, text)  # bar by bar, as the arrows move
        self.bar_value.setText(text)
        self.bar_value.setAccessibleName(text)
        # The focused chart's own name carries the chosen bar too (Qt sends the name-changed
        # event), so a screen reader without announcements still reads each bar as it comes.
        name = translate("HistoryScreen", "Chart of your energy use")
        chosen = self.series is not None and 0 <= index < len(self.series.values)
        self.chart.setAccessibleName(fill("%1: %2", name, text) if chosen else name)
