"""Start-up: ``python -m app --screenshot`` from spawn until the first live reading is on screen.

With ``--screenshot`` the app saves a picture of its window as soon as the first live reading
(demand and price) is on screen, then shuts down. A start is timed from spawning the process to the
moment the picture was written (the file's modification time, on the same clock): the first
reading on screen, plus one 50 ms settling pass and the PNG's encoding, so still a little over.
The time to the process's exit (closing the HAN, the embedded home and Qt, and the interpreter's
own teardown) is kept beside it in the figure's detail.

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
from dataclasses import dataclass
from pathlib import Path

from benchmarks.app_env import PROJECT_ROOT, app_env, compile_project
from benchmarks.figures import Figure, at_most

KEY = "startup_s"
COLD_KEY = "startup_cold_s"
TARGET_S = 1.0
"""A warm start (the home's past kept from an earlier start that day), on this machine."""
COLD_TARGET_S = 2.0
"""The first start of a day, which renders the home's 24-month past too."""
UNIT = "s (spawn to the first reading on screen)"
_TIMEOUT_S = 90.0
_NO_READING = "no meter reading within"


@dataclass(frozen=True)
class StartTimes:
    shown_s: float
    """From spawning the app until its picture of the first reading was written."""
    exit_s: float
    """From spawning it until it had exited."""


def shown_since(started_wall: float, screenshot: Path) -> float:
    """Seconds from ``started_wall`` (``time.time()`` at spawn) until the screenshot was written."""
    if not screenshot.exists():
        raise RuntimeError("the app exited without saving its screenshot")
    return screenshot.stat().st_mtime - started_wall


def time_one_start(screenshot: Path, cache: Path) -> StartTimes:
    env = app_env(screenshot.parent / f"home-{screenshot.stem}", cache)
    command = [sys.executable, "-m", "app", "--screenshot", str(screenshot)]
    started_wall = time.time()
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
    return StartTimes(shown_since(started_wall, screenshot), elapsed)


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
        at_most(
            KEY, statistics.median(t.shown_s for t in warm), UNIT, TARGET_S, detail=describe(warm)
        ),
        at_most(
            COLD_KEY,
            statistics.median(t.shown_s for t in cold),
            UNIT,
            COLD_TARGET_S,
            detail=describe(cold),
        ),
    ]


def describe(times: list[StartTimes]) -> str:
    """Each start's time to the first reading, and to its exit, for a figure's detail."""
    return (
        f"median of {len(times)} run(s): "
        + ", ".join(f"{t.shown_s:.2f}" for t in times)
        + " s to the first reading on screen; to the process's exit "
        + ", ".join(f"{t.exit_s:.2f}" for t in times)
        + " s"
    )
