"""A choice among a few buttons (History's Chart or Totals and its ranges, Settings' options, the
budget's periods) reads to a screen reader as the radio buttons it behaves as.

Qt reads a checkable button as a "check box", which promises that Tab reaches each one and that
ticking one leaves the others be. A button of an exclusive group (or of a ``OneOf``, whose choices
Tab reaches one by one) does not: choosing one unchooses the rest – a radio button's way. The
buttons keep their touch-sized look; only what the accessibility tree says of them changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget

from app.ui.one_of import ONE_OF
from app.ui.touch_button import TouchButton


class ChoiceButtonAccessible(QAccessibleWidget):
    """A touch button of an exclusive group as AT-SPI shows it: a radio button, checked or not,
    pressed by its Press action."""

    def __init__(self, button: QAbstractButton) -> None:
        super().__init__(button, QAccessible.Role.RadioButton)
        self._button = button

    def state(self) -> QAccessible.State:
        state = super().state()
        state.checkable = True
        state.checked = self._button.isChecked()
        return state

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.pressAction(), *super().actionNames()]

    def doAction(self, action_name: str) -> None:
        if action_name == QAccessibleActionInterface.pressAction():
            self._button.click()
        else:
            super().doAction(action_name)


def is_choice(widget: QObject) -> bool:
    """A checkable touch button in a group where one choice excludes the others."""
    if not isinstance(widget, TouchButton) or not widget.isCheckable():
        return False
    if widget.property(ONE_OF):
        return True
    group = widget.group()
    return group is not None and group.exclusive()


def _factory(_class_name: str, widget: QObject) -> QAccessibleInterface | None:
    return ChoiceButtonAccessible(widget) if is_choice(widget) else None  # type: ignore[arg-type]


_installed = False
"""Qt keeps a factory for the life of the process and has no way to take one back."""


def install() -> None:
    """Ask Qt to read choice buttons as radio buttons (after the QApplication exists)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
