"""``python -m app --mode operator --study FILE``: the operator console and the home it hosts.

The console's process runs the study's emulated home (as ``python -m home_emulator serve`` does)
with its air server, so participant displays on this or other computers attach with
``--source tcp://HOST:PORT``; for a single-machine trial it also opens the study's participant
displays itself, on the same home. The researcher controls the home directly through
``home_emulator``'s Python API (``app/trial/``); the displays learn everything over the air.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

import qasync
import zigpy.types as t
from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QApplication, QWidget

from app.connection.han_access import format_install_code
from app.connection.sources import EmulatorSource
from app.history.runtime import default_path as default_history_path
from app.host import qt_gc, qt_messages
from app.host.running import RunningApp
from app.settings.options import Options
from app.trial.conductor import Conductor
from app.trial.store import TrialStore, TrialStoreError
from app.trial.study import Study, StudyError, load_study
from app.trial_ui.console_window import ConsoleWindow
from app.trial_ui.displays_panel import DisplaysPanel, EmbeddedDisplay
from app.trial_ui.report_command import default_db
from app.trial_ui.variant_settings import apply_variant
from han.private_files import private_folder
from han.program_name import program_name
from home_emulator.api.from_scenario import home_spec
from home_emulator.api.home import (
    COORDINATOR_IEEE,
    AirServer,
    DeviceType,
    EmulatedHome,
    new_install_code,
)

LOGGER = logging.getLogger(__name__)
translate = QCoreApplication.translate

LISTEN = ("127.0.0.1", 8640)
LAPTOP = QSize(1280, 680)
"""The console opens no larger than a 1280×720 laptop's screen less its panel and title bar."""
REMOTE_DISPLAYS = tuple(f"00:0d:6f:ff:fe:00:00:0{n}" for n in range(2, 6))
"""Displays the hub's device log admits for participants' own screens (as an installer would)."""
EMBEDDED_DISPLAYS = {"ppmid": str(COORDINATOR_IEEE), "ihd": "00:0d:6f:ff:fe:00:00:0a"}


