"""What a benchmark reports: one named figure, its unit, its target and whether the target was met."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Figure:
    key: str
    value: float
    unit: str
    target: str = ""
    """The target in words, e.g. ">= 5000"; empty for figures reported for information only."""
    met: bool | None = None
    """None when the figure has no target."""
    detail: str = ""
    """How the figure was obtained (sample sizes, checks), shown in the table and the JSON."""


def at_least(key: str, value: float, unit: str, minimum: float, *, detail: str = "") -> Figure:
    return Figure(key, value, unit, f">= {minimum:g}", value >= minimum, detail)


def at_most(key: str, value: float, unit: str, maximum: float, *, detail: str = "") -> Figure:
    return Figure(key, value, unit, f"<= {maximum:g}", value <= maximum, detail)


def for_information(key: str, value: float, unit: str, *, detail: str = "") -> Figure:
    return Figure(key, value, unit, "", None, detail)


@dataclass(frozen=True)
class Failure:
    """A benchmark that raised instead of producing its figures."""

    benchmark: str
    error: str


@dataclass
class Results:
    figures: list[Figure] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    machine: dict[str, Any] = field(default_factory=dict)
    date: str = ""

    def figure(self, key: str) -> Figure | None:
        return next((figure for figure in self.figures if figure.key == key), None)
