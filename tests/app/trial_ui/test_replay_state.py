"""What the display records for its replay beyond the model – its clocks, with every write, and
what its screens drew from elsewhere (the History chart's bars) – and how a replay uses them: the
screen given its state again, the caption telling the home's time on a GB clock."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.host.held_clock import HeldClock
from app.host.window import HostWindow
from app.settings.display_settings import DisplaySettings
from app.trial.display_clock import CLOCK, DisplayClock
from app.trial.display_state import DISPLAY, DisplayState
from app.trial.model_state import HOME, model_parts
from app.trial.replay_timeline import Moment
from app.trial.store import EventRow, TrialStore
from app.trial_ui.participant_recording import ParticipantRecording
from app.trial_ui.replay import (
    Frame,
    Replayer,
    caption_lines,
    home_clock,
    show_recorded_screens,
)
from app.trial_ui.state_recorder import StateRecorder
from app.ui.model_page import ModelPage
from han.model import Field, HanClock, HomeModel, ModelChange


class ChartScreen(QWidget):
    """A screen that draws from more than the model, as the History screen does."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("ihd-history")
        self.state = "day"

    def recorded_state(self) -> str:
        return self.state

    def show_recorded_state(self, text: str) -> None:
        self.state = text


def test_every_write_carries_the_displays_clocks_and_the_screens_it_drew(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    chart = ChartScreen(window)
    model = HomeModel()
    model.han_clock = HanClock(1_000.0, 100.0, 60.0)
    display_now = [101.0]
    written: list[dict[str, str]] = []
    recorder = StateRecorder(
        window, "ihd", model, DisplaySettings(), lambda: "P01",
        lambda _who, parts: written.append(parts), HeldClock(lambda: display_now[0]),
    )  # fmt: skip
    recorder.flush()
    assert {DISPLAY, HOME, CLOCK, "screen:ihd-history"} <= set(written[-1])
    assert DisplayClock.read(written[-1][CLOCK]) == DisplayClock(101.0, 1_060.0, 60.0)
    assert written[-1]["screen:ihd-history"] == "day"

    display_now[0] = 102.0  # an event with nothing changed: the moment's clocks still go down
    recorder.flush()
    assert set(written[-1]) == {CLOCK}
    assert DisplayClock.read(written[-1][CLOCK]).display_s == 102.0

    chart.state = "week"
    recorder.flush()
    assert set(written[-1]) == {CLOCK, "screen:ihd-history"}
    recorder.stop()


def test_a_replayed_screen_is_given_what_it_drew(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    chart = ChartScreen(window)
    show_recorded_screens(window, {"screen:ihd-history": "week", "screen:other": "x"})
    assert chart.state == "week"
    show_recorded_screens(window, {})  # an older record: the screen shows what it reads itself
    assert chart.state == "week"


def test_a_caption_tells_the_homes_time_on_a_gb_clock_not_the_studys() -> None:
    summer = 1_782_907_200.0  # 2026-07-01 12:00 UTC: 13:00 BST
    winter = 1_768_478_400.0  # 2026-01-15 12:00 UTC: 12:00 GMT
    assert home_clock(summer) == "1 Jul 13:00:00"
    assert home_clock(winter) == "15 Jan 12:00:00"
    detail = json.dumps({"x": 1, "y": 2})
    event = EventRow(1, 1, None, "P01", 50.0, "display:ihd", "tap", "", detail)
    # The study ran on the wall clock (``now``); the display showed an emulated home's time.
    moment = Moment(event, 1_800_000_000.0, "ihd-home", {}, "task 1 of 2: cost-now", han_s=summer)
    first, second = caption_lines(Frame(moment, QImage(), summer), "P01")
    assert first == "P01 · 1 Jul 13:00:00 · task 1 of 2: cost-now"
    assert second == "tap on no control (a miss)"


def test_at_an_event_the_page_on_show_judges_at_the_very_time_written(qtbot: QtBot) -> None:
    """On a home run ×60 a millisecond is a HAN second: the page's ages and the written clock
    must come from one reading, or the replay says "79 s old" where the screen said "80 s"."""
    readings = iter(float(n) for n in range(100, 200))
    clock = HeldClock(lambda: next(readings))
    window = QWidget()
    qtbot.addWidget(window)
    model = HomeModel()
    judged: list[float] = []

    class AgesPage(ModelPage):
        tick_ms = 1000

        def refresh(self) -> None:
            judged.append(clock())

    page = AgesPage(model, window)
    window.show()
    qtbot.waitExposed(window)
    written: list[dict[str, str]] = []
    recorder = StateRecorder(
        window, "ihd", model, DisplaySettings(), lambda: "P01",
        lambda _who, parts: written.append(parts), clock,
    )  # fmt: skip
    model.announce(ModelChange(None, frozenset({Field.LINK})))  # a redraw asked for, not run
    recorder.at_event()
    assert DisplayClock.read(written[-1][CLOCK]).display_s == judged[-1]
    assert page.ticker.remainingTime() > 900  # its next tick a whole interval after
    qtbot.wait(50)  # the redraw asked for before is not run after: the page stays as written
    assert DisplayClock.read(written[-1][CLOCK]).display_s == judged[-1]
    recorder.stop()
    page.close()


def test_only_an_event_shown_as_a_frame_has_the_page_judge_afresh(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A control's press comes just after its tap and is no frame of its own: the replay shows
    the tap's frame for it, so the screen must stay as judged at the tap."""
    clock = HeldClock(iter(float(n) for n in range(100, 200)).__next__)
    window = QWidget()
    qtbot.addWidget(window)
    model = HomeModel()
    judged: list[float] = []

    class AgesPage(ModelPage):
        def refresh(self) -> None:
            judged.append(clock())

    page = AgesPage(model, window)
    window.show()
    qtbot.waitExposed(window)
    recording = ParticipantRecording(TrialStore(tmp_path / "trial.sqlite"), "P01", "display:ihd")
    recording.watch(window, model, DisplaySettings(), clock)
    recording.record("tap", "", json.dumps({"x": 1, "y": 2}))
    after_tap = list(judged)
    recording.record("control", "Now")
    assert judged == after_tap
    recording.record("screen", "ihd-home")
    assert len(judged) == len(after_tap) + 1
    recording.close()
    page.close()


def test_at_an_event_the_corner_clock_tells_the_time_written(qtbot: QtBot) -> None:
    """On a home run ×60 the corner's minute changes every wall second: at an event it is told
    at the instant the state is written, so the replay's corner (drawn at that time) is the same."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from app.host.context import ExperienceContext, Silent
    from app.host.window import HostWindow
    from ihd.shell import IhdShell
    from tests.ihd.conftest import NOW, dual_fuel_home, paired

    readings = iter(NOW + n for n in range(1000))  # each reading a wall second (a HAN minute) on
    clock = HeldClock(lambda: float(next(readings)))
    model = dual_fuel_home()
    model.han_clock = HanClock(NOW, NOW, rate=60.0)
    settings = DisplaySettings()
    shell = IhdShell(
        ExperienceContext(model, now=clock, devices=paired, settings=settings, sound=Silent())
    )
    window = HostWindow("In-Home Display", shell, (800, 480), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    written: list[dict[str, str]] = []
    recorder = StateRecorder(
        window, "ihd", model, settings, lambda: "P01",
        lambda _who, parts: written.append(parts), clock,
    )  # fmt: skip
    recorder.at_event()
    han_s = DisplayClock.read(written[-1][CLOCK]).han_s
    assert han_s is not None
    told = datetime.fromtimestamp(han_s, ZoneInfo("Europe/London")).strftime("%H:%M")
    assert shell.clock.text() == told
    recorder.stop()
    shell.close()
    window.close()


def test_a_drawn_moment_leaves_no_window_behind() -> None:
    # The replay and report commands draw moment after moment and never run an event loop: a
    # window left for one to delete would keep every frame's whole display alive till the end.
    event = EventRow(1, 1, None, "P01", 50.0, "display:ihd", "screen", "ihd-home", "")
    display = DisplayState("ihd", (800, 480), DisplaySettings()).text()
    parts = {DISPLAY: display, **model_parts(HomeModel())}
    before = set(QApplication.topLevelWidgets())
    Replayer().draw(Moment(event, 1_800_000_000.0, "ihd-home", parts, ""))
    left = [w for w in QApplication.topLevelWidgets() if w not in before]
    assert not [w for w in left if isinstance(w, HostWindow)]
