"""Radio signal as bars (0–3), drawn in the text colour: filled bars for the strength, outlines for
the rest, so the count reads without colour. The words beside it ("Strong") say it again.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from app.ui.theme import STANDARD, Theme

MAX_BARS = 3


class SignalBars(QWidget):
    def __init__(self, theme: Theme = STANDARD, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._bars = 0
        self.setFixedSize(36, 28)

    @property
    def bars(self) -> int:
        return self._bars

    def set_bars(self, bars: int) -> None:
        self._bars = max(0, min(MAX_BARS, bars))
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(self._theme.text)
        painter.setPen(QPen(colour, 2))
        width = self.width() / (MAX_BARS * 2 - 1)
        for index in range(MAX_BARS):
            height = self.height() * (index + 1) / MAX_BARS - 2
            bar = QRectF(index * 2 * width + 1, self.height() - height - 1, width, height)
            painter.setBrush(colour if index < self._bars else Qt.BrushStyle.NoBrush)
            painter.drawRect(bar)
        painter.end()
