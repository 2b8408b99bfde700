"""Where HAN traffic comes from. The rest of the app sees only a zigpy ControllerApplication."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Protocol

from zigpy.application import ControllerApplication

from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.virtual_radio import VirtualRadio


class HanSource(Protocol):
    async def open(self) -> ControllerApplication:
        """Bring up the radio and its network; no meter traffic yet."""

    def start(self) -> None:
        """Let traffic flow (the session is listening by now)."""

    async def close(self) -> None: ...


class EmulatorSource:
    """The bundled emulated home, in-process, behind the virtual radio."""

    def __init__(self, spec: HomeSpec) -> None:
        self.home = EmulatedHome(spec)
        self.radio: VirtualRadio | None = None
        self._task: asyncio.Task[None] | None = None

    async def open(self) -> ControllerApplication:
        radio = await VirtualRadio.new(VirtualRadio.config_for(self.home.air))
        assert isinstance(radio, VirtualRadio)
        self.radio = radio
        return radio

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self.home.run(), name="emulated-home")

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self.radio is not None:
            await self.radio.shutdown()
        self.home.close()


def open_source(name: str, *, speed: float, seed: int) -> HanSource:
    if name == "emulator":
        return EmulatorSource(HomeSpec(seed=seed, speed=speed))
    raise ValueError(f"unknown source {name!r}")
