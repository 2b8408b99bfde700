"""ASH framing: how an EmberZNet network co-processor and its host exchange frames on a UART.

Silicon Labs' UG101 ("UART Gateway Protocol Reference") describes it. A frame is a control byte,
a data field and a CRC, byte-stuffed and ended by a flag byte (0x7E):

- the control byte says the frame's kind: DATA ``0FFFRAAA`` (frame number F, retransmission flag
  R, acknowledgement number A – the next frame number the sender expects), ACK ``100PNAAA`` and
  NAK ``101PNAAA`` (N: the sender is not ready), RST 0xC0, RSTACK 0xC1, ERROR 0xC2;
- a DATA frame's field (an EZSP frame) is XORed with a pseudo-random sequence, so that long runs
  of equal bytes do not reach the line: a linear feedback shift register starting at 0x42, shifted
  right each byte and XORed with 0xB8 when the bit shifted out is 1;
- the CRC is CRC-CCITT (polynomial 0x1021, initial value 0xFFFF) over control byte and data
  field, most significant byte first;
- the reserved bytes 0x7E (flag), 0x7D (escape), 0x11/0x13 (XON/XOFF), 0x18 (substitute) and
  0x1A (cancel) never appear inside a frame: each is sent as 0x7D and the byte XOR 0x20.

``FrameReader`` takes bytes as the line delivers them and yields decoded frames; a frame that fails
its CRC or makes no sense comes out as ``Corrupt`` (the link answers a bad DATA frame with a NAK).
A cancel byte throws away what came since the last flag; a substitute byte (a byte the UART could
not receive) spoils the frame it is in; XON and XOFF are flow control and are dropped.
"""

from __future__ import annotations

import binascii
import enum
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass

from han.quiet_log import QuietLog

LOGGER = logging.getLogger(__name__)
_BAD_FRAMES = QuietLog(LOGGER)

FLAG = 0x7E
ESCAPE = 0x7D
XON = 0x11
XOFF = 0x13
SUBSTITUTE = 0x18
CANCEL = 0x1A
RESERVED = frozenset((FLAG, ESCAPE, XON, XOFF, SUBSTITUTE, CANCEL))
_LINE_CONTROL = re.compile(b"[\\x11\\x13\\x18\\x1a]")
"""The bytes that act on the line rather than end a frame: XON, XOFF, substitute, cancel."""
_FLIP = 0x20
ASH_VERSION = 2
"""The version of ASH an RSTACK or ERROR frame announces (the only one there is)."""
MAX_DATA_FIELD = 128
"""The longest data field of a DATA frame UG101 allows (an EZSP frame of up to 128 bytes)."""
MAX_FRAME = 1 + MAX_DATA_FIELD + 2
"""Control byte, data field and CRC: anything longer between two flags is line noise."""


class ResetCode(enum.IntEnum):
    """Why the NCP reset, as an RSTACK or ERROR frame says it."""

    UNKNOWN = 0x00
    EXTERNAL = 0x01
    POWER_ON = 0x02
    WATCHDOG = 0x03
    ASSERT = 0x06
    BOOTLOADER = 0x09
    SOFTWARE = 0x0B
    EXCEEDED_MAXIMUM_ACK_TIMEOUT_COUNT = 0x51


def crc_ccitt(data: bytes) -> int:
    """CRC-CCITT as ASH computes it: polynomial 0x1021, initial value 0xFFFF, no reflection – the
    CRC the standard library's ``binascii.crc_hqx`` computes (every frame both ways pays for it)."""
    return binascii.crc_hqx(data, 0xFFFF)


def _pseudo_random_sequence(length: int) -> bytes:
    out = bytearray()
    value = 0x42
    for _ in range(length):
        out.append(value)
        value = (value >> 1) ^ 0xB8 if value & 1 else value >> 1
    return bytes(out)


PSEUDO_RANDOM = _pseudo_random_sequence(256)
"""The sequence a DATA frame's field is XORed with, from its first byte (it restarts per frame)."""


def randomise(data: bytes) -> bytes:
    """XOR ``data`` with the pseudo-random sequence; applying it twice gives ``data`` back."""
    length = len(data)
    if length > len(PSEUDO_RANDOM):
        raise ValueError(f"a {length}-byte data field is too long for ASH")
    # One XOR of two big integers rather than one per byte: every DATA frame is randomised.
    mixed = int.from_bytes(data, "big") ^ int.from_bytes(PSEUDO_RANDOM[:length], "big")
    return mixed.to_bytes(length, "big")


_ESCAPES = tuple(
    (bytes((byte,)), bytes((ESCAPE, byte ^ _FLIP))) for byte in sorted(RESERVED - {ESCAPE})
)


def stuff(frame: bytes) -> bytes:
    """Escape every reserved byte: 0x7D, then the byte with bit 5 flipped."""
    # The escape byte itself first, so that the escapes written after it are not escaped again.
    out = bytes(frame).replace(bytes((ESCAPE,)), bytes((ESCAPE, ESCAPE ^ _FLIP)))
    for reserved, escaped in _ESCAPES:
        out = out.replace(reserved, escaped)
    return out


def unstuff(stuffed: bytes) -> bytes:
    """Undo ``stuff``; ValueError for an escape that escapes nothing reserved or ends the frame."""
    if ESCAPE not in stuffed:
        return bytes(stuffed)  # most frames: nothing was escaped
    out = bytearray()
    escaped = False
    for byte in stuffed:
        if escaped:
            original = byte ^ _FLIP
            if original not in RESERVED:
                raise ValueError(f"0x7D escapes 0x{byte:02X}, which hides no reserved byte")
            out.append(original)
            escaped = False
        elif byte == ESCAPE:
            escaped = True
        else:
            out.append(byte)
    if escaped:
        raise ValueError("the frame ends in an escape byte")
    return bytes(out)


