"""Every PPMID page by keyboard alone: Tab and Shift+Tab reach every control, Space presses each
button, and the control with focus shows it in every theme."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext
from app.host.window import HostWindow
from app.settings.display_settings import THEME_NAMES, DisplaySettings
from app.ui.scrolling_text import ScrollingText
from ppmid.shell import PpmidShell
from tests.keyboard_walk import (
    active_window,
    controls,
    described,
    focus_unseen,
    missed_by_tab,
    presses_by_space,
    shown_in_turn,
)
from tests.ppmid.conftest import Kit


@pytest.fixture
def ppmid(qtbot: QtBot, kit: type[Kit]) -> Iterator[tuple[PpmidShell, HostWindow]]:
    settings = DisplaySettings()
    shell = PpmidShell(
        ExperienceContext(kit.prepay_model("1.20"), now=lambda: kit.NOW, settings=settings)
    )
    with active_window(qtbot, "PPMID", shell, settings) as window:
        yield shell, window


def _pages(shell: PpmidShell, qtbot: QtBot) -> Iterator[str]:
    return shown_in_turn(shell.pages, shell.go_to, qtbot)


def test_tab_and_shift_tab_reach_every_control_on_every_page(
    ppmid: tuple[PpmidShell, HostWindow], qtbot: QtBot
) -> None:
    shell, _window = ppmid
    missed = missed_by_tab(shell, _pages(shell, qtbot))
    assert missed == {}, "\n".join(f"{k}: {v}" for k, v in missed.items())


def test_space_presses_every_button_on_every_page(
    ppmid: tuple[PpmidShell, HostWindow], qtbot: QtBot
) -> None:
    shell, _window = ppmid
    deaf: list[str] = []
    for key in _pages(shell, qtbot):
        for widget in controls(shell):
            if isinstance(widget, ScrollingText):  # not pressed: its keys scroll a long message
                continue  # (PageUp/PageDown: tests/ppmid/test_ppmid_messages.py)
            if isinstance(widget, QAbstractButton):
                if not presses_by_space(widget):
                    deaf.append(f"{key}: {described(widget)}")
            else:
                deaf.append(f"{key}: not a button, not checked: {described(widget)}")
    assert deaf == []


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_focus_shows_on_every_control_in_every_theme(
    ppmid: tuple[PpmidShell, HostWindow], qtbot: QtBot, theme: str
) -> None:
    shell, window = ppmid
    window.settings.set_theme(theme)
    assert focus_unseen(shell, _pages(shell, qtbot)) == []
