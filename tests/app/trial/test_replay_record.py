"""What a replay is made from: the model written in parts and read back whole, and the moments a
session's record gives – each with the state the display had written before it."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from app.settings.display_settings import DisplaySettings, Presentation
from app.trial.display_clock import CLOCK, DisplayClock
from app.trial.display_state import DISPLAY, DisplayState
from app.trial.model_state import HOME, model_parts, restore_model
from app.trial.replay_timeline import find_session, moments
from app.trial.store import TrialStore
from han.clusters.prepayment import CreditStatus
from han.domain.credit import PaymentMode
from han.freshness import out_of_date
from han.model import (
    AmbientLevel,
    HanClock,
    HomeModel,
    LinkState,
    Measured,
    MeterKey,
    SupplierMessage,
)


def a_model() -> HomeModel:
    model = HomeModel()
    meter = model.meter(MeterKey("00:11", 1))
    meter.demand_kw = Measured(Decimal("0.321"), 100.0)
    meter.ambient = Measured(AmbientLevel.HIGH, 100.0)
    meter.tier_import_kwh = {1: Measured(Decimal("12.5"), 90.0)}
    meter.credit.mode = Measured(PaymentMode.PREPAYMENT, 80.0)
    meter.credit.flags = Measured(CreditStatus(0x05), 80.0)
    model.link = LinkState.CONNECTED
    model.han_clock = HanClock(1_000.0, 100.0, 60.0)
    model.messages[7] = SupplierMessage(7, "Hello", "high", True, 50.0)
    return model


def test_a_model_read_back_from_its_parts_is_the_model() -> None:
    model = a_model()
    parts = model_parts(model)
    assert set(parts) == {HOME, "meter:00:11/1"}
    again = restore_model(parts)
    assert again.meters == model.meters
    assert again.messages == model.messages
    assert (again.link, again.han_clock) == (model.link, model.han_clock)
    assert model_parts(again) == parts


def test_display_settings_read_back() -> None:
    settings = DisplaySettings(theme="large", language="cy")
    settings.set_presentation(Presentation(lead_with="energy", ambient=False))
    settings.set_budget("week", Decimal("20"))
    state = DisplayState.read(DisplayState("ihd", (800, 480), settings).text())
    assert (state.mode, state.size) == ("ihd", (800, 480))
    assert state.settings.presentation == settings.presentation
    assert state.settings.budget_gbp("week") == Decimal("20")
    assert (state.settings.theme, state.settings.language) == ("large", "cy")


def test_each_moment_has_the_state_written_before_it(tmp_path: Path) -> None:
    store = TrialStore(tmp_path / "trial.sqlite")
    display = DisplayState("ihd", (800, 480), DisplaySettings()).text()
    model = a_model()
    store.record_states("P01", "display:ihd", {DISPLAY: display, **model_parts(model)})
    session = store.open_session("study", "P01", ["cost-now"])
    run = store.start_task(session, "cost-now", 1)
    store.record(
        "P01", "display:ihd", "tap", "", json.dumps({"x": 5, "y": 6, "screen": "ihd-home"})
    )
    model.meters[MeterKey("00:11", 1)].demand_kw = Measured(Decimal("2.5"), 110.0)
    store.record_states("P01", "display:ihd", model_parts(model))
    store.record("P01", "display:ihd", "screen", "ihd-messages")
    store.end_task(run, "success")
    store.close_session(session)
    found = moments(store, find_session(store, "P01"), "ihd")
    store.close()
    assert [m.event.kind for m in found] == [
        "session_start",
        "task_start",
        "tap",
        "screen",
        "task_end",
    ]
    tap = found[2]
    assert tap.tap is not None
    assert tap.tap.missed
    assert (tap.tap.x, tap.tap.y) == (5, 6)
    assert tap.task == "task 1 of 1: cost-now"
    demand = [restore_model(dict(m.parts)).meters[MeterKey("00:11", 1)].demand_kw for m in found]
    assert [d.value for d in demand if d] == [Decimal("0.321")] * 3 + [Decimal("2.5")] * 2
    assert found[3].screen == "ihd-messages"


def test_a_session_starts_on_the_displays_first_write_not_on_those_after_it(
    tmp_path: Path,
) -> None:
    """The display writes what it shows a new participant just after their session starts; the
    writes it makes while the home runs on before the next event belong to no earlier moment."""
    display_clock = iter([500.0, 502.0])
    store = TrialStore(tmp_path / "trial.sqlite", now=lambda: 90_000.0)  # the console's clock
    display = DisplayState("ihd", (800, 480), DisplaySettings()).text()
    store.open_session("study", "P01", ["cost-now"])
    model = a_model()
    model.han_clock = HanClock(1_000.0, 499.0, 1.0)  # one reading: the pace not yet measured
    first = {DISPLAY: display, **model_parts(model)}
    first[CLOCK] = DisplayClock.of(model, next(display_clock)).text()
    store.record_states("P01", "display:ihd", first)
    store.now = lambda: 90_001.0
    model.han_clock = HanClock(1_180.0, 502.0, 60.0, 1_000.0, 499.0, rate_checked=True)
    later = {**model_parts(model), CLOCK: DisplayClock.of(model, next(display_clock)).text()}
    store.record_states("P01", "display:ihd", later)
    store.record("P01", "display:ihd", "screen", "ihd-messages")
    found = moments(store, find_session(store, "P01"), "ihd")
    store.close()
    start, screen = found
    assert start.event.kind == "session_start"
    assert restore_model(dict(start.parts)).han_clock == HanClock(1_000.0, 499.0, 1.0)
    assert (start.now, start.han_s) == (500.0, 1_001.0)
    assert restore_model(dict(screen.parts)).han_clock.rate == 60.0  # type: ignore[union-attr]
    assert (screen.now, screen.han_s) == (502.0, 1_180.0)


def test_a_moment_is_judged_on_the_displays_clock_not_the_records(tmp_path: Path) -> None:
    """Freshness is measured on the display's clock: a record kept on another clock (the
    console's, a test's) must not make a live reading look minutes old in the replay."""
    store = TrialStore(tmp_path / "trial.sqlite", now=lambda: 5_000.0)
    model = a_model()  # demand heard at 100 on the display's clock, the HAN at ×60
    meter = model.meters[MeterKey("00:11", 1)]
    meter.heard_at = 100.5
    parts = {DISPLAY: DisplayState("ihd", (800, 480), DisplaySettings()).text()}
    parts |= model_parts(model)
    parts[CLOCK] = DisplayClock.of(model, 101.0).text()
    session = store.open_session("study", "P01", ["cost-now"])
    store.record_states("P01", "display:ihd", parts)
    store.record("P01", "display:ihd", "tap", "", json.dumps({"x": 1, "y": 2}))
    found = moments(store, find_session(store, session_id=session, participant="P01"), "ihd")
    store.close()
    tap = found[-1]
    assert tap.now == 101.0
    assert tap.han_s == 1_000.0 + 1.0 * 60.0
    replayed = restore_model(dict(tap.parts))
    assert not out_of_date(replayed, replayed.meters[MeterKey("00:11", 1)], tap.now)
    assert out_of_date(replayed, replayed.meters[MeterKey("00:11", 1)], 5_000.0)


def test_the_display_clock_reads_back() -> None:
    clock = DisplayClock(12.5, 1_000.25, 59.9)
    assert DisplayClock.read(clock.text()) == clock
    assert DisplayClock.read(DisplayClock.of(HomeModel(), 3.0).text()) == DisplayClock(
        3.0, None, 1.0
    )


class Stamps:
    """The record's clock, moved by hand."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def a_console_event_after_a_quiet_display(
    tmp_path: Path, console: Stamps, *, for_event: bool = False
) -> list[float | None]:
    """A display that last wrote at 101 on its clock (stamped 101) sees the console start a task
    at ``console``'s time, then writes again at 140: the task start's (now, HAN time)."""
    display = Stamps(101.0)
    store = TrialStore(tmp_path / "trial.sqlite", now=console)
    session = store.open_session("study", "P01", ["cost-now"])
    model = a_model()  # the HAN at ×60: 1 000 at display time 100
    parts = {DISPLAY: DisplayState("ihd", (800, 480), DisplaySettings()).text()}
    parts |= model_parts(model)
    parts[CLOCK] = DisplayClock.of(model, 101.0, for_event=for_event).text()
    store.now = display
    store.record_states("P01", "display:ihd", parts)
    store.now = console
    store.start_task(session, "cost-now", 1)
    store.now = display
    display.now = 140.0
    store.record_states("P01", "display:ihd", {CLOCK: DisplayClock.of(model, 140.0).text()})
    found = moments(store, find_session(store, "P01"), "ihd")
    store.close()
    [start] = [m for m in found if m.event.kind == "task_start"]
    return [start.now, start.han_s]


