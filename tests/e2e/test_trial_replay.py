"""A session replayed from the record alone looks as the display looked at the same moments.

A simulated participant uses the console's IHD (real Qt clicks: the navigation, a tap on the
readings that hits no control, a week's bars on History, the researcher's task buttons); after each step the test grabs the
live window and notes the record's latest event. The home is held still during each step, so no
reading arrives between an event and its grab (a step during which the display's own poll was
answered is not compared, and at most two may be). The replay then draws every moment from the
record alone – a fresh display built on the recorded model state – and each noted moment's frame
must equal the live grab pixel for pixel, the navigation bar's clock included (at each event the
display tells the time of that instant, on a home run sixty times faster than real time, and
records it). Freshness is judged on the display's own clock and HAN pace as recorded, so a
replayed reading is out of date exactly when the live one was.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import shutil
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.trial.display_state import DISPLAY
from app.trial.model_state import model_parts
from app.trial.replay_timeline import find_session, moments
from app.trial.store import TrialStore
from app.trial.study import STUDY_DIR, parse_study
from app.trial_ui import report_command
from app.trial_ui.console_host import OperatorConsole
from app.trial_ui.replay import Replayer
from han.model import Fuel
from ihd.history.screen import HistoryScreen
from ihd.pages.home import HomeScreenView
from ihd.shell import IhdShell
from ihd.view_models.history import Span
from tests.app.trial.hand_clock import HandClock, until
from tests.ihd.screen_of import screen_of

pytestmark = pytest.mark.e2e


def click(qtbot: QtBot, widget: QWidget, at: QPoint | None = None) -> None:
    assert widget.isVisible(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=at or widget.rect().center())


def differing_rows(live: QImage, replayed: QImage) -> list[int]:
    """The rows where the two images differ."""
    assert live.size() == replayed.size()
    a, b = (bytes(image.constBits()) for image in (live, replayed))
    line = live.bytesPerLine()
    return [
        y
        for y in range(live.height())
        if a[y * line : (y + 1) * line] != b[y * line : (y + 1) * line]
    ]


async def test_replayed_frames_equal_the_live_screens_at_the_same_moments(
    qtbot: QtBot, tmp_path: Path
) -> None:
    text = (STUDY_DIR / "ihd-money-or-energy.toml").read_text(encoding="utf-8")
    study = parse_study(text, tmp_path / "ihd-money-or-energy.toml")
    (tmp_path / "ihd-money-or-energy.toml").write_text(text, encoding="utf-8")
    db = tmp_path / "trial.sqlite"
    clock = HandClock(90_000.0)
    console = OperatorConsole(
        study, db, speed=60, history_days=1, listen=("127.0.0.1", 0), now=clock
    )
    window = await console.start()
    display = console.displays["ihd"]
    assert display.window is not None
    live_window = display.window
    ihd = live_window.view
    assert isinstance(ihd, IhdShell)
    home = screen_of(ihd, ihd.home_key, HomeScreenView)
    live: dict[int, QImage] = {}
    moved: list[int] = []
    spot = QPoint()

    def photograph() -> None:
        """The live window now, under the record's latest event."""
        latest = console.store.latest_events(1)[0].id
        live[latest] = live_window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)

    try:
        await until(lambda: home.pages.currentIndex() == 1, 60)
        gas = [m for m in display.model.meters.values() if m.fuel is Fuel.GAS]
        await until(lambda: any(m.tariff.unit_price_gbp_per_kwh for m in gas), 60)
        await asyncio.sleep(1.0)  # the display's first reads answered

        async def step(action: Callable[[], None]) -> None:
            """One action, photographed with the home held still (no reading arrives between
            the action's event and its photograph); the home runs on between steps."""
            console.home.clock.pause()
            # Frames already on the air land, and the screen shows them (its clock ticks each second).
            await asyncio.sleep(1.2)
            before = model_parts(display.model)
            action()
            await asyncio.sleep(0.1)  # the display settles (the loop runs Qt's events too)
            if model_parts(display.model) == before:
                photograph()
            else:  # the display's own poll was answered meanwhile: not the recorded moment
                moved.append(len(live))
            console.home.clock.resume()
            await asyncio.sleep(0.2)

        window.tasks.participant.setCurrentText("P01")
        await step(lambda: click(qtbot, window.tasks.start_participant))
        await step(lambda: click(qtbot, window.tasks.start_task))  # cost-now, under "money"
        # The big number is no control: a miss.
        spot = home.cost_per_hour.mapTo(live_window, QPoint(4, 4))
        await step(lambda: click(qtbot, home.cost_per_hour, QPoint(4, 4)))
        # History: a range chosen, its bars read from the display's history store (which the
        # replay does not have); a tap on the chart's title (no control) is the moment compared.
        click(qtbot, ihd.nav.buttons["history"])
        history = screen_of(ihd, "history", HistoryScreen)
        click(qtbot, history.span_buttons[Span.WEEK])
        await history.loaded()
        await asyncio.sleep(0.3)
        await step(lambda: click(qtbot, history.title, QPoint(4, 4)))
        await step(lambda: click(qtbot, ihd.nav.buttons["messages"]))
        await step(lambda: click(qtbot, ihd.nav.buttons[ihd.home_key]))
        click(qtbot, window.tasks.success)  # a task marker in the replay (not photographed)
        await asyncio.sleep(0.2)
    finally:
        console.home.clock.resume()
        await console.stop()

    record = TrialStore(db)
    try:
        session = find_session(record, "P01")
        found = moments(record, session, "ihd")
        taps = [e for e in record.events(session_id=session.id) if e.kind == "tap"]
    finally:
        record.close()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600  # the record stays the team's alone

    # Taps are recorded with where they landed, and what (if anything) they hit.
    ihd_taps = [t for t in taps if t.source == "display:ihd"]
    assert len(ihd_taps) == 6
    assert [bool(t.target) for t in ihd_taps] == [False, True, True, False, True, True]
    miss = json.loads(ihd_taps[0].detail)
    assert ihd_taps[0].target == ""
    assert miss["screen"] == "ihd-home"
    assert (miss["x"], miss["y"]) == (spot.x(), spot.y())
    assert all(DISPLAY in m.parts for m in found)

    frames = {frame.moment.event.id: frame for frame in Replayer().frames(found)}
    compared = 0
    for event_id, image in live.items():
        frame = frames.get(event_id)
        if frame is None:  # a console event after the display's last frame kind
            frame = frames[max(i for i in frames if i < event_id)]
        rows = differing_rows(image, frame.screen)
        if rows:
            image.save(str(tmp_path / f"live-{event_id}.png"))
            frame.screen.save(str(tmp_path / f"replay-{event_id}.png"))
        assert rows == [], (
            f"event {event_id} ({frame.moment.caption}): rows {rows[:3]}…{rows[-3:]}, {tmp_path}"
        )
        compared += 1
    assert compared == len(live) >= 5
    # The week's bars came with the record, not from the display's store.
    chart = json.loads(frames[ihd_taps[3].id].moment.parts["screen:ihd-history"])
    assert (chart["span"], len(chart["series"]["values"])) == ("week", 7)
    assert len(moved) <= 2
    kinds = {frames[i].moment.event.kind for i in frames}
    assert {"tap", "screen", "task_start", "task_end"} <= kinds

    # The CLI writes a contact sheet (and a video where ffmpeg is installed), owner-only.
    sheet = tmp_path / "out" / "sheet.png"
    argv = ["replay", str(db), "--participant", "P01", "--display", "ihd"]
    assert report_command.main([*argv, "--contact-sheet", str(sheet)]) == 0
    assert QImage(str(sheet)).width() > 1000
    assert stat.S_IMODE(sheet.stat().st_mode) == 0o600
    if shutil.which("ffmpeg") is None:
        pytest.skip("ffmpeg is not installed here (CI installs it): the video was not tried")
    video = tmp_path / "out" / "replay.mp4"
    assert report_command.main([*argv, "--video", str(video)]) == 0
    assert video.read_bytes()[4:8] == b"ftyp"
    with contextlib.closing(sqlite3.connect(db)) as raw:
        assert raw.execute("SELECT COUNT(*) FROM model_states").fetchone()[0] > 0
