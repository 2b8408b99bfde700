"""A scenario's home at a chosen speed and a display's HAN session on it, both on one hand-moved
wall clock, so a test can say exactly when a frame arrived and what the screen said then."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from han.model import HomeModel
from han.session import HanSession
from home_emulator.air.virtual_radio import VirtualRadio
from home_emulator.clock import VirtualClock
from home_emulator.home import EmulatedHome
from home_emulator.scenario.home_builder import build_home
from home_emulator.scenario.model import parse_scenario

WALL_START_S = 1_000_000.0
TIME_READ_EVERY_S = 5.0
"""As the HubLink reads the hub's Time server."""


class HandClock:
    """Wall time that moves only when the test says so."""

    def __init__(self) -> None:
        self.now_s = WALL_START_S

    def __call__(self) -> float:
        return self.now_s


class HanAtSpeed:
    def __init__(
        self, home: EmulatedHome, model: HomeModel, session: HanSession, wall: HandClock
    ) -> None:
        self.home = home
        self.model = model
        self.session = session
        self.wall = wall
        self._next_time_read_s = wall() + TIME_READ_EVERY_S

    async def settle(self) -> None:
        """Let every frame already on the air reach the model."""
        for _ in range(12):
            await asyncio.sleep(0)

    async def advance(self, wall_s: float) -> None:
        """Move the wall clock on; the home catches up, its frames reach the display, and the
        display reads the hub's time whenever its five seconds are up."""
        self.wall.now_s += wall_s
        await self.home.run_until(self.home.clock.now())
        await self.settle()
        if self.wall() >= self._next_time_read_s and self.session.hub is not None:
            self._next_time_read_s = self.wall() + TIME_READ_EVERY_S
            await self.session.hub.read_time()

    async def attached(self) -> None:
        async with asyncio.timeout(10):
            while not self.session.links or self.session.hub is None:  # noqa: ASYNC110 - zigpy state has no event
                await asyncio.sleep(0.001)
            await asyncio.gather(
                self.session.hub.attached.wait(),
                *(link.attached.wait() for link in self.session.links.values()),
            )


@contextlib.asynccontextmanager
async def han_at_speed(scenario_text: str, speed: float) -> AsyncIterator[HanAtSpeed]:
    wall = HandClock()
    home = build_home(parse_scenario(scenario_text), speed=speed, history_days=3)
    home.clock = VirtualClock(home.now_s, speed=speed, wall=wall)
    radio = await VirtualRadio.new(VirtualRadio.config_for(home.air))
    assert isinstance(radio, VirtualRadio)
    model = HomeModel()
    # Polls wait in real time; here the meter must keep the display fresh by reporting alone.
    session = HanSession(radio, model, now=wall, poll_interval_s=3600.0)
    session.start()
    home.power_on()
    han = HanAtSpeed(home, model, session, wall)
    try:
        await han.attached()
        yield han
    finally:
        await session.stop()
        await radio.shutdown()
        home.close()
        for _ in range(3):
            await asyncio.sleep(0)
