"""The IHD's frame: the registered screens, a navigation bar along the bottom with the clock, keyboard
shortcuts, the theme, and audible cues.

Keyboard: Tab walks the navigation bar and the screen's buttons, Left/Right move along the bar,
Enter or Space press, Ctrl+1 … Ctrl+9 open the n-th screen and Escape goes back to Now. R repeats
the last thing said (or says the readings), or cuts it short while speaking; holding R for a second
and a half turns speech on or off.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from app.host.context import ExperienceContext
from app.settings.display_settings import SoundMode
from app.ui.announce import announce
from app.ui.device_shell import DeviceShell
from app.ui.i18n import QT_WORDING
from app.ui.nav_bar import NavBar
from app.ui.scrolling_page import scrolling
from app.ui.theme import THEMES
from han.model import ModelChange
from ihd.ambient_cue import AmbientCue
from ihd.credit_alarm import CreditAlarm
from ihd.screen import IhdScreen
from ihd.screens import SCREENS, ScreenDescriptor

translate = QCoreApplication.translate

LONG_PRESS_S = 1.5
"""Holding the repeat key this long turns speech on or off instead."""
REPEAT_KEY = Qt.Key.Key_R


class IhdShell(DeviceShell):
    def __init__(
        self,
        context: ExperienceContext,
        screens: Sequence[ScreenDescriptor] = SCREENS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("ihd-shell")
        self.descriptors = {descriptor.key: descriptor for descriptor in screens}
        self.home_key = screens[0].key

        self.nav = NavBar()
        for descriptor in screens:
            button = self.nav.add(descriptor.key, descriptor.icon)
            button.setVisible(descriptor.under is None)  # offered by another screen (More)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nav.add_trailing(self.clock)
        self.nav.chosen.connect(self.go_to)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)  # joins the shell first, so Tab reaches the bar first

        self.stack = QStackedWidget()
        self.screens: dict[str, IhdScreen] = {}
        """The screens built so far: each is built the first time it is asked for, so the display
        starts with Now alone (History's charting alone takes a third of a second to load)."""
        self._pages: dict[str, QScrollArea] = {}
        self.nav.setMinimumHeight(self.nav.sizeHint().height())

        layout.insertWidget(0, self.stack, 1)

        self._shortcuts = [
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda key=key: self.go_to(key))
            for number, key in enumerate(list(self.descriptors)[:9], start=1)
        ]
        self._shortcuts.append(
            QShortcut(QKeySequence(Qt.Key.Key_Escape), self, lambda: self.go_to(self.home_key))
        )
        for key, pages in ((Qt.Key.Key_PageDown, +1), (Qt.Key.Key_PageUp, -1)):
            QShortcut(QKeySequence(key), self, lambda pages=pages: self._scroll(pages))

        self._unread_heard = context.model.unread_messages
        self._repeat_pressed_at = 0.0
        self._cue = AmbientCue(
            context.model, context.settings, context.sound, QT_WORDING, now=context.now
        )
        self._ticker.timeout.connect(self._cue.tick)
        # An alarm, not a cue: said at once wherever focus is, and while the screen sleeps.
        self.credit_alarm = CreditAlarm(
            context.model,
            context.settings,
            context.sound,
            QT_WORDING,
            lambda words: announce(self, words, assertive=True),
        )
        self.start()
        self.go_to(self.home_key)

    # The repeat key ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == REPEAT_KEY and not event.modifiers():
            if not event.isAutoRepeat():
                self._repeat_pressed_at = time.monotonic()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == REPEAT_KEY and not event.isAutoRepeat() and self._repeat_pressed_at:
            held = time.monotonic() - self._repeat_pressed_at
            self._repeat_pressed_at = 0.0
            if held >= LONG_PRESS_S:
                self.toggle_speech()
            else:
                self.repeat_or_interrupt()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def repeat_or_interrupt(self) -> None:
        """Say again what was last said – or, when nothing has been, the words of the screen on
        show (a chart's summary) or else the Now screen's readings – or cut it short."""
        shown = self.screens.get(self.current_key())
        home = self.screens.get(self.home_key)
        for screen in (shown, home):
            words = getattr(screen, "spoken", "")
            if isinstance(words, str) and words:
                self._cue.repeat_or_interrupt(words)
                return
        self._cue.repeat_or_interrupt("")

    def toggle_speech(self) -> None:
        settings, sound = self.context.settings, self.context.sound
        language = QT_WORDING.language
        if settings.sound is SoundMode.SPEAK:
            sound.speak(translate("Shell", "Speech off"), language)
            settings.set_sound(SoundMode.OFF)
        else:
            settings.set_sound(SoundMode.SPEAK)
            sound.speak(translate("Shell", "Speech on"), language)

    def set_asleep(self, asleep: bool) -> None:
        """The screen sleeps (kiosk night or rest): cues wait until it wakes; alarms do not."""
        self._cue.asleep = asleep

    # Which screen is on show ----------------------------------------------------------------

    def current_key(self) -> str:
        return next(key for key, page in self._pages.items() if page is self.stack.currentWidget())

    def screen_for(self, key: str) -> IhdScreen:
        screen = self.screens.get(key)
        if screen is None:
            descriptor = self.descriptors[key]
            screen = self.screens[key] = descriptor.create(self.context, self)
            self._pages[key] = page = scrolling(screen)
            self.stack.addWidget(page)
            screen.apply_theme(THEMES[self.context.settings.theme])
        return screen

    def offered_by(self, key: str) -> list[ScreenDescriptor]:
        """The screens with no button on the bar that the screen ``key`` offers (More's)."""
        return [descriptor for descriptor in self.descriptors.values() if descriptor.under == key]

    def go_to(self, key: str) -> None:
        """Show a screen; a key that is not registered (yet) is ignored."""
        if key not in self.descriptors:
            return
        screen = self.screen_for(key)
        self.stack.setCurrentWidget(self._pages[key])
        self.nav.set_current(self.descriptors[key].under or key)
        screen.screen_shown()
        self._tick()  # the screen just drawn tells times by the HAN's clock now: so does the corner

    def _scroll(self, pages: int) -> None:
        if self.screen_for(self.current_key()).scroll_pages(pages):
            return
        bar = self._pages[self.current_key()].verticalScrollBar()
        bar.setValue(bar.value() + pages * bar.pageStep())

    # Words, theme and counts ----------------------------------------------------------------

    def retranslate(self) -> None:
        for key, descriptor in self.descriptors.items():
            button = self.nav.buttons[key]
            label = translate("Navigation", descriptor.label)
            count = descriptor.count(self.context.model)
            # Where the words and count do not fit on one line, the count goes to a second.
            self.nav.set_words(key, f"{label} ({count})" if count else label)
            shortcut = self._shortcut_text(key)
            description = translate("Navigation", descriptor.description)
            self.nav.describe(key, label, description)
            button.setToolTip(f"{description} ({shortcut})" if shortcut else description)
        self.nav.retranslate()

    def _shortcut_text(self, key: str) -> str:
        keys = list(self.descriptors)
        if keys.index(key) >= len(self._shortcuts) - 1:
            return ""
        sequence = self._shortcuts[keys.index(key)].key()
        return sequence.toString(QKeySequence.SequenceFormat.NativeText)

    def _apply_theme(self) -> None:
        theme = THEMES[self.context.settings.theme]
        self.nav.apply_theme(theme)
        for screen in self.screens.values():
            screen.apply_theme(theme)

    def _wants_settle(self, change: ModelChange) -> bool:
        return change.meter is None  # the navigation's counts (messages, devices) are home-wide

    def _settled(self) -> None:
        self.retranslate()
        unread = self.context.model.unread_messages
        if unread > self._unread_heard:
            # Wherever the person is, a screen reader hears that a message came.
            announce(self, translate("Shell", "A new message from your energy supplier"))
        self._unread_heard = unread

    def closeEvent(self, event: QCloseEvent) -> None:
        self._cue.close()
        self.credit_alarm.close()
        for screen in self.screens.values():
            screen.close()
        super().closeEvent(event)
