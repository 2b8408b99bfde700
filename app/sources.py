"""Where HAN traffic comes from. The rest of the app sees only a zigpy ControllerApplication."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Protocol

from zigpy.application import ControllerApplication

from home_emulator.air_link import SCHEME, parse_address
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.virtual_radio import COORDINATOR_IEEE, VirtualRadio


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


class RemoteHomeSource:
    """A home served by ``python -m home_emulator serve``, reached over TCP by the virtual radio.

    The home runs (and keeps its own clock) in the other process; this display is one of several.
    """

    def __init__(self, url: str, *, display_ieee: str | None = None) -> None:
        parse_address(url)  # a bad address fails here, before any window or radio
        self.url = url
        self.display_ieee = display_ieee or str(COORDINATOR_IEEE)
        self.radio: VirtualRadio | None = None

    async def open(self) -> ControllerApplication:
        config = VirtualRadio.config_for(self.url, ieee=self.display_ieee)
        radio = await VirtualRadio.new(config)
        assert isinstance(radio, VirtualRadio)
        self.radio = radio
        return radio

    def start(self) -> None:
        """Nothing to start: the served home is already running."""

    async def close(self) -> None:
        if self.radio is not None:
            await self.radio.shutdown()


def is_remote(name: str) -> bool:
    return name.startswith(f"{SCHEME}://")


def check_source(name: str) -> str:
    """``emulator`` or ``tcp://HOST:PORT``; ValueError with a one-line reason otherwise."""
    if name == "emulator":
        return name
    if is_remote(name):
        parse_address(name)
        return name
    raise ValueError(f"invalid choice: {name!r} (choose emulator or tcp://HOST:PORT)")


def open_source(
    name: str, *, speed: float, seed: int, display_ieee: str | None = None
) -> HanSource:
    if name == "emulator":
        return EmulatorSource(HomeSpec(seed=seed, speed=speed))
    if is_remote(name):
        return RemoteHomeSource(name, display_ieee=display_ieee)
    raise ValueError(f"unknown source {name!r}")
