"""The IHD on a Pi-class budget: one core, limited to about a third of this machine's per-core speed.

Every process of the measured app (and any it starts, such as the home's past rendered beside it) is
pinned to one core and held to ``SHARE`` of it:

- by a CPU quota of the kernel's own (a cgroup v2 ``cpu.max``, or v1 ``cpu.cfs_quota_us``: so many
  µs of CPU per 100 ms period) when this process may create a cgroup;
- else by a duty-cycle limiter: the process group is stopped and continued (SIGSTOP/SIGCONT) so that
  it runs ``SHARE`` of each 30 ms. That is what the kernel's quota does (run until the period's
  quota is used, then wait for the next period), at a coarser grain; the limiter's own cost is a
  few signals every 30 ms. ``pi_budget_limit`` in the figures says which was used.

Figures: ``pi_startup_s`` (warm start to the first live reading on screen, as ``startup_s`` times it),
``pi_idle_cpu_pct`` (share of that limited core at rest), ``pi_rss_mb`` and ``pi_frame_p95_ms`` (the IHD
window rendered whole every tenth of a second while the home runs at ×1, in a child process under
the same limit).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from benchmarks.app_env import PROJECT_ROOT, app_env, compile_project
from benchmarks.figures import Figure, at_most, for_information
from benchmarks.startup import StartTimes, describe, shown_since

SHARE = 1 / 3
PERIOD_US = 100_000
CORE = 1
STARTUP_TARGET_S = 3.0
IDLE_TARGET_PCT = 5.0
RSS_TARGET_MB = 200.0
FRAME_TARGET_MS = 33.0
_DUTY_PERIOD_S = 0.03


class _Cgroup:
    """A cgroup of its own with a CPU quota; processes join it as they start."""

    def __init__(self) -> None:
        name = f"smets-bench-{os.getpid()}"
        v2 = Path("/sys/fs/cgroup")
        if (v2 / "cgroup.controllers").exists():
            self.path = v2 / name
            self.path.mkdir()
            (self.path / "cpu.max").write_text(f"{int(PERIOD_US * SHARE)} {PERIOD_US}")
            self.kind = "cgroup v2 cpu.max"
        else:
            self.path = Path("/sys/fs/cgroup/cpu") / name
            self.path.mkdir()
            (self.path / "cpu.cfs_period_us").write_text(str(PERIOD_US))
            (self.path / "cpu.cfs_quota_us").write_text(str(int(PERIOD_US * SHARE)))
            self.kind = "cgroup v1 cpu.cfs_quota_us"

    def join(self) -> None:
        (self.path / "cgroup.procs").write_text(str(os.getpid()))

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.path.rmdir()


class _DutyCycle:
    """Stops and continues a process group so that it runs ``SHARE`` of each period."""

    kind = f"SIGSTOP/SIGCONT duty cycle, {_DUTY_PERIOD_S * 1000:.0f} ms period"

    def __init__(self) -> None:
        self._group: int | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def watch(self, pid: int) -> None:
        self._group = pid  # the child leads its own group (start_new_session)
        self._thread.start()

    def _run(self) -> None:
        running_s = _DUTY_PERIOD_S * SHARE
        while not self._stop.is_set() and self._group is not None:
            time.sleep(running_s)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._group, signal.SIGSTOP)
            time.sleep(_DUTY_PERIOD_S - running_s)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._group, signal.SIGCONT)

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        if self._group is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._group, signal.SIGCONT)


@contextlib.contextmanager
def _limited(
    command: list[str], env: dict[str, str], **popen: object
) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``command`` started on one core under the budget; the process and how it is limited."""
    cgroup: _Cgroup | None = None
    with contextlib.suppress(OSError):
        cgroup = _Cgroup()
    duty = _DutyCycle() if cgroup is None else None

    def setup() -> None:
        os.sched_setaffinity(0, {CORE % (os.cpu_count() or 1)})
        if cgroup is not None:
            cgroup.join()

    process = subprocess.Popen(  # type: ignore[call-overload]
        command,
        cwd=PROJECT_ROOT,
        env=env,
        text=True,
        preexec_fn=setup,
        start_new_session=True,
        **popen,
    )
    if duty is not None:
        duty.watch(process.pid)
    try:
        yield process, (cgroup or duty).kind  # type: ignore[union-attr]
    finally:
        if duty is not None:
            duty.close()
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)
        if cgroup is not None:
            cgroup.close()


