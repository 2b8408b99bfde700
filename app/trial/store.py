"""The trial record: SQLite, one transaction per event, shared by the console and the displays.

The operator console writes sessions (one participant's sitting), task runs (start, end, outcome)
and what it did to the home; each participant display writes what the participant did (screens,
controls, masked key presses, the answers it showed). They may be separate processes on one
machine, so the file is in WAL mode with a busy timeout, and every event is committed before the
call returns with ``synchronous = FULL``: a display (or the console) killed mid-session loses
nothing it had recorded, even on a power cut. Events come at human pace and are a few hundred
bytes, so a commit each costs nothing a participant could notice.

A display does not know the study: it records under its participant id, and each event is filed
under that participant's open session and open task run at the moment it is written.

For a replay, a display also writes what it showed from (``model_states``): its home model in
parts, its settings and window size, each part only when it changed, placed after the latest event
– so the record alone says what any participant saw at any event, with no screen recorder running.

Times are wall-clock seconds (``time.time()``, or the clock the caller is given): time on task is
the participant's time, whatever the emulated home's clock is doing.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from han.private_files import private_file

SCHEMA_VERSION = 3
_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    study TEXT NOT NULL,
    participant TEXT NOT NULL,
    started_at REAL NOT NULL,
    ended_at REAL,
    task_order TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS task_runs (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    task TEXT NOT NULL,
    position INTEGER NOT NULL,
    started_at REAL NOT NULL,
    ended_at REAL,
    outcome TEXT CHECK (outcome IN ('success', 'failure', 'timeout', 'skipped')),
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    session_id INTEGER REFERENCES sessions(id),
    task_run_id INTEGER REFERENCES task_runs(id),
    participant TEXT NOT NULL,
    at REAL NOT NULL,
    source TEXT NOT NULL,
    kind TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE IF NOT EXISTS responses (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    task_run_id INTEGER REFERENCES task_runs(id),
    variant TEXT NOT NULL DEFAULT '',
    at REAL NOT NULL,
    instrument TEXT NOT NULL,
    item TEXT NOT NULL,
    value REAL,
    text TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE IF NOT EXISTS observations (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    observer TEXT NOT NULL,
    session_time_s REAL NOT NULL CHECK (session_time_s >= 0),
    code TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'point' CHECK (state IN ('point', 'start', 'stop')),
    note TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL CHECK (source IN ('live', 'post-hoc')),
    recorded_at REAL NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS model_states (
    id INTEGER PRIMARY KEY,
    participant TEXT NOT NULL,
    source TEXT NOT NULL,
    after_event INTEGER NOT NULL,
    at REAL NOT NULL,
    part TEXT NOT NULL,
    state TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS events_by_run ON events(task_run_id, kind);
CREATE INDEX IF NOT EXISTS states_by_display ON model_states(participant, source, after_event);
CREATE INDEX IF NOT EXISTS sessions_by_participant ON sessions(participant, ended_at);
"""

_VERSION_2 = (
    # Design variants: which one a task run was done under, and a session's variants in order.
    "ALTER TABLE task_runs ADD COLUMN variant TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE sessions ADD COLUMN variants TEXT NOT NULL DEFAULT '[]'",
)

OUTCOMES = ("success", "failure", "timeout", "skipped")


class TrialStoreError(Exception):
    """The file is not a trial record (or cannot be opened); the message says which."""


@dataclass(frozen=True)
class SessionRow:
    id: int
    study: str
    participant: str
    started_at: float
    ended_at: float | None
    task_order: tuple[str, ...]
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResponseRow:
    """One answer to one questionnaire item (a rating, or free text)."""

    id: int
    session_id: int
    task_run_id: int | None
    variant: str
    at: float
    instrument: str
    item: str
    value: float | None
    text: str


@dataclass(frozen=True)
class TaskRunRow:
    id: int
    session_id: int
    task: str
    position: int
    started_at: float
    ended_at: float | None
    outcome: str | None
    note: str
    variant: str = ""


@dataclass(frozen=True)
class StateRow:
    """One part of what a display showed from (``model_state.py``), as of ``after_event``: it
    was written after that event and before the next."""

    id: int
    participant: str
    source: str
    after_event: int
    at: float
    part: str
    state: str


@dataclass(frozen=True)
class EventRow:
    id: int
    session_id: int | None
    task_run_id: int | None
    participant: str
    at: float
    source: str
    kind: str
    target: str
    detail: str


