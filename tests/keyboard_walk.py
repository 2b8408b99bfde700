"""Walking a display by keyboard alone, as a person who cannot use the touchscreen does: which
controls Tab and Shift+Tab reach, whether each can be pressed from the keyboard, and whether the one
with focus can be told apart from the same control without it – screen by screen, for each device's
keyboard-walk tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import SIGNAL, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.host.window import HostWindow
from app.settings.display_settings import DisplaySettings

WALK_LIMIT = 400
"""More presses than any screen has controls: a walk that has not come round by then is stuck."""
SECTIONS = 8
"""More than a date and time edit has sections for Tab to step through before it leaves."""


def controls(root: QWidget) -> list[QWidget]:
    """What Tab must reach under ``root``: shown, enabled, taking focus from the Tab key (a widget
    that hands its focus to another – a tab widget to its tab bar – is reached as that one)."""
    return [
        widget
        for widget in root.findChildren(QWidget)
        if widget.isVisible()
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
    ]


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def walk(start: QWidget, *, backwards: bool = False) -> list[QWidget]:
    """Every widget focus visits, pressing Tab (or Shift+Tab) from ``start`` until it comes back."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    visited = [start]
    for presses in range(WALK_LIMIT):
        widget = focused()
        assert widget is not None, "focus was lost"
        QTest.keyClick(widget, key, modifier)
        QApplication.processEvents()
        after = focused()
        assert after is not None, f"focus was lost after {widget!r}"
        if after is start and (len(visited) > 1 or presses > SECTIONS):
            return visited  # round again (or the only control there is)
        if after is not visited[-1]:  # a date's Tab goes day, month, year before it leaves
            visited.append(after)
    raise AssertionError(f"Tab never came back to {start!r}: stuck in {visited[-5:]}")


def presses_by_space(button: QAbstractButton) -> bool:
    """Whether Space on the focused ``button`` presses it (its ``clicked`` is heard). What the
    button would do is cut off first: the display is the test's own, and a press that went to
    another screen or started a job on the network would only hide the next button."""
    if button.receivers(SIGNAL("clicked(bool)")) > 0:
        button.clicked.disconnect()
    heard: list[bool] = []
    button.clicked.connect(lambda *_: heard.append(True))
    button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(button, Qt.Key.Key_Space)
    QApplication.processEvents()
    return bool(heard)


@contextmanager
def focus_elsewhere(widget: QWidget, elsewhere: QWidget) -> Iterator[None]:
    elsewhere.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    assert not widget.hasFocus()
    yield


def focus_shows(widget: QWidget, elsewhere: QWidget) -> bool:
    """Whether ``widget`` looks different with keyboard focus than without it."""
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert widget.hasFocus(), f"{widget!r} did not take focus"
    with_focus = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    with focus_elsewhere(widget, elsewhere):
        without = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return with_focus != without


def described(widget: QWidget) -> str:
    name = widget.accessibleName() or getattr(widget, "text", lambda: "")() or ""
    return f"{type(widget).__name__} {widget.objectName()!r} {name!r}"


def missed_by_tab(
    root: QWidget, screens: Iterable[str], start: Callable[[list[QWidget]], QWidget] | None = None
) -> dict[str, list[str]]:
    """On each of ``screens`` (each shown as it is named), the controls under ``root`` that a
    walk by Tab, or by Shift+Tab, from ``start`` (else the first control) never reaches."""
    missed: dict[str, list[str]] = {}
    for name in screens:
        wanted = controls(root)
        assert wanted, name
        first = wanted[0] if start is None else start(wanted)
        for way, reached in (("Tab", walk(first)), ("Shift+Tab", walk(first, backwards=True))):
            left = [described(widget) for widget in wanted if widget not in reached]
            if left:
                missed[f"{name} by {way}"] = left
    return missed


def focus_unseen(root: QWidget, screens: Iterable[str]) -> list[str]:
    """On each of ``screens`` (each shown as it is named), the controls under ``root`` that look
    the same with keyboard focus as without."""
    return [
        f"{name}: {described(widget)}"
        for name in screens
        for widget in controls(root)
        if not focus_shows(widget, root)
    ]


def shown_in_turn(keys: Iterable[str], go_to: Callable[[str], None], qtbot: QtBot) -> Iterator[str]:
    """Each of a display's screens by its key, gone to (and settled) before it is named."""
    for key in list(keys):
        go_to(key)
        qtbot.wait(1)
        yield key


@contextmanager
def active_window(
    qtbot: QtBot, title: str, shell: QWidget, settings: DisplaySettings
) -> Iterator[HostWindow]:
    """``shell`` in its window, shown and active (keys go to the active window only); closed
    after."""
    window = HostWindow(title, shell, (800, 480), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    try:
        yield window
    finally:
        shell.close()
        window.close()
