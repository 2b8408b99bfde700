"""A long single word on a narrow button is set smaller, not cut short, and grows back with room."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui.touch_button import SMALLEST_WORDS, TouchButton

THEME_PX = 20


_holders: list[QWidget] = []


def _button_in_sheet(qtbot: QtBot, words: str, width: int) -> TouchButton:
    """A button under a theme's style sheet, shown, as the devices' bars hold theirs."""
    holder = QWidget()
    _holders.append(holder)  # Python keeps the holder (and so the button) alive for the test
    holder.setStyleSheet(f"QToolButton {{ font-size: {THEME_PX}px; padding: 2px; }}")
    layout = QHBoxLayout(holder)
    button = TouchButton(words)
    button.setFixedWidth(width)
    layout.addWidget(button)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    return button


def _room(button: TouchButton) -> int:
    """The width left for words once the style's padding and border are taken off."""
    widest = button.fontMetrics().horizontalAdvance(button.text())
    return button.width() - (super(TouchButton, button).sizeHint().width() - widest)


def test_a_word_too_long_for_its_button_shrinks_until_it_fits(qtbot: QtBot) -> None:
    # 20 px "Gosodiadau" is about 118 px wide: 120 px less padding is just too narrow.
    button = _button_in_sheet(qtbot, "Gosodiadau", 120)
    qtbot.waitUntil(lambda: button.font().pixelSize() < THEME_PX)
    assert button.text() == "Gosodiadau"
    assert button.font().pixelSize() > THEME_PX * SMALLEST_WORDS
    assert button.fontMetrics().horizontalAdvance("Gosodiadau") <= _room(button)


def test_the_word_grows_back_when_the_button_is_given_room(qtbot: QtBot) -> None:
    button = _button_in_sheet(qtbot, "Gosodiadau", 100)
    qtbot.waitUntil(lambda: button.font().pixelSize() < THEME_PX)
    button.setFixedWidth(400)
    qtbot.waitUntil(lambda: button.font().pixelSize() == THEME_PX)


def test_shrinking_stops_at_the_floor_however_narrow_the_button(qtbot: QtBot) -> None:
    button = _button_in_sheet(qtbot, "Gosodiadau", 50)
    qtbot.waitUntil(lambda: button.font().pixelSize() < THEME_PX)
    assert button.font().pixelSize() == int(THEME_PX * SMALLEST_WORDS)


def test_words_that_fit_keep_the_themes_size(qtbot: QtBot) -> None:
    button = _button_in_sheet(qtbot, "Hanes", 200)
    qtbot.wait(20)
    assert button.font().pixelSize() == THEME_PX


def test_a_shrunk_button_still_asks_its_layout_for_room_at_full_size(qtbot: QtBot) -> None:
    button = _button_in_sheet(qtbot, "Gosodiadau", 120)
    qtbot.waitUntil(lambda: button.font().pixelSize() < THEME_PX)
    full = QFont(button.font())
    full.setPixelSize(THEME_PX)
    padding = button.width() - _room(button)
    words_room = button.sizeHint().width() - padding
    assert words_room >= QFontMetrics(full).horizontalAdvance("Gosodiadau")
