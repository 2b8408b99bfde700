"""The CAD by keyboard alone: its pairing screen and each of its main tabs – reached from the tab
bar by the arrow keys – have every control reached by Tab and Shift+Tab, and focus shows on each in
every theme."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QTabBar
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext
from app.host.window import HostWindow
from app.settings.display_settings import THEME_NAMES, DisplaySettings
from cad.pairing_memory import PairingMemory
from cad.screens.paired import LoggerRef
from cad.shell import CadShell
from han.model import HomeModel
from tests.keyboard_walk import (
    active_window,
    controls,
    described,
    focus_unseen,
    missed_by_tab,
    presses_by_space,
)


@pytest.fixture
def cad(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[CadShell, HostWindow]]:
    # Shown, the History tab reads the log: here there is none (nor a loop to read it on), and
    # reading it is the history view's tests' business.
    monkeypatch.setattr(LoggerRef, "schedule", lambda _ref, job: job.close())
    settings = DisplaySettings()
    shell = CadShell(
        ExperienceContext(HomeModel(), settings=settings),
        memory=PairingMemory(tmp_path / "pairing.json"),
    )
    with active_window(qtbot, "CAD", shell, settings) as window:
        yield shell, window


def _screens(shell: CadShell, qtbot: QtBot) -> Iterator[str]:
    """The pairing screen, then each main tab, chosen by Right on the focused tab bar."""
    yield "pairing"
    shell.stack.setCurrentWidget(shell.main)  # as once paired
    bar = shell.tabs.tabBar()
    for index in range(shell.tabs.count()):
        qtbot.wait(1)
        assert shell.tabs.currentIndex() == index
        yield shell.tabs.tabText(index)
        bar.setFocus(Qt.FocusReason.TabFocusReason)
        QTest.keyClick(bar, Qt.Key.Key_Right)


def _with_the_tab_bar(shell: CadShell, screens: Iterator[str]) -> Iterator[str]:
    """The screens as they come, each main tab's with its tab bar among its controls."""
    for name in screens:
        if name != "pairing":
            assert any(isinstance(widget, QTabBar) for widget in controls(shell)), name
        yield name


def test_tab_and_shift_tab_reach_every_control_on_every_screen(
    cad: tuple[CadShell, HostWindow], qtbot: QtBot
) -> None:
    shell, _window = cad
    missed = missed_by_tab(shell, _with_the_tab_bar(shell, _screens(shell, qtbot)))
    assert missed == {}, "\n".join(f"{k}: {v}" for k, v in missed.items())


def test_space_presses_every_button(cad: tuple[CadShell, HostWindow], qtbot: QtBot) -> None:
    shell, _window = cad
    deaf: list[str] = []
    for name in _screens(shell, qtbot):
        for widget in controls(shell):
            if isinstance(widget, QAbstractButton) and not presses_by_space(widget):
                deaf.append(f"{name}: {described(widget)}")
    assert deaf == []


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_focus_shows_on_every_control_in_every_theme(
    cad: tuple[CadShell, HostWindow], qtbot: QtBot, theme: str
) -> None:
    shell, window = cad
    window.settings.set_theme(theme)
    unseen = focus_unseen(shell, _screens(shell, qtbot))
    assert unseen == [], "\n".join(unseen)
