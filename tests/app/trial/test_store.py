"""The trial record: sessions, task runs and events; a display killed mid-session loses nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.trial.store import TrialStore, TrialStoreError
from tests.app.trial.hand_clock import HandClock

ROOT = Path(__file__).resolve().parents[3]


def test_events_are_filed_under_the_open_session_and_task(tmp_path: Path) -> None:
    clock = HandClock(1000.0)
    console = TrialStore(tmp_path / "t.sqlite", now=clock)
    display = TrialStore(tmp_path / "t.sqlite", now=clock)  # another connection, as a display's
    display.record("P01", "display:ppmid", "screen", "ppmid-balance")  # before any session
    session = console.open_session("study", "P01", ["a", "b"])
    display.record("P01", "display:ppmid", "control", "Top up")
    run = console.start_task(session, "a", 1)
    clock.now += 12.5
    display.record("P01", "display:ppmid", "error", "problem", "That code isn't right")
    display.record("P02", "display:ihd", "screen", "ihd-home")  # someone else
    assert console.end_task(run, "success") == 12.5
    with pytest.raises(ValueError, match="already ended"):
        console.end_task(run, "failure")
    console.close_session(session)

    events = console.events()
    assert [(e.kind, e.session_id, e.task_run_id) for e in events] == [
        ("screen", None, None),
        ("session_start", session, None),
        ("control", session, None),
        ("task_start", session, run),
        ("error", session, run),
        ("screen", None, None),
        ("task_end", session, run),
        ("session_end", session, None),
    ]
    [row] = console.task_runs(session)
    assert row.ended_at is not None, "the task has ended"
    assert (row.task, row.outcome, row.ended_at - row.started_at) == ("a", "success", 12.5)
    assert console.sessions("study")[0].task_order == ("a", "b")


def test_a_new_sitting_closes_the_old_one_and_its_open_task(tmp_path: Path) -> None:
    store = TrialStore(tmp_path / "t.sqlite")
    first = store.open_session("study", "P01", ["a"])
    store.start_task(first, "a", 1)
    second = store.open_session("study", "P01", ["a"])
    [old] = store.task_runs(first)
    assert (old.outcome, old.note) == ("skipped", "session replaced")
    assert store.sessions()[0].ended_at is not None
    assert store.sessions()[1].id == second


def test_another_file_is_refused_in_one_line(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("PRAGMA user_version = 9")
    with pytest.raises(TrialStoreError, match="version 9"):
        TrialStore(other)
    text = tmp_path / "notes.sqlite"
    text.write_text("shopping list\n" * 100)
    with pytest.raises(TrialStoreError, match="not a trial record"):
        TrialStore(text)


_WRITER = textwrap.dedent(
    """
    import sys
    from app.trial.store import TrialStore
    store = TrialStore(sys.argv[1])
    n = 0
    while True:
        n += 1
        event = store.record("P01", "display:ppmid", "key", "digit", str(n))
        print(event, flush=True)
    """
)


def test_a_display_killed_mid_session_loses_no_event_it_had_recorded(tmp_path: Path) -> None:
    db = tmp_path / "t.sqlite"
    console = TrialStore(db)
    session = console.open_session("study", "P01", ["a"])
    run = console.start_task(session, "a", 1)
    child = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(db)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert child.stdout is not None
    acknowledged = [int(child.stdout.readline()) for _ in range(200)]
    os.kill(child.pid, signal.SIGKILL)  # no chance to close or flush anything
    child.wait()
    child.stdout.close()

    # The display comes back and carries on in the same sitting and task.
    restarted = TrialStore(db)
    after = restarted.record("P01", "display:ppmid", "display_start", "display:ppmid")
    events = {event.id: event for event in console.events(task_run_id=run)}
    assert set(acknowledged) <= set(events)
    assert [events[i].detail for i in acknowledged] == [str(n) for n in range(1, 201)]
    assert events[after].session_id == session
    assert console.end_task(run, "success") >= 0
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone() == ("ok",)
