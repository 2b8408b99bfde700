"""Cohen's kappa per code over time windows, checked against numbers worked out by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest

from app.trial.agreement import Table, agreements
from app.trial.coding import Code, CodeKind, CodingScheme
from app.trial.observations import Mark, Observation, Source

ERROR = Code("error", "Error")
HESITATION = Code("hesitation", "Hesitation", CodeKind.STATE)


def mark(
    observer: str, at_s: float, code: str, kind: Mark = Mark.POINT, session: int = 1
) -> Observation:
    return Observation(0, session, "P01", observer, at_s, code, kind, "", Source.LIVE)


def hand_kappa(a: int, b: int, c: int, d: int) -> Fraction:
    """Cohen (1960), from the 2 × 2 table, in exact fractions."""
    n = a + b + c + d
    observed = Fraction(a + d, n)
    expected = Fraction((a + b) * (a + c) + (c + d) * (b + d), n * n)
    return (observed - expected) / (1 - expected)


def test_the_published_worked_example() -> None:
    # The usual textbook example (e.g. Wikipedia, "Cohen's kappa"): 50 items, both say yes to
    # 20, only the first to 5, only the second to 10, neither to 15: p_o = 0.7, p_e = 0.5, κ = 0.4.
    table = Table(20, 5, 10, 15)
    assert table.observed == pytest.approx(0.7)
    assert table.expected == pytest.approx(0.5)
    assert table.kappa == pytest.approx(0.4)


def test_windows_of_two_observers_make_that_table() -> None:
    # 50 windows of 10 s: in windows 0–19 both mark an error, 20–24 only A, 25–34 only B.
    scheme = CodingScheme((ERROR,), window_s=10)
    found = [mark("A", w * 10 + 3, "error") for w in range(25)]
    found += [mark("B", w * 10 + 7, "error") for w in [*range(20), *range(25, 35)]]
    found.append(mark("B", 499, ""))  # a note in the last window: not a code
    [agreed] = agreements(scheme, found, {1: 500.0})
    assert (agreed.code, agreed.first, agreed.second, agreed.sessions) == ("error", "A", "B", 1)
    assert (agreed.table.a, agreed.table.b, agreed.table.c, agreed.table.d) == (20, 5, 10, 15)
    assert agreed.table.kappa == pytest.approx(float(hand_kappa(20, 5, 10, 15)))


def test_a_state_code_covers_the_windows_its_span_touches() -> None:
    scheme = CodingScheme((HESITATION, ERROR), window_s=10)
    found = [
        mark("A", 12, "hesitation", Mark.START),
        mark("A", 31, "hesitation", Mark.STOP),  # windows 1, 2, 3
        mark("B", 25, "hesitation", Mark.START),  # never stopped: windows 2 … 5
        mark("B", 44, "error"),
    ]
    hesitation, error = agreements(scheme, found, {1: 60.0})
    # Six windows: both {2, 3}, A only {1}, B only {4, 5}, neither {0}.
    assert (hesitation.table.a, hesitation.table.b, hesitation.table.c, hesitation.table.d) == (
        2, 1, 2, 1,
    )  # fmt: skip
    assert hesitation.table.kappa == pytest.approx(float(hand_kappa(2, 1, 2, 1)))
    # Only B ever marked an error: A's marginal is all "absent", so p_e = p_o and κ = 0.
    assert (error.table.a, error.table.b, error.table.c, error.table.d) == (0, 0, 1, 5)
    assert error.table.kappa == pytest.approx(0.0)


def test_kappa_is_undefined_when_neither_observer_used_the_code() -> None:
    scheme = CodingScheme((ERROR,), window_s=10)
    found = [mark("A", 5, "", Mark.POINT), mark("B", 6, "", Mark.POINT)]
    [agreed] = agreements(scheme, found, {1: 30.0})
    assert agreed.table.kappa is None


def test_only_sessions_both_observers_coded_count() -> None:
    scheme = CodingScheme((ERROR,), window_s=10)
    found = [
        mark("A", 5, "error", session=1),
        mark("B", 5, "error", session=1),
        mark("A", 5, "error", session=2),  # B never coded session 2
    ]
    [agreed] = agreements(scheme, found, {1: 20.0, 2: 20.0})
    assert agreed.sessions == 1
    assert (agreed.table.a, agreed.table.d, agreed.table.n) == (1, 1, 2)
