"""The navigation bar's words fit their buttons whole at 800×480 in every theme and both languages –
"Gosodiadau", and "Negeseuon (2)" on the chosen button in bold – all at one size, never under the
smallest a touch button may set its words, the count going to a second line when it must."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext, Silent
from app.host.window import HostWindow
from app.settings.display_settings import DisplaySettings
from app.ui.theme import THEMES, base_font_px, nav_font_px
from app.ui.touch_button import SMALLEST_WORDS
from han.model import HomeModel, SupplierMessage
from ihd.shell import IhdShell
from tests.ihd.conftest import NOW
from tests.layout.readable import findings


@contextlib.contextmanager
def ihd(theme: str, language: str, unread: int) -> Iterator[tuple[HostWindow, IhdShell]]:
    model = HomeModel()
    for message_id in range(unread):
        model.messages[message_id] = SupplierMessage(message_id, "Hello", "low", False, NOW)
    model.mark_connected()
    settings = DisplaySettings(language=language)
    settings.set_theme(theme)
    shell = IhdShell(ExperienceContext(model, now=lambda: NOW, settings=settings, sound=Silent()))
    window = HostWindow("In-Home Display", shell, (800, 480), settings)
    window.show()
    QTest.qWaitForWindowExposed(window)
    try:
        yield window, shell
    finally:
        shell.close()
        window.close()
        window.deleteLater()


def _bar_findings(window: HostWindow) -> list[str]:
    return [str(finding) for finding in findings(window) if "NavBar" in finding.widget]


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("theme", ["standard", "large", "contrast"])
def test_every_word_of_the_bar_fits_whole(theme: str, language: str, qtbot: QtBot) -> None:
    with ihd(theme, language, unread=2) as (window, shell):
        natural = nav_font_px(THEMES[theme], base_font_px(480))
        for key in ("now", "settings", "messages"):  # each chosen in turn: its words in bold
            shell.go_to(key)
            qtbot.waitUntil(lambda: not _bar_findings(window), timeout=2000)
            sizes = {button.font().pixelSize() for button in shell.nav.buttons.values()}
            assert sizes == {shell.nav.words_px}, "one size for the whole bar"
            assert int(natural * SMALLEST_WORDS) <= shell.nav.words_px <= natural


def test_the_count_goes_to_a_second_line_and_the_bar_makes_room(qtbot: QtBot) -> None:
    with ihd("large", "cy", unread=2) as (window, shell):
        button = shell.nav.buttons["messages"]
        qtbot.waitUntil(lambda: button.text() == "Negeseuon\n(2)", timeout=2000)
        lines = 2 * button.fontMetrics().height()
        assert button.height() >= lines + button.iconSize().height()
        assert not _bar_findings(window)


def test_words_that_fit_keep_the_themes_size(qtbot: QtBot) -> None:
    """The bar is set smaller only for words that need it: short names stay at the theme's size."""
    with ihd("standard", "en", unread=0) as (_window, shell):
        for key in shell.nav.buttons:
            shell.nav.set_words(key, "Now")
        natural = nav_font_px(THEMES["standard"], base_font_px(480))
        qtbot.waitUntil(lambda: shell.nav.words_px == natural, timeout=2000)
