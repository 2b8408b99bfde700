"""The value of a reading a test knows has arrived.

The model holds ``Measured[T] | None``: ``None`` until the meter has said. A test that has waited
for the reading says so here; a reading that is still missing fails the test with its name.
"""

from __future__ import annotations

from typing import TypeVar

from han.measured import Measured

T = TypeVar("T")


def value_of(reading: Measured[T] | None) -> T:
    assert reading is not None, "the reading has not arrived"
    return reading.value
