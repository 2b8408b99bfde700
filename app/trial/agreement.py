"""Inter-observer agreement: Cohen's kappa per code, over time windows.

Two observers rarely mark the same moment to the second, so agreement is judged on a coarser
unit: each session both coded is cut into windows of the study's ``agreement_window`` seconds
(from its start to its end, or to its last observation if later; a mark at the very end is in
the last window), and for each code each observer
either *marked it in the window* or did not – a point code inside the window, or a state code
whose span (start to stop; a start never stopped runs to the end of the session) touches it. Every
window of every session the two coded is one item of a 2 × 2 table per code:

                       second: present   second: absent
    first: present           a                 b
    first: absent            c                 d

p_o = (a + d) / n, p_e = ((a + b)(a + c) + (c + d)(b + d)) / n², κ = (p_o − p_e) / (1 − p_e)
(Cohen 1960). When p_e is 1 (both observers never, or always, marked the code) κ is undefined.

An observer *coded* a session when they made at least one observation in it; every pair of
observers who coded the same sessions is compared.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from app.trial.coding import CodeKind, CodingScheme
from app.trial.observations import Mark, Observation


@dataclass(frozen=True)
class Table:
    """A 2 × 2 agreement table: a both present, b first only, c second only, d neither."""

    a: int
    b: int
    c: int
    d: int

    @property
    def n(self) -> int:
        return self.a + self.b + self.c + self.d

    @property
    def observed(self) -> float | None:
        return (self.a + self.d) / self.n if self.n else None

    @property
    def expected(self) -> float | None:
        n = self.n
        if not n:
            return None
        a, b, c, d = self.a, self.b, self.c, self.d
        return ((a + b) * (a + c) + (c + d) * (b + d)) / (n * n)

    @property
    def kappa(self) -> float | None:
        observed, expected = self.observed, self.expected
        if observed is None or expected is None or math.isclose(expected, 1.0):
            return None
        return (observed - expected) / (1 - expected)


@dataclass(frozen=True)
class Agreement:
    code: str
    first: str
    second: str
    """The two observers (in alphabetical order)."""
    sessions: int
    table: Table


def windows_marked(
    found: Iterable[Observation], code: str, kind: CodeKind, window_s: float, windows: int
) -> set[int]:
    """The windows (0, 1, …) in which one observer's observations mark ``code``."""
    marked: set[int] = set()
    last = windows - 1
    started: float | None = None
    for observation in sorted(found, key=lambda o: o.at_s):
        if observation.code != code:
            continue
        index = min(int(observation.at_s // window_s), last)
        if kind is CodeKind.POINT:
            marked.add(index)
        elif observation.mark is Mark.START:
            if started is None:
                started = observation.at_s
        elif observation.mark is Mark.STOP and started is not None:
            marked.update(range(min(int(started // window_s), last), index + 1))
            started = None
    if started is not None:  # never stopped: it lasted to the end of the session
        marked.update(range(min(int(started // window_s), last), windows))
    return marked


def agreements(
    scheme: CodingScheme,
    found: Sequence[Observation],
    session_lengths_s: Mapping[int, float],
) -> list[Agreement]:
    """κ per code and pair of observers, over the sessions both coded."""
    by_session: dict[int, dict[str, list[Observation]]] = {}
    for observation in found:
        by_session.setdefault(observation.session_id, {}).setdefault(
            observation.observer, []
        ).append(observation)
    pairs: dict[tuple[str, str], list[int]] = {}
    for session_id, observers in by_session.items():
        for pair in combinations(sorted(observers), 2):
            pairs.setdefault(pair, []).append(session_id)
    results = []
    for (first, second), sessions in sorted(pairs.items()):
        for code in scheme.codes:
            cells = [0, 0, 0, 0]
            for session_id in sessions:
                observers = by_session[session_id]
                latest = max(o.at_s for group in observers.values() for o in group)
                length = max(session_lengths_s.get(session_id, 0.0), latest)
                windows = max(1, math.ceil(length / scheme.window_s))
                one = windows_marked(observers[first], code.id, code.kind, scheme.window_s, windows)
                two = windows_marked(
                    observers[second], code.id, code.kind, scheme.window_s, windows
                )
                cells[0] += len(one & two)
                cells[1] += len(one - two)
                cells[2] += len(two - one)
                cells[3] += windows - len(one | two)
            results.append(Agreement(code.id, first, second, len(sessions), Table(*cells)))
    return results
