"""EZSP frames: what one ASH DATA frame carries between the host and the NCP.

Protocol version 8 and later use the extended header: ``sequence | frame control (2 bytes) |
frame id (2 bytes, little-endian) | parameters``. The host numbers its commands with the sequence
byte and the NCP answers with the same one. Frame control, low byte: bit 7 the direction (1: from
the NCP), bits 3–4 the callback type (0 none, 1 synchronous, 2 asynchronous), bit 2 "truncated",
bit 1 "overflow"; high byte: bits 0–1 the frame format version (1 for the extended header).

Before the host and the NCP have agreed a protocol version, the host asks with ``version`` in the
legacy header every version understands: ``sequence | frame control (1 byte) | frame id (1 byte)
| parameters``, and is answered in the same form.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

RESPONSE = 0x80
ASYNCHRONOUS_CALLBACK = 0x10
EXTENDED_FORMAT = 0x01


@dataclass(frozen=True)
class EzspFrame:
    sequence: int
    frame_id: int
    parameters: bytes
    legacy: bool = False


def decode(data: bytes) -> EzspFrame:
    """A command from the host; ValueError if the bytes are no EZSP frame."""
    if len(data) < 3:
        raise ValueError(f"{len(data)} bytes are too few for an EZSP frame")
    if data[2] & 0x03 != EXTENDED_FORMAT:
        return EzspFrame(data[0], data[2], bytes(data[3:]), legacy=True)
    if len(data) < 5:
        raise ValueError("an extended EZSP header needs five bytes")
    return EzspFrame(data[0], struct.unpack_from("<H", data, 3)[0], bytes(data[5:]))


def encode_response(request: EzspFrame, frame_id: int, parameters: bytes) -> bytes:
    """The NCP's answer to ``request``, in the header the request used."""
    if request.legacy:
        return bytes((request.sequence, RESPONSE, frame_id & 0xFF)) + parameters
    return _extended(request.sequence, RESPONSE, frame_id, parameters)


def encode_callback(sequence: int, frame_id: int, parameters: bytes) -> bytes:
    """A callback the NCP sends by itself (over a UART, callbacks are asynchronous)."""
    return _extended(sequence, RESPONSE | ASYNCHRONOUS_CALLBACK, frame_id, parameters)


def _extended(sequence: int, control: int, frame_id: int, parameters: bytes) -> bytes:
    return struct.pack("<BBBH", sequence & 0xFF, control, EXTENDED_FORMAT, frame_id) + parameters
