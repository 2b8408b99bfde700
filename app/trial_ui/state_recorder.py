"""What a participant display showed from, written to the trial record for a later replay.

The display's home model (in parts, ``app/trial/model_state.py``), its settings and window size
(``app/trial/display_state.py``) and what its screens drew beyond the model (the History chart:
``app/host/recorded_screen.py``) are written only when a part changed, each time with the display's
clocks (``app/trial/display_clock.py``), which freshness is judged on: at once before every event
the display records (so each tap and screen has the state it happened on), and otherwise at most
once a second while the model moves (a meter reports every ten seconds, faster on a home run
faster than real time: a write per report would be a commit per report).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.host.held_clock import HeldClock
from app.host.recorded_screen import SCREEN, RecordedScreen
from app.settings.display_settings import DisplaySettings
from app.trial.display_clock import CLOCK, DisplayClock
from app.trial.display_state import DISPLAY, DisplayState
from app.trial.model_state import model_parts
from app.ui.device_shell import DeviceShell
from app.ui.model_page import ModelPage
from han.model import HomeModel, ModelChange

LOGGER = logging.getLogger(__name__)

WriteStates = Callable[[str, dict[str, str]], None]
"""Write parts for a participant: ``(participant, {part: state})``."""
QUIET_MS = 1000


def recorded_screens(window: QWidget) -> dict[str, str]:
    """The state parts of the screens built so far that draw from more than the model (the
    History chart's bars): a screen not yet built has shown nothing."""
    return {
        f"{SCREEN}{screen.objectName()}": screen.recorded_state()
        for screen in window.findChildren(QWidget)
        if isinstance(screen, RecordedScreen)
    }


class StateRecorder(QObject):
    def __init__(
        self,
        window: QWidget,
        mode: str,
        model: HomeModel,
        settings: DisplaySettings,
        participant: Callable[[], str],
        write: WriteStates,
        clock: HeldClock,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._mode = mode
        self._model = model
        self._settings = settings
        self._participant = participant
        self._write = write
        self._clock = clock
        """The display's clock, the one its screens judge freshness on."""
        self._written: dict[str, str] = {}
        self._written_for: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(QUIET_MS)
        self._timer.timeout.connect(self.flush)
        self._unsubscribe = [
            model.subscribe(self._changed),
            # A setting changes seldom and at once (a study's variant put on at a task's start):
            # written now, so the moment that changed it is replayed with it.
            settings.subscribe(lambda _setting: self.flush()),
        ]
        window.installEventFilter(self)

    def _changed(self, _change: ModelChange | None = None) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self._changed()
        return False

    def at_event(self) -> None:
        """Just before an event: the pages on show judge what they show afresh (ages, whether a
        reading is out of date), and the state is written with the display's time they judged
        it at, so the event's replay judges the same. A page's next tick comes a whole interval
        later, so the screen the participant acts on stays as judged."""
        with self._clock.held() as now:
            for page in self._window.findChildren(ModelPage):
                if page.isVisible():
                    page.refresh_now()
                    if page.ticker.isActive():
                        page.ticker.start()
            for shell in self._window.findChildren(DeviceShell):
                shell.tell_time_now()  # the corner clock at the same instant
            self.flush(now)

    def flush(self, now: float | None = None) -> None:
        """Write every part that changed since it was last written for this participant (all of
        them for a participant new to this display), and the display's clocks: a flush comes
        just before each event, so the replay judges the event's moment at the display's time."""
        self._timer.stop()
        participant = self._participant()
        if participant != self._written_for:
            self._written, self._written_for = {}, participant
        size = self._window.size()
        parts = model_parts(self._model)
        parts[DISPLAY] = DisplayState(
            self._mode, (size.width(), size.height()), self._settings
        ).text()
        parts.update(recorded_screens(self._window))
        changed = {part: state for part, state in parts.items() if self._written.get(part) != state}
        display_s = self._clock() if now is None else now
        # Given a time, the pages on show judged at it for the event about to be recorded.
        clock = DisplayClock.of(self._model, display_s, for_event=now is not None)
        changed[CLOCK] = clock.text()
        try:
            self._write(participant, changed)
        except sqlite3.Error:  # the display goes on; the replay has a gap
            LOGGER.exception("could not record the display's state")
            return
        self._written.update(changed)

    def stop(self) -> None:
        self._timer.stop()
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._window.removeEventFilter(self)
