"""Getting around the IHD: by touch (click), by keyboard (Tab, arrows, Enter, shortcuts), and the
home screen's way into unread messages. What a person sees is which screen is on show."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.ui.touch_button import MIN_TOUCH_PX
from han.model import HomeModel
from ihd.pages.home import HomeScreenView
from ihd.pages.messages import MessagesScreen
from ihd.pages.more import MoreScreen
from ihd.screens import SCREENS
from tests.ihd.conftest import Display
from tests.ihd.screen_of import screen_of

KEYS = [descriptor.key for descriptor in SCREENS if descriptor.under is None]
"""The screens with a button on the bar; the others are offered by More."""
ALL_KEYS = [descriptor.key for descriptor in SCREENS]


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_the_display_opens_on_now_with_every_screen_in_the_bar(display: Display) -> None:
    shell = display.shell
    assert shell.current_key() == "now"
    on_bar = [key for key, button in shell.nav.buttons.items() if not button.isHidden()]
    assert on_bar == KEYS == ["now", "history", "messages", "status", "settings", "more"]
    for key, button in shell.nav.buttons.items():
        assert button.words(), key  # a word on every button …
        assert not button.icon().isNull(), key  # … beside its icon, not colour alone
    assert shell.nav.current() == "now"


def test_a_click_on_each_button_shows_that_screen(display: Display, qtbot: QtBot) -> None:
    shell = display.shell
    for key in [*reversed(KEYS), "now"]:
        qtbot.mouseClick(shell.nav.buttons[key], Qt.MouseButton.LeftButton)
        assert shell.current_key() == key
        assert shell.screen_for(key).isVisible()
        assert shell.nav.current() == key


def test_tab_reaches_the_bar_and_arrows_walk_every_screen(display: Display, qtbot: QtBot) -> None:
    shell = display.shell
    display.window.activateWindow()
    qtbot.waitUntil(lambda: _focused() is not None)
    assert _focused() is shell  # no focus ring until someone uses the keyboard
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is shell.nav.buttons["now"]
    seen = []
    for _ in KEYS:
        qtbot.keyClick(_focused(), Qt.Key.Key_Right)
        seen.append(shell.current_key())
        assert _focused() is shell.nav.buttons[shell.current_key()]
    assert seen == [*KEYS[1:], KEYS[0]]  # and round again
    qtbot.keyClick(_focused(), Qt.Key.Key_End)
    assert shell.current_key() == KEYS[-1]
    qtbot.keyClick(_focused(), Qt.Key.Key_Left)
    assert shell.current_key() == KEYS[-2]
    qtbot.keyClick(_focused(), Qt.Key.Key_Home)
    assert shell.current_key() == KEYS[0]


def test_enter_and_space_press_the_focused_button(display: Display, qtbot: QtBot) -> None:
    shell = display.shell
    button = shell.nav.buttons["status"]
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.current_key() == "status")
    button = shell.nav.buttons["settings"]
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: shell.current_key() == "settings")


def test_tab_goes_on_from_the_bar_into_the_screens_buttons(display: Display, qtbot: QtBot) -> None:
    shell = display.shell
    shell.go_to("messages")
    shell.nav.buttons["messages"].setFocus(Qt.FocusReason.TabFocusReason)
    reached = set()
    for _ in range(12):
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
        reached.add(_focused())
    messages = screen_of(shell, "messages", MessagesScreen)
    assert messages.confirm in reached
    assert messages.next in reached


@pytest.mark.parametrize(("number", "key"), list(enumerate(KEYS, start=1)))
def test_ctrl_and_a_number_opens_that_screen_and_escape_goes_home(
    display: Display, qtbot: QtBot, number: int, key: str
) -> None:
    shell = display.shell
    display.window.activateWindow()
    qtbot.waitActive(display.window)
    qtbot.keyClick(
        display.window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
    )
    assert shell.current_key() == key
    qtbot.keyClick(display.window, Qt.Key.Key_Escape)
    assert shell.current_key() == "now"


def test_the_home_screen_says_how_many_messages_are_unread_and_opens_them(
    display: Display, qtbot: QtBot
) -> None:
    shell = display.shell
    now = screen_of(shell, "now", HomeScreenView)
    assert now.messages_entry.isVisible()
    assert now.messages_entry.words() == "2 unread messages"
    assert shell.nav.buttons["messages"].words() == "Messages (2)"
    qtbot.mouseClick(now.messages_entry, Qt.MouseButton.LeftButton)
    assert shell.current_key() == "messages"
    messages = screen_of(shell, "messages", MessagesScreen)
    assert messages.text.text() == "Engineers visit your street on Tuesday."  # newest unread first
    qtbot.waitUntil(lambda: shell.nav.buttons["messages"].words() == "Messages (1)")
    qtbot.mouseClick(messages.next, Qt.MouseButton.LeftButton)
    assert messages.text.text() == "Your new tariff starts on 1 July."
    qtbot.waitUntil(lambda: shell.nav.buttons["messages"].words() == "Messages")
    shell.go_to("now")
    qtbot.waitUntil(lambda: not now.messages_entry.isVisible())


def _interactive(root: QWidget) -> list[QWidget]:
    return [
        widget
        for widget in root.findChildren(QWidget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(root)
    ]


def test_every_control_on_every_screen_has_an_accessible_name(display: Display) -> None:
    shell = display.shell
    for key in ALL_KEYS:
        shell.go_to(key)
        for widget in _interactive(shell):
            if widget is shell:
                continue
            assert widget.accessibleName(), f"{key}: {type(widget).__name__} {widget!r}"


def test_every_button_is_at_least_a_fingertip_wide_and_tall(display: Display, qtbot: QtBot) -> None:
    shell = display.shell
    for key in ALL_KEYS:
        shell.go_to(key)
        qtbot.wait(1)
        for widget in _interactive(shell):
            if widget is shell:
                continue
            assert widget.width() >= MIN_TOUCH_PX, f"{key}: {widget.accessibleName()}"
            assert widget.height() >= MIN_TOUCH_PX, f"{key}: {widget.accessibleName()}"


def test_a_screen_that_is_not_registered_is_not_offered(display: Display) -> None:
    shell = display.shell
    shell.go_to("agile-forecast")  # a screen nobody has built: nothing happens
    assert shell.current_key() == "now"
    assert "agile-forecast" not in shell.nav.buttons


def test_more_offers_the_screens_its_shell_was_given(qtbot: QtBot) -> None:
    from app.host.context import ExperienceContext
    from ihd.shell import IhdShell

    chosen = [d for d in SCREENS if d.key in ("now", "more", "tariff")]
    shell = IhdShell(ExperienceContext(HomeModel()), chosen)
    qtbot.addWidget(shell)
    shell.go_to("more")
    more = screen_of(shell, "more", MoreScreen)
    assert list(more.buttons) == ["tariff"]  # not Budget, Credit or Your network: not given
    qtbot.mouseClick(more.buttons["tariff"], Qt.MouseButton.LeftButton)
    assert shell.current_key() == "tariff"
    shell.close()
