"""A long single word on a narrow button is set smaller, not cut short, and grows back with room."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui.theme import THEMES, base_font_px, stylesheet
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


def test_words_on_two_lines_make_their_button_as_tall_as_them_beside_one_line_buttons(
    qtbot: QtBot,
) -> None:
    """A row under a screen's card is held to its shortest fixed-height button unless one needs
    more: the button whose words broke in two says so, once the row has finished placing it."""
    holder = QWidget()
    _holders.append(holder)
    holder.setStyleSheet(stylesheet(THEMES["large"], base_font_px(480)))
    screen = QVBoxLayout(holder)
    screen.addStretch(1)  # a message's card, say, takes what the row leaves
    row = QHBoxLayout()
    screen.addLayout(row)
    two_lines = TouchButton("✉ Neges newydd")
    for words in ("Blaenorol", "Nesaf", "", "Cadarnhau"):
        if words:
            row.addWidget(TouchButton(words))
        else:
            row.addStretch(1)
            row.addWidget(two_lines)
    qtbot.addWidget(holder)
    holder.resize(800, 400)
    holder.show()
    qtbot.waitExposed(holder)
    one_line_high = two_lines.height()
    assert "\n" not in two_lines.text()
    holder.resize(600, 400)
    qtbot.waitUntil(lambda: "\n" in two_lines.text())
    lines_high = 2 * two_lines.fontMetrics().height()
    qtbot.waitUntil(lambda: two_lines.height() >= lines_high)
    holder.resize(800, 400)
    qtbot.waitUntil(lambda: "\n" not in two_lines.text())
    qtbot.waitUntil(lambda: two_lines.height() == one_line_high)


def test_at_every_width_the_words_settle_on_one_or_two_lines(qtbot: QtBot) -> None:
    """At the width where the words only just fit, one line and two must not take turns: each
    change of lines changes the button's height, and the layout would place it again for ever."""
    holder = QWidget()
    _holders.append(holder)
    holder.setStyleSheet(stylesheet(THEMES["large"], base_font_px(480)))
    screen = QVBoxLayout(holder)
    screen.addStretch(1)
    row = QHBoxLayout()
    screen.addLayout(row)
    button = TouchButton("✓ Trydan")
    row.addWidget(button)
    row.addStretch(1)
    qtbot.addWidget(holder)
    holder.resize(800, 400)
    holder.show()
    qtbot.waitExposed(holder)
    one_line_wide = button.sizeHint().width()
    for width in range(one_line_wide - 4, one_line_wide + 3):
        button.setFixedWidth(width)
        qtbot.wait(20)  # a few passes of the event loop: long enough to take turns, if it would
        shown = button.text()
        qtbot.wait(20)
        assert button.text() == shown, f"changes its lines by itself at {width} px"
        qtbot.waitUntil(lambda: button.height() == button.sizeHint().height())
