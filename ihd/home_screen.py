"""The IHD home screen: electricity now (kW, £ an hour, ambient level) and today (kWh, £)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import ExperienceContext
from app.ui.ambient_indicator import AmbientIndicator
from app.ui.big_number import BigNumber
from app.ui.theme import STANDARD
from han.model import ModelChange
from ihd.home_view_model import HomeScreen, HomeViewModel


class HomeScreenView(QWidget):
    def __init__(self, context: ExperienceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ihd-home")
        self._context = context
        self._view_model = HomeViewModel(context.model)
        self._started_at = context.now()
        self._refresh_pending = False

        self.title = QLabel("Electricity")
        self.title.setProperty("role", "title")
        self.clock = QLabel("")
        self.clock.setProperty("role", "title")
        self.clock.setAccessibleName("Time")
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.clock)

        self.searching = QLabel("Looking for your meter…")
        self.searching.setProperty("role", "searching")
        self.searching.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.searching.setWordWrap(True)

        self.demand = BigNumber("Using now")
        self.cost_per_hour = BigNumber("Costing")
        self.ambient = AmbientIndicator(STANDARD)
        ambient_card = QFrame()
        ambient_card.setProperty("role", "card")
        ambient_caption = QLabel("Right now")
        ambient_caption.setProperty("role", "caption")
        ambient_layout = QVBoxLayout(ambient_card)
        ambient_layout.addWidget(ambient_caption)
        ambient_layout.addWidget(self.ambient, 1)
        self.today_energy = BigNumber("Used today", small=True)
        self.today_cost = BigNumber("Cost today", small=True)
        self.last_updated = QLabel("")
        self.last_updated.setProperty("role", "status")
        self.last_updated.setAccessibleName("Last updated")

        live = QWidget()
        grid = QGridLayout(live)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        grid.addWidget(self.demand, 0, 0)
        grid.addWidget(self.cost_per_hour, 0, 1)
        grid.addWidget(ambient_card, 0, 2)
        grid.addWidget(self.today_energy, 1, 0)
        grid.addWidget(self.today_cost, 1, 1, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.searching)
        self.pages.addWidget(live)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.last_updated)

        self._unsubscribe = context.model.subscribe(self._model_changed)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.refresh)
        self._ticker.start()
        self.refresh()

    def _model_changed(self, change: ModelChange) -> None:
        # Bursts of reports (fast emulation) coalesce into one repaint per pass of the event loop.
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        self._refresh_pending = False
        now = self._context.now()
        self.clock.setText(datetime.fromtimestamp(now).strftime("%H:%M"))
        self.show_screen(self._view_model.screen(now, started_at=self._started_at))

    def show_screen(self, screen: HomeScreen) -> None:
        if screen.searching:
            self.searching.setText(screen.search_message)
            self.pages.setCurrentIndex(0)
            self.last_updated.setText("")
            return
        self.pages.setCurrentIndex(1)
        for widget, shown in (
            (self.demand, screen.demand),
            (self.cost_per_hour, screen.cost_per_hour),
            (self.today_energy, screen.today_energy),
        ):
            widget.show_reading(shown.text, shown.unit, stale=shown.stale, note=shown.note)
        cost_note = screen.today_cost.note or screen.standing_charge
        self.today_cost.show_reading(
            screen.today_cost.text,
            screen.today_cost.unit,
            stale=screen.today_cost.stale,
            note=cost_note,
        )
        self.ambient.set_level(screen.ambient, stale=screen.ambient_stale)
        self.last_updated.setText(screen.last_updated)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._ticker.stop()
        self._unsubscribe()
        super().closeEvent(event)
