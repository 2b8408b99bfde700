"""The host window follows the display's settings: theme, language, and text that grows with it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.host.window import HostWindow
from app.settings.display_settings import DisplaySettings
from app.ui import i18n
from app.ui.theme import HIGH_CONTRAST


def test_text_grows_with_the_window_and_the_theme_swaps_whole(qtbot: QtBot) -> None:
    label = QLabel("Using now")
    settings = DisplaySettings()
    window = HostWindow("In-Home Display", label, (800, 480), settings)
    qtbot.addWidget(window)
    window.show()
    small = label.fontInfo().pixelSize()
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: label.fontInfo().pixelSize() > small)
    assert label.fontInfo().pixelSize() == 30
    settings.set_theme("contrast")
    assert HIGH_CONTRAST.background in window.styleSheet()
    window.close()


def test_the_window_title_follows_the_language(qtbot: QtBot) -> None:
    settings = DisplaySettings()
    window = HostWindow("In-Home Display", QLabel(), (800, 480), settings)
    qtbot.addWidget(window)
    try:
        settings.set_language("cy")
        qtbot.waitUntil(lambda: window.windowTitle() == "Dangosydd yn y Cartref")
        assert i18n.current_language() == "cy"
    finally:
        settings.set_language("en")
        window.close()
    assert i18n.current_language() == "en"