# The frames ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Data:
    frame_number: int
    retransmitted: bool
    ack_number: int
    payload: bytes
    """The EZSP frame, not randomised."""

    def control(self) -> int:
        return (self.frame_number & 7) << 4 | int(self.retransmitted) << 3 | (self.ack_number & 7)

    def field(self) -> bytes:
        return randomise(self.payload)


@dataclass(frozen=True)
class Ack:
    ack_number: int
    not_ready: bool = False

    def control(self) -> int:
        return 0x80 | int(self.not_ready) << 3 | (self.ack_number & 7)

    def field(self) -> bytes:
        return b""


@dataclass(frozen=True)
class Nak:
    ack_number: int
    not_ready: bool = False

    def control(self) -> int:
        return 0xA0 | int(self.not_ready) << 3 | (self.ack_number & 7)

    def field(self) -> bytes:
        return b""


@dataclass(frozen=True)
class Rst:
    def control(self) -> int:
        return 0xC0

    def field(self) -> bytes:
        return b""


@dataclass(frozen=True)
class RstAck:
    reset_code: int
    version: int = ASH_VERSION

    def control(self) -> int:
        return 0xC1

    def field(self) -> bytes:
        return bytes((self.version, self.reset_code))


@dataclass(frozen=True)
class Error:
    error_code: int
    version: int = ASH_VERSION

    def control(self) -> int:
        return 0xC2

    def field(self) -> bytes:
        return bytes((self.version, self.error_code))


AshFrame = Data | Ack | Nak | Rst | RstAck | Error


@dataclass(frozen=True)
class Corrupt:
    """Bytes between two flags that are no frame: a bad CRC, a bad escape, an unknown kind."""

    raw: bytes
    reason: str

    @property
    def was_data(self) -> bool:
        """Whether it looks as if it was meant to be a DATA frame (which earns a NAK)."""
        return bool(self.raw) and not self.raw[0] & 0x80


def encode(frame: AshFrame) -> bytes:
    """The frame as it goes on the line: stuffed, with its CRC, ended by a flag byte."""
    body = bytes((frame.control(),)) + frame.field()
    return stuff(body + crc_ccitt(body).to_bytes(2, "big")) + bytes((FLAG,))


def decode(unstuffed: bytes) -> AshFrame:
    """One frame from its bytes without stuffing or flag; ValueError if it is none."""
    if len(unstuffed) < 3:
        raise ValueError(f"{len(unstuffed)} bytes are too few for a frame")
    body, crc = unstuffed[:-2], int.from_bytes(unstuffed[-2:], "big")
    if crc_ccitt(body) != crc:
        raise ValueError(f"CRC 0x{crc:04X} does not match 0x{crc_ccitt(body):04X}")
    control, field = body[0], body[1:]
    if not control & 0x80:
        if not field:
            raise ValueError("a DATA frame without data")
        return Data((control >> 4) & 7, bool(control & 0x08), control & 7, randomise(field))
    if control & 0xE0 in (0x80, 0xA0):
        if field:
            raise ValueError("an ACK or NAK frame with data")
        kind = Ack if control & 0xE0 == 0x80 else Nak
        return kind(control & 7, bool(control & 0x08))
    if control == 0xC0 and not field:
        return Rst()
    if control in (0xC1, 0xC2) and len(field) == 2:
        return RstAck(field[1], field[0]) if control == 0xC1 else Error(field[1], field[0])
    raise ValueError(f"control byte 0x{control:02X} with {len(field)} data bytes is no frame")


class FrameReader:
    """Bytes in, frames out: a line (or a TCP stream) cuts the bytes anywhere."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._spoiled = False

    def feed(self, data: bytes) -> Iterator[AshFrame | Corrupt]:
        if _LINE_CONTROL.search(data) is None:
            yield from self._feed_frames(data)  # the usual case: whole slices between flags
            return
        for byte in data:
            if byte == FLAG:
                yield from self._end_of_frame()
            elif byte == CANCEL:
                self._buffer.clear()  # the sender gave up on the frame it had started
                self._spoiled = False
            elif byte == SUBSTITUTE:
                self._spoiled = True  # a byte was lost: the frame it belongs to is no good
            elif byte in (XON, XOFF):
                continue
            else:
                self._take(bytes((byte,)))

    def _feed_frames(self, data: bytes) -> Iterator[AshFrame | Corrupt]:
        """``data`` holds no cancel, substitute or flow-control byte: only flags cut it."""
        *whole, rest = bytes(data).split(bytes((FLAG,)))
        for piece in whole:
            self._take(piece)
            yield from self._end_of_frame()
        self._take(rest)

    def _take(self, piece: bytes) -> None:
        """Keep ``piece``, up to the most a frame could be; beyond that it is noise with no flag."""
        room = 2 * MAX_FRAME + 1 - len(self._buffer)
        if len(piece) > room:
            self._spoiled = True
            piece = piece[: max(room, 0)]
        self._buffer += piece

    def _end_of_frame(self) -> Iterator[AshFrame | Corrupt]:
        if self._buffer and not self._spoiled:
            yield self._frame(bytes(self._buffer))
        self._buffer.clear()
        self._spoiled = False

    @staticmethod
    def _frame(stuffed: bytes) -> AshFrame | Corrupt:
        raw = stuffed
        try:
            raw = unstuff(stuffed)
            return decode(raw)
        except ValueError as error:
            _BAD_FRAMES.warning("ASH frame %s discarded: %s", stuffed.hex(), error)
            return Corrupt(raw, str(error))
