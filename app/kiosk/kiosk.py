"""Kiosk mode around a device's window: fullscreen and frameless, no cursor, no way out but the
corner press and the PIN; rest (ambient view, dimmed) after inactivity and blank at night; the
settings behind the PIN.

``Kiosk`` wires the parts together – the input filter (``input_filter.py``), the rest states
(``presence.py``), the overlays, the backlight – and keeps the settings file in step.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Final

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from app.kiosk.ambient_view import AmbientView
from app.kiosk.backlight import Backlight
from app.kiosk.input_filter import HOLD_S, KioskInputFilter
from app.kiosk.kiosk_menu import KioskMenu
from app.kiosk.kiosk_settings import KioskSettings, parse_clock
from app.kiosk.pin import hash_pin, verify_pin
from app.kiosk.pin_panel import PinPanel
from app.kiosk.presence import NightSchedule, Presence, Rest
from app.kiosk.settings_panel import SettingsPanel
from app.kiosk.speaking import SpeakingDisplay
from app.settings import store as settings_store
from app.settings.display_settings import DisplaySettings, Setting
from app.settings.store import StoredSettings
from app.ui.overlay import Overlay
from app.ui.theme import THEMES
from han.model import HomeModel

LOGGER = logging.getLogger(__name__)

RESTING_BRIGHTNESS: Final = 0.35
"""The ambient view's brightness, as a share of the awake brightness."""

translate = QApplication.translate


def schedule_of(settings: KioskSettings) -> NightSchedule:
    return NightSchedule(parse_clock(settings.night_start), parse_clock(settings.night_end))


