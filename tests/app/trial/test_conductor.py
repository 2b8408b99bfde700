"""The conductor on a real emulated home (no displays): setups, vending, conditions judged on the
home, time limits, the researcher's verdicts – and all of it in the record."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.trial.conditions import observe
from app.trial.conductor import Conductor, Sitting, TrialStateError
from app.trial.home_controls import Injection
from app.trial.store import TrialStore
from app.trial.study import load_study, parse_study
from home_emulator.devices.esme import SUPPLY_ARMED, SUPPLY_OFF
from home_emulator.metering.credit_engine import CreditEngine, EmergencyCredit
from home_emulator.scenario.home_builder import build_home
from tests.app.trial.hand_clock import HandClock


@pytest.fixture
def clock() -> HandClock:
    """The trial record's clock, which the test moves on (the conductor's store reads it)."""
    return HandClock(5_000.0)


@pytest.fixture
def conductor(tmp_path: Path, clock: HandClock) -> Iterator[Conductor]:
    study = load_study("prepay-basics")
    home = build_home(study.scenario, history_days=2)
    store = TrialStore(tmp_path / "t.sqlite", now=clock)
    yield Conductor(study, store, home)
    store.close()
    home.close()


def _sitting(conductor: Conductor) -> Sitting:
    sitting = conductor.sitting
    assert sitting is not None, "no participant is sitting"
    return sitting


def _engine(engine: CreditEngine | None) -> CreditEngine:
    assert engine is not None, "the meter is not on prepayment"
    return engine


def test_a_vended_code_entered_at_the_meter_ends_the_task_as_a_success(
    conductor: Conductor, clock: HandClock
) -> None:
    conductor.start_participant("P01")
    running = conductor.start_task("top-up")
    home = conductor.home
    assert observe(home).balance_pence == 180  # the task's setup: low credit
    assert running.code is not None
    assert conductor.poll() is None
    clock.now += 42
    assert home.esme.prepay.top_up(running.code)[0] == 0  # at the meter's own keypad
    assert conductor.poll() == "success"
    assert _sitting(conductor).times_s["top-up"] == 42
    assert home.esme.prepay.top_up(running.code)[0] == 2  # the same code again: already used
    second = conductor.vend(10)
    assert second != running.code
    assert home.esme.prepay.top_up(second)[0] == 0


def test_a_task_runs_out_of_time(conductor: Conductor, clock: HandClock) -> None:
    conductor.start_participant("P02")
    conductor.start_task("emergency-credit")
    assert _engine(conductor.home.esme.prepay.engine).emergency_credit is EmergencyCredit.AVAILABLE
    clock.now += 119
    assert conductor.poll() is None
    clock.now += 1
    assert conductor.poll() == "timeout"
    [run] = conductor.store.task_runs(_sitting(conductor).session_id)
    assert (run.outcome, run.note) == ("timeout", "time limit 120 s")


def test_the_researcher_judges_what_the_home_cannot_show(conductor: Conductor) -> None:
    conductor.start_participant("P03")
    conductor.start_task("yesterday")
    assert conductor.poll() is None
    conductor.judge(False)
    with pytest.raises(TrialStateError, match="no task is running"):
        conductor.judge(True)
    conductor.start_task("message")
    conductor.skip()
    sitting = _sitting(conductor)
    assert sitting.outcomes == {"yesterday": "failure", "message": "skipped"}
    assert sitting.next_task() == "emergency-credit"  # P03's order goes on


def test_injections_and_a_supply_turned_back_on(tmp_path: Path) -> None:
    text = """
title = "Supply"
scenario = "pensioner-prepay"
participants = ["P01"]
[[tasks]]
id = "supply"
instruction = "Turn the electricity back on."
success = { kind = "supply_on" }
"""
    study = parse_study(text, tmp_path / "supply.toml")
    home = build_home(study.scenario, history_days=2)
    store = TrialStore(tmp_path / "t.sqlite")
    conductor = Conductor(study, store, home)
    try:
        conductor.start_participant("P01")
        assert "disconnected" in conductor.inject(Injection.DISCONNECT)
        assert home.esme.supply_status == SUPPLY_OFF
        assert "re-armed" in conductor.inject(Injection.REARM)
        assert home.esme.supply_status == SUPPLY_ARMED
        conductor.start_task()
        assert conductor.poll() is None
        home.esme.enable_supply_locally()  # the meter's button, held
        assert conductor.poll() == "success"
        assert "price now £0.2695/kWh" in conductor.inject(Injection.PRICE_RISE)
        assert conductor.inject(Injection.NO_CREDIT) == "electricity credit set to £0.60"
        kinds = [(e.kind, e.target) for e in store.events() if e.source == "console"]
        assert ("inject", "disconnect") in kinds
        assert ("inject", "price_rise") in kinds
    finally:
        store.close()
        home.close()


def test_a_success_that_already_holds_at_the_start_is_flagged(tmp_path: Path) -> None:
    text = """
title = "Emergency credit, carelessly set up"
scenario = "pensioner-prepay"
participants = ["P01", "P02"]
[[tasks]]
id = "emergency-credit"
instruction = "Turn on emergency credit."
success = { kind = "emergency_credit_active" }
[[tasks.setup]]
kind = "low_credit"
credit = "0.60"
"""
    study = parse_study(text, tmp_path / "careless.toml")
    home = build_home(study.scenario, history_days=2)
    store = TrialStore(tmp_path / "t.sqlite")
    conductor = Conductor(study, store, home)
    try:
        conductor.start_participant("P01")
        conductor.start_task()
        assert _engine(home.esme.prepay.engine).activate_emergency_credit()
        assert conductor.poll() == "success"
        conductor.start_participant("P02")  # still in use: the setup does not undo it
        conductor.start_task()
        warnings = [e for e in store.events() if e.kind == "warning"]
        assert [(e.participant, e.detail) for e in warnings] == [
            ("P02", "success condition already holds at the start")
        ]
    finally:
        store.close()
        home.close()


def test_a_screen_the_participant_reached_ends_the_task(tmp_path: Path) -> None:
    text = """
title = "Find the history"
scenario = "pensioner-prepay"
participants = ["P01"]
[[tasks]]
id = "history"
display = "ihd"
instruction = "Find what you used last week."
success = { kind = "screen_shown", screen = "ihd-history" }
"""
    study = parse_study(text, tmp_path / "history.toml")
    home = build_home(study.scenario, history_days=2)
    store = TrialStore(tmp_path / "t.sqlite")
    display = TrialStore(tmp_path / "t.sqlite")  # the IHD's own connection
    conductor = Conductor(study, store, home)
    try:
        conductor.start_participant("P01")
        conductor.start_task()
        display.record("P01", "display:ihd", "screen", "ihd-tariff")
        assert conductor.poll() is None
        display.record("P02", "display:ihd", "screen", "ihd-history")  # not this participant
        assert conductor.poll() is None
        display.record("P01", "display:ihd", "screen", "ihd-history")
        assert conductor.poll() == "success"
    finally:
        display.close()
        store.close()
        home.close()
