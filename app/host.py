"""Runs the app: Qt and asyncio on one loop (qasync), the HAN source, the session, the window.

Every task started here is owned and cancelled on the way out, so closing the window leaves no
traceback and no stray task.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

from app import experiences, i18n, qt_gc, qt_messages
from app.context import ExperienceContext
from app.han_access import CAD_IEEE, HanAccess, session_access
from app.han_bridge import SessionCommands, paired_devices
from app.history_runtime import HistoryRuntime
from app.options import Options
from app.settings import DisplaySettings
from app.sound import SystemSound
from app.sources import EmulatorDemo, EmulatorSource, HanSource, SourceUnavailable, open_source
from app.trial_ui.participant_recording import ParticipantRecording
from app.window import HostWindow
from han.model import HomeModel
from han.session import HanSession

LOGGER = logging.getLogger(__name__)

FIRST_READING_WAIT_S = 30.0


def run(options: Options) -> int:
    logging.basicConfig(
        level=logging.INFO if options.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if options.screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    qt_messages.install()
    application = QApplication.instance() or QApplication(sys.argv[:1])
    application.setApplicationName("SMETS consumer suite")
    qt_gc.collect_on_qt_thread()
    try:
        return int(qasync.run(run_app(options)))
    except SourceUnavailable as error:
        # A missing stick, a port without permission, no home at the address: say so in one line.
        print(f"python -m app: {error}", file=sys.stderr)
        return 1


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
        self.source = source or open_source(
            options.source,
            speed=options.speed,
            seed=options.seed,
            display_ieee=options.display_ieee,
            pairs_itself=self.experience.pairs_itself,
            baudrate=options.baudrate,
            flow_control=options.flow_control,
            scenario=options.scenario,
        )
        self.session: HanSession | None = None
        self.history: HistoryRuntime | None = None
        self._history_path = history_path
        """None: the user's usual history file (a second display in one process needs its own)."""
        self.window: HostWindow | None = None
        self.settings = DisplaySettings(theme=options.theme, language=options.language)
        self.recording = ParticipantRecording.open(options)
        """A usability trial's record of this display (``--trial FILE --participant ID``)."""

    async def start(self) -> HostWindow:
        application = QApplication.instance()
        assert isinstance(application, QApplication)
        # Closing the window must not stop the loop under our feet: run_app owns the shutdown,
        # which still has tasks to cancel and a radio to close after the window has gone.
        application.setQuitOnLastWindowClosed(False)
        radio = await self.source.open()
        session = self.session = HanSession(radio, self.model)
        session.start()
        self.source.start()
        self.history = HistoryRuntime(self.model, lambda: session.links, path=self._history_path)
        history_store = await self.history.start()
        i18n.use_language(self.settings.language)  # so the view is built in its language
        context = ExperienceContext(
            self.model,
            commands=self.recording.commands(SessionCommands(session)),
            devices=lambda: paired_devices(session),
            settings=self.settings,
            sound=SystemSound(),
            han_access=self._han_access(session),
            history=history_store,
        )
        view = self.experience.create_view(context)
        self.window = HostWindow(self.experience.title, view, self.options.size, self.settings)
        self.recording.watch(self.window)
        self.window.show()
        return self.window

    def _han_access(self, session: HanSession) -> HanAccess | None:
        if not self.experience.pairs_itself:
            return None
        source = self.source
        demo = EmulatorDemo(source.home) if isinstance(source, EmulatorSource) else None
        display_ieee = getattr(source, "display_ieee", None) or CAD_IEEE
        return session_access(session, display_ieee, demo)

    async def stop(self) -> None:
        """Cancel every task the app started, then close the radio and the window."""
        closing = getattr(self.window.view, "aclose", None) if self.window is not None else None
        if closing is not None:  # a view with tasks of its own (the CAD's logger) ends them first
            await closing()
        if self.history is not None:
            await self.history.stop()
        if self.session is not None:
            await self.session.stop()
        await self.source.close()
        if self.window is not None:
            self.window.view.close()
            self.window.close()
        self.recording.close()


async def run_app(options: Options) -> int:
    app = RunningApp(options)
    window = await app.start()
    try:
        await _until_done(window, app.model, options)
        if options.screenshot is not None:
            window.view.grab().save(str(options.screenshot))
            print(f"screenshot saved to {options.screenshot}")
    finally:
        await app.stop()
    return 0


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


async def _first_reading_on_screen(model: HomeModel) -> None:
    deadline = time.monotonic() + FIRST_READING_WAIT_S
    shown = asyncio.Event()

    def check(_change: object = None) -> None:
        meter = model.electricity_import_meter()
        if meter is not None and meter.demand_kw and meter.tariff.unit_price_gbp_per_kwh:
            shown.set()

    unsubscribe = model.subscribe(check)
    try:
        check()
        await asyncio.wait_for(shown.wait(), max(0.0, deadline - time.monotonic()))
        await asyncio.sleep(0.05)  # one more pass of the loop so the repaint lands
    except TimeoutError:
        LOGGER.warning(
            "no meter reading within %.0f s; saving what is on screen", FIRST_READING_WAIT_S
        )
    finally:
        unsubscribe()
