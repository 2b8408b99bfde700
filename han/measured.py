"""A value with the time it arrived: no screen can show a value without knowing its age."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Measured(Generic[T]):
    """A value and when it was last updated (epoch seconds on the display's clock)."""

    value: T
    updated_at: float

    def age_s(self, now: float) -> float:
        return max(0.0, now - self.updated_at)

    def is_stale(self, now: float, max_age_s: float) -> bool:
        return self.age_s(now) > max_age_s
