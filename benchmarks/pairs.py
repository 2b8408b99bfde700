"""Ratios of two paths measured in turns: the median pair, by the loop thread's CPU time.

Every in-process path runs on the one loop thread (the emulated sticks and their TCP "serial
ports" too), so its CPU time is the whole of its work. Wall time also holds whatever the machine's
other processes took meanwhile – on a shared two-core machine, tens of per cent either way – and,
for the emulated sticks, the loop waiting on its own socket, which a real UART's speed bounds
far lower anyway. Each pair's wall ratio is kept in the detail.
"""

from __future__ import annotations

from benchmarks.figures import Figure, at_least
from benchmarks.harness import SideTiming

Pair = tuple[SideTiming, SideTiming]
"""(the path judged, the path it is judged against), measured one after the other."""


def cpu_ratio(pair: Pair) -> float:
    judged, against = pair
    return judged.per_cpu_s / against.per_cpu_s


def wall_ratio(pair: Pair) -> float:
    judged, against = pair
    return (judged.frames / judged.wall_s) / (against.frames / against.wall_s)


def median_pair(pairs: list[Pair]) -> int:
    """The index of the pair whose CPU ratio is the median (the upper one of an even count)."""
    if not pairs:
        raise ValueError("no pairs measured")
    order = sorted(range(len(pairs)), key=lambda index: cpu_ratio(pairs[index]))
    return order[len(order) // 2]


def median_ratio(key: str, pairs: list[Pair], *, minimum: float, what: str) -> Figure:
    by_cpu = sorted(cpu_ratio(pair) for pair in pairs)
    return at_least(
        key,
        cpu_ratio(pairs[median_pair(pairs)]),
        "x",
        minimum,
        detail=(
            f"{what} by the loop thread's CPU time, median of {len(pairs)} pair(s) taken in "
            "turns: "
            + ", ".join(f"{value:.2f}" for value in by_cpu)
            + "; by wall time "
            + ", ".join(f"{wall_ratio(pair):.2f}" for pair in pairs)
        ),
    )
