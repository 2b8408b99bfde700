"""The CAD's views once paired: live power, history chart, tariff and cost, export.

Each view reads the model (live values, tariff) or the CAD's own log (history, export) and only
renders; the words are Qt's (``QtWording``) so they follow the display's language.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.history.store import DAY_S, HALF_HOUR_S, Channel
from app.host.context import ExperienceContext
from app.ui.big_number import BigNumber
from app.ui.chart import BarChart
from app.ui.i18n import QT_WORDING
from app.wording import fill, rate_label_words
from cad.log import export
from cad.log.logger import CadLogger
from cad.meters import electricity_meter
from cad.view_models.history_words import comparison

CONTEXT = "CadViews"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class LiveView(QWidget):
    def __init__(self, context: ExperienceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QHBoxLayout(self)
        self.demand = BigNumber("")
        self.cost_per_hour = BigNumber("", small=True)
        self.today = BigNumber("", small=True)
        layout.addWidget(self.demand, 2)
        column = QVBoxLayout()
        column.addWidget(self.cost_per_hour)
        column.addWidget(self.today)
        layout.addLayout(column, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.demand.set_caption(QCoreApplication.translate("CadViews", "Electricity now"))
        self.cost_per_hour.set_caption(QCoreApplication.translate("CadViews", "Costing per hour"))
        self.today.set_caption(QCoreApplication.translate("CadViews", "Electricity today"))
        self.refresh()  # the readings' words ("an hour", "at 10:54") too, not at the next tick

    def refresh(self) -> None:
        w = QT_WORDING
        meter = electricity_meter(self.context.model)
        if meter is None or meter.demand_kw is None:
            self.demand.show_reading(
                "…", "", note=QCoreApplication.translate("CadViews", "Waiting for the meter…")
            )
            return
        kw = meter.demand_kw.value
        self.demand.show_reading(
            w.number(kw, 3),
            "kW",
            note=fill(
                QCoreApplication.translate("CadViews", "at %1"),
                w.clock(self.context.model.han_now(meter.demand_kw.updated_at), seconds=True),
            ),
        )
        price = meter.tariff.unit_price_gbp_per_kwh
        if price is not None:
            self.cost_per_hour.show_reading(
                w.money(kw * price.value), QCoreApplication.translate("CadViews", "an hour")
            )
        if meter.today_import_kwh is not None:
            note = w.money(meter.today_cost_gbp.value) if meter.today_cost_gbp else ""
            self.today.show_reading(w.number(meter.today_import_kwh.value, 2), "kWh", note=note)


class TariffView(QWidget):
    def __init__(self, context: ExperienceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.form = QFormLayout(self)
        self.labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("rate", "unit", "standing", "next", "week", "month"):
            caption, value = QLabel(), QLabel("–")
            self.labels[key] = (caption, value)
            self.form.addRow(caption, value)
        self.retranslate()

    def retranslate(self) -> None:
        for key, text in (
            ("rate", QCoreApplication.translate("CadViews", "Rate now")),
            ("unit", QCoreApplication.translate("CadViews", "Unit price")),
            ("standing", QCoreApplication.translate("CadViews", "Standing charge")),
            ("next", QCoreApplication.translate("CadViews", "Next price")),
            ("week", QCoreApplication.translate("CadViews", "Cost this week")),
            ("month", QCoreApplication.translate("CadViews", "Cost this month")),
        ):
            self.labels[key][0].setText(text)
        self.refresh()  # the figures' words too

    def refresh(self) -> None:
        w = QT_WORDING
        meter = electricity_meter(self.context.model)
        if meter is None:
            return
        tariff = meter.tariff
        label = tariff.rate_label
        self.labels["rate"][1].setText(rate_label_words(label, w) if label else "–")
        if tariff.unit_price_gbp_per_kwh is not None:
            pence = tariff.unit_price_gbp_per_kwh.value * 100
            self.labels["unit"][1].setText(
                fill(QCoreApplication.translate("CadViews", "%1p per kWh"), w.number(pence, 2))
            )
        if tariff.standing_charge_gbp_per_day is not None:
            pence = tariff.standing_charge_gbp_per_day.value * 100
            self.labels["standing"][1].setText(
                fill(QCoreApplication.translate("CadViews", "%1p a day"), w.number(pence, 2))
            )
        upcoming = tariff.next
        if upcoming is not None and upcoming.start_s is not None:
            pence = upcoming.unit_price_gbp_per_kwh * 100
            self.labels["next"][1].setText(
                fill(
                    QCoreApplication.translate("CadViews", "%1p per kWh from %2"),
                    w.number(pence, 2),
                    w.clock(upcoming.start_s),
                )
            )
        for key, measured in (("week", meter.week_cost_gbp), ("month", meter.month_cost_gbp)):
            if measured is not None:
                self.labels[key][1].setText(w.money(measured.value))


class HistoryView(QWidget):
    """Half-hourly import over the last days, from the CAD's own log."""

    def __init__(self, logger_ref: LoggerRef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.logger_ref = logger_ref
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.caption = QLabel()
        row.addWidget(self.caption, 1)
        self.span = QComboBox()
        for days in (1, 7, 30):
            self.span.addItem("", days)
        self.span.setCurrentIndex(1)
        self.span.currentIndexChanged.connect(lambda _i: self.logger_ref.schedule(self.reload()))
        row.addWidget(self.span)
        layout.addLayout(row)
        self.chart = BarChart()
        layout.addWidget(self.chart, 1)
        self.chosen = QLabel()
        layout.addWidget(self.chosen)
        self.chart.bar_chosen.connect(self._bar_chosen)
        self.total_kwh = 0.0
        self.compared = ""
        """Against as many days before ("8% less than the 7 days before"), or ""."""
        self.total_shown = False
        """The total is on show (not a chosen bar's figure, nor nothing before the first load)."""
        self.edges = np.zeros(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(
            QCoreApplication.translate("CadViews", "Electricity used, each half hour (kWh)")
        )
        for index, text in enumerate(
            (
                QCoreApplication.translate("CadViews", "Last day"),
                QCoreApplication.translate("CadViews", "Last 7 days"),
                QCoreApplication.translate("CadViews", "Last 30 days"),
            )
        ):
            self.span.setItemText(index, text)
        self._say_total()

    async def reload(self) -> None:
        logger = self.logger_ref.logger
        if logger is None:
            return
        days = int(self.span.currentData())
        meter = self.logger_ref.electricity_meter()
        if meter is None:
            return
        end = int(logger.model.han_now(self.logger_ref.now())) // HALF_HOUR_S * HALF_HOUR_S
        start = end - days * DAY_S
        values = await self._kwh(logger, meter, start, end)
        before = await self._kwh(logger, meter, start - days * DAY_S, start)
        edges = np.arange(start, end + 1, HALF_HOUR_S, dtype=np.float64)
        self.chart.set_bars(edges, values)
        self.edges = edges
        self.total_kwh = float(np.nansum(values))
        self.compared = comparison(values, before, days, QT_WORDING)
        self.total_shown = True
        self._say_total()

    @staticmethod
    async def _kwh(logger: CadLogger, meter: str, start: int, end: int) -> np.ndarray:
        """Each half hour's import in kWh, NaN where the log has none."""
        rows = await logger.store.half_hours(meter, Channel.IMPORT, start, end)
        values = np.full((end - start) // HALF_HOUR_S, np.nan)
        for row in rows:
            values[(row.start_s - start) // HALF_HOUR_S] = row.amount / 1000
        return values

    def _say_total(self) -> None:
        if self.total_shown:
            total = fill(
                QCoreApplication.translate("CadViews", "%1 kWh in all"),
                QT_WORDING.number(_dec(self.total_kwh), 2),
            )
            words = f"{total}, {self.compared}" if self.compared else total
            self.chosen.setText(words)
            self.chart.setAccessibleDescription(words)

    def _bar_chosen(self, index: int) -> None:
        if index >= 0:
            self.total_shown = False
            start = float(self.edges[index])
            self.chosen.setText(
                fill(
                    QCoreApplication.translate("CadViews", "%1 %2: %3 kWh"),
                    QT_WORDING.day(start),
                    QT_WORDING.clock(start),
                    QT_WORDING.number(_dec(self.chart.value(index)), 3),
                )
            )


def _dec(value: float) -> Decimal:
    return Decimal(repr(value)) if np.isfinite(value) else Decimal(0)


class ExportView(QWidget):
    """The same export as ``python -m cad export``, into a file the person chooses."""

    def __init__(self, logger_ref: LoggerRef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.logger_ref = logger_ref
        form = QFormLayout(self)
        today = self._han_today()
        self.first, self.last = QDateEdit(today.addDays(-7)), QDateEdit(today)
        self._range_chosen = False
        """Whether the person picked the days (then they stay as picked)."""
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._chose_range)
        self.fuel, self.format = QComboBox(), QComboBox()
        self.fuel.addItems(list(export.FUELS))
        self.format.addItems(list(export.FORMATS))
        self.captions = [QLabel() for _ in range(4)]
        for caption, field in zip(
            self.captions, (self.first, self.last, self.fuel, self.format), strict=True
        ):
            form.addRow(caption, field)
        self.button = QPushButton()
        self.button.clicked.connect(self._choose_file)
        form.addRow(self.button)
        self.result = QLabel()
        self.result.setWordWrap(True)
        form.addRow(self.result)
        self.retranslate()

    def _han_today(self) -> QDate:
        """The HAN's UTC day: the log is kept on the meters' clock, not the computer's."""
        han_now = self.logger_ref.context.model.han_now(self.logger_ref.now())
        day = datetime.fromtimestamp(han_now, UTC).date()
        return QDate(day.year, day.month, day.day)

    def _chose_range(self) -> None:
        self._range_chosen = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._range_chosen:  # the hub may have told the time since this was built
            today = self._han_today()
            for edit, day in ((self.first, today.addDays(-7)), (self.last, today)):
                edit.blockSignals(True)
                edit.setDate(day)
                edit.blockSignals(False)

    def retranslate(self) -> None:
        for caption, text in zip(
            self.captions,
            (
                QCoreApplication.translate("CadViews", "From (UTC day)"),
                QCoreApplication.translate("CadViews", "To (UTC day)"),
                QCoreApplication.translate("CadViews", "Fuel"),
                QCoreApplication.translate("CadViews", "Format"),
            ),
            strict=True,
        ):
            caption.setText(text)
        self.button.setText(QCoreApplication.translate("CadViews", "Export…"))

    def _choose_file(self) -> None:
        suffix = self.format.currentText()
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("CadViews", "Export"), f"cad-export.{suffix}"
        )
        if path:
            self.logger_ref.schedule(self.export_to(Path(path)))

    async def export_to(self, path: Path) -> None:
        logger = self.logger_ref.logger
        if logger is None:
            self.result.setText(QCoreApplication.translate("CadViews", "Nothing logged yet."))
            return
        try:
            request = export.request_for(
                self.first.date().toString("yyyy-MM-dd"),
                self.last.date().toString("yyyy-MM-dd"),
                fuel=self.fuel.currentText(),
                format=self.format.currentText(),
            )
            text = await logger.store.call(lambda db: export.render(db, request))
        except export.ExportError as error:
            self.result.setText(str(error))
            return
        await asyncio.to_thread(path.write_text, text, encoding="utf-8")
        self.result.setText(
            fill(
                QCoreApplication.translate("CadViews", "Saved %1 rows to %2"),
                str(text.count("\n") - 1),
                str(path),
            )
        )


class LoggerRef:
    """The running logger (none before pairing) and the shell's task set, for views."""

    def __init__(self, context: ExperienceContext) -> None:
        self.context = context
        self.logger: CadLogger | None = None
        self.tasks: set[asyncio.Future[None]] = set()

    def now(self) -> float:
        return self.context.now()

    def electricity_meter(self) -> str | None:
        meter = electricity_meter(self.context.model)
        return str(meter.key) if meter is not None else None

    def schedule(self, job: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(job)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
