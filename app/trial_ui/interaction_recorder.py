"""What a participant does on a display, recorded for the trial without touching any screen's code.

An application-wide event filter watches one window:

- a page of a stacked widget coming on show is a *screen* (its objectName, e.g. ``ppmid-top-up``);
- a button clicked (by touch, mouse, keyboard or a test) is a *control*, named by its accessible
  name or words – digit keys of a keypad are recorded as ``digit`` with the digit masked;
- a key pressed in the window is a *key*: printable characters are masked (``•``), editing keys
  named (Backspace, Delete, Enter …), so a code can be followed without being stored;
- a result shown in a message label (its ``tone`` property) is *feedback*, or an *error* when its
  tone is ``problem`` (a wrong code, a refused request), with the words the participant read;
- a press of the mouse or a finger is a *tap*: where in the window (its detail, JSON: ``x``, ``y``
  and the ``screen`` it landed on) and the control it hit – none (``""``) for a miss, a tap on no
  control. A tap on a digit key is placed at the keypad's centre, so where it landed does not
  give the digit away.

Every event is written at once (``TrialStore.record``: one transaction each).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

LOGGER = logging.getLogger(__name__)

Record = Callable[[str, str, str], None]
MASK = "•"
_NAMED_KEYS = {
    Qt.Key.Key_Backspace: "Backspace",
    Qt.Key.Key_Delete: "Delete",
    Qt.Key.Key_Return: "Enter",
    Qt.Key.Key_Enter: "Enter",
    Qt.Key.Key_Escape: "Escape",
    Qt.Key.Key_Tab: "Tab",
    Qt.Key.Key_Backtab: "Shift+Tab",
    Qt.Key.Key_Left: "Left",
    Qt.Key.Key_Right: "Right",
    Qt.Key.Key_Up: "Up",
    Qt.Key.Key_Down: "Down",
    Qt.Key.Key_Space: "Space",
}
_WATCHED = "_trial_watched"
CONTROLS = (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
)
"""What a tap can hit; a tap on anything else (a label, a card, the background) is a miss."""


def screen_name(page: QWidget) -> str:
    """A page's name: its objectName, or that of what it holds (a scroll area's screen, a
    placeholder's first named child); "" for an anonymous page."""
    if _named(page):
        return page.objectName()
    held = page.widget() if isinstance(page, QScrollArea) else None
    if held is not None:
        return held.objectName()
    named = next((child for child in page.findChildren(QWidget) if _named(child)), None)
    return "" if named is None else named.objectName()


def _named(widget: QWidget) -> bool:
    name = widget.objectName()
    return bool(name) and not name.startswith("qt_")  # Qt's own parts are qt_…


def _ancestors(widget: QWidget, top: QWidget) -> list[QWidget]:
    """``widget`` and its parents up to (not including) ``top``."""
    found: list[QWidget] = []
    current: QWidget | None = widget
    while current is not None and current is not top:
        found.append(current)
        current = current.parentWidget()
    return found


