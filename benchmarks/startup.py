"""Start-up: ``python -m app --screenshot`` from spawn to exit.

The app exits as soon as the first live reading (demand and price) is on screen, so the time from
spawning it to its exit is an upper bound on "start to first reading": it also includes saving the
PNG, one 50 ms settling pass and shutting down.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.figures import Figure, at_most

KEY = "startup_s"
TARGET_S = 2.0
UNIT = "s (spawn to exit; upper bound)"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
_TIMEOUT_S = 90.0
_NO_READING = "no meter reading within"


def time_one_start(screenshot: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
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


def startup_s(runs: int) -> Figure:
    if runs < 1:
        raise ValueError("at least one run is needed")
    with tempfile.TemporaryDirectory(prefix="smets-bench-") as folder:
        times = [time_one_start(Path(folder) / f"start-{run}.png") for run in range(runs)]
    runs_text = ", ".join(f"{seconds:.2f}" for seconds in times)
    return at_most(
        KEY,
        statistics.median(times),
        UNIT,
        TARGET_S,
        detail=f"median of {runs} run(s): {runs_text} s",
    )
