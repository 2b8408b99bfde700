"""The served air's wire protocol: how a display on another process reaches an emulated home.

``python -m home_emulator serve`` keeps one home running; each display's virtual radio connects over
TCP (``tcp://HOST:PORT`` as its device path) and exchanges the same ZigbeePackets it would exchange
with an in-process ``Air``. The protocol only carries what the air carries, so the display side is
unchanged zigpy.

Framing
    Every message is ``length`` (uint32, little-endian: the number of bytes that follow, at most
    65,535), then ``kind`` (uint8), then the body. All integers are little-endian, as on ZigBee.

Messages
    ======  ==========  ===============  ============================================================
    kind    name        direction        body
    ======  ==========  ===============  ============================================================
    0x01    HELLO       display → home   ``b"SEAIR"``, protocol version (uint8, 1), the display's
                                         EUI-64 (8 bytes, least significant first, as on air)
    0x02    WELCOME     home → display   protocol version (uint8), heartbeat interval (uint32,
                                         milliseconds): the device log admits the display
    0x03    REFUSED     home → display   the reason, UTF-8; the home then closes the connection
    0x04    START       display → home   (empty) the display's network is up: put it on the air and
                                         announce the nodes already there
    0x05    JOINED      home → display   NWK (uint16), EUI-64 of a node that joined
    0x06    LEFT        home → display   NWK (uint16), EUI-64 of a node that left
    0x07    SEND        display → home   sequence (uint32), then a packet to a node
    0x08    DELIVERY    home → display   sequence (uint32), status (uint8: 0 delivered, 1 no such
                                         node, 2 failed), detail (UTF-8): one for every SEND
    0x09    FRAME       home → display   a packet from a node to this display
    0x0A    CHALLENGE   home → display   a 16-byte nonce the display must prove its link key on
    0x0B    PROOF       display → home   HMAC-SHA256 (32 bytes) of the nonce and the display's EUI-64
                                         under its link key (``air/identity.py``)
    0x0C    HEARTBEAT   display → home   (empty) the display is still there
    ======  ==========  ===============  ============================================================

    A session is HELLO → [CHALLENGE → PROOF →] WELCOME | REFUSED, then START, then SENDs and FRAMEs
    in any order. A home that knows its displays' install codes challenges every connection: the
    link key derived from the install code never crosses the wire, only a proof of holding it. The home
    writes a SEND's answers (FRAMEs) before its DELIVERY, as a radio hands up a reply no earlier
    than it confirms the request.

    An attached display keeps its EUI-64 until it disconnects or falls silent: it sends a
    HEARTBEAT at the interval the WELCOME named, and a home that hears nothing from it (no
    message of any kind) for ``MISSED_HEARTBEATS`` intervals takes it off the air and closes the
    connection, so a display that hung without closing its socket cannot keep its EUI-64 from a
    genuine display for ever.

Packets (the fields of a zigpy ``ZigbeePacket`` the air uses), 28 bytes then the payload:
    src mode (uint8: 1 group, 2 NWK, 3 IEEE, 15 broadcast, 0xFF none), src address (8 bytes: an
    EUI-64, or a 16-bit address then zeros), dst mode, dst address, presence flags (uint8: bit 0
    src endpoint, bit 1 dst endpoint, bit 2 LQI, bit 3 RSSI), src endpoint (uint8), dst endpoint
    (uint8), TSN (uint8), profile (uint16), cluster (uint16), LQI (uint8), RSSI (int8), then the
    APS payload (ZCL or ZDO frame) to the end of the message.
"""

from __future__ import annotations

import asyncio
import enum
import struct
from dataclasses import dataclass

import zigpy.types as t

MAGIC = b"SEAIR"
VERSION = 3
"""2: the home may challenge a hello (CHALLENGE, PROOF); 3: heartbeats (WELCOME names the
interval, the display sends HEARTBEAT)."""
NONCE_BYTES = 16
PROOF_BYTES = 32
MAX_MESSAGE = 0xFFFF
HEARTBEAT_INTERVAL_S = 5.0
"""How often a display says it is still there, unless the home asks otherwise."""
MISSED_HEARTBEATS = 3
"""Intervals of silence after which the home takes a display off the air."""

_LENGTH = struct.Struct("<I")
_HEAD = struct.Struct("<IB")
_NODE = struct.Struct("<H8s")
_SEQ = struct.Struct("<I")
_WELCOME = struct.Struct("<BI")
_DELIVERY = struct.Struct("<IB")
_PACKET = struct.Struct("<B8sB8sBBBBHHBb")
_NO_ADDRESS = 0xFF
_SRC_EP, _DST_EP, _LQI, _RSSI = 0x01, 0x02, 0x04, 0x08


