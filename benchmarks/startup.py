"""Start-up: ``python -m app --screenshot`` from spawn to exit.

The app exits as soon as the first live reading (demand and price) is on screen, so the time from
spawning it to its exit is an upper bound on "start to first reading": it also includes saving the
PNG, one 50 ms settling pass and shutting down.

Two figures: ``startup_s``, the usual start – the embedded home's rendered past (24 months) is in
the user's cache from an earlier start that day – and ``startup_cold_s``, the first start of a
day or ever, which renders that past first. Each run gets its own user folders; the project's
bytecode is compiled first, as installing the app does (``benchmarks.app_env``).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.app_env import PROJECT_ROOT, app_env, compile_project
from benchmarks.figures import Figure, at_most

KEY = "startup_s"
COLD_KEY = "startup_cold_s"
TARGET_S = 2.0
UNIT = "s (spawn to exit; upper bound)"
_TIMEOUT_S = 90.0
_NO_READING = "no meter reading within"


def time_one_start(screenshot: Path, cache: Path) -> float:
    env = app_env(screenshot.parent / f"home-{screenshot.stem}", cache)
    command = [sys.executable, "-m", "app", "--screenshot", str(screenshot)]
    started = time.perf_counter()
    completed = subprocess.run(
        command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=_TIMEOUT_S
    )
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        raise RuntimeError(
            f"the app exited with {completed.returncode}: {completed.stderr.strip()[-500:]}"
        )
    if _NO_READING in completed.stderr:
        raise RuntimeError("the app saw no meter reading and gave up waiting")
    if not screenshot.exists():
        raise RuntimeError("the app exited without saving its screenshot")
    return elapsed


def startup_figures(runs: int) -> list[Figure]:
    """Cold and warm starts, alternating so that both see the same machine load."""
    if runs < 1:
        raise ValueError("at least one run is needed")
    compile_project()
    with tempfile.TemporaryDirectory(prefix="smets-bench-") as name:
        folder = Path(name)
        warm_cache = folder / "warm-cache"
        time_one_start(folder / "prime.png", warm_cache)  # the earlier start of the day
        cold, warm = [], []
        for run in range(runs):
            cold.append(time_one_start(folder / f"cold-{run}.png", folder / f"cold-cache-{run}"))
            warm.append(time_one_start(folder / f"warm-{run}.png", warm_cache))
    return [
        at_most(KEY, statistics.median(warm), UNIT, TARGET_S, detail=_runs(warm)),
        at_most(COLD_KEY, statistics.median(cold), UNIT, TARGET_S, detail=_runs(cold)),
    ]


def _runs(times: list[float]) -> str:
    return f"median of {len(times)} run(s): " + ", ".join(f"{s:.2f}" for s in times) + " s"
