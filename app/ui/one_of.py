"""A row of buttons of which one is chosen, every one a stop of the Tab key.

Qt's ``QButtonGroup`` makes its buttons a single Tab stop (the others are reached by the arrow
keys, as in a group of radio buttons). These are push buttons to a screen reader and to the person
using it, who expects Tab to reach each, as it does every other button – so the one-of rule is kept
here instead: checking one unchecks the rest, and pressing the chosen one leaves it chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton

ONE_OF = "one_of"
"""The property that marks a button as one choice of several (``app/ui/choice_role.py``)."""


class OneOf(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._buttons: list[QAbstractButton] = []

    def addButton(self, button: QAbstractButton) -> None:
        button.setCheckable(True)
        button.setProperty(ONE_OF, True)  # a screen reader reads it as a radio button
        self._buttons.append(button)
        button.toggled.connect(lambda checked, chosen=button: self._toggled(chosen, checked))
        button.clicked.connect(lambda _checked=False, chosen=button: self._pressed(chosen))

    def buttons(self) -> list[QAbstractButton]:
        return list(self._buttons)

    def checkedButton(self) -> QAbstractButton | None:
        return next((button for button in self._buttons if button.isChecked()), None)

    def _toggled(self, chosen: QAbstractButton, checked: bool) -> None:
        if checked:
            for button in self._buttons:
                if button is not chosen and button.isChecked():
                    button.setChecked(False)

    def _pressed(self, chosen: QAbstractButton) -> None:
        if not chosen.isChecked():  # the chosen one pressed again: it stays chosen
            chosen.setChecked(True)
