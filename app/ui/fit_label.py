"""A one-line label that shrinks its type, not its text, when its card is too narrow.

Big readings ("£0.08") sit beside a unit in cards that share the width of a small touchscreen; with
large text or a longer Welsh unit they would otherwise push the window wider than the screen or be
cut off. The reading keeps its baseline, so it still lines up with its unit.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel

MIN_PIXELS = 10


class FitLabel(QLabel):
    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().averageCharWidth() * 2, hint.height())

    def fitted_pixel_size(self) -> int:
        """The type size the text is drawn at now (its styled size when it fits)."""
        font = self.font()
        natural = font.pixelSize() if font.pixelSize() > 0 else self.fontMetrics().height()
        width = self.fontMetrics().horizontalAdvance(self.text())
        room = self.contentsRect().width()
        if width <= room or width == 0:
            return natural
        return max(MIN_PIXELS, int(natural * room / width))

    def paintEvent(self, event: QPaintEvent) -> None:
        pixels = self.fitted_pixel_size()
        if pixels >= self.font().pixelSize():
            super().paintEvent(event)
            return
        font = QFont(self.font())
        font.setPixelSize(pixels)
        area = self.contentsRect()
        baseline = (
            area.top()
            + (area.height() + self.fontMetrics().ascent() - self.fontMetrics().descent()) / 2
        )
        painter = QPainter(self)
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(QPointF(area.left(), baseline), self.text())
        painter.end()
