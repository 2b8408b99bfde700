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
from tests.keyboard_walk import controls, described, focus_shows, presses_by_space, walk
from tests.ppmid.conftest import Kit


@pytest.fixture
def ppmid(qtbot: QtBot, kit: type[Kit]) -> Iterator[tuple[PpmidShell, HostWindow]]:
    settings = DisplaySettings()
    shell = PpmidShell(
        ExperienceContext(kit.prepay_model("1.20"), now=lambda: kit.NOW, settings=settings)
    )
    window = HostWindow("PPMID", shell, (800, 480), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield shell, window
    shell.close()
    window.close()


def test_tab_and_shift_tab_reach_every_control_on_every_page(
    ppmid: tuple[PpmidShell, HostWindow], qtbot: QtBot
) -> None:
    shell, _window = ppmid
    missed: dict[str, list[str]] = {}
    for key in shell.pages:
        shell.go_to(key)
        qtbot.wait(1)
        wanted = controls(shell)
        assert wanted, key
        start = wanted[0]
        for way, reached in (("Tab", walk(start)), ("Shift+Tab", walk(start, backwards=True))):
            left = [described(widget) for widget in wanted if widget not in reached]
            if left:
                missed[f"{key} by {way}"] = left
    assert missed == {}, "\n".join(f"{k}: {v}" for k, v in missed.items())


def test_space_presses_every_button_on_every_page(
    ppmid: tuple[PpmidShell, HostWindow], qtbot: QtBot
) -> None:
    shell, _window = ppmid
    deaf: list[str] = []
    for key in shell.pages:
        shell.go_to(key)
        qtbot.wait(1)
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
    unseen: list[str] = []
    for key in shell.pages:
        shell.go_to(key)
        qtbot.wait(1)
        for widget in controls(shell):
            if not focus_shows(widget, shell):
                unseen.append(f"{key}: {described(widget)}")
    assert unseen == []