def test_a_console_event_a_display_was_not_told_of_is_judged_at_its_time(tmp_path: Path) -> None:
    """A display run as its own process is not told of the console's events: its clocks are
    carried from its latest note to the event's time, the HAN's at the pace it had measured."""
    assert a_console_event_after_a_quiet_display(tmp_path, Stamps(131.0)) == [
        131.0,
        1_000.0 + 31.0 * 60.0,
    ]


def test_a_note_written_for_the_console_event_is_its_moment(tmp_path: Path) -> None:
    """The console's own displays note their state for its events: that note is the moment,
    however many milliseconds lie between the two stamps."""
    late = Stamps(101.004)
    found = a_console_event_after_a_quiet_display(tmp_path, late, for_event=True)
    assert found == [101.0, 1_060.0]


def test_stamps_on_another_clock_carry_nothing(tmp_path: Path) -> None:
    """A console stamping on a clock of its own (a test's, far from the display's) gives no
    time between the note and the event: the display's write after the event shows the stamps
    are not on one clock, and the event is judged at the note."""
    for console in (90_000.0, 50.0):
        (tmp_path / "trial.sqlite").unlink(missing_ok=True)
        found = a_console_event_after_a_quiet_display(tmp_path, Stamps(console))
        assert found == [101.0, 1_060.0]