class InteractionRecorder(QObject):
    def __init__(self, window: QWidget, record: Record) -> None:
        super().__init__(window)
        self._window = window
        self._record = record
        self._feedback: dict[int, tuple[str, str]] = {}
        self._last_key: tuple[tuple[int, int, str], QWidget] | None = None
        self._last_tap: tuple[int, float, float] | None = None
        application = QApplication.instance()
        assert application is not None
        application.installEventFilter(self)
        self._watch_buttons(window)

    def stop(self) -> None:
        application = QApplication.instance()
        if application is not None:
            application.removeEventFilter(self)

    def _write(self, kind: str, target: str, detail: str = "") -> None:
        try:
            self._record(kind, target, detail)
        except sqlite3.Error:  # the display goes on; the researcher sees the gap in the record
            LOGGER.exception("could not record %s %s", kind, target)

    def _ours(self, widget: QWidget) -> bool:
        return widget.window() is self._window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not isinstance(watched, QWidget):
            return False
        if kind == QEvent.Type.Show:
            parent = watched.parentWidget()
            if isinstance(parent, QStackedWidget) and self._ours(watched):
                name = screen_name(watched)
                if name:
                    self._write("screen", name)
                self._watch_buttons(watched)  # a screen built the first time it is shown
        elif kind == QEvent.Type.Polish and isinstance(watched, QAbstractButton):
            if self._ours(watched):
                self._watch(watched)
        elif kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if self._ours(watched):
                self._tap(watched, event)
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if (
                self._ours(watched)
                and not event.isAutoRepeat()
                and self._first_seen(watched, event)
            ):
                self._key(event)
        elif (
            kind == QEvent.Type.DynamicPropertyChange
            and isinstance(watched, QLabel)
            and watched.property("tone") is not None
            and self._ours(watched)
        ):
            self._tone(watched)
        return False

    def _first_seen(self, receiver: QWidget, event: QKeyEvent) -> bool:
        """A key a widget ignores goes on to its parents, through this filter again: record it
        where it landed first."""
        press = (event.timestamp(), event.key(), event.text())
        last = self._last_key
        self._last_key = (press, receiver)
        if last is None:
            return True
        (last_press, last_receiver) = last
        passed_on = receiver is not last_receiver and receiver.isAncestorOf(last_receiver)
        return not (last_press == press and passed_on)

    def _tap(self, receiver: QWidget, event: QMouseEvent) -> None:
        """A press a widget ignores goes on to its parents: recorded once, where it landed."""
        where = event.globalPosition()
        press = (event.timestamp(), where.x(), where.y())
        if press == self._last_tap:
            return
        self._last_tap = press
        control = next(
            (w for w in _ancestors(receiver, self._window) if isinstance(w, CONTROLS)), None
        )
        point = receiver.mapTo(self._window, event.position().toPoint())
        target = ""
        if control is not None and control.isEnabled():
            target = self._control_name(control)
            if target == "digit":
                keypad = control.parentWidget() or control
                point = keypad.mapTo(self._window, keypad.rect().center())
        detail = {"x": point.x(), "y": point.y(), "screen": self._screen_of(receiver)}
        self._write("tap", target, json.dumps(detail, sort_keys=True))

    def _screen_of(self, widget: QWidget) -> str:
        """The screen a widget is on: the page of the outermost stack it is in."""
        screen = ""
        for ancestor in _ancestors(widget, self._window):
            parent = ancestor.parentWidget()
            if isinstance(parent, QStackedWidget):
                screen = screen_name(ancestor) or screen
        return screen

    def _watch_buttons(self, root: QWidget) -> None:
        for button in root.findChildren(QAbstractButton):
            self._watch(button)

    def _watch(self, button: QAbstractButton) -> None:
        if not button.property(_WATCHED):
            button.setProperty(_WATCHED, True)
            button.clicked.connect(lambda _checked=False, b=button: self._clicked(b))

    def _clicked(self, button: QAbstractButton) -> None:
        name = self._control_name(button)
        self._write("control", name, MASK if name == "digit" else "")

    @staticmethod
    def _control_name(control: QWidget) -> str:
        """Its accessible name or words; ``digit`` for any digit key (the digit masked)."""
        text = control.text() if isinstance(control, QAbstractButton | QLineEdit) else ""
        name = control.accessibleName() or text.replace("\n", " ")
        if control.property("digit") == "true" or name.isdigit():
            return "digit"
        return name or control.objectName() or type(control).__name__

    def _key(self, event: QKeyEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_V:
            self._write("key", "paste")
            return
        named = _NAMED_KEYS.get(Qt.Key(event.key()))
        if named is not None:
            self._write("key", named)
        elif event.text() and event.text().isprintable():
            self._write("key", "digit" if event.text().isdigit() else "character", MASK)

    def _tone(self, label: QLabel) -> None:
        tone = str(label.property("tone"))
        shown = (tone, label.text())
        if self._feedback.get(id(label)) == shown:
            return
        self._feedback[id(label)] = shown
        if tone == "none" or not label.text():
            return
        self._write("error" if tone == "problem" else "feedback", tone, label.text())
