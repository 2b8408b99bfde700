"""Every IHD screen by keyboard alone: Tab and Shift+Tab reach every control on it (the bar of
screens included), Space presses each button, and the control with focus shows it in every theme."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from app.settings.display_settings import THEME_NAMES
from app.ui.chart import BarChart
from app.ui.scrolling_text import ScrollingText
from tests.ihd.conftest import Display
from tests.keyboard_walk import (
    controls,
    described,
    focus_unseen,
    missed_by_tab,
    presses_by_space,
    shown_in_turn,
)


def arrows_choose_bars(chart: BarChart) -> bool:
    chart.setFocus(Qt.FocusReason.TabFocusReason)
    before = chart.chosen
    QTest.keyClick(chart, Qt.Key.Key_Left)
    return chart.chosen != before


def _screens(display: Display, qtbot: QtBot) -> Iterator[str]:
    return shown_in_turn(display.shell.descriptors, display.shell.go_to, qtbot)


def test_tab_and_shift_tab_reach_every_control_on_every_screen(
    display: Display, qtbot: QtBot
) -> None:
    shell = display.shell
    display.window.activateWindow()
    qtbot.waitUntil(lambda: display.window.isActiveWindow())
    missed = missed_by_tab(
        shell, _screens(display, qtbot), start=lambda _controls: shell.nav.buttons["now"]
    )
    assert missed == {}, "\n".join(f"{k}: {v}" for k, v in missed.items())


def test_space_presses_every_button_on_every_screen(display: Display, qtbot: QtBot) -> None:
    shell = display.shell
    display.window.activateWindow()
    qtbot.waitUntil(lambda: display.window.isActiveWindow())
    deaf: list[str] = []
    for key in _screens(display, qtbot):
        for widget in controls(shell):
            if isinstance(widget, BarChart):  # not pressed: its bars are read by the arrows
                if widget.bar_count and not arrows_choose_bars(widget):
                    deaf.append(f"{key}: {described(widget)}")
                continue
            if isinstance(widget, ScrollingText):  # not pressed: its keys scroll a long message
                continue  # (PageUp/PageDown and the arrows: tests/ihd/test_long_message.py)
            assert isinstance(widget, QAbstractButton), described(widget)
            if widget.isVisible() and widget.isEnabled() and not presses_by_space(widget):
                deaf.append(f"{key}: {described(widget)}")
    assert deaf == []


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_focus_shows_on_every_control_in_every_theme(
    display: Display, qtbot: QtBot, theme: str
) -> None:
    shell = display.shell
    display.settings.set_theme(theme)
    display.window.activateWindow()
    qtbot.waitUntil(lambda: display.window.isActiveWindow())
    assert focus_unseen(shell, _screens(display, qtbot)) == []
