"""The home's side of a served air: displays on other processes attach over TCP (``air_wire.py``).

Each connection becomes one display on the ``Air`` – a ``Coordinator`` whose frames are written to
the socket – once the hub's device log admits its EUI-64. Everything else (who hears which frame,
who reaches which node) is the air's business, exactly as for an in-process display.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import zigpy.types as t

from home_emulator.air.identity import new_nonce, proves
from home_emulator.air.medium import Air, AlreadyAttached, NoSuchNode
from home_emulator.air.tcp_service import TcpService
from home_emulator.air.wire import (
    HEARTBEAT_INTERVAL_S,
    MISSED_HEARTBEATS,
    VERSION,
    Challenge,
    Delivery,
    DeliveryStatus,
    Heartbeat,
    Hello,
    Joined,
    Left,
    Message,
    Proof,
    ProtocolError,
    Refused,
    Send,
    Start,
    Welcome,
    encode,
    encode_frame,
    read_message,
)

LOGGER = logging.getLogger(__name__)

HELLO_TIMEOUT_S = 10.0
SEND_BUFFER_LIMIT = 1 << 20
"""Bytes queued for one display before its frames are dropped. At high speeds the home sends far
faster than a display can decode; a congested HAN loses frames too, and the session polls when
nothing fresh arrives."""

Announce = Callable[[str], None]
_METERS_AND_HUB = frozenset({"ESME", "GSME", "GPF", "HCALCS"})
"""Device-log kinds that are the home's own devices, never a display on the network."""
InstallCodes = Callable[[t.EUI64], bytes | None]
"""The install code the hub's device log holds for a display (None: not in the log)."""


class _FellSilent(Exception):
    """A welcomed display sent nothing, not even its heartbeat, for too long."""


class RemoteDisplay:
    """A display attached over TCP, as the air sees it."""

    def __init__(self, ieee: t.EUI64, writer: asyncio.StreamWriter) -> None:
        self.ieee = ieee
        self._writer = writer
        self.frames_dropped = 0

    def frame_from_air(self, packet: t.ZigbeePacket) -> None:
        self._write(encode_frame(packet))

    def node_joined(self, nwk: int, ieee: t.EUI64) -> None:
        self._write(encode(Joined(nwk, ieee)))

    def node_left(self, nwk: int, ieee: t.EUI64) -> None:
        self._write(encode(Left(nwk, ieee)))

    def send(self, message: Message) -> None:
        self._write(encode(message))

    def _write(self, data: bytes) -> None:
        if self._writer.is_closing():
            return
        if self._writer.transport.get_write_buffer_size() > SEND_BUFFER_LIMIT:
            if not self.frames_dropped:
                LOGGER.warning("display %s is not keeping up: dropping frames", self.ieee)
            self.frames_dropped += 1
            return
        self._writer.write(data)


