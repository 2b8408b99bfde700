"""What every HAN source is: something that opens a zigpy radio, lets traffic flow, and closes;
and the one error it raises when it cannot be reached. The sources themselves (the emulated home,
a served home, a real coordinator) are in ``sources.py`` and ``radio_source.py``."""

from __future__ import annotations

from typing import Protocol

from zigpy.application import ControllerApplication


class SourceUnavailable(Exception):
    """The HAN source cannot be reached; the message says why and what to do."""


class HanSource(Protocol):
    async def open(self) -> ControllerApplication:
        """Bring up the radio and its network; no meter traffic yet."""

    def start(self) -> None:
        """Let traffic flow (the session is listening by now)."""

    async def close(self) -> None: ...
