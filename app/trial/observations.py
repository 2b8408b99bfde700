"""Observers' notes and codes, kept in the trial record at a *session time*.

A session time is seconds from the start of the participant's session (the console's clock),
the time line a video-coding tool and the session's replay share. An observation is made live on
the console while the participant works, or afterwards (post hoc) at a session time the observer
names; either way it is one committed transaction, with the observer's name, so a console that
dies keeps every note made before it did.

An observation carries a code of the study's scheme (a point code, or a state code's start or
stop), a free-text note, or both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.trial.coding import CodeKind, CodingScheme
from app.trial.store import SessionRow, TrialStore


class Mark(StrEnum):
    POINT = "point"
    START = "start"
    STOP = "stop"


class Source(StrEnum):
    LIVE = "live"
    POST_HOC = "post-hoc"


class ObservationError(ValueError):
    """An observation that cannot be recorded: the message says why, in the researcher's words."""


@dataclass(frozen=True)
class Observation:
    id: int
    session_id: int
    participant: str
    observer: str
    at_s: float
    """Session time: seconds from the start of the session."""
    code: str
    mark: Mark
    note: str
    source: Source


_CLOCK = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)")


def parse_session_time(text: str) -> float:
    """``00:03:12``, ``3:12``, ``3:12.5`` or plain seconds (``192``) as seconds."""
    text = text.strip()
    match = _CLOCK.fullmatch(text)
    if match:
        hours, minutes, seconds = match.groups()
        if (hours is not None and int(minutes) >= 60) or float(seconds) >= 60:
            raise ObservationError(f"{text!r} is not a time: minutes and seconds go up to 59")
        return int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    try:
        value = float(text)
    except ValueError:
        raise ObservationError(
            f"{text!r} is not a session time: write it as 00:03:12, 3:12 or 192 (seconds)"
        ) from None
    if not value >= 0:
        raise ObservationError(f"{text!r}: a session time is 0 or more")
    return value


def session_clock(seconds: float) -> str:
    """A session time as ``h:mm:ss.s``, as the exports write it for people."""
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}.{int(seconds * 10) % 10}"


def check(scheme: CodingScheme, code: str, mark: Mark, note: str) -> None:
    """The observation is one the study's scheme allows."""
    if not code and not note.strip():
        raise ObservationError("an observation needs a code or a note")
    if not code:
        if mark is not Mark.POINT:
            raise ObservationError("a note on its own is a moment: it has no start or stop")
        return
    known = scheme.code(code)
    if known is None:
        codes = ", ".join(c.id for c in scheme.codes) or "none (the study defines no codes)"
        raise ObservationError(f"{code!r} is not a code of the study's scheme: {codes}")
    if known.kind is CodeKind.STATE and mark is Mark.POINT:
        raise ObservationError(f"{code!r} is a state code: mark its start or its stop")
    if known.kind is CodeKind.POINT and mark is not Mark.POINT:
        raise ObservationError(f"{code!r} is a point code: it has no start or stop")


def record(
    store: TrialStore,
    session_id: int,
    observer: str,
    at_s: float,
    *,
    code: str = "",
    mark: Mark = Mark.POINT,
    note: str = "",
    source: Source = Source.LIVE,
) -> int:
    """One observation, committed before this returns; its id."""
    observer = observer.strip()
    if not observer:
        raise ObservationError("say who is observing (the observer's name or initials)")
    if at_s < 0:
        raise ObservationError("a session time is 0 or more")
    with store.transaction() as db:
        if db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
            raise ObservationError(f"no session {session_id} in the record")
        cursor = db.execute(
            "INSERT INTO observations (session_id, observer, session_time_s, code, state, note,"
            " source, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (session_id, observer, at_s, code, str(mark), note.strip(), str(source), store.now()),
        )
        return int(cursor.lastrowid or 0)


def observations(store: TrialStore, sessions: Sequence[SessionRow]) -> list[Observation]:
    """Every observation of these sessions, in session and time order."""
    participants = {session.id: session.participant for session in sessions}
    if not participants:
        return []
    marks = ", ".join("?" for _ in participants)
    rows = store.query(
        "SELECT id, session_id, observer, session_time_s, code, state, note, source"
        f" FROM observations WHERE session_id IN ({marks})"
        " ORDER BY session_id, session_time_s, id",
        tuple(participants),
    )
    return [
        Observation(
            id=row[0],
            session_id=row[1],
            participant=participants[row[1]],
            observer=row[2],
            at_s=row[3],
            code=row[4],
            mark=Mark(row[5]),
            note=row[6],
            source=Source(row[7]),
        )
        for row in rows
    ]
