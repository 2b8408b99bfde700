"""A participant display run as its own process is replayed as it looked at the console's events.

Such a display (``--source tcp://… --trial FILE --participant ID``) is not told of the console's
events: it writes what it shows only when its model moves or the participant acts. Here the IHD
is attached to the console's home over TCP as in ``test_trial_remote_participant.py`` – its own
connection to the record, its own model and clock, nothing of the console's reaching it but the
air – the home is paused just after the display read the hub's time, so that it writes nothing
for seconds while its clock still runs at the pace it measured, and the researcher then starts a
task. At that moment the test has the display judge and draw itself as its own ticks
would (the pages on show and the corner clock) and grabs it; the console stamps the task's start
on the same wall clock, held for that instant, as both stamp on ``time.time`` in a study. The
replay, from the record alone, must draw the task's start pixel for pixel as that grab – its ages,
"out of date" and clock carried on from the display's last note – and differently from that note.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from app.host.held_clock import HeldClock
from app.host.running import RunningApp
from app.settings.options import Options
from app.trial.display_clock import CLOCK, DisplayClock
from app.trial.replay_timeline import find_session, moments
from app.trial.store import TrialStore
from app.trial.study import load_study
from app.trial_ui.console_host import REMOTE_DISPLAYS, OperatorConsole
from app.trial_ui.replay import Replayer
from app.ui.model_page import ModelPage
from han.model import Fuel, HanClock, HomeModel
from ihd.pages.home import HomeScreenView
from ihd.shell import IhdShell
from tests.ihd.screen_of import screen_of

pytestmark = pytest.mark.e2e

QUIET_S = 2.0
"""How long the display has written nothing before the task starts: two HAN minutes at ×60."""
TIME_READ_S = 5.0
"""How often a display reads the hub's time (``han.links.hub_link``)."""


def measured(clock: HanClock | None) -> bool:
    """Whether the display has measured the home's pace (×60), not still believing ×1."""
    return clock is not None and clock.rate_checked and clock.rate > 30


async def a_quiet_display(console: OperatorConsole, model: HomeModel) -> int:
    """Pause the home just after the display read the hub's time, and wait until it has written
    nothing for ``QUIET_S`` while still following the HAN's clock at the pace it measured (its
    next time reading would find the pause). Returns its latest write."""
    loop = asyncio.get_running_loop()
    for _attempt in range(4):
        console.home.clock.resume()
        read = model.han_clock
        await until(lambda: model.han_clock is not read, 3 * TIME_READ_S)  # noqa: B023
        console.home.clock.pause()
        read_at = loop.time()
        written, since = latest_write(console.store), loop.time()
        while loop.time() - read_at < TIME_READ_S - 1.5:
            await asyncio.sleep(0.05)
            if latest_write(console.store) != written:
                written, since = latest_write(console.store), loop.time()
        if loop.time() - since >= QUIET_S and measured(model.han_clock):
            return written
    raise AssertionError("the display never went quiet between two time readings")


async def until(condition: Callable[[], bool], timeout_s: float = 30.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - what a person would see, polled
            await asyncio.sleep(0.02)


def latest_write(store: TrialStore) -> int:
    return int(store.query("SELECT COALESCE(MAX(id), 0) FROM model_states")[0][0])


async def test_a_console_event_is_replayed_as_a_separate_display_showed_it(
    tmp_path: Path,
) -> None:
    db = tmp_path / "trial.sqlite"
    console = OperatorConsole(
        load_study("ihd-money-or-energy"),
        db,
        speed=60,
        history_days=1,
        listen=("127.0.0.1", 0),
        embed=False,
    )
    await console.start()
    options = Options(
        mode="ihd",
        source=console.address,
        display_ieee=REMOTE_DISPLAYS[0],
        install_code=console.install_codes[REMOTE_DISPLAYS[0]],
        trial_db=db,
        participant="P01",
    )
    display = RunningApp(options, history_path=tmp_path / "history.sqlite3")
    try:
        live_window = await display.start()
        ihd = live_window.view
        assert isinstance(ihd, IhdShell)
        clock = ihd.context.now
        assert isinstance(clock, HeldClock)  # the display's own clock, held for one instant
        home = screen_of(ihd, ihd.home_key, HomeScreenView)
        await until(lambda: home.pages.currentIndex() == 1, 60)
        gas = [m for m in display.model.meters.values() if m.fuel is Fuel.GAS]
        await until(lambda: any(m.tariff.unit_price_gbp_per_kwh for m in gas), 60)
        console.conductor.start_participant("P01")

        await until(lambda: measured(display.model.han_clock), 60)
        written = await a_quiet_display(console, display.model)
        with clock.held() as moment:
            # As its ticks would at this instant: the screens on show judge, the corner clock.
            for page in live_window.findChildren(ModelPage):
                if page.isVisible():
                    page.refresh_now()
            ihd._tick()
            live = live_window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
            console.store.now = clock  # one wall clock, as in a study; held for this instant
            console.conductor.start_task()
        console.store.now = HeldClock()
        assert latest_write(console.store) == written  # the display was told nothing
        han_then = display.model.han_now(moment)
    finally:
        console.home.clock.resume()
        await display.stop()
        await console.stop()

    record = TrialStore(db)
    try:
        found = moments(record, find_session(record, "P01"), "ihd")
        [note] = [
            row
            for row in record.states("P01", "display:ihd")
            if row.part == CLOCK and row.id <= written
        ][-1:]
    finally:
        record.close()
    [start] = [m for m in found if m.event.kind == "task_start"]
    assert start.event.at == moment
    noted = DisplayClock.read(note.state)
    assert not noted.for_event
    assert moment - noted.display_s >= QUIET_S
    assert noted.rate > 30  # two HAN minutes and more on the display's clock
    # Carried by the record's stamps, each taken a few microseconds after the clock it stamps.
    assert start.now == pytest.approx(moment, abs=0.01)
    assert start.han_s == pytest.approx(han_then, abs=0.01 * 60)

    replayer = Replayer()
    [frame] = replayer.frames([start])
    if frame.screen != live:
        live.save(str(tmp_path / "live.png"))
        frame.screen.save(str(tmp_path / "replay.png"))
    assert frame.screen == live, f"the replayed task start differs from the live screen: {tmp_path}"
    # Drawn as at the display's last note, the moment would not look as it did.
    as_noted = dataclasses.replace(start, now=noted.display_s, han_s=noted.han_s)
    assert replayer.draw(as_noted) != live
