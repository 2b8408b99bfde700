"""The emulated coordinator's serial port, on TCP: raw MT bytes, as a network-attached stick.

A radio library opens it with ``socket://HOST:PORT`` as its serial path. One port has one user, as a
serial line does: a host that connects while another is attached is refused (a library's
probe-then-open sequence is given a moment for the probe's connection to close).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from han.quiet_log import QuietLog
from home_emulator.air.address import parse_tcp_address
from home_emulator.air.tcp_service import TcpService
from home_emulator.znp.coordinator import EmulatedZnp
from home_emulator.znp.frames import CommandType, Frame, FrameReader

LOGGER = logging.getLogger(__name__)
_REFUSALS = QuietLog(LOGGER)
_HANDOVER_S = 1.0
"""How long a new host waits for the last one's connection to close."""

SEND_BUFFER_LIMIT = 1 << 20
"""Bytes queued for a host before callbacks (frames from the air) are dropped: a serial line that cannot keep
up loses frames too."""


def parse_address(url: str) -> tuple[str, int]:
    """``--znp tcp://HOST:PORT`` → (host, port); port 0 picks a free one."""
    return parse_tcp_address(url, expected="--znp expects", any_port=True)


class ZnpServer(TcpService):
    """Serves one ``EmulatedZnp`` on a TCP port; ``announce`` hears a line per host."""

    def __init__(
        self, coordinator: EmulatedZnp, *, announce: Callable[[str], None] = LOGGER.info
    ) -> None:
        super().__init__()
        self.coordinator = coordinator
        self._announce = announce
        self.frames_dropped = 0

    async def may_connect(self, where: str) -> bool:
        """One host at a time, as on a serial line: a second connection is refused while the first
        lives, so nobody can take the coordinator from the host using it. A host that has just
        closed its connection (zigpy-znp probes, then opens again) is given a moment to be gone."""
        if not await self.until_idle(_HANDOVER_S):
            _REFUSALS.warning("ZNP connection from %s refused: the port has a host", where)
            self._announce(f"ZNP host refused ({where}): the coordinator already has a host")
            return False
        return True

    async def converse(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, where: str
    ) -> None:
        send = self._sender(writer)
        self.coordinator.connect(send)
        self._announce(f"ZNP host attached ({where})")
        frames = FrameReader()
        try:
            while data := await reader.read(4096):
                for frame in frames.feed(data):
                    try:
                        self.coordinator.handle(frame)
                    except Exception:  # one bad request must not cost the host its port
                        LOGGER.exception("handling %r failed", frame)
        except ConnectionError:
            pass
        finally:
            self.coordinator.disconnect(send)
            self._announce(f"ZNP host left ({where})")

    def _sender(self, writer: asyncio.StreamWriter) -> Callable[[Frame], None]:
        """Frames are collected and written once per pass of the loop: a burst of reports (the
        home stepping fast) costs one write, not one per frame. Order is kept."""
        pending = bytearray()
        loop = asyncio.get_running_loop()

        def flush() -> None:
            if not writer.is_closing():
                writer.write(bytes(pending))
            pending.clear()

        def send(frame: Frame) -> None:
            if writer.is_closing():
                return
            if (
                frame.type is CommandType.AREQ
                and writer.transport.get_write_buffer_size() + len(pending) > SEND_BUFFER_LIMIT
            ):
                if not self.frames_dropped:
                    LOGGER.warning("the ZNP host is not keeping up: dropping frames")
                self.frames_dropped += 1
                return
            if not pending:
                loop.call_soon(flush)
            pending.extend(frame.encode())

        return send