class Kind(enum.IntEnum):
    HELLO = 0x01
    WELCOME = 0x02
    REFUSED = 0x03
    START = 0x04
    JOINED = 0x05
    LEFT = 0x06
    SEND = 0x07
    DELIVERY = 0x08
    FRAME = 0x09
    CHALLENGE = 0x0A
    PROOF = 0x0B
    HEARTBEAT = 0x0C


class DeliveryStatus(enum.IntEnum):
    DELIVERED = 0
    NO_SUCH_NODE = 1
    FAILED = 2


class ProtocolError(ValueError):
    """Bytes that are not this protocol: the connection cannot continue."""


@dataclass(frozen=True)
class Hello:
    ieee: t.EUI64
    version: int = VERSION


@dataclass(frozen=True)
class Welcome:
    version: int = VERSION
    heartbeat_s: float = HEARTBEAT_INTERVAL_S
    """How often the home expects the display's heartbeat (whole milliseconds on the wire)."""


@dataclass(frozen=True)
class Refused:
    reason: str


@dataclass(frozen=True)
class Start:
    pass


@dataclass(frozen=True)
class Challenge:
    nonce: bytes


@dataclass(frozen=True)
class Proof:
    mac: bytes


@dataclass(frozen=True)
class Heartbeat:
    pass


@dataclass(frozen=True)
class Joined:
    nwk: int
    ieee: t.EUI64


@dataclass(frozen=True)
class Left:
    nwk: int
    ieee: t.EUI64


@dataclass(frozen=True)
class Send:
    seq: int
    packet: t.ZigbeePacket


@dataclass(frozen=True)
class Delivery:
    seq: int
    status: DeliveryStatus
    detail: str = ""


@dataclass(frozen=True)
class Frame:
    packet: t.ZigbeePacket


Message = (
    Hello
    | Welcome
    | Refused
    | Start
    | Joined
    | Left
    | Send
    | Delivery
    | Frame
    | Challenge
    | Proof
    | Heartbeat
)


# Encoding ------------------------------------------------------------------------------------


def encode(message: Message) -> bytes:
    """One whole message, length prefix included."""
    kind, body = _body(message)
    if len(body) + 1 > MAX_MESSAGE:
        raise ProtocolError(f"a {kind.name} message of {len(body) + 1} bytes is too long")
    return _HEAD.pack(len(body) + 1, kind) + body


def encode_frame(packet: t.ZigbeePacket) -> bytes:
    """``encode(Frame(packet))`` without the message object: the home's report path."""
    body = encode_packet(packet)
    return _HEAD.pack(len(body) + 1, Kind.FRAME) + body


def _body(message: Message) -> tuple[Kind, bytes]:
    match message:
        case Hello(ieee, version):
            return Kind.HELLO, MAGIC + bytes([version]) + ieee.serialize()
        case Welcome(version, heartbeat_s):
            return Kind.WELCOME, _WELCOME.pack(version, round(heartbeat_s * 1000))
        case Refused(reason):
            return Kind.REFUSED, reason.encode()
        case Start() | Heartbeat():
            return (Kind.START if isinstance(message, Start) else Kind.HEARTBEAT), b""
        case Joined(nwk, ieee):
            return Kind.JOINED, _NODE.pack(nwk, ieee.serialize())
        case Left(nwk, ieee):
            return Kind.LEFT, _NODE.pack(nwk, ieee.serialize())
        case Send(seq, packet):
            return Kind.SEND, _SEQ.pack(seq) + encode_packet(packet)
        case Delivery(seq, status, detail):
            return Kind.DELIVERY, _DELIVERY.pack(seq, status) + detail.encode()
        case Frame(packet):
            return Kind.FRAME, encode_packet(packet)
        case Challenge(nonce):
            return Kind.CHALLENGE, nonce
        case Proof(mac):
            return Kind.PROOF, mac
    raise TypeError(f"not a message: {message!r}")


def encode_packet(packet: t.ZigbeePacket) -> bytes:
    src_mode, src = _address(packet.src)
    dst_mode, dst = _address(packet.dst)
    flags = (
        (_SRC_EP if packet.src_ep is not None else 0)
        | (_DST_EP if packet.dst_ep is not None else 0)
        | (_LQI if packet.lqi is not None else 0)
        | (_RSSI if packet.rssi is not None else 0)
    )
    return (
        _PACKET.pack(
            src_mode,
            src,
            dst_mode,
            dst,
            flags,
            packet.src_ep or 0,
            packet.dst_ep or 0,
            packet.tsn,
            packet.profile_id,
            packet.cluster_id,
            packet.lqi or 0,
            packet.rssi or 0,
        )
        + packet.data.serialize()
    )


