"""The emulated home: its meters on the air, driven by one virtual clock.

The home steps its meters on their own cadence in emulated time (the ESME measures every 10 s) and
sends whatever reports their bindings ask for. Running ahead of real time is just a shorter wait
between steps; when the loop falls behind (very high speeds) it catches up in batches, yielding to the
event loop between batches so the displays keep drawing.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from dataclasses import dataclass

from home_emulator.air import Air
from home_emulator.clock import VirtualClock
from home_emulator.esme import Esme
from home_emulator.household import PROFILES, HouseholdLoad

LOGGER = logging.getLogger(__name__)

METER_STEP_S = 10
"""How often the ESME measures demand and updates its registers, in emulated seconds."""
_CATCH_UP_BATCH = 256
_MIN_WAIT_S = 0.001


@dataclass(frozen=True)
class HomeSpec:
    seed: int = 1
    profile: str = "family_of_four"
    start_epoch_s: float | None = None
    """Emulated start; None means "now"."""
    speed: float = 1.0
    import_at_day_start_wh: int = 12_345_678


class EmulatedHome:
    def __init__(self, spec: HomeSpec | None = None, *, air: Air | None = None) -> None:
        spec = spec or HomeSpec()
        if spec.profile not in PROFILES:
            known = ", ".join(sorted(PROFILES))
            raise ValueError(f"unknown household profile {spec.profile!r} (known: {known})")
        start = spec.start_epoch_s if spec.start_epoch_s is not None else time.time()
        start = math.floor(start / METER_STEP_S) * METER_STEP_S
        self.spec = spec
        self.air = air or Air()
        self.clock = VirtualClock(start, speed=spec.speed)
        load = HouseholdLoad(spec.seed, PROFILES[spec.profile])
        self.esme = Esme(
            ieee="0d:6f:00:00:00:00:00:01",
            nwk=0x1001,
            load=load,
            start_epoch_s=start,
            import_at_day_start_wh=spec.import_at_day_start_wh,
        )
        self._next_step_s = start + METER_STEP_S
        self.reports_sent = 0

    def power_on(self) -> None:
        """The meters join the HAN (the coordinator interviews them as they do)."""
        self.air.join(self.esme.node)

    def step(self) -> float:
        """Advance every meter to the next measurement instant and send due reports."""
        now = self._next_step_s
        self.esme.advance_to(now)
        for packet in self.esme.node.reports(now):
            self.air.to_coordinator(packet)
            self.reports_sent += 1
        self._next_step_s = now + METER_STEP_S
        return now

    async def run(self) -> None:
        """Follow the virtual clock until cancelled."""
        self.power_on()
        while True:
            wait = self.clock.wall_seconds_until(self._next_step_s)
            if wait > 0:
                await asyncio.sleep(min(max(wait, _MIN_WAIT_S), 1.0))
                continue
            now = self.clock.now()
            for _ in range(_CATCH_UP_BATCH):
                if self._next_step_s > now:
                    break
                self.step()
            await asyncio.sleep(0)

    def close(self) -> None:
        self.air.close()
