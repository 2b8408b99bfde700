"""A display's side of a served air: the virtual radio's connection to ``home_emulator serve``.

The link speaks ``air_wire.py`` over TCP and hands what arrives to the display exactly as an
in-process ``Air`` would (``frame_from_air``, ``node_joined``, ``node_left``), so the virtual radio
– and zigpy above it – cannot tell the two apart.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
from collections.abc import Callable

import zigpy.types as t

from home_emulator.air.address import parse_address
from home_emulator.air.identity import proof
from home_emulator.air.link_errors import LinkLost, LinkRefused
from home_emulator.air.medium import Coordinator, NoSuchNode
from home_emulator.air.wire import (
    VERSION,
    Challenge,
    Delivery,
    DeliveryStatus,
    Frame,
    Heartbeat,
    Hello,
    Joined,
    Left,
    Proof,
    Refused,
    Send,
    Start,
    Welcome,
    encode,
    read_message,
)

LOGGER = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10.0


LostCallback = Callable[[Exception], None]


class AirLink:
    """One display's connection; every task it starts, ``close`` ends."""

    def __init__(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        display: Coordinator,
        on_lost: LostCallback,
        *,
        heartbeat_s: float,
    ) -> None:
        self._reader = reader
        self._heartbeat_s = heartbeat_s
        self._writer = writer
        self._display = display
        self._on_lost = on_lost
        self._sequence = itertools.count(1)
        self._pending: dict[int, asyncio.Future[Delivery]] = {}
        self._lost: Exception | None = None
        self._reading: asyncio.Task[None] | None = None
        self._beating: asyncio.Task[None] | None = None

    @classmethod
    async def open(
        cls,
        url: str,
        display: Coordinator,
        on_lost: LostCallback,
        *,
        ieee: t.EUI64,
        install_code: bytes | None = None,
    ) -> AirLink:
        """Connect and say hello as ``ieee``, proving it with the link key of ``install_code``
        when the home asks: LinkRefused if the home will not have this display."""
        host, port = parse_address(url)
        async with asyncio.timeout(CONNECT_TIMEOUT_S):
            reader, writer = await asyncio.open_connection(host, port)
            try:
                writer.write(encode(Hello(ieee)))
                reply = await read_message(reader)
                if isinstance(reply, Challenge) and install_code is not None:
                    writer.write(encode(Proof(proof(install_code, reply.nonce, ieee))))
                    reply = await read_message(reader)
            except BaseException:
                writer.close()
                raise
        if not isinstance(reply, Welcome) or reply.version != VERSION:
            writer.close()
            if isinstance(reply, Refused):
                raise LinkRefused(reply.reason)
            raise LinkRefused(f"the home at {url} answered hello with {reply!r}")
        link = cls(reader, writer, display, on_lost, heartbeat_s=reply.heartbeat_s)
        loop = asyncio.get_running_loop()
        link._reading = loop.create_task(link._read(), name=f"air-link-{host}:{port}")
        link._beating = loop.create_task(link._beat(), name=f"air-link-heartbeat-{host}:{port}")
        return link

    def start(self) -> None:
        """The display's network is up: the home puts it on the air and announces its nodes."""
        self._writer.write(encode(Start()))

    async def send(self, packet: t.ZigbeePacket) -> None:
        """Hand a frame to its node; NoSuchNode as in-process, LinkLost when the home has gone."""
        if self._lost is not None:
            raise LinkLost(f"the emulated home is gone ({self._lost})")
        seq = next(self._sequence) & 0xFFFFFFFF
        delivered = asyncio.get_running_loop().create_future()
        self._pending[seq] = delivered
        try:
            self._writer.write(encode(Send(seq, packet)))
            delivery = await delivered
        finally:
            self._pending.pop(seq, None)
        if delivery.status == DeliveryStatus.NO_SUCH_NODE:
            raise NoSuchNode(delivery.detail)
        if delivery.status != DeliveryStatus.DELIVERED:
            raise LinkLost(f"the home could not deliver the frame: {delivery.detail}")

    async def close(self) -> None:
        """Hang up (not a loss: ``on_lost`` is not called)."""
        for task in (self._beating, self._reading):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._beating = self._reading = None
        self._fail_pending(LinkLost("the display hung up"))
        self._writer.close()
        with contextlib.suppress(ConnectionError):
            await self._writer.wait_closed()

    async def _beat(self) -> None:
        """Tell the home this display is still there, however quiet its session is."""
        while self._lost is None and not self._writer.is_closing():
            await asyncio.sleep(self._heartbeat_s)
            if self._lost is None and not self._writer.is_closing():
                self._writer.write(encode(Heartbeat()))

    async def _read(self) -> None:
        try:
            while True:
                message = await read_message(self._reader)
                if isinstance(message, Frame):
                    self._display.frame_from_air(message.packet)
                elif isinstance(message, Delivery):
                    waiting = self._pending.get(message.seq)
                    if waiting is not None and not waiting.done():
                        waiting.set_result(message)
                elif isinstance(message, Joined):
                    self._display.node_joined(message.nwk, message.ieee)
                elif isinstance(message, Left):
                    self._display.node_left(message.nwk, message.ieee)
                elif isinstance(message, Refused):
                    raise LinkRefused(message.reason)
                else:
                    raise LinkLost(f"the home sent {type(message).__name__} mid-session")
        except asyncio.CancelledError:
            raise
        except asyncio.IncompleteReadError:
            self._lose(LinkLost("the emulated home closed the connection"))
        except (OSError, ValueError) as error:  # reset, refused mid-session, not the protocol
            self._lose(error)

    def _lose(self, error: Exception) -> None:
        LOGGER.warning("lost the emulated home: %s", error)
        self._lost = error
        if self._beating is not None:
            self._beating.cancel()
        self._fail_pending(LinkLost(f"the emulated home is gone ({error})"))
        self._writer.close()
        self._on_lost(error)

    def _fail_pending(self, error: Exception) -> None:
        for waiting in self._pending.values():
            if not waiting.done():
                waiting.set_exception(error)
        self._pending.clear()
