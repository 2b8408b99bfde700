"""Runs the app: Qt and asyncio on one loop (qasync), the HAN source, the session, the window.

Every task started here is owned and cancelled on the way out, so closing the window leaves no
traceback and no stray task.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

# The Qt-free half of the app – zigpy, the domain, the embedded home: some 400 modules – is imported
# before Qt. Once PySide6 is loaded its import hook reads the source of every module imported after
# it (looking for its own name, for its optional `__feature__` switches), ~0.05 s of a start here.
from app.host.han_wiring import connection_for, han_access_for, source_for

# isort: split
import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.connection.base import HanSource, SourceUnavailable
from app.connection.glow_address import GlowAddress
from app.connection.han_access import HanAccess
from app.connection.han_bridge import SessionCommands, paired_devices
from app.connection.own_network import OwnNetwork
from app.connection.radio_source import RadioSource
from app.host import experiences, qt_gc, qt_messages
from app.host.context import ExperienceContext
from app.host.held_clock import HeldClock
from app.host.sound import SystemSound
from app.host.window import HostWindow
from app.settings.display_settings import DisplaySettings
from app.settings.kept_speech import keep_speech
from app.settings.options import Options
from app.trial_ui.participant_recording import ParticipantRecording
from app.ui import choice_role, i18n
from han.model import HomeModel
from han.program_name import program_name
from han.session import HanSession

if TYPE_CHECKING:
    from app.history.runtime import HistoryRuntime
    from app.kiosk.kiosk import Kiosk

LOGGER = logging.getLogger(__name__)

FIRST_READING_WAIT_S = 30.0
HISTORY_AFTER_READING_S = 0.2
"""How long after the first reading the history store is opened: time for the reading to be
painted before the store's import and opening hold the loop."""
RESTART = -1
"""``run_app``'s answer when the app must start again (a kiosk's new source)."""


