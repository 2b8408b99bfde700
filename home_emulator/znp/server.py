"""The emulated coordinator's serial port, on TCP: raw MT bytes, as a network-attached stick.

A radio library opens it with ``socket://HOST:PORT`` as its serial path. One port has one user: a
host that connects while another is attached takes the port over (the old connection is closed),
which is also what a library's probe-then-open sequence needs.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from urllib.parse import urlsplit

from home_emulator.znp.coordinator import EmulatedZnp
from home_emulator.znp.frames import CommandType, Frame, FrameReader

LOGGER = logging.getLogger(__name__)

SCHEME = "tcp"
SEND_BUFFER_LIMIT = 1 << 20
"""Bytes queued for a host before callbacks (frames from the air) are dropped: a serial line that cannot keep
up loses frames too."""


def parse_address(url: str) -> tuple[str, int]:
    """``tcp://HOST:PORT`` → (host, port); port 0 picks a free one. ValueError otherwise."""
    parts = urlsplit(url)
    if parts.scheme != SCHEME or not parts.netloc or parts.path not in ("", "/"):
        raise ValueError(f"--znp expects tcp://HOST:PORT such as tcp://127.0.0.1:6638, not {url!r}")
    try:
        port = parts.port
    except ValueError:
        raise ValueError(f"--znp: bad port in {url!r}") from None
    if not parts.hostname or port is None:
        raise ValueError(f"--znp expects tcp://HOST:PORT with a port, not {url!r}")
    return parts.hostname, port


class ZnpServer:
    """Serves one ``EmulatedZnp`` on a TCP port; ``announce`` hears a line per host."""

    def __init__(
        self, coordinator: EmulatedZnp, *, announce: Callable[[str], None] = LOGGER.info
    ) -> None:
        self.coordinator = coordinator
        self._announce = announce
        self._server: asyncio.Server | None = None
        self._connections: dict[asyncio.Task[None], asyncio.StreamWriter] = {}
        self.frames_dropped = 0

    async def start(self, host: str, port: int) -> tuple[str, int]:
        self._server = await asyncio.start_server(self._serve, host, port)
        address = self._server.sockets[0].getsockname()
        return str(address[0]), int(address[1])

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        for writer in self._connections.values():
            writer.close()
        await asyncio.gather(*self._connections, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()
            self._server = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        for other in list(self._connections.values()):
            other.close()  # the port changes hands
        self._connections[task] = writer
        peer = writer.get_extra_info("peername")
        where = f"{peer[0]}:{peer[1]}" if isinstance(peer, tuple) else str(peer)
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
            self._connections.pop(task, None)
            self.coordinator.disconnect(send)
            self._announce(f"ZNP host left ({where})")
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

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
