"""The budget's progress ring: an arc filled as far as the spending has gone, in the level's colour,
with a shape in the middle (tick, triangle with "!", cross) so the level never rests on colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.theme import STANDARD, Theme
from ihd.view_models.budget import BudgetLevel


class BudgetRing(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = STANDARD
        self.fraction: float | None = None
        self.level: BudgetLevel | None = None
        self.dimmed = False
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(170, 170)

    def set_progress(self, fraction: float | None, level: BudgetLevel | None, dimmed: bool) -> None:
        self.fraction, self.level, self.dimmed = fraction, level, dimmed
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def colour(self) -> QColor:
        theme = self.theme
        if self.dimmed or self.level is None:
            return QColor(theme.stale)
        return QColor(
            {
                BudgetLevel.ON_TRACK: theme.ambient_low,
                BudgetLevel.NEARLY: theme.ambient_medium,
                BudgetLevel.OVER: theme.ambient_high,
            }[self.level]
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height())
        thickness = max(10, side // 9)
        box = QRectF(
            (self.width() - side) / 2 + thickness / 2,
            (self.height() - side) / 2 + thickness / 2,
            side - thickness,
            side - thickness,
        )
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QPen(QColor(self.theme.border), thickness)
        painter.setPen(track)
        painter.drawEllipse(box)
        if self.fraction is not None:
            pen = QPen(self.colour(), thickness)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            span = int(-min(self.fraction, 1.0) * 360 * 16)
            painter.drawArc(box, 90 * 16, span)
        self._draw_shape(painter, box.center(), side / 5)
        painter.end()

    def _draw_shape(self, painter: QPainter, centre: QPointF, size: float) -> None:
        if self.level is None:
            return
        pen = QPen(self.colour(), max(4.0, size / 5))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        x, y = centre.x(), centre.y()
        path = QPainterPath()
        if self.level is BudgetLevel.ON_TRACK:  # a tick
            path.moveTo(x - size * 0.6, y)
            path.lineTo(x - size * 0.15, y + size * 0.45)
            path.lineTo(x + size * 0.65, y - size * 0.5)
        elif self.level is BudgetLevel.NEARLY:  # a warning triangle with "!"
            path.moveTo(x, y - size * 0.7)
            path.lineTo(x + size * 0.75, y + size * 0.55)
            path.lineTo(x - size * 0.75, y + size * 0.55)
            path.closeSubpath()
            path.moveTo(x, y - size * 0.25)
            path.lineTo(x, y + size * 0.1)
            path.moveTo(x, y + size * 0.35)
            path.lineTo(x, y + size * 0.36)
        else:  # a cross
            path.moveTo(x - size * 0.5, y - size * 0.5)
            path.lineTo(x + size * 0.5, y + size * 0.5)
            path.moveTo(x + size * 0.5, y - size * 0.5)
            path.lineTo(x - size * 0.5, y + size * 0.5)
        painter.drawPath(path)
