"""Task order: fixed, seeded random, and a balanced Latin square."""

from __future__ import annotations

from collections import Counter

import pytest

from app.trial.ordering import balanced_latin_square, order_for, task_order
from app.trial.study import Order, load_study


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6, 7])
def test_every_row_is_an_order_and_every_task_takes_every_position(n: int) -> None:
    rows = balanced_latin_square(n)
    assert len(rows) == (n if n % 2 == 0 else 2 * n)
    for row in rows:
        assert sorted(row) == list(range(n))
    for position in range(n):
        column = Counter(row[position] for row in rows)
        assert set(column.values()) == {len(rows) // n}


@pytest.mark.parametrize("n", [2, 3, 4, 5, 6])
def test_every_task_follows_every_other_equally_often(n: int) -> None:
    rows = balanced_latin_square(n)
    pairs = Counter((row[i], row[i + 1]) for row in rows for i in range(n - 1))
    expected = 1 if n % 2 == 0 else 2
    assert len(pairs) == n * (n - 1)
    assert set(pairs.values()) == {expected}


def test_the_example_study_counterbalances_its_four_participants() -> None:
    study = load_study("prepay-basics")
    orders = [task_order(study, participant) for participant in study.participants]
    assert orders[0] == ["top-up", "emergency-credit", "message", "yesterday"]
    for position in range(4):
        assert len({order[position] for order in orders}) == 4


def test_random_order_is_a_seeded_shuffle_per_participant() -> None:
    ids = ["a", "b", "c", "d", "e"]
    first = order_for(ids, Order.RANDOM, 0, 7, "P01")
    assert sorted(first) == ids
    assert order_for(ids, Order.RANDOM, 0, 7, "P01") == first
    others = {tuple(order_for(ids, Order.RANDOM, 0, 7, f"P{k:02d}")) for k in range(2, 12)}
    assert len(others) > 1
    assert order_for(ids, Order.FIXED, 3, 7, "P04") == ids
