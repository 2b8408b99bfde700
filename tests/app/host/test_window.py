"""The host window follows the display's settings: theme, language, and text that grows with it."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.connection.han_connection import ConnectionState
from app.host.window import HostWindow
from app.settings.display_settings import DisplaySettings
from app.ui import i18n
from app.ui.theme import HIGH_CONTRAST
from han.model import HanClock, HomeModel


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


class _Connection:
    """The surface of a HAN connection the window follows."""

    def __init__(self, model: HomeModel) -> None:
        self.model = model
        self.state = ConnectionState.LIVE
        self._follow: Callable[[ConnectionState], None] = lambda _state: None

    def subscribe(self, listener: Callable[[ConnectionState], None]) -> Callable[[], None]:
        self._follow = listener
        return lambda: None

    def lose(self) -> None:
        self.state = ConnectionState.RECONNECTING
        self._follow(self.state)


def test_reconnecting_says_when_touch_was_lost_on_the_meters_clock(qtbot: QtBot) -> None:
    model = HomeModel()
    # The meters' Tue 13 Jan 2026, 09:00 GMT, whatever the computer's clock says.
    model.han_clock = HanClock(1_768_294_800.0, time.time())
    connection = _Connection(model)
    window = HostWindow("In-Home Display", QLabel(), (800, 480), DisplaySettings())
    qtbot.addWidget(window)
    window.follow(connection)  # type: ignore[arg-type]
    connection.lose()
    assert "lost touch with the meters at 09:00," in window.reconnecting.detail.text()
    window.close()