class AirServer(TcpService):
    """Serves one air on a TCP port; ``announce`` hears one line per display attaching or leaving."""

    def __init__(
        self,
        air: Air,
        *,
        announce: Announce = LOGGER.info,
        install_code_of: InstallCodes | None = None,
        heartbeat_s: float = HEARTBEAT_INTERVAL_S,
    ) -> None:
        """``install_code_of``: challenge every display to prove its link key (without it, a
        display is taken at its word – for tests and tools on one machine). ``heartbeat_s``: how
        often a display must say it is still there; silent for ``MISSED_HEARTBEATS`` of these,
        it loses its place (and its EUI-64) on the air."""
        super().__init__()
        self.air = air
        self.heartbeat_s = heartbeat_s
        self._announce = announce
        self._install_code_of = install_code_of
        self.displays: dict[str, RemoteDisplay] = {}
        """Welcomed displays by EUI-64 text."""

    async def converse(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, where: str
    ) -> None:
        display: RemoteDisplay | None = None
        try:
            display = await self._welcome(reader, writer, where)
            if display is not None:
                await self._converse(reader, display)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass  # the display went away
        except ProtocolError as error:
            LOGGER.warning("display at %s: %s", where, error)
        except TimeoutError:
            LOGGER.warning("display at %s said no hello within %.0f s", where, HELLO_TIMEOUT_S)
        except _FellSilent:
            assert display is not None
            self._announce(
                f"display {display.ieee} missed its heartbeat"
                f" (silent for {self.heartbeat_s * MISSED_HEARTBEATS:g} s): taken off the air"
                f" ({where})"
            )
        finally:
            if display is not None:
                self.air.detach(display)
                self.displays.pop(str(display.ieee), None)
                self._announce(f"display {display.ieee} left ({where})")

    async def _welcome(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, where: str
    ) -> RemoteDisplay | None:
        async with asyncio.timeout(HELLO_TIMEOUT_S):
            hello = await read_message(reader)
        reason = self._refusal(hello)
        if reason is not None:
            self._announce(f"display refused ({where}): {reason}")
            writer.write(encode(Refused(reason)))
            await writer.drain()
            return None
        assert isinstance(hello, Hello)
        if self._install_code_of is not None and not await self._proven(reader, writer, hello):
            reason = f"this display could not prove it is {hello.ieee}"
            self._announce(f"display refused ({where}): {reason}")
            writer.write(encode(Refused(reason)))
            await writer.drain()
            return None
        if str(hello.ieee) in self.displays:  # another took the EUI-64 while this one answered
            self._announce(f"display refused ({where}): {hello.ieee} is already attached")
            writer.write(encode(Refused(f"a display with EUI-64 {hello.ieee} is already attached")))
            await writer.drain()
            return None
        display = RemoteDisplay(hello.ieee, writer)
        self.displays[str(hello.ieee)] = display
        display.send(Welcome(heartbeat_s=self.heartbeat_s))
        self._announce(f"display {hello.ieee} attached ({where})")
        return display

    async def _proven(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, hello: Hello
    ) -> bool:
        """Challenge the display to prove it holds the link key of its install code."""
        assert self._install_code_of is not None
        install_code = self._install_code_of(hello.ieee)
        if install_code is None:
            return False
        nonce = new_nonce()
        writer.write(encode(Challenge(nonce)))
        async with asyncio.timeout(HELLO_TIMEOUT_S):
            answer = await read_message(reader)
        return isinstance(answer, Proof) and proves(answer.mac, install_code, nonce, hello.ieee)

    def _refusal(self, hello: Message) -> str | None:
        if not isinstance(hello, Hello):
            return "expected a hello"
        if hello.version != VERSION:
            return f"protocol version {hello.version} is not {VERSION}"
        if self.air.role_of(hello.ieee) in _METERS_AND_HUB or any(
            node.ieee == hello.ieee for node in list(self.air.nodes.values())
        ):
            # A meter's or the hub's EUI-64 is never a display's, whatever the device log says.
            return f"{hello.ieee} is a device of this home, not a display"
        if not self.air.admits(hello.ieee):
            return f"this display ({hello.ieee}) is not in the hub's device log"
        if str(hello.ieee) in self.displays:
            return f"a display with EUI-64 {hello.ieee} is already attached"
        return None

    async def _converse(self, reader: asyncio.StreamReader, display: RemoteDisplay) -> None:
        silence_s = self.heartbeat_s * MISSED_HEARTBEATS
        while True:
            try:
                async with asyncio.timeout(silence_s):  # any message, not only a heartbeat, counts
                    message = await read_message(reader)
            except TimeoutError:
                raise _FellSilent from None
            if isinstance(message, Heartbeat):
                continue
            if isinstance(message, Send):
                display.send(self._deliver(message, display))
            elif isinstance(message, Start):
                try:
                    self.air.attach(display)
                except AlreadyAttached as error:
                    display.send(Refused(str(error)))
                    return
            else:
                raise ProtocolError(f"a display does not send {type(message).__name__}")

    def _deliver(self, message: Send, display: RemoteDisplay) -> Delivery:
        try:
            self.air.to_node(message.packet, display)
        except NoSuchNode as error:
            return Delivery(message.seq, DeliveryStatus.NO_SUCH_NODE, str(error))
        except Exception as error:  # a node that fails must not take the whole home down
            LOGGER.exception("delivering %r failed", message.packet)
            return Delivery(message.seq, DeliveryStatus.FAILED, str(error))
        return Delivery(message.seq, DeliveryStatus.DELIVERED)
