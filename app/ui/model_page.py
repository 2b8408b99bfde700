"""A page of a device that shows the home model: the life every IHD screen and PPMID page share.

It follows the model from the start (one redraw per burst of changes, however fast the emulated
home runs), redraws every ``tick_ms`` while on show – ages grow and the half hour moves without a
model change – stops ticking when hidden, since nobody sees a hidden page, and stops following the
model when closed, once, however often it is closed. What a page shows is its own; when it lives is
decided here only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from app.ui.theme import STANDARD, Theme
from han.model import HomeModel, ModelChange


class ModelPage(QWidget):
    tick_ms: ClassVar[int] = 0
    """How often the page redraws while on show with no model change; 0: only on changes."""

    def __init__(self, model: HomeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = STANDARD
        self._refresh_pending = False
        self.ticker = QTimer(self)
        self.ticker.setInterval(self.tick_ms)
        self.ticker.timeout.connect(self.tick)
        self._on_close: list[Callable[[], None]] = []
        self.until_closed(model.subscribe(self.model_changed))

    def until_closed(self, stop: Callable[[], None]) -> None:
        """Call ``stop`` when the page closes (another subscription, a task to cancel)."""
        self._on_close.append(stop)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.tick_ms:
            self.tick()  # what changed while hidden shows at once, not a tick later
            self.ticker.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.ticker.stop()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ticker.stop()
        stops, self._on_close = self._on_close, []  # closed twice, stopped once
        for stop in stops:
            stop()
        super().closeEvent(event)

    def model_changed(self, change: ModelChange) -> None:
        """The model changed: by default the page redraws, once per burst of changes."""
        self.refresh_soon()

    def tick(self) -> None:
        """Every ``tick_ms`` while on show."""
        self.refresh()

    def refresh_soon(self) -> None:
        """Bursts of model changes (fast emulation) coalesce into one refresh per loop pass."""
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self, self._refresh_now)

    def _refresh_now(self) -> None:
        if self._refresh_pending:  # not already redrawn by refresh_now meanwhile
            self.refresh_now()

    def refresh_now(self) -> None:
        """Redraw at once; a redraw asked for before this one is then not needed (a trial's
        recorder has the page judge at the moment it writes: nothing may judge it again later
        for the same changes)."""
        self._refresh_pending = False
        self.refresh()

    def retranslate(self) -> None:
        """Set every fixed text (captions, button words, accessible names) in the current language."""

    def refresh(self) -> None:
        """Show the model as it is now."""

    def apply_theme(self, theme: Theme) -> None:
        """For what the style sheet cannot reach: painted indicators and icons."""
        self.theme = theme

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)
