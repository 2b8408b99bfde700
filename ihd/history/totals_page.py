"""The History screen's totals page: cost and energy for today, this week, this month and this year,
for each fuel and both together, with the comparisons, standing charges and the VAT note below."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.ui.i18n import QT_WORDING
from app.ui.labels import mark_stale, role_label
from app.wording import fill
from ihd.view_models.history_summary import Summary
from ihd.view_models.spoken import spoken_units

translate = QCoreApplication.translate


class TotalsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(14)
        self._grid.setVerticalSpacing(0)
        self.labels: list[QLabel] = []

    def show_summary(self, summary: Summary) -> None:
        for label in self.labels:
            self._grid.removeWidget(label)
            label.deleteLater()
        self.labels = []
        grid = self._grid

        def put(
            text: str, row: int, column: int, role: str = "", stale: bool = False, said: str = ""
        ) -> None:
            label = role_label(role)
            label.setText(text)
            # A figure alone ("£0.72 2.9 kWh") would be read without its fuel and period.
            label.setAccessibleName(spoken_units(said or text, QT_WORDING))
            mark_stale(label, stale)
            grid.addWidget(label, row, column)
            self.labels.append(label)

        rows = [(fuel.caption, fuel.figures) for fuel in summary.fuels]
        if len(summary.fuels) > 1:
            rows.append((translate("HistoryScreen", "Both"), summary.combined))
        if rows:
            for column, figure in enumerate(rows[0][1], start=1):
                put(figure.caption, 0, column, "caption")
        for row, (caption, figures) in enumerate(rows, start=1):
            put(caption, row, 0, "heading")
            for column, figure in enumerate(figures, start=1):
                figures_text = f"{figure.cost}, {figure.energy}"
                text = f"{figure.cost}\n{figure.energy}"
                if figure.note:
                    text += f"\n{figure.note}"
                    figures_text += f", {figure.note}"
                said = fill(
                    translate("HistoryScreen", "%1, %2: %3"), caption, figure.caption, figures_text
                )
                put(text, row, column, stale=figure.stale, said=said)
        notes = [f"{fuel.caption}: {fuel.comparison}" for fuel in summary.fuels if fuel.comparison]
        notes += [
            f"{fuel.caption}: {fuel.standing_charge}"
            for fuel in summary.fuels
            if fuel.standing_charge
        ]
        notes.append(summary.vat_note)
        put("\n".join(notes), len(rows) + 1, 0, "caption")
        grid.addWidget(self.labels[-1], len(rows) + 1, 0, 1, 5)
        grid.setRowStretch(len(rows) + 2, 1)