def run(options: Options) -> int:
    logging.basicConfig(
        level=logging.INFO if options.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if options.screenshot is not None and options.kiosk is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a kiosk's screenshot is of its real screen
    qt_messages.install()
    application = QApplication.instance() or QApplication(sys.argv[:1])
    application.setApplicationName("SMETS consumer suite")
    choice_role.install()
    qt_gc.collect_on_qt_thread()
    try:
        status = int(qasync.run(run_app(options)))
    except SourceUnavailable as error:
        # A missing stick, a port without permission, no home at the address: say so in one line.
        print(f"{program_name('app')}: {error}", file=sys.stderr)
        return 1
    if status == RESTART:
        # The kiosk's owner saved a new HAN source: start afresh, as the same command, to use it.
        os.execv(sys.executable, [sys.executable, "-m", "app", *sys.argv[1:]])
    return status


class RunningApp:
    """The app's parts wired together: source → radio → session → model → window."""

    def __init__(
        self,
        options: Options,
        source: HanSource | None = None,
        *,
        history_path: Path | None = None,
    ) -> None:
        self.options = options
        self.experience = experiences.load(options.mode)
        self.model = HomeModel()
        self.source = source or source_for(options, self.experience)
        self.connection = connection_for(self.source, self.model, self.experience)
        self.history: HistoryRuntime | None = None
        """The display's history once it is being opened (after the first reading)."""
        self._history_opening: asyncio.Task[None] | None = None
        self._history_path = history_path
        """None: the user's usual history file (a second display in one process needs its own)."""
        self.window: HostWindow | None = None
        self.kiosk: Kiosk | None = None
        self.restarting = False
        self.settings = DisplaySettings(
            theme=options.theme,
            language=options.language,
            sound=options.sound,
            speech=options.speech,
        )
        self.recording = ParticipantRecording.open(options)
        """A usability trial's record of this display (``--trial FILE --participant ID``)."""

    async def start(self) -> HostWindow:
        application = QApplication.instance()
        assert isinstance(application, QApplication)
        # Closing the window must not stop the loop under our feet: run_app owns the shutdown,
        # which still has tasks to cancel and a radio to close after the window has gone.
        application.setQuitOnLastWindowClosed(False)
        connection = self.connection
        if self.options.kiosk is not None:
            await connection.open_or_keep_trying()  # an appliance waits for its source
        else:
            await connection.open()  # a desktop run says at once what is wrong
        connection.start()
        i18n.use_language(self.settings.language)  # so the view is built in its language
        clock = HeldClock()  # time.time, held for a moment by a trial's recorder
        context = ExperienceContext(
            self.model,
            now=clock,
            commands=self.recording.commands(SessionCommands(lambda: connection.session)),
            devices=lambda: paired_devices(connection.session),
            settings=self.settings,
            sound=SystemSound(settings=self.settings),
            han_access=self._han_access(),
            network=self._own_network(),
            from_feed=isinstance(self.source, GlowAddress),
        )
        view = self.experience.create_view(context)
        self.window = HostWindow(self.experience.title, view, self.options.size, self.settings)
        self.recording.watch(self.window, self.model, self.settings, clock)
        self.window.follow(connection)
        if not self.experience.keeps_own_log:
            self._history_opening = asyncio.get_running_loop().create_task(
                self._open_history(context), name="history-opening"
            )
        if self.options.kiosk is None:
            if self.options.trial_db is None:  # a trial's choices are the participant's alone
                keep_speech(self.settings)  # for as long as the settings: the whole run
            self.window.show()
            return self.window
        from app.kiosk.kiosk import Kiosk  # only a kiosk needs it
        from app.kiosk.speaking import SpeakingDisplay

        speaking = view if isinstance(view, SpeakingDisplay) else None
        self.kiosk = Kiosk(
            self.window, self.model, self.settings, self.options.kiosk, speaking=speaking
        )
        self.kiosk.restart_wanted.connect(self._restart)
        self.kiosk.start()
        return self.window

    async def _open_history(self, context: ExperienceContext) -> None:
        """Open the history store once the first reading is on screen: the store and its library
        (sqlite-utils) cost the start a noticeable share of its time and the reading needs neither.
        Nothing is lost by waiting: the recorder writes what the meters announced before it
        started, and back-fills their half hours from their profiles."""
        await first_reading(self.model, FIRST_READING_WAIT_S)
        await asyncio.sleep(HISTORY_AFTER_READING_S)
        from app.history.runtime import HistoryRuntime

        connection = self.connection
        self.history = HistoryRuntime(self.model, lambda: connection.links, path=self._history_path)
        if self.window is not None:
            self.window.follow_history(self.history.health)
        context.history = await self.history.start()

    async def history_opened(self) -> HistoryRuntime | None:
        """Until the history store has been opened (or found unopenable, and is being retried):
        the display's history, None for a display that keeps its own log."""
        if self._history_opening is not None:
            await asyncio.shield(self._history_opening)
        return self.history

    def _restart(self) -> None:
        self.restarting = True
        assert self.kiosk is not None
        self.kiosk.leave()

    @property
    def session(self) -> HanSession | None:
        """The live HAN session (None while the display is reconnecting to its source)."""
        return self.connection.session

    def _own_network(self) -> OwnNetwork | None:
        """Only a display on its own coordinator decides who joins (not on an emulated hub's HAN)."""
        if not isinstance(self.source, RadioSource):
            return None
        connection = self.connection
        return OwnNetwork(
            lambda: connection.session.application if connection.session is not None else None
        )

    def _han_access(self) -> HanAccess | None:
        return han_access_for(self.experience, self.source, self.connection)

    async def stop(self) -> None:
        """Cancel every task the app started, then close the radio and the window."""
        closing = getattr(self.window.view, "aclose", None) if self.window is not None else None
        if closing is not None:  # a view with tasks of its own (the CAD's logger) ends them first
            await closing()
        if self.kiosk is not None and not self.kiosk.leaving:
            self.kiosk.leaving = True  # the app is ending (--quit-after): the window may close
            self.kiosk.stop()
        opening, self._history_opening = self._history_opening, None
        if opening is not None:
            if self.history is None:  # still waiting for the first reading: nothing to close yet
                opening.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await opening  # a store being opened is let finish, then closed below
        if self.history is not None:
            await self.history.stop()
        await self.connection.close()
        if self.window is not None:
            self.window.view.close()
            self.window.close()
            self.window.deleteLater()  # a stopped display leaves no window behind
        self.recording.close()


async def run_app(options: Options) -> int:
    app = RunningApp(options)
    window = await app.start()
    try:
        await _until_done(window, app.model, options)
        if options.screenshot is not None:
            # A kiosk's whole screen, its layers included; a desktop run's device alone.
            shown = window if options.kiosk is not None else window.view
            shown.grab().save(str(options.screenshot))
            print(f"screenshot saved to {options.screenshot}")
        if options.kiosk is not None and options.screenshot is not None:
            frameless = bool(window.windowFlags() & Qt.WindowType.FramelessWindowHint)
            print(
                f"kiosk window: fullscreen={window.isFullScreen()} frameless={frameless} "
                f"size={window.width()}x{window.height()}"
            )
    finally:
        await app.stop()
    return RESTART if app.restarting else 0


async def _until_done(window: HostWindow, model: HomeModel, options: Options) -> None:
    """Until the window closes, --quit-after passes, or (screenshots) the first reading shows."""
    waits: list[asyncio.Future[object]] = [asyncio.ensure_future(window.closed.wait())]
    if options.quit_after_s is not None:
        waits.append(asyncio.ensure_future(asyncio.sleep(options.quit_after_s)))
    elif options.screenshot is not None:
        waits.append(asyncio.ensure_future(_first_reading_on_screen(model)))
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()
        await asyncio.gather(*waits, return_exceptions=True)


async def first_reading(model: HomeModel, within_s: float) -> bool:
    """Until the model holds the first live reading (demand and price), or ``within_s`` has
    passed (False then)."""
    deadline = time.monotonic() + within_s
    shown = asyncio.Event()

    def check(_change: object = None) -> None:
        meter = model.electricity_import_meter()
        if meter is not None and meter.demand_kw and meter.tariff.unit_price_gbp_per_kwh:
            shown.set()

    unsubscribe = model.subscribe(check)
    try:
        check()
        await asyncio.wait_for(shown.wait(), max(0.0, deadline - time.monotonic()))
    except TimeoutError:
        return False
    finally:
        unsubscribe()
    return True


async def _first_reading_on_screen(model: HomeModel) -> None:
    if await first_reading(model, FIRST_READING_WAIT_S):
        await asyncio.sleep(0.05)  # one more pass of the loop so the repaint lands
    else:
        LOGGER.warning(
            "no meter reading within %.0f s; saving what is on screen", FIRST_READING_WAIT_S
        )
