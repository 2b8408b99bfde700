"""A layer over a whole window: it follows the window's size and stays on top of its content.

The Reconnecting card, the kiosk's ambient view and its night blanking are overlays: they cover the
device's screens without the devices knowing about them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class Overlay(QWidget):
    def __init__(self, parent: QWidget, *, shade: QColor | None = None) -> None:
        super().__init__(parent)
        self._shade = shade or QColor(0, 0, 0, 0)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    def set_shade(self, shade: QColor) -> None:
        self._shade = QColor(shade)
        self.update()

    def cover(self) -> None:
        """Show over everything the window holds now."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._shade)
        painter.end()
