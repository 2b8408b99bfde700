"""The host window: one experience's view, styled by the chosen theme, in the chosen language, and
a clean shutdown when closed.

It follows the display's settings while it runs: a new theme restyles every widget, a new language
installs that catalogue (widgets retranslate on Qt's LanguageChange event). Text grows with the
window's height, so the style is rebuilt when a resize changes the body text size.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from app.history.health import HistoryHealth
from app.settings.display_settings import DisplaySettings, Setting
from app.ui import i18n
from app.ui.history_notice import HistoryNotice
from app.ui.reconnecting_overlay import ReconnectingOverlay
from app.ui.theme import THEMES, base_font_px, stylesheet

if TYPE_CHECKING:
    from app.host.han_wiring import Connection


class HostWindow(QMainWindow):
    def __init__(
        self,
        title: str,
        view: QWidget,
        size: tuple[int, int],
        settings: DisplaySettings | None = None,
    ) -> None:
        super().__init__()
        self._title = title
        self.settings = settings or DisplaySettings()
        self.view = view
        self.setCentralWidget(view)
        self.resize(*size)
        self._styled: tuple[str, int] | None = None
        self._restyle(size[1])
        i18n.use_language(self.settings.language)
        self._retitle()
        self._unsubscribe = self.settings.subscribe(self._setting_changed)
        self.closed = asyncio.Event()
        self.reconnecting = ReconnectingOverlay(self, THEMES[self.settings.theme], time.time)
        self._unfollow: Callable[[], None] = lambda: None
        self.history_notice = HistoryNotice()
        self._unfollow_history: Callable[[], None] = lambda: None

    def follow(self, connection: Connection) -> None:
        """Show "Reconnecting…" over the device whenever the HAN source is away."""
        model = connection.model
        # The moment touch was lost is told on the meters' clock, like every other time shown.
        self.reconnecting.set_clock(lambda: model.han_now(time.time()))
        self._unfollow = connection.subscribe(self.reconnecting.follow)
        self.reconnecting.follow(connection.state)

    def follow_history(self, health: HistoryHealth) -> None:
        """Say in the window's status area when history is not being saved, or a damaged history
        was set aside; the area is hidden while there is nothing to say."""
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        bar.addWidget(self.history_notice, 1)
        self.history_notice.follow(health)
        self._unfollow_history = health.subscribe(lambda _health: self._show_history_notice())
        self._show_history_notice()

    def _show_history_notice(self) -> None:
        self.statusBar().setVisible(bool(self.history_notice.text()))

    @property
    def is_reconnecting(self) -> bool:
        return not self.reconnecting.isHidden()

    def _setting_changed(self, setting: Setting) -> None:
        if setting is Setting.THEME:
            self._restyle(self.height())
            self.reconnecting.set_theme(THEMES[self.settings.theme])
        elif setting is Setting.LANGUAGE:
            i18n.use_language(self.settings.language)

    def _restyle(self, height: int) -> None:
        wanted = (self.settings.theme, base_font_px(height))
        if wanted != self._styled:
            self._styled = wanted
            self.setStyleSheet(stylesheet(THEMES[wanted[0]], wanted[1]))

    def _retitle(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Experience", self._title))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retitle()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._restyle(event.size().height())
        super().resizeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._unsubscribe()
        self._unfollow()
        self._unfollow_history()
        self.history_notice.unfollow()
        self.closed.set()
        super().closeEvent(event)
