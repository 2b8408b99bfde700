"""The order in which each participant does the tasks.

Counterbalancing uses a *balanced* Latin square (Williams design): every task comes in every
position once per square, and every task follows every other task once (for an even number of
tasks; for an odd number the square and its mirror image together balance it, so participants
alternate between the two). Participant k (0-based, in the study's list) gets row k modulo the
square's height. Random order is a shuffle seeded by the study's seed and the participant's id,
so a study gives every participant the same order every time it is opened.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence

from app.trial.study import Order, Study
from app.trial.variants import Design


def balanced_latin_square(n: int) -> list[list[int]]:
    """Rows of task indexes 0..n-1 (n rows for even n, 2n rows for odd n)."""
    if n < 1:
        raise ValueError("a Latin square needs at least one task")
    first = [0]
    low, high = 1, n - 1
    for position in range(1, n):
        if position % 2:
            first.append(low)
            low += 1
        else:
            first.append(high)
            high -= 1
    rows = [[(task + shift) % n for task in first] for shift in range(n)]
    if n % 2:
        rows += [list(reversed(row)) for row in rows]
    return rows


def task_order(study: Study, participant: str) -> list[str]:
    """Task ids in the order ``participant`` does them."""
    ids = [task.id for task in study.tasks]
    return order_for(
        ids, study.order, study.participants.index(participant), study.seed, participant
    )


def order_for(
    ids: Sequence[str], order: Order, position: int, seed: int, participant: str
) -> list[str]:
    if order is Order.FIXED:
        return list(ids)
    if order is Order.RANDOM:
        digest = hashlib.sha256(f"{seed}/{participant}".encode()).digest()
        shuffled = list(ids)
        random.Random(int.from_bytes(digest[:8], "big")).shuffle(shuffled)
        return shuffled
    rows = balanced_latin_square(len(ids))
    return [ids[index] for index in rows[position % len(rows)]]


def variant_order(study: Study, participant: str) -> list[str]:
    """The design variants ``participant`` sees, in order (none when the study compares none):
    every variant in a balanced Latin square's row within participants, or one variant in turn
    between participants (``app/trial/variants.py``)."""
    ids = [variant.id for variant in study.variants]
    if not ids:
        return []
    position = study.participants.index(participant)
    if study.design is Design.BETWEEN:
        return [ids[position % len(ids)]]
    rows = balanced_latin_square(len(ids))
    return [ids[index] for index in rows[position % len(rows)]]
