"""A large numeric keypad for codes: 0–9, Delete and Clear, each a touch button.

It only reports presses (``digit``, ``deleted``, ``cleared``); what the digits mean is the owner's
business. Keyboard digits, Backspace and Delete are taken by the owner's own key handling, so a
person can type a code whether or not a keypad button has the focus.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from app.ui.touch_button import TouchButton

LAYOUT: Final = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"), ("clear", "0", "delete"))
"""Like a telephone: 1 at the top left, 0 at the bottom between Clear and Delete."""


class Keypad(QWidget):
    digit = Signal(str)
    deleted = Signal()
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "keypad")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.buttons: dict[str, TouchButton] = {}
        for row, keys in enumerate(LAYOUT):
            for column, key in enumerate(keys):
                button = TouchButton(key if key.isdigit() else "")
                button.setProperty("role", "key")
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                if key.isdigit():
                    button.setProperty("digit", "true")
                    button.clicked.connect(lambda _checked=False, key=key: self.digit.emit(key))
                    button.describe(key)
                elif key == "delete":
                    button.clicked.connect(self.deleted.emit)
                else:
                    button.clicked.connect(self.cleared.emit)
                self.buttons[key] = button
                grid.addWidget(button, row, column)

    def set_words(self, delete: str, clear: str, delete_help: str, clear_help: str) -> None:
        """The words of the two edit keys, in the display's language (digits need none)."""
        self.buttons["delete"].set_words(delete)
        self.buttons["delete"].describe(delete, delete_help)
        self.buttons["clear"].set_words(clear)
        self.buttons["clear"].describe(clear, clear_help)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Digits as large as their keys allow: readable at arm's length, easy to aim at."""
        super().resizeEvent(event)
        key_height = event.size().height() // len(LAYOUT)
        size = max(16, round(key_height * 0.42))
        self.setStyleSheet(
            f'QToolButton[digit="true"] {{ font-size: {size}px; font-weight: 700; }}'
        )