def _address(address: t.AddrModeAddress | None) -> tuple[int, bytes]:
    if address is None or address.address is None:
        return _NO_ADDRESS, bytes(8)
    value = address.address
    if isinstance(value, t.EUI64):
        return address.addr_mode, value.serialize()
    return address.addr_mode, int(value).to_bytes(8, "little")


# Decoding ------------------------------------------------------------------------------------


async def read_message(reader: asyncio.StreamReader) -> Message:
    """The next whole message; ``asyncio.IncompleteReadError`` when the peer has gone."""
    (length,) = _LENGTH.unpack(await reader.readexactly(_LENGTH.size))
    if not 1 <= length <= MAX_MESSAGE:
        raise ProtocolError(f"a message of {length} bytes is not this protocol")
    message = await reader.readexactly(length)
    return decode(message[0], message[1:])


def decode(kind: int, body: bytes) -> Message:
    try:
        return _decode(Kind(kind), body)
    except ValueError as error:  # struct.error is a ValueError too
        raise ProtocolError(f"bad message of kind {kind:#04x}: {error}") from error


def _decode(kind: Kind, body: bytes) -> Message:  # noqa: C901 - one branch per message kind of the wire protocol, read in one place
    if kind == Kind.FRAME:
        return Frame(decode_packet(body))
    if kind == Kind.SEND:
        (seq,) = _SEQ.unpack_from(body)
        return Send(seq, decode_packet(body[_SEQ.size :]))
    if kind == Kind.DELIVERY:
        seq, status = _DELIVERY.unpack_from(body)
        return Delivery(seq, DeliveryStatus(status), body[_DELIVERY.size :].decode())
    if kind in (Kind.JOINED, Kind.LEFT):
        nwk, ieee = _NODE.unpack(body)
        node = Joined if kind == Kind.JOINED else Left
        return node(nwk, _eui64(ieee))
    if kind == Kind.HELLO:
        if len(body) != len(MAGIC) + 9 or not body.startswith(MAGIC):
            raise ProtocolError("a hello that is not this protocol's")
        return Hello(_eui64(body[len(MAGIC) + 1 :]), body[len(MAGIC)])
    if kind == Kind.WELCOME:
        if len(body) != _WELCOME.size:
            raise ProtocolError("a welcome of the wrong length")
        version, heartbeat_ms = _WELCOME.unpack(body)
        if not heartbeat_ms:
            raise ProtocolError("a welcome with no heartbeat interval")
        return Welcome(version, heartbeat_ms / 1000)
    if kind == Kind.REFUSED:
        return Refused(body.decode())
    if kind == Kind.CHALLENGE:
        if len(body) != NONCE_BYTES:
            raise ProtocolError("a challenge of the wrong length")
        return Challenge(body)
    if kind == Kind.PROOF:
        if len(body) != PROOF_BYTES:
            raise ProtocolError("a proof of the wrong length")
        return Proof(body)
    if body:
        raise ProtocolError(f"a {kind.name.lower()} with a body")
    return Heartbeat() if kind == Kind.HEARTBEAT else Start()


def decode_packet(body: bytes) -> t.ZigbeePacket:
    (src_mode, src, dst_mode, dst, flags, src_ep, dst_ep, tsn, profile, cluster, lqi, rssi) = (
        _PACKET.unpack_from(body)
    )
    return t.ZigbeePacket(
        src=_address_from(src_mode, src),
        src_ep=t.uint8_t(src_ep) if flags & _SRC_EP else None,
        dst=_address_from(dst_mode, dst),
        dst_ep=t.uint8_t(dst_ep) if flags & _DST_EP else None,
        tsn=t.uint8_t(tsn),
        profile_id=t.uint16_t(profile),
        cluster_id=t.uint16_t(cluster),
        data=t.SerializableBytes(body[_PACKET.size :]),
        lqi=t.uint8_t(lqi) if flags & _LQI else None,
        rssi=t.int8s(rssi) if flags & _RSSI else None,
    )


def _address_from(mode: int, raw: bytes) -> t.AddrModeAddress | None:
    if mode == _NO_ADDRESS:
        return None
    addr_mode = t.AddrMode(mode)
    if addr_mode == t.AddrMode.IEEE:
        return t.AddrModeAddress(addr_mode=addr_mode, address=_eui64(raw))
    return t.AddrModeAddress(addr_mode=addr_mode, address=int.from_bytes(raw, "little"))  # type: ignore[arg-type]


def _eui64(raw: bytes) -> t.EUI64:
    ieee, _ = t.EUI64.deserialize(raw)
    return ieee
