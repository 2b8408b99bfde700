"""How much each benchmark measures: the quick plan (under 3 minutes on 2 cores) and the full one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    han_steps: int
    """Meter steps timed end to end; zigpy alone is then fed the frames they produced."""
    pixel_samples: int
    startup_runs: int
    backfill_runs: int
    emulated_days: int
    """Emulated days stepped with reports on, for the live emulation rate."""
    population: tuple[int, int]
    """(homes, steps each) for how many homes one core keeps in real time."""
    ratio_pairs: int = 3
    """Turns of the virtual radio, ZNP and EZSP paths on the same meter steps (their ratios)."""
    pi_starts: int = 5
    """Warm starts under the Pi-class quota (its figure is their median): one start there moves
    by a second with where in the quota's periods it began and what the machine did meanwhile."""
    history_redraws: int = 30
    """Redraws of the History chart holding 24 months of half hours for two fuels."""
    idle_s: float = 10.0
    """How long the IHD is watched at rest (after start-up) for its CPU and memory."""
    coordinator_steps: int = 10_000
    """Meter steps timed through each emulated coordinator (ZNP and zigpy-znp, EZSP and bellows)."""
    fast_forward_s: float = 20.0
    """Wall seconds the IHD follows a home at ×100,000."""
    soak_s: float = 180.0
    """Wall seconds a served home takes a hostile client beside three genuine displays."""


QUICK = Plan(
    han_steps=5_000,
    pixel_samples=100,
    startup_runs=1,
    backfill_runs=1,
    emulated_days=1,
    population=(100, 20),
    ratio_pairs=1,
    pi_starts=1,
    history_redraws=10,
    idle_s=5.0,
    coordinator_steps=5_000,
    fast_forward_s=8.0,
    soak_s=15.0,
)
FULL = Plan(
    han_steps=30_000,
    pixel_samples=200,
    startup_runs=3,
    backfill_runs=3,
    emulated_days=3,
    population=(300, 40),
)
