"""The ambient consumption indicator: low / medium / high, told by shape and word as well as colour.

Colour alone fails people with colour-vision deficiency, so each level has its own shape (circle,
diamond, triangle) and is named in words beside it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.ui.theme import Theme
from app.wording import QT_TRANSLATE_NOOP
from han.model import AmbientLevel

WORDS = {
    AmbientLevel.LOW: QT_TRANSLATE_NOOP("AmbientIndicator", "Low"),
    AmbientLevel.MEDIUM: QT_TRANSLATE_NOOP("AmbientIndicator", "Medium"),
    AmbientLevel.HIGH: QT_TRANSLATE_NOOP("AmbientIndicator", "High"),
}
"""Source words; shown in the display's language (``level_word``)."""


def level_word(level: AmbientLevel | None) -> str:
    if level is None:
        return QCoreApplication.translate("AmbientIndicator", "Unknown")
    return QCoreApplication.translate("AmbientIndicator", WORDS[level])


class AmbientIndicator(QWidget):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._level: AmbientLevel | None = None
        self._stale = False
        self.setMinimumSize(120, 64)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._describe()

    @property
    def level(self) -> AmbientLevel | None:
        return self._level

    @property
    def word(self) -> str:
        """The word on show, in the display's language ("—" until a level is known)."""
        return level_word(self._level) if self._level is not None else "—"

    def set_level(self, level: AmbientLevel | None, *, stale: bool = False) -> None:
        if (level, stale) == (self._level, self._stale):
            return
        self._level, self._stale = level, stale
        self._describe()
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._describe()
            self.update()
        super().changeEvent(event)

    def _describe(self) -> None:
        translate = QCoreApplication.translate
        description = level_word(self._level)
        if self._stale and self._level is not None:
            description = translate("AmbientIndicator", "%1 (out of date)").replace(
                "%1", description
            )
        # The level is in the name too: a screen reader reading a row says names, not descriptions.
        self.setAccessibleName(
            translate("AmbientIndicator", "Electricity use right now: %1").replace(
                "%1", description
            )
        )
        self.setAccessibleDescription(description)

    def _colour(self) -> QColor:
        if self._level is None or self._stale:
            return QColor(self._theme.stale)
        return QColor(
            {
                AmbientLevel.LOW: self._theme.ambient_low,
                AmbientLevel.MEDIUM: self._theme.ambient_medium,
                AmbientLevel.HIGH: self._theme.ambient_high,
            }[self._level]
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size = min(self.height() - 8, self.width() // 3)
        shape = QRectF(4, (self.height() - size) / 2, size, size)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour())
        if self._level is AmbientLevel.HIGH:
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(shape.center().x(), shape.top()),
                        shape.bottomRight(),
                        shape.bottomLeft(),
                    ]
                )
            )
        elif self._level is AmbientLevel.MEDIUM:
            c = shape.center()
            half = size / 2
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(c.x(), c.y() - half),
                        QPointF(c.x() + half, c.y()),
                        QPointF(c.x(), c.y() + half),
                        QPointF(c.x() - half, c.y()),
                    ]
                )
            )
        else:
            painter.drawEllipse(shape)
        painter.setPen(QColor(self._theme.stale if self._stale else self._theme.text))
        text_area = QRectF(shape.right() + 12, 0, self.width() - shape.right() - 12, self.height())
        shown = self.word
        font = painter.font()
        font.setBold(True)
        pixels = max(12, int(size * 0.45))
        font.setPixelSize(pixels)
        # The longest word (in either language) must fit beside the shape on a narrow card.
        longest = max((level_word(level) for level in AmbientLevel), key=len)
        while pixels > 12 and QFontMetrics(font).horizontalAdvance(longest) > text_area.width():
            pixels -= 1
            font.setPixelSize(pixels)
        painter.setFont(font)
        painter.drawText(
            text_area, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown
        )
        painter.end()
