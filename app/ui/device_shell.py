"""What every device's frame does the same way: a clock that ticks, one redraw however many model
changes arrive in a burst, the theme and language followed as they change, and no focus ring until
someone presses Tab.

A device's shell builds its own layout, then calls ``start()``; it says what a model change means
to it in ``_settled()`` and how a theme looks in ``_apply_theme()``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.host.context import ExperienceContext
from app.settings.display_settings import Setting
from app.ui.i18n import QT_WORDING
from app.wording import fill
from han.model import ModelChange

translate = QCoreApplication.translate


class DeviceShell(QWidget):
    def __init__(self, context: ExperienceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The shell holds the focus at start, so no focus ring shows until someone presses Tab.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.context = context
        self.clock = QLabel("")
        self.clock.setProperty("role", "clock")
        self._settle_pending = False
        self._frame_wanted = False
        """A change in the burst is one the frame itself shows (``_wants_settle``)."""
        self._shown_once = False
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._unsubscribe_model = context.model.subscribe(self._model_changed)
        self._unsubscribe_settings = context.settings.subscribe(self._setting_changed)

    def start(self) -> None:
        """Once the layout is built: theme, words and clock, then the clock ticks."""
        self._apply_theme()
        self.retranslate()
        self._tick()
        self._ticker.start()

    # What a device fills in -----------------------------------------------------------------

    home_key = ""
    """The screen a device starts on and Escape returns to."""

    def go_to(self, key: str) -> None:
        """Show the screen ``key`` (each device's own screens)."""

    def go_home(self) -> None:
        """Back to the first screen, e.g. for the next participant of a usability trial."""
        self.go_to(self.home_key)

    def retranslate(self) -> None:
        raise NotImplementedError

    def _apply_theme(self) -> None:
        raise NotImplementedError

    def _wants_settle(self, change: ModelChange) -> bool:
        """Whether this change is one the frame itself shows (screens follow the model alone)."""
        return True

    def _settled(self) -> None:
        """After a burst of model changes, once."""

    # The shared mechanics -------------------------------------------------------------------

    def _model_changed(self, change: ModelChange) -> None:
        self._frame_wanted = self._frame_wanted or self._wants_settle(change)
        if not self._settle_pending:
            self._settle_pending = True
            QTimer.singleShot(0, self, self._settle)

    def _settle(self) -> None:
        self._settle_pending = False
        # Screens redraw for any burst of changes, each telling times by the HAN's clock: the
        # corner clock is told again with them, or on a home run fast it would lag their times by
        # up to a tick's worth of the meters' minutes.
        self._tick()
        if self._frame_wanted:
            self._frame_wanted = False
            self._settled()

    def _setting_changed(self, setting: Setting) -> None:
        if setting is Setting.THEME:
            self._apply_theme()

    def tell_time_now(self) -> None:
        """Tell the time at once, the next tick a whole second later (a trial event's moment:
        the screen the participant acts on, and its replay, show the time of that instant)."""
        self._tick()
        if self._ticker.isActive():
            self._ticker.start()

    def _tick(self) -> None:
        # The smart meters' time, as a real display shows it (synchronised from the hub): on a
        # home emulated faster than real time, "yesterday" and "today" are the home's.
        time = QT_WORDING.clock(self.context.model.han_now(self.context.now()))
        if time != self.clock.text():
            self.clock.setText(time)
            # The label's name is what a screen reader says of it: the time, not just "Time".
            self.clock.setAccessibleName(fill(translate("Shell", "Time %1"), time))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.clock.setText("")  # named again in the new language
            self._tick()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:  # Qt gives a new window's focus to its first button otherwise
            self._shown_once = True
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._ticker.stop()
        self._unsubscribe_model()
        self._unsubscribe_settings()
        super().closeEvent(event)
