"""A TCP listener for the emulator's own services (the air link for remote displays, the emulated
coordinator's serial port): one task per connection, each ended by a hang-up when the service
closes – asyncio (3.11) logs a *cancelled* connection handler as an error, while a closed socket
ends the handler's read like the peer leaving."""

from __future__ import annotations

import asyncio
import contextlib


class TcpService:
    def __init__(self) -> None:
        self._server: asyncio.Server | None = None
        self._connections: dict[asyncio.Task[None], asyncio.StreamWriter] = {}
        self._idle: asyncio.Event | None = None

    async def start(self, host: str, port: int) -> tuple[str, int]:
        """Listen; returns the address bound (port 0 picks a free one)."""
        self._server = await asyncio.start_server(self._serve, host, port)
        address = self._server.sockets[0].getsockname()
        return str(address[0]), int(address[1])

    async def close(self) -> None:
        """Stop listening and hang up on every peer."""
        if self._server is not None:
            self._server.close()
        for writer in self._connections.values():
            writer.close()
        await asyncio.gather(*self._connections, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()
            self._server = None

    def hang_up_all(self) -> None:
        """Close every connection there is (a port with one user changing hands)."""
        for writer in list(self._connections.values()):
            writer.close()

    async def converse(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, where: str
    ) -> None:
        """Talk to one peer until it leaves (the subclass's protocol)."""
        raise NotImplementedError

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        peer = writer.get_extra_info("peername")
        where = f"{peer[0]}:{peer[1]}" if isinstance(peer, tuple) else str(peer)
        if not await self.may_connect(where):
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()
            return
        self.before_connection()
        self._connections[task] = writer
        try:
            await self.converse(reader, writer, where)
        finally:
            self._connections.pop(task, None)
            if not self._connections and self._idle is not None:
                self._idle.set()
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    def before_connection(self) -> None:
        """Called as a peer connects, before it is counted (nothing by default)."""

    async def may_connect(self, where: str) -> bool:
        """Whether a peer connecting from ``where`` is served (every one, by default)."""
        return True

    async def until_idle(self, timeout_s: float) -> bool:
        """Wait up to ``timeout_s`` for every peer to have gone; whether they have."""
        if not self._connections:
            return True
        idle = self._idle = self._idle or asyncio.Event()
        idle.clear()
        try:
            async with asyncio.timeout(timeout_s):
                await idle.wait()
        except TimeoutError:
            return False
        return True