class OperatorConsole:
    """The home, its air server, the conductor, the embedded displays and the console window."""

    def __init__(
        self,
        study: Study,
        db: Path,
        *,
        speed: float | None = None,
        history_days: int | None = None,
        listen: tuple[str, int] = LISTEN,
        embed: bool = True,
        display_size: tuple[int, int] = (800, 480),
        now: Callable[[], float] = time.time,
    ) -> None:
        self.study = study
        self.db = db
        self.store = TrialStore(db, now=now)
        # Before each event of the console's (a task started, a session begun) its displays
        # write what they show, so the replay shows that event as they showed it.
        self.store.before_event = self._displays_note_state
        # The scenario gives the home; its scripted events do not run by themselves in a trial
        # (at ×60 an evening's top-up would land in the middle of someone's task): the tasks'
        # setups make situations, and the console offers the script's events on demand.
        self.home = EmulatedHome(home_spec(study.scenario, speed=speed, history_days=history_days))
        log = self.home.hub.device_log
        for ieee in (*REMOTE_DISPLAYS, EMBEDDED_DISPLAYS["ihd"]):
            log.add(t.EUI64.convert(ieee), new_install_code(), DeviceType.IHD)
        self.install_codes = {
            ieee: log.entries[t.EUI64.convert(ieee)].install_code for ieee in REMOTE_DISPLAYS
        }
        """The random install code recorded for each participant display on another screen,
        which it proves on every connection (shown in the console for the researcher)."""
        self.conductor = Conductor(study, self.store, self.home)
        self.conductor.on_participant = self._participant_changed
        self.conductor.on_variant = lambda variant: apply_variant(
            study, self.displays.values(), variant
        )
        # As serve does: every display proves the link key of its install code.
        self.server = AirServer(
            self.home.air, announce=LOGGER.info, install_code_of=log.install_code_of
        )
        self.listen = listen
        self.address = ""
        self.displays: dict[str, RunningApp] = {}
        if embed:
            for kind in study.displays:
                options = Options(
                    mode=kind, trial_db=db, participant="", size=display_size, speed=1.0
                )
                source = EmulatorSource(
                    self.home, display_ieee=EMBEDDED_DISPLAYS[kind], runs_home=False
                )
                history = default_history_path().with_name(f"trial-{kind}-history.sqlite3")
                self.displays[kind] = RunningApp(options, source=source, history_path=history)
        self.window: ConsoleWindow | None = None
        self._home_task: asyncio.Task[None] | None = None

    async def start(self) -> ConsoleWindow:
        application = QApplication.instance()
        assert isinstance(application, QApplication)
        application.setQuitOnLastWindowClosed(False)
        try:
            host, port = await self.server.start(*self.listen)
        except OSError:  # the usual port is taken (a serve running): any free one will do
            host, port = await self.server.start(self.listen[0], 0)
        self.address = f"tcp://{host}:{port}"
        self._home_task = asyncio.get_running_loop().create_task(self.home.run(), name="trial-home")
        for display in self.displays.values():
            window = await display.start()
            window.move(40, 40)
        panel = DisplaysPanel(
            self.store,
            [EmbeddedDisplay(kind, self._window_of(app)) for kind, app in self.displays.items()],
            remote=lambda: sorted(self.server.displays),
        )
        self.window = ConsoleWindow(self.conductor, panel, self.attach_hint())
        self.window.resize(self.window.sizeHint().boundedTo(LAPTOP))
        self.window.show()
        return self.window

    @staticmethod
    def _window_of(app: RunningApp) -> Callable[[], QWidget | None]:
        return lambda: app.window

    def attach_hint(self) -> str:
        kinds = "|".join(self.study.displays)
        admitted = "\n".join(
            f"{ieee}  {format_install_code(code)}" for ieee, code in self.install_codes.items()
        )
        return (
            translate(
                "OperatorConsole",
                "Participant displays on other screens attach with one of these EUI-64s and its "
                "install code:\npython -m app --mode %1 --source %2 --display-ieee EUI64 "
                "--install-code CODE --trial %3 --participant ID\n%4",
            )
            .replace("%1", kinds)
            .replace("%2", self.address)
            .replace("%3", str(self.db))
            .replace("%4", admitted)
        )

    def _displays_note_state(self, kind: str) -> None:
        for display in self.displays.values():
            display.recording.note_state(kind)

    def _participant_changed(self, participant: str) -> None:
        """The console's displays record under the new participant, who starts on the home
        screen (not where the last one left off)."""
        for display in self.displays.values():
            display.recording.participant = participant
            go_home = getattr(display.window.view, "go_home", None) if display.window else None
            if go_home is not None and participant:
                go_home()

    async def stop(self) -> None:
        if self.conductor.sitting is not None:
            self.conductor.finish_participant()
        for display in self.displays.values():
            await display.stop()
        await self.server.close()
        if self._home_task is not None:
            self._home_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._home_task
        self.home.close()
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
        self.store.close()


def run(options: Options) -> int:
    logging.basicConfig(
        level=logging.INFO if options.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    assert options.study is not None
    try:
        study = load_study(options.study, scenario=options.scenario)
    except StudyError as error:  # the study read well, but not on the home asked for
        print(f"{program_name('app')}: {error}", file=sys.stderr)
        return 2
    db = options.trial_db or default_db(study)
    private_folder(db.parent)  # participants' records: the trial team's alone
    qt_messages.install()
    application = QApplication.instance() or QApplication(sys.argv[:1])
    application.setApplicationName("SMETS consumer suite – trial console")
    qt_gc.collect_on_qt_thread()
    try:
        return int(qasync.run(_run_console(study, db, options)))
    except TrialStoreError as error:
        print(f"{program_name('app')}: {error}", file=sys.stderr)
        return 2


async def _run_console(study: Study, db: Path, options: Options) -> int:
    console = OperatorConsole(study, db, speed=options.speed)
    window = await console.start()
    print(f"trial console: {study.id}, recording to {db}; displays attach at {console.address}")
    try:
        waits: list[asyncio.Future[object]] = [asyncio.ensure_future(window.closed.wait())]
        if options.quit_after_s is not None:
            waits.append(asyncio.ensure_future(asyncio.sleep(options.quit_after_s)))
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        for wait in waits:
            wait.cancel()
        await asyncio.gather(*waits, return_exceptions=True)
    finally:
        await console.stop()
    return 0
