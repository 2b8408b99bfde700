"""A stack of pages as tall as the page on show.

``QStackedWidget`` asks for the room of its largest page – its layout even takes the
height-for-width of word-wrapped labels on pages nobody can see – so a screen with a short page on
show could still overflow a small touchscreen because of a tall page behind it. Here the pages sit
in a box layout and all but one are hidden, and a box layout gives hidden widgets no room.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget


class PageStack(QWidget):
    currentChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current = -1

    def addWidget(self, page: QWidget) -> int:
        self._pages.append(page)
        self._layout.addWidget(page)
        if self._current < 0:
            self._current = 0
        else:
            page.hide()
        return len(self._pages) - 1

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget:
        return self._pages[index]

    def currentIndex(self) -> int:
        return self._current

    def currentWidget(self) -> QWidget | None:
        return self._pages[self._current] if self._current >= 0 else None

    def setCurrentIndex(self, index: int) -> None:
        if index == self._current or not 0 <= index < len(self._pages):
            return
        self._pages[self._current].hide()
        self._current = index
        self._pages[index].show()
        self.currentChanged.emit(index)
