"""Choice buttons (one of an exclusive group) are radio buttons to a screen reader, checked or not,
and pressed by their action; buttons that are not choices are left as Qt reads them."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui import choice_role
from app.ui.touch_button import TouchButton


def _choices(qtbot: QtBot) -> tuple[QWidget, list[TouchButton]]:
    row = QWidget()
    qtbot.addWidget(row)
    layout = QHBoxLayout(row)
    group = QButtonGroup(row)
    buttons = []
    for words in ("Day", "Week"):
        button = TouchButton(words)
        button.setCheckable(True)
        button.setAccessibleName(words)
        group.addButton(button)
        layout.addWidget(button)
        buttons.append(button)
    buttons[0].setChecked(True)
    row.show()
    return row, buttons  # the row holds the buttons: qtbot keeps only a weak reference


def test_a_choice_reads_as_a_radio_button_and_its_press_chooses_it(qtbot: QtBot) -> None:
    choice_role.install()
    _row, (day, week) = _choices(qtbot)
    read = QAccessible.queryAccessibleInterface(week)
    assert read.role() == QAccessible.Role.RadioButton
    assert read.text(QAccessible.Text.Name) == "Week"
    assert not read.state().checked
    assert QAccessible.queryAccessibleInterface(day).state().checked
    actions = read.actionInterface()
    assert actions is not None
    assert QAccessibleActionInterface.pressAction() in actions.actionNames()
    actions.doAction(QAccessibleActionInterface.pressAction())
    assert week.isChecked()
    assert not day.isChecked()
    assert QAccessible.queryAccessibleInterface(week).state().checked


def test_a_button_that_is_no_choice_is_read_as_qt_reads_it(qtbot: QtBot) -> None:
    choice_role.install()
    button = TouchButton("Send")
    qtbot.addWidget(button)
    button.show()
    assert not choice_role.is_choice(button)
    assert QAccessible.queryAccessibleInterface(button).role() == QAccessible.Role.Button