def _timed_start(folder: Path, cache: Path, name: str) -> tuple[StartTimes, str]:
    screenshot = folder / f"{name}.png"
    command = [sys.executable, "-m", "app", "--screenshot", str(screenshot)]
    started_wall = time.time()
    started = time.perf_counter()
    with _limited(
        command,
        app_env(folder / f"home-{name}", cache),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    ) as (process, kind):
        _, stderr = process.communicate(timeout=180)
    elapsed = time.perf_counter() - started
    if process.returncode != 0 or not screenshot.exists():
        raise RuntimeError(f"the app failed under the budget: {stderr.strip()[-500:]}")
    return StartTimes(shown_since(started_wall, screenshot), elapsed), kind


def pi_budget(
    idle_settle_s: float = 15.0, idle_s: float = 10.0, frames_s: float = 10.0, starts: int = 3
) -> list[Figure]:
    from benchmarks.ihd_history import _cpu_ticks, _rss_mb

    ticks_per_s = os.sysconf("SC_CLK_TCK")
    compile_project()  # as installed: no start compiles the sources (benchmarks.app_env)
    with tempfile.TemporaryDirectory(prefix="smets-bench-pi-") as name:
        folder = Path(name)
        cache = folder / "cache"
        _timed_start(folder, cache, "prime")  # the day's first start renders the home's past
        # The median of several warm starts: under a quota one start's time depends on where in
        # the kernel's 100 ms periods it began and what else ran.
        timed = [_timed_start(folder, cache, f"warm-{n}") for n in range(starts)]
        samples = [times for times, _ in timed]
        startup_s, kind = statistics.median(t.shown_s for t in samples), timed[0][1]

        command = [sys.executable, "-m", "app", "--quit-after", str(idle_settle_s + idle_s + 30)]
        with _limited(
            command,
            app_env(folder / "home-idle", cache),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ) as (process, _):
            time.sleep(idle_settle_s)
            if process.poll() is not None:
                raise RuntimeError(f"the app exited early with {process.returncode}")
            first, started = _cpu_ticks(process.pid), time.monotonic()
            time.sleep(idle_s)
            idle_pct = 100 * (_cpu_ticks(process.pid) - first) / ticks_per_s
            idle_pct /= (time.monotonic() - started) * SHARE  # of the limited core
            rss = _rss_mb(process.pid)

        command = [sys.executable, "-m", "benchmarks.pi_budget", "--frames", str(frames_s)]
        with _limited(
            command,
            app_env(folder / "home-frames", cache),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as (process, _):
            out, err = process.communicate(timeout=frames_s * 10 + 120)
        if process.returncode != 0:
            raise RuntimeError(f"the frame run failed: {err.strip()[-500:]}")
        frames = json.loads(out.strip().splitlines()[-1])

    budget = f"one core at {SHARE:.0%} ({kind})"
    return [
        for_information("pi_budget_limit", SHARE * 100, "% of one core", detail=kind),
        at_most(
            "pi_startup_s",
            startup_s,
            "s",
            STARTUP_TARGET_S,
            detail=f"{budget}, warm starts: {describe(samples)}",
        ),
        at_most(
            "pi_idle_cpu_pct",
            idle_pct,
            "% of the limited core",
            IDLE_TARGET_PCT,
            detail=f"{budget}: {idle_s:g} s at rest after {idle_settle_s:g} s",
        ),
        at_most("pi_rss_mb", rss, "MB", RSS_TARGET_MB, detail=f"{budget}: resident then"),
        at_most(
            "pi_frame_p95_ms",
            frames["p95"],
            "ms",
            FRAME_TARGET_MS,
            detail=f"{budget}: {frames['count']} frames at ×1, median {frames['p50']:.1f} ms",
        ),
    ]


def _frames_main(run_s: float) -> None:
    from benchmarks.fast_forward import frame_times
    from benchmarks.qt_loop import run_on_qt_loop

    samples = run_on_qt_loop(frame_times(run_s, speed=1.0))
    ordered = sorted(samples)
    print(
        json.dumps(
            {
                "count": len(samples),
                "p50": ordered[len(ordered) // 2],
                "p95": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
            }
        )
    )


_ENTRY: dict[str, Callable[[float], None]] = {"--frames": _frames_main}

if __name__ == "__main__":
    _ENTRY[sys.argv[1]](float(sys.argv[2]))
