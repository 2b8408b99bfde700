"""The emulated NCP's serial port, on TCP: raw ASH bytes, as a network-attached stick.

A radio library opens it with ``socket://HOST:PORT`` as its serial path. One port has one user, as a
serial line does: a host that connects while another is attached is refused (a library's
probe-then-open sequence is given a moment for the probe's connection to close). The NCP does not
announce itself when a host connects (a serial line has no "connect"): the host resets it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from han.quiet_log import QuietLog
from home_emulator.air.address import parse_tcp_address
from home_emulator.air.tcp_service import TcpService
from home_emulator.ezsp.ash import FrameReader
from home_emulator.ezsp.link import AshLink
from home_emulator.ezsp.ncp import EmulatedEzsp

LOGGER = logging.getLogger(__name__)
_REFUSALS = QuietLog(LOGGER)
_HANDOVER_S = 1.0
"""How long a new host waits for the last one's connection to close."""


def parse_address(url: str) -> tuple[str, int]:
    """``--ezsp tcp://HOST:PORT`` → (host, port); port 0 picks a free one."""
    return parse_tcp_address(url, expected="--ezsp expects", any_port=True)


class EzspServer(TcpService):
    """Serves one ``EmulatedEzsp`` on a TCP port; ``announce`` hears a line per host."""

    def __init__(self, ncp: EmulatedEzsp, *, announce: Callable[[str], None] = LOGGER.info) -> None:
        super().__init__()
        self.ncp = ncp
        self._announce = announce
        self.link: AshLink | None = None
        """The link to the host attached now, if any."""

    async def may_connect(self, where: str) -> bool:
        if not await self.until_idle(_HANDOVER_S):
            _REFUSALS.warning("EZSP connection from %s refused: the port has a host", where)
            self._announce(f"EZSP host refused ({where}): the NCP already has a host")
            return False
        return True

    async def converse(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, where: str
    ) -> None:
        link = AshLink(_writer(writer), self.ncp.handle, self.ncp.reset)
        send = _sender(link)
        self.link = link
        self.ncp.connect(send)
        self._announce(f"EZSP host attached ({where})")
        frames = FrameReader()
        try:
            while data := await reader.read(4096):
                for frame in frames.feed(data):
                    try:
                        link.receive(frame)
                    except Exception:  # one bad request must not cost the host its port
                        LOGGER.exception("handling %r failed", frame)
        except ConnectionError:
            pass
        finally:
            link.close()
            self.ncp.disconnect(send)
            if self.link is link:
                self.link = None
            self._announce(f"EZSP host left ({where})")


def _sender(link: AshLink) -> Callable[[bytes, bool], None]:
    def send(payload: bytes, droppable: bool) -> None:
        link.send(payload, droppable=droppable)

    return send


def _writer(writer: asyncio.StreamWriter) -> Callable[[bytes], None]:
    """Bytes are collected and written once per pass of the loop: a burst of callbacks (the home
    stepping fast) costs one write, not one per frame. Order is kept."""
    pending = bytearray()
    loop = asyncio.get_running_loop()

    def flush() -> None:
        if not writer.is_closing():
            writer.write(bytes(pending))
        pending.clear()

    def write(data: bytes) -> None:
        if writer.is_closing():
            return
        if not pending:
            loop.call_soon(flush)
        pending.extend(data)

    return write
