"""A shipped scenario's home running fast on its own clock, a HAN session following it, and the
``InvariantChecker`` sampling the displays' view-models as often as a display would draw.

Qt-free; the ``fast_forward`` benchmark adds the drawing, the test suite runs it as it is.
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import zigpy.types as t

from benchmarks.invariants import InvariantChecker
from han.model import HomeModel
from han.resources import resource_dir
from han.session import HanSession
from home_emulator.api.from_scenario import build_home
from home_emulator.api.home import EmulatedHome, VirtualRadio
from home_emulator.api.scenarios import open_scenario

SCENARIOS = resource_dir("scenarios")
FRAME_S = 1 / 60
"""How often a display could draw: the checker samples at this pace."""


def shipped_scenarios() -> list[Path]:
    return sorted(SCENARIOS.glob("*.toml"))


@dataclass
class FastHome:
    home: EmulatedHome
    model: HomeModel
    session: HanSession
    checker: InvariantChecker

    sent: list[tuple[float, float]]
    """(wall time, the meters' emulated time) of each frame the ESME put on the air."""

    def lag_s(self) -> float | None:
        """Emulated seconds between the meters' present and the newest reading the display holds:
        the emulated time at which the ESME sent the last frame before that reading arrived."""
        meter = self.model.electricity_import_meter()
        updated = meter.last_updated if meter is not None else None
        if updated is None:
            return None
        index = bisect.bisect_right(self.sent, (updated, float("inf"))) - 1
        return None if index < 0 else self.home.now_s - self.sent[index][1]

    def emulator_lag_s(self) -> float:
        """Emulated seconds the home itself is behind its clock (it steps in batches)."""
        return max(0.0, self.home.clock.now() - self.home.now_s)


@contextlib.asynccontextmanager
async def fast_home(
    scenario: Path, speed: float, *, history_days: int = 3
) -> AsyncIterator[FastHome]:
    """The scenario's home at ``speed`` on the virtual radio, its clock running, a session on it."""
    home = build_home(open_scenario(str(scenario)), speed=speed, history_days=history_days)
    radio = await VirtualRadio.new(VirtualRadio.config_for(home.air))
    assert isinstance(radio, VirtualRadio)
    model = HomeModel()
    session = HanSession(radio, model)
    session.start()
    thresholds = home.esme.ambient_thresholds
    checker = InvariantChecker(model, ambient_level_of=thresholds.level)
    sent: list[tuple[float, float]] = []
    esme_nwk = home.esme.node.nwk

    def note_sent(packet: t.ZigbeePacket, direction: str) -> None:
        if direction == "up" and packet.src is not None and packet.src.address == esme_nwk:
            sent.append((time.time(), home.now_s))

    home.air.taps.append(note_sent)
    running = asyncio.create_task(home.run())
    try:
        yield FastHome(home, model, session, checker, sent)
    finally:
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running
        await session.stop()
        await radio.shutdown()
        home.close()
        for _ in range(3):  # let callbacks already queued run while the loop is still ours
            await asyncio.sleep(0)


async def check_while_running(fast: FastHome, wall_s: float) -> list[float]:
    """Sample every view-model once a frame for ``wall_s``; the lags seen (emulated seconds)."""
    lags: list[float] = []
    end = time.monotonic() + wall_s
    while time.monotonic() < end:
        await asyncio.sleep(FRAME_S)
        fast.checker.sample(time.time())
        lag = fast.lag_s()
        if lag is not None:
            lags.append(lag)
    return lags
