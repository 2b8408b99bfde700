"""Welsh and English, switched while the display runs; themes switched the same way. What is
checked is what a person sees: every visible word, and the colours on screen."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.ui.ambient_indicator import AmbientIndicator
from app.ui.i18n import TRANSLATIONS_DIR
from app.ui.theme import HIGH_CONTRAST, STANDARD
from app.ui.touch_button import TouchButton
from han.model import Fuel
from ihd.pages.home import HomeScreenView
from ihd.pages.settings import SettingsScreen
from ihd.screens import SCREENS
from tests.ihd.conftest import Display
from tests.ihd.screen_of import screen_of

KEYS = [descriptor.key for descriptor in SCREENS]


def _english_sources_with_welsh() -> list[re.Pattern[str]]:
    """Every English source text whose Welsh differs, as a pattern its filled-in form matches."""
    sources = []
    for message in ElementTree.parse(TRANSLATIONS_DIR / "smets_cy.ts").iter("message"):
        translation = message.find("translation")
        assert translation is not None
        welsh = translation.text or "".join(f.text or "" for f in translation)
        if welsh and welsh != message.findtext("source"):
            sources.append(message.findtext("source", ""))
    for form in ElementTree.parse(TRANSLATIONS_DIR / "smets_en.ts").iter("numerusform"):
        sources.append(form.text or "")  # English plurals: "2 unread messages"
    patterns = []
    for source in sources:
        pattern = re.escape(source)
        pattern = re.sub(r"%[1-9]", ".+?", pattern).replace("%n", r"\d+")
        patterns.append(re.compile(rf"(?<!\w){pattern}(?!\w)"))
    return patterns


def _visible_words(root: QWidget) -> list[str]:
    words = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, QLabel) and widget.text():
            words.append(widget.text())
        if isinstance(widget, TouchButton) and widget.words():
            words.append(widget.words())
        if isinstance(widget, AmbientIndicator):
            words.append(widget.word)
        words += [
            text for text in (widget.accessibleName(), widget.accessibleDescription()) if text
        ]
    return words


def _english_left(texts: list[str], patterns: list[re.Pattern[str]]) -> list[tuple[str, str]]:
    supplier_text = {"Your new tariff starts on 1 July.", "Engineers visit your street on Tuesday."}
    return [
        (text, pattern.pattern)
        for text in texts
        if text not in supplier_text  # the supplier's own words are data, shown as sent
        for pattern in patterns
        if pattern.search(text)
    ]


def test_switching_to_welsh_changes_every_visible_word_on_every_screen(
    display: Display, qtbot: QtBot
) -> None:
    shell, window = display.shell, display.window
    patterns = _english_sources_with_welsh()
    english = []
    for key in KEYS:
        shell.go_to(key)
        english += _visible_words(shell)
    assert _english_left(english, patterns), "the check must see English before the switch"

    display.settings.set_language("cy")
    qtbot.waitUntil(lambda: shell.nav.buttons["now"].words() == "Nawr")
    assert window.windowTitle() == "Dangosydd yn y Cartref"
    for key in KEYS:
        shell.go_to(key)
        qtbot.wait(1)
        visible = _visible_words(shell)
        assert _english_left(visible, patterns) == [], key
    now = screen_of(shell, "now", HomeScreenView)
    assert now.demand.caption.text() == "Trydan nawr"
    assert now.ambient.word == "Canolig"
    assert [card.caption.text() for card in now.today.values()] == ["Trydan heddiw", "Nwy heddiw"]


def test_welsh_plurals_use_qts_five_welsh_forms(display: Display, qtbot: QtBot) -> None:
    shell = display.shell
    display.settings.set_language("cy")
    now = screen_of(shell, "now", HomeScreenView)
    qtbot.waitUntil(lambda: now.messages_entry.words() == "2 neges heb eu darllen")
    display.model.messages[1].read = True
    screen_of(shell, "now", HomeScreenView).refresh()
    assert now.messages_entry.words() == "1 neges heb ei darllen"


def test_numbers_money_and_times_are_british_in_both_languages(
    display: Display, qtbot: QtBot
) -> None:
    now = screen_of(display.shell, "now", HomeScreenView)
    english = (now.cost_per_hour.value.text(), now.today[Fuel.GAS].value.text())
    display.settings.set_language("cy")
    qtbot.waitUntil(lambda: now.cost_per_hour.unit.text() == "yr awr")
    assert (now.cost_per_hour.value.text(), now.today[Fuel.GAS].value.text()) == english
    assert english == ("£0.70", "£1.50")
    assert re.fullmatch(r"\d\d:\d\d", display.shell.clock.text())


def test_back_to_english_puts_every_word_back(display: Display, qtbot: QtBot) -> None:
    shell = display.shell
    display.settings.set_language("cy")
    qtbot.waitUntil(lambda: shell.nav.buttons["settings"].words() == "Gosodiadau")
    display.settings.set_language("en")
    qtbot.waitUntil(lambda: shell.nav.buttons["settings"].words() == "Settings")
    assert screen_of(shell, "now", HomeScreenView).cost_per_hour.unit.text() == "per hour"
    assert display.window.windowTitle() == "In-Home Display"


def test_the_settings_screen_switches_language_and_theme_with_a_touch(
    display: Display, qtbot: QtBot
) -> None:
    shell, window = display.shell, display.window
    shell.go_to("settings")
    settings_screen = screen_of(shell, "settings", SettingsScreen)
    before = _background(window)
    assert before == QColor(STANDARD.background)

    qtbot.mouseClick(settings_screen.theme_choice.buttons["contrast"], Qt.MouseButton.LeftButton)
    assert display.settings.theme == "contrast"
    qtbot.waitUntil(lambda: _background(window) == QColor(HIGH_CONTRAST.background))
    assert settings_screen.theme_choice.buttons["contrast"].isChecked()
    assert not settings_screen.theme_choice.buttons["contrast"].icon().isNull()  # ticked too

    qtbot.mouseClick(settings_screen.language.buttons["cy"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: settings_screen.theme_choice.buttons["contrast"].words() == "Cyferbyniad uchel"
    )
    # Each language is named in itself, whatever language is showing.
    assert settings_screen.language.buttons["en"].words() == "English"
    assert settings_screen.language.buttons["cy"].words() == "Cymraeg"


def test_large_text_makes_the_words_bigger(display: Display, qtbot: QtBot) -> None:
    caption = screen_of(display.shell, "now", HomeScreenView).demand.caption
    standard = caption.fontInfo().pixelSize()
    display.settings.set_theme("large")
    qtbot.waitUntil(lambda: caption.fontInfo().pixelSize() > standard)
    assert caption.fontInfo().pixelSize() >= 1.25 * standard


def test_speech_says_it_is_not_available_when_espeak_ng_is_missing(display: Display) -> None:
    settings_screen = screen_of(display.shell, "settings", SettingsScreen)
    assert not settings_screen.sound.buttons["speak"].isEnabled()
    assert "not available" in settings_screen.sound_note.text()
    assert settings_screen.sound.buttons["off"].isChecked()  # off by default


def _background(window: QWidget) -> QColor:
    """The colour a person sees in the home screen's margin."""
    return window.grab().toImage().pixelColor(4, 4)
