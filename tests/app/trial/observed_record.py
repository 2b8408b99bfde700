"""A small trial record of the bundled IHD study, coded by two observers, for the tests."""

from __future__ import annotations

from pathlib import Path

from app.trial.observations import Mark, Source, record
from app.trial.store import TrialStore
from tests.app.trial.hand_clock import HandClock

STUDY = "ihd-money-or-energy"
START = 1_767_600_000.0
UTRN = "1234 5678 9012 3456 7890"
INSTALL_CODE = "83FE D340 7A93 9723 A5C6 39FF 4C12"
OBSERVERS = ("Gwenllian Parry", "Tomos Rhys")


def observed_record(path: Path) -> Path:
    """P01 does "cost-now" (0–40 s) and "today" (50–80 s) under "money"; both observers code."""
    clock = HandClock(START)
    store = TrialStore(path, now=clock)
    session = store.open_session(STUDY, "P01", ["cost-now", "today"], ["money"])
    run = store.start_task(session, "cost-now", 1, "money")
    clock.now = START + 40
    store.end_task(run, "success", "marked by the researcher")
    clock.now = START + 50
    run = store.start_task(session, "today", 2, "money")
    clock.now = START + 80
    store.end_task(run, "failure", f"Mrs Jones read out {UTRN}")
    store.record("P01", "display:ihd", "error", "problem", f"Network {INSTALL_CODE} refused")
    store.record_answers(session, "study", {"understood": 4, "why": "Ask Gwenllian, my carer"})
    clock.now = START + 90
    store.close_session(session)
    first, second = OBSERVERS
    marks = [
        (first, 12.0, "hesitation", Mark.START, ""),
        (first, 31.0, "hesitation", Mark.STOP, ""),
        (first, 55.0, "error", Mark.POINT, ""),
        (first, 60.0, "", Mark.POINT, f"Said her name is Mrs Jones, code {UTRN}"),
        (second, 14.0, "hesitation", Mark.START, ""),
        (second, 29.0, "hesitation", Mark.STOP, ""),
        (second, 57.0, "error", Mark.POINT, ""),
        (second, 72.0, "asked-for-help", Mark.POINT, "asked Tomos"),
    ]
    for observer, at_s, code, mark, note in marks:
        record(store, session, observer, at_s, code=code, mark=mark, note=note,
               source=Source.POST_HOC)  # fmt: skip
    store.close()
    return path
