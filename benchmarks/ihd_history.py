"""The IHD's History chart and the IHD at rest.

``history_redraw_ms``: the History screen's chart (``app.ui.chart.BarChart``, the real widget in an
800×480 window, offscreen) holding 24 months of half hours for two fuels – 70,080 bars in numpy
arrays – redrawn whole (``grab()`` renders every item); the median of the samples. The time to hand
the chart a new range and draw it (``set_bars`` + redraw) is in the detail.

``ihd_idle_cpu_pct`` and ``ihd_rss_mb``: ``python -m app`` at ×1 on the embedded home with a fresh
data folder, left alone; the process's CPU time over a quiet stretch after start-up (from
``/proc/<pid>/stat``) as a share of one core, and its resident memory at the end. Linux only.
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

REDRAW_KEY = "history_redraw_ms"
REDRAW_TARGET_MS = 50.0
CPU_KEY = "ihd_idle_cpu_pct"
CPU_TARGET_PCT = 2.0
RSS_KEY = "ihd_rss_mb"
RSS_TARGET_MB = 250.0
HALF_HOURS_24_MONTHS = 731 * 48
PROJECT_ROOT = Path(__file__).resolve().parent.parent


async def history_redraw_ms(samples: int) -> list[Figure]:
    import numpy as np

    from app.ui.chart import BarChart

    if samples < 2:
        raise ValueError("at least 2 samples are needed")
    bars = 2 * HALF_HOURS_24_MONTHS
    rng = np.random.default_rng(7)
    edges = 1_700_000_000.0 + 1800.0 * np.arange(bars + 1, dtype=np.float64)
    values = rng.gamma(2.0, 0.15, bars).astype(np.float64)
    chart = BarChart()
    chart.resize(800, 330)
    chart.show()
    chart.set_bars(edges, values)
    chart.grab()
    redraws = []
    for _ in range(samples):
        started = time.perf_counter()
        chart.grab()
        redraws.append((time.perf_counter() - started) * 1000)
    updates = []
    for sample in range(max(3, samples // 4)):
        started = time.perf_counter()
        chart.set_bars(edges, (values * (1 + sample / 100)).astype(np.float64))
        chart.grab()
        updates.append((time.perf_counter() - started) * 1000)
    chart.close()
    chart.deleteLater()
    return [
        at_most(
            REDRAW_KEY,
            statistics.median(redraws),
            "ms",
            REDRAW_TARGET_MS,
            detail=(
                f"{bars:,} bars (24 months × 48 half hours × 2 fuels), 800×330 offscreen, median "
                f"of {samples}; new data + redraw median {statistics.median(updates):.1f} ms"
            ),
        )
    ]


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime, after the name and state


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def ihd_idle(settle_s: float = 8.0, measure_s: float = 10.0) -> list[Figure]:
    if not Path("/proc/self/stat").exists():
        raise RuntimeError("needs /proc (Linux)")
    ticks_per_s = os.sysconf("SC_CLK_TCK")
    with tempfile.TemporaryDirectory(prefix="smets-bench-idle-") as home:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(Path(home) / "data"),
            "XDG_CONFIG_HOME": str(Path(home) / "config"),
        }
        command = [sys.executable, "-m", "app", "--quit-after", str(settle_s + measure_s + 5)]
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        try:
            time.sleep(settle_s)  # start-up and the first history back-fill are not "idle"
            if process.poll() is not None:
                raise RuntimeError(f"the app exited early with {process.returncode}")
            first, started = _cpu_ticks(process.pid), time.monotonic()
            time.sleep(measure_s)
            used = (_cpu_ticks(process.pid) - first) / ticks_per_s
            wall = time.monotonic() - started
            rss = _rss_mb(process.pid)
        finally:
            process.terminate()
            process.wait(timeout=30)
    return [
        at_most(
            CPU_KEY,
            100 * used / wall,
            "% of a core",
            CPU_TARGET_PCT,
            detail=f"python -m app at ×1, {wall:.0f} s after {settle_s:.0f} s of start-up",
        ),
        at_most(RSS_KEY, rss, "MB", RSS_TARGET_MB, detail="resident memory at the end of that"),
    ]
