"""A button that acts only when held down for a while (≈ 2 s), filling up as it is held.

For actions that must not happen by a brush of the hand, like switching an electricity supply back
on. Mouse, finger and the Space key all hold it; letting go early starts again from empty.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from app.ui.theme import STANDARD, Theme
from app.ui.touch_button import TouchButton

HOLD_MS = 2000
TICK_MS = 40


class HoldButton(TouchButton):
    held = Signal()
    """Held for the whole time."""
    progress_changed = Signal(float)

    def __init__(self, words: str = "", parent: QWidget | None = None, *, hold_ms: int = HOLD_MS):
        super().__init__(words, parent)
        self.hold_ms = hold_ms
        self.theme: Theme = STANDARD
        self._progress = 0.0
        self._clock = QElapsedTimer()
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self.pressed.connect(self._start)
        self.released.connect(self._stop)

    @property
    def progress(self) -> float:
        """0 (not held) … 1 (held long enough)."""
        return self._progress

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def _start(self) -> None:
        self._clock.start()
        self._set_progress(0.0)
        self._ticker.start()

    def _stop(self) -> None:
        self._ticker.stop()
        self._set_progress(0.0)

    def _tick(self) -> None:
        progress = min(1.0, self._clock.elapsed() / self.hold_ms)
        self._set_progress(progress)
        if progress >= 1.0:
            self._ticker.stop()
            self.held.emit()

    def _set_progress(self, progress: float) -> None:
        if progress != self._progress:
            self._progress = progress
            self.progress_changed.emit(progress)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._progress <= 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(self.theme.accent)
        fill.setAlpha(110)
        inset = 4.0
        width = (self.width() - 2 * inset) * self._progress
        painter.fillRect(QRectF(inset, inset, width, self.height() - 2 * inset), fill)
        bar = QColor(self.theme.accent)
        painter.fillRect(QRectF(inset, self.height() - inset - 6, width, 6), bar)
        painter.end()
