"""A participant's session on one display, as a list of moments read from the trial record alone.

Each moment is one event – a screen shown, a tap, feedback or an error, a command's answer, a task
started or ended – with what the display showed from at that moment: the latest of each state part
the display wrote before the event (``store.py``'s ``model_states``) with its clocks, the screen on show, the tap
if the moment is one, and the task under way. Events are ordered by their id, the record's own
order, not by time: the console and a display may keep different clocks.

A display run as its own process is not told of the console's events: at one of those its latest
note may be seconds old, and what changes with time alone (a reading's age, "out of date", the
corner clock) had moved on. Its clocks are then carried forward by the time between its note and
the event, both as the record stamped them – when those stamps are on one clock, which the
display's own next write confirms (a test, or an older console, may stamp on another).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from app.trial.display_clock import CLOCK, DisplayClock
from app.trial.display_state import DISPLAY
from app.trial.frame_kinds import FRAME_KINDS
from app.trial.store import EventRow, SessionRow, StateRow, TrialStore

LEEWAY_S = 1.0


class ReplayError(LookupError):
    """No such session, or the display recorded nothing to replay it from; the message says which."""


@dataclass(frozen=True)
class Tap:
    x: int
    y: int
    control: str
    """The control hit; "" for a miss."""
    screen: str

    @property
    def missed(self) -> bool:
        return not self.control

    @classmethod
    def of(cls, event: EventRow) -> Tap:
        detail = json.loads(event.detail)
        return cls(int(detail["x"]), int(detail["y"]), event.target, str(detail.get("screen", "")))


@dataclass(frozen=True)
class Moment:
    event: EventRow
    now: float
    """The display's clock at this moment (ages and the clock on screen are measured on it): as
    the display wrote it, else (an older record) the record's time of the event or state."""
    screen: str
    parts: Mapping[str, str]
    """The display's state parts as of this moment (``display``, ``home``, ``meter:…``)."""
    task: str
    """The task under way (or just ended), as the researcher would say it; "" between tasks."""
    tap: Tap | None = None
    han_s: float | None = None
    """The HAN's time the display showed then (None: not recorded, or not yet told)."""

    @property
    def caption(self) -> str:
        event = self.event
        if event.kind == "tap":
            return f"tap on {event.target}" if event.target else "tap on no control (a miss)"
        if event.kind == "screen":
            return f"screen {event.target}"
        if event.kind == "task_start":
            return f"task {event.target} started"
        if event.kind == "task_end":
            return f"task {event.target}: {event.detail}"
        if event.kind in ("feedback", "error"):
            return f"{event.kind}: {event.detail}"
        if event.kind == "command":
            return f"{event.target}: {event.detail}"
        return event.kind.replace("_", " ")


def find_session(store: TrialStore, participant: str, session_id: int | None = None) -> SessionRow:
    """The participant's session (the latest, unless one is named)."""
    sessions = [s for s in store.sessions() if s.participant == participant]
    if session_id is not None:
        sessions = [s for s in sessions if s.id == session_id]
    if not sessions:
        raise ReplayError(f"no session of participant {participant!r} in the record")
    return sessions[-1]


class _Shown:
    """What the display had written, read up to each event in turn."""

    def __init__(self, store: TrialStore, session: SessionRow, source: str) -> None:
        self._source = source
        self._states = iter(store.states(session.participant, source))
        self._pending = next(self._states, None)
        self.parts: dict[str, str] = {}
        self.now = session.started_at
        self.han_s: float | None = None
        self._noted: StateRow | None = None
        """The write that held the latest clocks read."""
        self._previous = 0
        """The id of the event before this one (of this display or the console)."""

    def up_to(self, event: EventRow) -> None:
        # A display writes its state just before its own events. A participant's session starts
        # with a console event, and the display writes what it shows them just after it: that
        # one write (its parts share one time), not those made while the home ran on after it.
        pending = self._pending
        first_write = None
        if event.source != self._source and DISPLAY not in self.parts and pending is not None:
            first_write = pending.at if pending.after_event == event.id else None
        while pending is not None and (
            pending.after_event < event.id
            or (pending.after_event == event.id and pending.at == first_write)
        ):
            self.parts[pending.part] = pending.state
            self.now = pending.at
            if pending.part == CLOCK:
                self._noted = pending
            pending = next(self._states, None)
        self._pending = pending
        if event.source == self._source:
            self.now = event.at
        if CLOCK in self.parts:  # the display's own clock, which it judged what it showed on
            clock = DisplayClock.read(self.parts[CLOCK])
            if event.source != self._source and not self._noted_for(event, clock):
                clock = clock.later(self._since_noted(event))
            self.now, self.han_s = clock.display_s, clock.han_s
        self._previous = event.id

    def _noted_for(self, event: EventRow, clock: DisplayClock) -> bool:
        """Whether the latest note was written for ``event``: just before it, nothing recorded
        between (a display's own event comes after its own note)."""
        noted = self._noted
        return noted is None or (clock.for_event and noted.after_event >= self._previous)

    def _since_noted(self, event: EventRow) -> float:
        """Record seconds from the latest note to ``event``: 0 unless the record's stamps are
        on one clock, as the display's next write (stamped after the event) shows."""
        noted = self._noted
        assert noted is not None
        elapsed = event.at - noted.at
        following = self._pending
        # The note and the event are stamped by two processes, whose commits may cross by a
        # moment: a second's leeway either side before the stamps are called clocks apart.
        latest = math.inf if following is None else following.at - noted.at
        if not -LEEWAY_S <= elapsed <= latest + LEEWAY_S:
            return 0.0
        return min(max(elapsed, 0.0), latest)


def moments(
    store: TrialStore, session: SessionRow, display: str, *, task: str | None = None
) -> list[Moment]:
    """The frames of ``session`` on ``display`` (ihd, ppmid, …); only one task's with ``task``."""
    source = f"display:{display}"
    shown = _Shown(store, session, source)
    screen = ""
    under_way = ""
    position = {run.id: run.position for run in store.task_runs(session.id)}
    # A within-participants study runs each task once per design: more runs than tasks.
    total = max(len(session.task_order), len(position))
    found: list[Moment] = []
    for event in store.events(session_id=session.id):
        if event.source not in (source, "console"):
            continue
        shown.up_to(event)
        if event.kind == "screen":
            screen = event.target
        if event.kind == "task_start":
            number = position.get(event.task_run_id or 0, 0)
            under_way = f"task {number} of {total}: {event.target}"
        tap = Tap.of(event) if event.kind == "tap" else None
        if tap is not None and tap.screen:
            screen = tap.screen
        if event.kind in FRAME_KINDS and DISPLAY in shown.parts:
            parts = MappingProxyType(dict(shown.parts))
            moment = Moment(event, shown.now, screen, parts, under_way, tap, shown.han_s)
            if task is None or event.target == task or under_way.endswith(f": {task}"):
                found.append(moment)
        if event.kind == "task_end":
            under_way = ""
    if not found:
        raise ReplayError(
            f"the {display} display recorded nothing to replay for {session.participant}"
            + (f" in task {task}" if task else "")
        )
    return found
