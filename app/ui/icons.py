"""Simple line icons drawn in the theme's colours, so they follow high contrast like the text does.

Icons never stand alone: every button that has one also says what it does in words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from app.ui.theme import Theme

_SIZE: Final = 64
_Draw = Callable[[QPainter], None]


def _home(p: QPainter) -> None:
    roof = QPainterPath(QPointF(8, 32))
    roof.lineTo(32, 10)
    roof.lineTo(56, 32)
    p.drawPath(roof)
    body = QPainterPath(QPointF(15, 27))
    for x, y in ((15, 55), (27, 55), (27, 40), (37, 40), (37, 55), (49, 55), (49, 27)):
        body.lineTo(x, y)
    p.drawPath(body)


def _messages(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(8, 16, 48, 34), 4, 4)
    flap = QPainterPath(QPointF(9, 18))
    flap.lineTo(32, 36)
    flap.lineTo(55, 18)
    p.drawPath(flap)


def _status(p: QPainter) -> None:
    for index, height in enumerate((12, 22, 32, 42)):
        left = 10 + index * 12
        p.drawRoundedRect(QRectF(left, 52 - height, 7, height), 2, 2)


def _settings(p: QPainter) -> None:
    for row, knob in ((16, 42), (32, 20), (48, 34)):
        p.drawLine(QPointF(8, row), QPointF(56, row))
        p.drawEllipse(QPointF(knob, row), 5, 5)


def _sound(p: QPainter) -> None:
    cone = QPainterPath(QPointF(10, 26))
    for x, y in ((20, 26), (32, 14), (32, 50), (20, 38), (10, 38)):
        cone.lineTo(x, y)
    cone.closeSubpath()
    p.drawPath(cone)
    p.drawArc(QRectF(30, 20, 16, 24), -60 * 16, 120 * 16)
    p.drawArc(QRectF(30, 12, 28, 40), -60 * 16, 120 * 16)


def _confirm(p: QPainter) -> None:
    tick = QPainterPath(QPointF(12, 34))
    tick.lineTo(27, 48)
    tick.lineTo(53, 18)
    p.drawPath(tick)


def _history(p: QPainter) -> None:
    p.drawLine(QPointF(8, 54), QPointF(56, 54))
    for index, height in enumerate((18, 30, 14, 38)):
        left = 12 + index * 11
        p.drawRect(QRectF(left, 50 - height, 6, height))


def _tariff(p: QPainter) -> None:
    p.drawEllipse(QPointF(32, 32), 23, 23)
    pound = QPainterPath(QPointF(39, 21))
    pound.cubicTo(36, 15, 25, 16, 27, 26)
    pound.lineTo(27, 42)
    pound.cubicTo(27, 44, 25, 44, 23, 44)
    pound.lineTo(41, 44)
    p.drawPath(pound)
    p.drawLine(QPointF(22, 32), QPointF(34, 32))


def _budget(p: QPainter) -> None:
    p.drawArc(QRectF(10, 10, 44, 44), 90 * 16, -270 * 16)
    p.drawLine(QPointF(32, 32), QPointF(44, 20))


def _prepayment(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(8, 16, 48, 32), 4, 4)
    p.drawLine(QPointF(8, 25), QPointF(56, 25))
    p.drawLine(QPointF(14, 40), QPointF(28, 40))


def _more(p: QPainter) -> None:
    for x in (16, 32, 48):
        p.drawEllipse(QPointF(x, 32), 4, 4)


DRAWINGS: Final[dict[str, _Draw]] = {
    "more": _more,
    "history": _history,
    "tariff": _tariff,
    "budget": _budget,
    "prepayment": _prepayment,
    "now": _home,
    "messages": _messages,
    "status": _status,
    "settings": _settings,
    "sound": _sound,
    "confirm": _confirm,
}


def _pixmap(draw: _Draw, colour: str) -> QPixmap:
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), 5)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    draw(painter)
    painter.end()
    return pixmap


def icon(name: str, theme: Theme) -> QIcon:
    """The named icon in the theme's text colour, and in its on-accent colour when checked."""
    draw = DRAWINGS[name]
    result = QIcon()
    result.addPixmap(_pixmap(draw, theme.text), QIcon.Mode.Normal, QIcon.State.Off)
    result.addPixmap(_pixmap(draw, theme.on_accent), QIcon.Mode.Normal, QIcon.State.On)
    result.addPixmap(_pixmap(draw, theme.stale), QIcon.Mode.Disabled, QIcon.State.Off)
    return result
