"""MT framing: how TI's Z-Stack network processor and its host exchange commands on a serial line.

A frame is ``SOF (0xFE) | LEN | CMD0 | CMD1 | DATA (LEN bytes) | FCS``. CMD0 carries the command
type in its top three bits (1 synchronous request, 2 asynchronous message, 3 synchronous response)
and the subsystem in the low five (SYS, AF, ZDO, UTIL, APP_CNF …); CMD1 is the command within the
subsystem. FCS is the XOR of LEN, CMD0, CMD1 and every DATA byte. DATA is at most 250 bytes.

``FrameReader`` takes bytes as they arrive – a serial line (or a TCP stream) cuts them anywhere –
and yields whole frames. A frame whose FCS does not match is logged and skipped, and reading
resumes at the next SOF, as the network processor itself does with line noise.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import reduce
from operator import xor

from han.quiet_log import QuietLog

LOGGER = logging.getLogger(__name__)
_BAD_BYTES = QuietLog(LOGGER)
"""A host writing garbage at the port costs kilobytes of log, not a line per byte."""

SOF = 0xFE
MAX_DATA = 250
_OVERHEAD = 5  # SOF, LEN, CMD0, CMD1, FCS


class CommandType(enum.IntEnum):
    POLL = 0
    SREQ = 1
    AREQ = 2
    SRSP = 3


class Subsystem(enum.IntEnum):
    RPC_ERROR = 0x00
    SYS = 0x01
    MAC = 0x02
    NWK = 0x03
    AF = 0x04
    ZDO = 0x05
    SAPI = 0x06
    UTIL = 0x07
    DEBUG = 0x08
    APP = 0x09
    APP_CNF = 0x0F
    ZGP = 0x15


@dataclass(frozen=True)
class Frame:
    type: CommandType
    subsystem: int
    command: int
    data: bytes = b""

    @property
    def cmd0(self) -> int:
        return (int(self.type) << 5) | self.subsystem

    @property
    def key(self) -> tuple[int, int]:
        """(CMD0, CMD1): what names a command on the wire."""
        return self.cmd0, self.command

    def encode(self) -> bytes:
        if len(self.data) > MAX_DATA:
            raise ValueError(f"an MT frame carries at most {MAX_DATA} bytes, not {len(self.data)}")
        frame = bytearray((SOF, len(self.data), self.cmd0, self.command))
        frame += self.data
        frame.append(fcs(frame[1:]))
        return bytes(frame)


def fcs(body: bytes | bytearray) -> int:
    """The frame check sequence: XOR of every byte from LEN to the end of DATA."""
    return reduce(xor, body, 0)


def frame_from_header(cmd0: int, cmd1: int, data: bytes) -> Frame:
    return Frame(CommandType(cmd0 >> 5), cmd0 & 0x1F, cmd1, bytes(data))


class FrameReader:
    """Reassembles frames from a byte stream; counts what it had to throw away."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self.bad_frames = 0
        """Frames dropped for a wrong FCS or an impossible length."""

    def feed(self, data: bytes) -> Iterator[Frame]:
        self._buffer += data
        while True:
            frame = self._next()
            if frame is None:
                return
            yield frame

    def _next(self) -> Frame | None:
        buffer = self._buffer
        while buffer:
            start = buffer.find(SOF)
            if start < 0:
                buffer.clear()  # noise with no frame in it
                return None
            del buffer[:start]
            if len(buffer) < 2:
                return None
            length = buffer[1]
            if length > MAX_DATA:
                self._drop("length %d exceeds %d", length, MAX_DATA)
                continue
            if len(buffer) < length + _OVERHEAD:
                return None
            body = bytes(buffer[1 : 4 + length])
            checksum = buffer[4 + length]
            if fcs(body) != checksum:
                self._drop(
                    "bad FCS 0x%02X (expected 0x%02X) in %s", checksum, fcs(body), body.hex(" ")
                )
                continue
            del buffer[: length + _OVERHEAD]
            try:
                return frame_from_header(body[1], body[2], body[3:])
            except ValueError:  # a command type that does not exist
                _BAD_BYTES.warning("MT frame with an unknown command type 0x%02X ignored", body[1])
                self.bad_frames += 1
        return None

    def _drop(self, reason: str, *args: object) -> None:
        """Skip this SOF and look for the next one: the frame is damaged."""
        _BAD_BYTES.warning("MT frame dropped: " + reason, *args)
        self.bad_frames += 1
        del self._buffer[:1]