class Kiosk(QObject):
    left = Signal()
    """The right PIN, then "Leave kiosk mode": the window may close now."""
    restart_wanted = Signal()
    """A new HAN source was saved: the display starts again to use it."""

    def __init__(
        self,
        window: QWidget,
        model: HomeModel,
        display: DisplaySettings,
        settings: KioskSettings,
        *,
        backlight: Backlight | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        # The computer's clock, on purpose: the screen goes dark for the room's real night (an
        # emulated home's night may pass in a minute); no time the kiosk shows comes from here.
        local_now: Callable[[], datetime] = datetime.now,
        settings_path: Path | None = None,
        hold_s: float = HOLD_S,
        speaking: SpeakingDisplay | None = None,
    ) -> None:
        """``speaking``: the device, if it speaks – a long touch is its repeat key, and it is told
        when the screen sleeps (so it says nothing but alarms)."""
        super().__init__(window)
        self.speaking = speaking
        self._asleep = False
        self.window = window
        self.display = display
        self.settings = settings
        self._monotonic = monotonic
        self._local_now = local_now
        self._settings_path = settings_path
        self.backlight = backlight if backlight is not None else Backlight()
        self.leaving = False
        self.presence = Presence(
            dim_after_s=settings.dim_after_s, schedule=schedule_of(settings), now_s=monotonic()
        )
        theme = THEMES[display.theme]
        self.ambient = AmbientView(window, model, theme)
        self.night = Overlay(window, shade=QColor("#000000"))
        self.pin = PinPanel(window, self._verify, theme)
        self.menu = KioskMenu(window, theme)
        self.settings_panel = SettingsPanel(window, theme, self._write)
        self._new_pin = ""
        self.new_pin = PinPanel(
            window,
            self._first_new_pin,
            theme,
            title=lambda: translate("KioskPin", "Type the new PIN"),
        )
        self.repeat_pin = PinPanel(
            window,
            self._repeat_new_pin,
            theme,
            title=lambda: translate("KioskPin", "Type the new PIN again"),
        )
        self.shade = Overlay(window)
        """Software dimming where there is no backlight to turn down; touches go through it."""
        self.shade.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.input = KioskInputFilter(
            window,
            wake=self._touched,
            may_close=lambda: self.leaving,
            hold_s=hold_s,
            monotonic=monotonic,
        )
        self.input.corner_held.connect(self._ask_pin)
        if speaking is not None:
            self.input.speech_repeat.connect(speaking.repeat_or_interrupt)
            self.input.speech_toggle.connect(speaking.toggle_speech)
        self.pin.accepted.connect(self._show_menu)
        self.menu.settings_wanted.connect(self._open_settings)
        self.menu.leave_wanted.connect(self.leave)
        self.settings_panel.change_pin_wanted.connect(self.new_pin.open_panel)
        self.settings_panel.saved.connect(self._saved)
        self._unfollow = display.subscribe(self._display_changed)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._shown_rest: Rest | None = None
        self._brightness: float | None = None

    # Starting and leaving --------------------------------------------------------------------

    def start(self) -> None:
        """Take over the screen."""
        application = QApplication.instance()
        assert isinstance(application, QApplication)
        application.installEventFilter(self.input)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)  # a touchscreen: no pointer
        self.window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.window.showFullScreen()
        self._apply()
        self._ticker.start()

    def leave(self) -> None:
        self.leaving = True
        self.stop()
        self.left.emit()
        self.window.close()

    def stop(self) -> None:
        """Give the screen back (on leaving, and when the app shuts down)."""
        self._ticker.stop()
        self._unfollow()
        application = QApplication.instance()
        if isinstance(application, QApplication):
            application.removeEventFilter(self.input)
            if QGuiApplication.overrideCursor() is not None:
                QGuiApplication.restoreOverrideCursor()
        self.backlight.set_percent(self.settings.brightness_percent)
        self._brightness = None
        self._tell_asleep(False)

    # Rest and wake ---------------------------------------------------------------------------

    def _touched(self) -> bool:
        swallowed = self.presence.touched(self._monotonic())
        if swallowed:
            self._apply()
        return swallowed

    def _tick(self) -> None:
        self.presence.tick(self._monotonic(), self._local_now())
        self._apply()

    def rest_now(self) -> None:
        self.presence.rest_now(self._local_now())
        self._apply()

    def _apply(self) -> None:
        rest = self.presence.state
        awake = self.settings.brightness_percent
        if rest is Rest.AWAKE:
            self.ambient.hide()
            self.night.hide()
            brightness = float(awake)
        elif rest is Rest.NIGHT:
            self._close_panels()
            self.night.cover()
            brightness = 0.0
        else:  # the ambient view, by day or peeked at by night
            self._close_panels()
            self.ambient.refresh()
            if rest is not self._shown_rest:
                self.ambient.cover()
            self.night.hide()
            brightness = awake * RESTING_BRIGHTNESS
        self._shown_rest = rest
        self._set_brightness(brightness)
        self._tell_asleep(rest is Rest.NIGHT)

    def _tell_asleep(self, asleep: bool) -> None:
        """Only a blank screen sleeps: the ambient view by day, or peeked at by night, shows the
        load, and what it shows may be said."""
        if asleep != self._asleep and self.speaking is not None:
            self.speaking.set_asleep(asleep)
        self._asleep = asleep

    def _set_brightness(self, percent: float) -> None:
        if percent == self._brightness:
            return  # the clock ticks every second; the panel is written only on a change
        self._brightness = percent
        if self.backlight.set_percent(percent):
            self.shade.hide()
            return
        darkness = round(255 * (1 - percent / 100) * 0.85)  # never quite black while awake
        if darkness <= 0:
            self.shade.hide()
            return
        self.shade.set_shade(QColor(0, 0, 0, darkness))
        self.shade.cover()

    def _close_panels(self) -> None:
        for panel in (self.pin, self.menu, self.settings_panel, self.new_pin, self.repeat_pin):
            panel.hide()

    def _raise_shade(self) -> None:
        if not self.shade.isHidden():
            self.shade.raise_()

    # The PIN, the menu and the settings ------------------------------------------------------

    def _verify(self, pin: str) -> bool:
        return verify_pin(pin, self.settings.pin_hash)

    def _ask_pin(self) -> None:
        self.pin.open_panel()
        self._raise_shade()

    def _show_menu(self) -> None:
        self.menu.cover()
        self._raise_shade()

    def _open_settings(self) -> None:
        self.settings_panel.open_panel(self.stored())
        self._raise_shade()

    def stored(self) -> StoredSettings:
        display = self.display
        return StoredSettings(
            display.theme,
            display.language,
            self.settings,
            sound=display.sound.value,
            speech=display.speech,
        )

    def _first_new_pin(self, pin: str) -> bool:
        self._new_pin = pin
        QTimer.singleShot(0, self.repeat_pin.open_panel)
        return True

    def _repeat_new_pin(self, pin: str) -> bool:
        if pin != self._new_pin:
            return False
        self._new_pin = ""
        changed = replace(self.settings, pin_hash=hash_pin(pin))
        self._write(replace(self.stored(), kiosk=changed))
        self.settings = changed
        self.settings_panel.open_panel(self.stored())
        return True

    def _write(self, settings: StoredSettings) -> None:
        settings_store.save(settings, self._settings_path)

    def _saved(self, saved: object) -> None:
        assert isinstance(saved, StoredSettings)
        new_source = saved.kiosk.source != self.settings.source
        self.settings = saved.kiosk
        self.presence.dim_after_s = saved.kiosk.dim_after_s
        self.presence.schedule = schedule_of(saved.kiosk)
        self.display.set_theme(saved.theme)
        self.display.set_language(saved.language)
        self._apply()
        if new_source:
            self.restart_wanted.emit()

    def _display_changed(self, setting: Setting) -> None:
        if setting is Setting.THEME:
            theme = THEMES[self.display.theme]
            for layer in (self.ambient, self.pin, self.menu, self.settings_panel):
                layer.set_theme(theme)
            for panel in (self.new_pin, self.repeat_pin):
                panel.set_theme(theme)
        if setting in (Setting.THEME, Setting.LANGUAGE, Setting.SOUND, Setting.SPEECH):
            # A person changed it on the device's own settings screen: it lasts in a kiosk too.
            try:
                self._write(self.stored())
            except OSError as error:
                LOGGER.warning("Cannot keep the display's settings: %s", error)
