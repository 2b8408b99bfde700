"""How much each benchmark measures: the quick plan (under 3 minutes on 2 cores) and the full one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    han_steps: int
    """Meter steps timed end to end; zigpy alone is then fed the frames they produced."""
    pixel_samples: int
    startup_runs: int


QUICK = Plan(han_steps=5_000, pixel_samples=100, startup_runs=1)
FULL = Plan(han_steps=30_000, pixel_samples=200, startup_runs=3)