class TrialStore:
    def __init__(self, path: str | Path, *, now: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.now = now
        self.before_event: Callable[[str], None] = lambda _kind: None
        """Called with its kind before each event is written, outside any transaction: the
        console's displays note what they show then, so a console event is replayed as they
        showed it."""
        try:
            private_file(self.path)  # participants' records: the trial team's alone
            self._db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA foreign_keys = ON")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, 1, 2, SCHEMA_VERSION):
                self._db.close()
                raise TrialStoreError(
                    f"{self.path}: a trial record of version {version}, not {SCHEMA_VERSION}"
                )
            with self._transaction():
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                columns = {row[1] for row in self._db.execute("PRAGMA table_info(task_runs)")}
                if "variant" not in columns:  # a version 1 record, or a new file
                    for statement in _VERSION_2:
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as error:
            with contextlib.suppress(AttributeError):
                self._db.close()
            raise TrialStoreError(f"{self.path}: not a trial record ({error})") from None

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # The record's other tables (observations.py) -------------------------------------------

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """One write to the record, committed (on disk) before it returns."""
        return self._transaction()

    def query(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        return list(self._db.execute(sql, parameters))

    # Sessions and task runs (the console) --------------------------------------------------

    def open_session(
        self,
        study: str,
        participant: str,
        task_order: list[str],
        variants: list[str] | None = None,
    ) -> int:
        """A participant's sitting begins; any sitting of theirs left open is closed first."""
        self.before_event("session_start")
        at = self.now()
        with self._transaction() as db:
            db.execute(
                "UPDATE task_runs SET ended_at = ?, outcome = 'skipped', note = 'session replaced'"
                " WHERE ended_at IS NULL AND session_id IN"
                " (SELECT id FROM sessions WHERE participant = ? AND ended_at IS NULL)",
                (at, participant),
            )
            db.execute(
                "UPDATE sessions SET ended_at = ? WHERE participant = ? AND ended_at IS NULL",
                (at, participant),
            )
            cursor = db.execute(
                "INSERT INTO sessions (study, participant, started_at, task_order, variants)"
                " VALUES (?, ?, ?, ?, ?)",
                (study, participant, at, json.dumps(task_order), json.dumps(variants or [])),
            )
            session_id = int(cursor.lastrowid or 0)
            self._insert_event(db, session_id, None, participant, at, "console", "session_start")
        return session_id

    def close_session(self, session_id: int) -> None:
        self.before_event("session_end")
        at = self.now()
        with self._transaction() as db:
            participant = self._participant_of(db, session_id)
            db.execute(
                "UPDATE task_runs SET ended_at = ?, outcome = 'skipped', note = 'session ended'"
                " WHERE session_id = ? AND ended_at IS NULL",
                (at, session_id),
            )
            db.execute("UPDATE sessions SET ended_at = ? WHERE id = ?", (at, session_id))
            self._insert_event(db, session_id, None, participant, at, "console", "session_end")

    def start_task(self, session_id: int, task: str, position: int, variant: str = "") -> int:
        self.before_event("task_start")
        at = self.now()
        with self._transaction() as db:
            participant = self._participant_of(db, session_id)
            cursor = db.execute(
                "INSERT INTO task_runs (session_id, task, position, started_at, variant)"
                " VALUES (?, ?, ?, ?, ?)",
                (session_id, task, position, at, variant),
            )
            run_id = int(cursor.lastrowid or 0)
            self._insert_event(
                db, session_id, run_id, participant, at, "console", "task_start", task, variant
            )
        return run_id

    def end_task(self, run_id: int, outcome: str, note: str = "") -> float:
        """Close a task run with its outcome; returns its time on task in seconds."""
        if outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {', '.join(OUTCOMES)}")
        self.before_event("task_end")
        at = self.now()
        with self._transaction() as db:
            row = db.execute(
                "SELECT session_id, task, started_at, ended_at FROM task_runs WHERE id = ?",
                (run_id,),
            ).fetchone()
            if row is None:
                raise KeyError(f"no task run {run_id}")
            session_id, task, started_at, ended_at = row
            if ended_at is not None:
                raise ValueError(f"task run {run_id} has already ended")
            db.execute(
                "UPDATE task_runs SET ended_at = ?, outcome = ?, note = ? WHERE id = ?",
                (at, outcome, note, run_id),
            )
            participant = self._participant_of(db, session_id)
            self._insert_event(
                db, session_id, run_id, participant, at, "console", "task_end", task, outcome
            )
        return at - float(started_at)

    # Questionnaires -------------------------------------------------------------------------------

    def record_answers(
        self,
        session_id: int,
        instrument: str,
        answers: dict[str, float | str],
        task_run_id: int | None = None,
        variant: str = "",
    ) -> None:
        """A questionnaire's answers, all in one transaction (a sheet is kept whole or not at all):
        numbers are ratings, strings free text."""
        self.before_event("questionnaire")
        at = self.now()
        with self._transaction() as db:
            participant = self._participant_of(db, session_id)
            for item, answer in answers.items():
                value, text = (None, answer) if isinstance(answer, str) else (float(answer), "")
                db.execute(
                    "INSERT INTO responses (session_id, task_run_id, variant, at, instrument, item,"
                    " value, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (session_id, task_run_id, variant, at, instrument, item, value, text),
                )
            self._insert_event(
                db, session_id, task_run_id, participant, at, "console", "questionnaire",
                instrument, f"{len(answers)} answers",
            )  # fmt: skip

    def responses(self, session_id: int) -> list[ResponseRow]:
        rows = self._db.execute(
            "SELECT id, session_id, task_run_id, variant, at, instrument, item, value, text"
            " FROM responses WHERE session_id = ? ORDER BY id",
            (session_id,),
        )
        return [ResponseRow(*row) for row in rows]

    # Events (the console and the displays) -------------------------------------------------

    def record(
        self, participant: str, source: str, kind: str, target: str = "", detail: str = ""
    ) -> int:
        """One event, filed under the participant's open session and task run (if any)."""
        self.before_event(kind)
        at = self.now()
        with self._transaction() as db:
            session = db.execute(
                "SELECT id FROM sessions WHERE participant = ? AND ended_at IS NULL"
                " ORDER BY id DESC LIMIT 1",
                (participant,),
            ).fetchone()
            session_id = None if session is None else int(session[0])
            run_id = None
            if session_id is not None:
                run = db.execute(
                    "SELECT id FROM task_runs WHERE session_id = ? AND ended_at IS NULL"
                    " ORDER BY id DESC LIMIT 1",
                    (session_id,),
                ).fetchone()
                run_id = None if run is None else int(run[0])
            return self._insert_event(
                db, session_id, run_id, participant, at, source, kind, target, detail
            )

    # What a display showed (for replay) ------------------------------------------------------

    def record_states(self, participant: str, source: str, parts: dict[str, str]) -> None:
        """Parts of a display's state, all in one transaction, placed after the latest event."""
        if not parts:
            return
        at = self.now()
        with self._transaction() as db:
            latest = db.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()[0]
            db.executemany(
                "INSERT INTO model_states (participant, source, after_event, at, part, state)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(participant, source, latest, at, part, state) for part, state in parts.items()],
            )

    def states(self, participant: str, source: str) -> list[StateRow]:
        """Every state part a display wrote while ``participant`` used it, oldest first (the
        latest of each part before an event is what it showed at that event)."""
        rows = self._db.execute(
            "SELECT id, participant, source, after_event, at, part, state FROM model_states"
            " WHERE participant = ? AND source = ? ORDER BY id",
            (participant, source),
        )
        return [StateRow(*row) for row in rows]

    @staticmethod
    def _insert_event(
        db: sqlite3.Connection,
        session_id: int | None,
        run_id: int | None,
        participant: str,
        at: float,
        source: str,
        kind: str,
        target: str = "",
        detail: str = "",
    ) -> int:
        cursor = db.execute(
            "INSERT INTO events (session_id, task_run_id, participant, at, source, kind, target,"
            " detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (session_id, run_id, participant, at, source, kind, target, detail),
        )
        return int(cursor.lastrowid or 0)

    @staticmethod
    def _participant_of(db: sqlite3.Connection, session_id: int) -> str:
        row = db.execute("SELECT participant FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise KeyError(f"no session {session_id}")
        return str(row[0])

    # Reading ----------------------------------------------------------------------------------

    def sessions(self, study: str | None = None) -> list[SessionRow]:
        query = (
            "SELECT id, study, participant, started_at, ended_at, task_order, variants"
            " FROM sessions"
        )
        rows = (
            self._db.execute(query + " WHERE study = ? ORDER BY id", (study,))
            if study is not None
            else self._db.execute(query + " ORDER BY id")
        )
        return [
            SessionRow(
                r[0], r[1], r[2], r[3], r[4], tuple(json.loads(r[5])), tuple(json.loads(r[6]))
            )
            for r in rows
        ]

    def task_runs(self, session_id: int) -> list[TaskRunRow]:
        rows = self._db.execute(
            "SELECT id, session_id, task, position, started_at, ended_at, outcome, note, variant"
            " FROM task_runs WHERE session_id = ? ORDER BY id",
            (session_id,),
        )
        return [TaskRunRow(*row) for row in rows]

    def events(
        self, *, session_id: int | None = None, task_run_id: int | None = None
    ) -> list[EventRow]:
        query = (
            "SELECT id, session_id, task_run_id, participant, at, source, kind, target, detail"
            " FROM events"
        )
        if task_run_id is not None:
            rows = self._db.execute(query + " WHERE task_run_id = ? ORDER BY id", (task_run_id,))
        elif session_id is not None:
            rows = self._db.execute(query + " WHERE session_id = ? ORDER BY id", (session_id,))
        else:
            rows = self._db.execute(query + " ORDER BY id")
        return [EventRow(*row) for row in rows]

    def latest_events(self, limit: int = 20) -> list[EventRow]:
        rows = self._db.execute(
            "SELECT id, session_id, task_run_id, participant, at, source, kind, target, detail"
            " FROM events ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [EventRow(*row) for row in rows]
