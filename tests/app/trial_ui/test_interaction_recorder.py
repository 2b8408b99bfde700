"""The participant display's recorder: screens, controls, keys masked, answers shown – on any
window, without the screens knowing."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QToolButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.trial_ui.interaction_recorder import InteractionRecorder


class Page(QWidget):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text().isdigit():  # takes digits; anything else goes on to the parents
            event.accept()
            return
        super().keyPressEvent(event)


def _window(
    qtbot: QtBot,
) -> tuple[QWidget, QStackedWidget, Page, QToolButton, QToolButton, QLabel, QScrollArea]:
    window = QWidget()
    qtbot.addWidget(window)
    stack = QStackedWidget()
    first = Page()
    first.setObjectName("ppmid-top-up")
    keypad = QWidget()
    keypad.setProperty("role", "keypad")
    digit = QToolButton(keypad)
    digit.setText("7")
    digit.setProperty("digit", "true")
    send = QToolButton()
    send.setText("Send")
    send.setAccessibleName("Send")
    result = QLabel("")
    layout = QVBoxLayout(first)
    for widget in (keypad, send, result):
        layout.addWidget(widget)
    screen = QWidget()
    screen.setObjectName("ihd-history")
    scrolling = QScrollArea()
    scrolling.setWidget(screen)
    stack.addWidget(first)
    stack.addWidget(scrolling)
    QVBoxLayout(window).addWidget(stack)
    return window, stack, first, digit, send, result, scrolling


def test_screens_controls_keys_and_answers_are_recorded_and_digits_masked(qtbot: QtBot) -> None:
    window, stack, page, digit, send, result, scrolling = _window(qtbot)
    got: list[tuple[str, str, str]] = []
    recorder = InteractionRecorder(window, lambda *event: got.append(event))
    window.show()
    qtbot.waitExposed(window)
    QTest.mouseClick(digit, Qt.MouseButton.LeftButton)
    QTest.keyClicks(page, "7733")  # repeated digits are separate presses
    QTest.keyClick(page, Qt.Key.Key_Backspace)  # ignored by the page, passed to its parents
    send.click()
    result.setText("That code isn't right – please check the digits")
    result.setProperty("tone", "problem")
    result.setText("£10.00 added – new balance £14.32")
    result.setProperty("tone", "good")
    stack.setCurrentWidget(scrolling)
    other = QWidget()
    qtbot.addWidget(other)
    QTest.keyClicks(other, "5")  # another window: not this participant's
    recorder.stop()
    keypad = digit.parentWidget()
    assert keypad is not None
    centre = keypad.mapTo(window, keypad.rect().center())  # not where the digit is
    tap = {"screen": "ppmid-top-up", "x": centre.x(), "y": centre.y()}
    assert got == [
        ("screen", "ppmid-top-up", ""),
        ("tap", "digit", json.dumps(tap, sort_keys=True)),
        ("control", "digit", "•"),
        ("key", "digit", "•"),
        ("key", "digit", "•"),
        ("key", "digit", "•"),
        ("key", "digit", "•"),
        ("key", "Backspace", ""),
        ("control", "Send", ""),
        ("error", "problem", "That code isn't right – please check the digits"),
        ("feedback", "good", "£10.00 added – new balance £14.32"),
        ("screen", "ihd-history", ""),
    ]
