"""A month in a minute: the IHD drawn on a home fast-forwarded at ×100,000, measured.

The whole IHD (its shell, every screen) in the host's window (offscreen) follows a scenario's home
running on its own clock at ×100,000, fed by the real session over the virtual radio. While it runs:

- ``fast_forward_frame_p95_ms``: each frame (the window rendered whole, as ``grab`` draws it) every
  tenth of a second;
- ``fast_forward_input_ms``: a tap (press and release posted to a navigation button) until its
  ``clicked`` handlers ran (the screen switched), every tenth tick, after one visit to each screen;
- ``fast_forward_lag_s``: emulated seconds between the meters' present and the newest reading the
  display holds (the reporting pace, ``han.clock_speed.REPORT_EVERY_WALL_S``, sets this by design:
  about ×100,000 × 0.1 s);
- ``fast_forward_violations``: what the ``InvariantChecker`` found, sampling every view-model once a
  frame;
- ``fast_forward_cpu_pct`` and ``fast_forward_rss_mb``: ``python -m app --speed 100000`` itself (its
  embedded home in the same process, as shipped), its CPU (share of one core) over the last part of
  the run and its resident memory at the end.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.fast_run import FRAME_S, SCENARIOS, fast_home
from benchmarks.figures import Figure, at_most, for_information

SPEED = 100_000.0
SCENARIO = "family-dual-fuel"
FRAME_TARGET_MS = 16.0
INPUT_TARGET_MS = 50.0
LAG_TARGET_S = 20_000.0
"""Twice the reporting pace at ×100,000 (10,000 emulated seconds a report): a reading is at most
one report interval old, plus its way through the radio and the session."""
RSS_TARGET_MB = 250.0
_FRAME_EVERY = 6
"""Frames timed once every this many ticks of 1/60 s."""
_TAP_EVERY = 10


async def fast_forward(run_s: float) -> list[Figure]:
    # Qt-side imports only here: the CLI chooses the Qt platform before anything imports PySide6.
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QAbstractButton, QApplication

    from app.host.context import ExperienceContext
    from app.host.window import HostWindow
    from ihd.shell import IhdShell

    frames_ms: list[float] = []
    taps_ms: list[float] = []
    lags: list[float] = []
    async with fast_home(SCENARIOS / f"{SCENARIO}.toml", SPEED) as fast:
        view = IhdShell(ExperienceContext(fast.model))
        window = HostWindow("In-Home Display", view, (800, 480))
        window.show()
        buttons = [
            button
            for button in window.findChildren(QAbstractButton)
            if button.isVisible() and button.isEnabled() and button.text()
        ]
        clicked_at: list[float] = []
        for button in buttons:
            button.clicked.connect(lambda *_: clicked_at.append(time.perf_counter()))
        try:
            tick = 0
            end = time.monotonic() + run_s
            pending_tap: float | None = None
            while time.monotonic() < end:
                await asyncio.sleep(FRAME_S)
                tick += 1
                fast.checker.sample(time.time())
                lag = fast.lag_s()
                if lag is not None:
                    lags.append(lag)
                if tick % _FRAME_EVERY == 0:
                    started = time.perf_counter()
                    window.grab()
                    frames_ms.append((time.perf_counter() - started) * 1000)
                if pending_tap is not None and clicked_at:
                    taps_ms.append((clicked_at[-1] - pending_tap) * 1000)
                    pending_tap = None
                    clicked_at.clear()
                if buttons and pending_tap is None and tick % _TAP_EVERY == 0:
                    button = buttons[(tick // _TAP_EVERY) % len(buttons)]
                    centre = QPointF(button.rect().center())
                    pending_tap = time.perf_counter()
                    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
                        QApplication.postEvent(
                            button,
                            QMouseEvent(
                                kind,
                                centre,
                                button.mapToGlobal(centre),
                                Qt.MouseButton.LeftButton,
                                Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier,
                            ),
                        )
        finally:
            view.close()
            window.close()
            window.deleteLater()
        violations = fast.checker.finish()
        samples = fast.checker.samples
        behind = fast.emulator_lag_s()
    # Each screen's first visit builds it (History lays out its chart): said apart, not a tap's pace.
    first_visits, taps_ms = taps_ms[: len(buttons)], taps_ms[len(buttons) :]
    if len(frames_ms) < 2 or len(taps_ms) < 2 or len(lags) < 2:
        raise RuntimeError(
            f"too few samples: {len(frames_ms)} frames, {len(taps_ms)} taps, {len(lags)} lags"
        )
    where = f"{SCENARIO} at ×{SPEED:,.0f} for {run_s:g} s"
    return [
        at_most(
            "fast_forward_frame_p95_ms",
            _p95(frames_ms),
            "ms",
            FRAME_TARGET_MS,
            detail=f"{where}: {len(frames_ms)} frames, median {statistics.median(frames_ms):.1f} ms",
        ),
        at_most(
            "fast_forward_input_ms",
            _p95(taps_ms),
            "ms",
            INPUT_TARGET_MS,
            detail=(
                f"{where}: p95 of {len(taps_ms)} taps on the navigation, max {max(taps_ms):.1f}"
                f" ms; each screen's first visit (building it) took up to"
                f" {max(first_visits, default=0):.0f} ms"
            ),
        ),
        at_most(
            "fast_forward_lag_s",
            max(lags),
            "emulated s",
            LAG_TARGET_S,
            detail=(
                f"{where}: largest of {len(lags)} samples, median {statistics.median(lags):,.0f};"
                f" the home itself ended {behind:,.0f} emulated s behind its clock"
            ),
        ),
        at_most(
            "fast_forward_violations",
            len(violations),
            "",
            0,
            detail=f"{where}: {samples} samples of every view-model"
            + (f"; first: {violations[0]}" if violations else ""),
        ),
    ]


def app_at_speed(run_s: float, settle_s: float = 8.0) -> list[Figure]:
    """``python -m app --speed 100000`` left to run: its CPU after ``settle_s`` and its RSS."""
    from benchmarks.ihd_history import PROJECT_ROOT, _cpu_ticks, _rss_mb

    ticks_per_s = os.sysconf("SC_CLK_TCK")
    with tempfile.TemporaryDirectory(prefix="smets-bench-fast-") as home:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(Path(home) / "data"),
            "XDG_CONFIG_HOME": str(Path(home) / "config"),
        }
        command = [
            sys.executable, "-m", "app", "--speed", f"{SPEED:.0f}",
            "--quit-after", str(settle_s + run_s + 10),
        ]  # fmt: skip
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            time.sleep(settle_s)
            if process.poll() is not None:
                raise RuntimeError(f"the app exited early with {process.returncode}")
            first, started = _cpu_ticks(process.pid), time.monotonic()
            time.sleep(run_s)
            cpu = 100 * (_cpu_ticks(process.pid) - first) / ticks_per_s
            cpu /= time.monotonic() - started
            rss = _rss_mb(process.pid)
        finally:
            process.terminate()
            process.wait(timeout=30)
    where = f"python -m app --speed {SPEED:.0f}, {run_s:g} s after {settle_s:g} s of start-up"
    return [
        for_information("fast_forward_cpu_pct", cpu, "% of a core", detail=where),
        at_most("fast_forward_rss_mb", rss, "MB", RSS_TARGET_MB, detail=f"{where}: resident"),
    ]


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


async def frame_times(run_s: float, *, speed: float) -> list[float]:
    """The IHD window rendered whole every ``_FRAME_EVERY`` ticks while the home runs at ``speed``:
    each render's milliseconds (the Pi-budget benchmark runs this in a limited child process)."""
    from app.host.context import ExperienceContext
    from app.host.window import HostWindow
    from ihd.shell import IhdShell

    frames_ms: list[float] = []
    async with fast_home(SCENARIOS / f"{SCENARIO}.toml", speed) as fast:
        view = IhdShell(ExperienceContext(fast.model))
        window = HostWindow("In-Home Display", view, (800, 480))
        window.show()
        try:
            tick = 0
            end = time.monotonic() + run_s
            while time.monotonic() < end:
                await asyncio.sleep(FRAME_S)
                tick += 1
                if tick % _FRAME_EVERY == 0:
                    started = time.perf_counter()
                    window.grab()
                    frames_ms.append((time.perf_counter() - started) * 1000)
        finally:
            view.close()
            window.close()
            window.deleteLater()
    return frames_ms
