"""How a coordinator stick's serial protocol lays out a frame's parameters, for every stick emulated:
Z-Stack's MT commands (``home_emulator/znp/commands.py``) and EmberZNet's EZSP frames
(``home_emulator/ezsp/commands.py``). Both write little-endian integers, EUI-64s least significant
byte first and byte strings behind their length; each has a few forms of its own (MT's address
field and cluster lists, EZSP's structures and lists counted by an earlier field).

A ``Layout`` is a sequence of named fields; a field is a ``Kind`` (one value), a ``Struct`` (a
named group of kinds, decoded to a dict) or ``Counted`` (a list of 16-bit values whose length an
earlier field gave). ``decode`` gives a dict of the values, ``encode`` takes them back.

Every frame to or from a host passes through here, so each field's codec is chosen once, when the
layout is made, not looked up again for every frame.
"""

from __future__ import annotations

import enum
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import zigpy.types as t


class Kind(enum.Enum):
    U8 = "u8"
    S8 = "s8"
    U16 = "u16"
    U32 = "u32"
    EUI64 = "eui64"
    KEY = "a 16-byte key"
    SHORT_BYTES = "bytes with a one-byte length"
    BYTES = "bytes with a one-byte length"  # noqa: PIE796 - EZSP's name for the same kind
    LONG_BYTES = "bytes with a two-byte length"
    REST = "bytes to the end of the frame"
    U16_REST = "16-bit values to the end of the frame"
    CLUSTERS = "a count, then that many 16-bit cluster ids"
    ADDRESS = "address mode, then an EUI-64 or a 16-bit address padded to 8 bytes"
    HEADER = "the CMD0 and CMD1 of another frame"


ADDR_MODE_IEEE = 3
"""In a ``Kind.ADDRESS`` field: the address is an EUI-64."""


@dataclass(frozen=True)
class Struct:
    name: str
    fields: tuple[tuple[str, Kind], ...]


@dataclass(frozen=True)
class Counted:
    """A list of 16-bit values as long as the earlier field ``count`` says."""

    count: str


Field = Kind | Struct | Counted
Encoder = Callable[[Any], bytes]
Decoder = Callable[[memoryview], tuple[Any, memoryview]]


@dataclass(frozen=True)
class Layout:
    fields: tuple[tuple[str, Field], ...] = ()
    _names: frozenset[str] = field(init=False, repr=False, compare=False)
    _encoders: tuple[tuple[str, Encoder], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Frozen: the codecs are set once here, as the layout is made.
        object.__setattr__(self, "_names", frozenset(name for name, _ in self.fields))
        encoders = tuple((name, _encoder(kind)) for name, kind in self.fields)
        object.__setattr__(self, "_encoders", encoders)

    def encode(self, values: dict[str, Any]) -> bytes:
        if len(values) != len(self._names) or not self._names.issuperset(values):
            names = [name for name, _ in self.fields]
            raise TypeError(f"expected {names}, not {sorted(values)}")
        return b"".join([encode(values[name]) for name, encode in self._encoders])

    def decode(self, data: bytes) -> dict[str, Any]:
        """The values in ``data``; ValueError if it is too short or has bytes left over."""
        values: dict[str, Any] = {}
        rest = memoryview(data)
        for name, kind in self.fields:
            if isinstance(kind, Counted):
                raw, rest = _take(rest, 2 * int(values[kind.count]))
                values[name] = _u16_list(raw)
            elif isinstance(kind, Struct):
                members: dict[str, Any] = {}
                for member, member_kind in kind.fields:
                    members[member], rest = _DECODERS[member_kind](rest)
                values[name] = members
            else:
                values[name], rest = _DECODERS[kind](rest)
        if len(rest):
            raise ValueError(f"{len(rest)} unexpected bytes at the end")
        return values


def _encoder(kind: Field) -> Encoder:
    if isinstance(kind, Counted):
        return _encode_u16_list
    if isinstance(kind, Struct):
        members = tuple((member, _ENCODERS[member_kind]) for member, member_kind in kind.fields)
        return lambda value: b"".join([encode(value[member]) for member, encode in members])
    return _ENCODERS[kind]


# Encoders ---------------------------------------------------------------------------------


def _packer(format_: str) -> Encoder:
    pack = struct.Struct(format_).pack
    return lambda value: pack(int(value))


def _encode_eui64(value: Any) -> bytes:
    return t.EUI64(value).serialize()


def _encode_key(value: Any) -> bytes:
    if len(value) != 16:
        raise ValueError("a key is 16 bytes")
    return bytes(value)


def _encode_short_bytes(value: Any) -> bytes:
    if len(value) > 0xFF:
        raise ValueError(f"{len(value)} bytes do not fit behind a one-byte length")
    return bytes((len(value),)) + bytes(value)


def _encode_long_bytes(value: Any) -> bytes:
    return struct.pack("<H", len(value)) + bytes(value)


def _encode_u16_list(value: Any) -> bytes:
    return struct.pack(f"<{len(value)}H", *value)


def _encode_clusters(value: Any) -> bytes:
    return bytes((len(value),)) + _encode_u16_list(value)


def _encode_address(value: Any) -> bytes:
    mode, address = value
    if mode == ADDR_MODE_IEEE:
        return bytes((mode,)) + t.EUI64(address).serialize()
    return bytes((mode,)) + struct.pack("<H", address) + bytes(6)


_ENCODERS: dict[Kind, Encoder] = {
    Kind.U8: _packer("<B"),
    Kind.S8: _packer("<b"),
    Kind.U16: _packer("<H"),
    Kind.U32: _packer("<I"),
    Kind.EUI64: _encode_eui64,
    Kind.KEY: _encode_key,
    Kind.SHORT_BYTES: _encode_short_bytes,
    Kind.LONG_BYTES: _encode_long_bytes,
    Kind.REST: bytes,
    Kind.U16_REST: _encode_u16_list,
    Kind.CLUSTERS: _encode_clusters,
    Kind.ADDRESS: _encode_address,
    Kind.HEADER: bytes,
}


# Decoders ---------------------------------------------------------------------------------


def _unpacker(format_: str) -> Decoder:
    layout = struct.Struct(format_)
    unpack, size = layout.unpack_from, layout.size

    def decode(data: memoryview) -> tuple[Any, memoryview]:
        _need(data, size)
        return unpack(data)[0], data[size:]

    return decode


def _decode_eui64(data: memoryview) -> tuple[Any, memoryview]:
    raw, rest = _take(data, 8)
    return t.EUI64(raw), rest


def _decode_key(data: memoryview) -> tuple[Any, memoryview]:
    return _take(data, 16)


def _decode_short_bytes(data: memoryview) -> tuple[Any, memoryview]:
    _need(data, 1)
    return _take(data[1:], data[0])


def _decode_long_bytes(data: memoryview) -> tuple[Any, memoryview]:
    _need(data, 2)
    return _take(data[2:], struct.unpack_from("<H", data)[0])


def _decode_rest(data: memoryview) -> tuple[Any, memoryview]:
    return bytes(data), data[len(data) :]


def _decode_u16_rest(data: memoryview) -> tuple[Any, memoryview]:
    if len(data) % 2:
        raise ValueError("an odd number of bytes for a list of 16-bit values")
    return _u16_list(data), data[len(data) :]


def _decode_clusters(data: memoryview) -> tuple[Any, memoryview]:
    _need(data, 1)
    raw, rest = _take(data[1:], 2 * data[0])
    return _u16_list(raw), rest


def _decode_address(data: memoryview) -> tuple[Any, memoryview]:
    _need(data, 9)
    mode = data[0]
    if mode == ADDR_MODE_IEEE:
        return (mode, t.EUI64(bytes(data[1:9]))), data[9:]
    return (mode, struct.unpack_from("<H", data, 1)[0]), data[9:]


def _decode_header(data: memoryview) -> tuple[Any, memoryview]:
    return _take(data, 2)


_DECODERS: dict[Kind, Decoder] = {
    Kind.U8: _unpacker("<B"),
    Kind.S8: _unpacker("<b"),
    Kind.U16: _unpacker("<H"),
    Kind.U32: _unpacker("<I"),
    Kind.EUI64: _decode_eui64,
    Kind.KEY: _decode_key,
    Kind.SHORT_BYTES: _decode_short_bytes,
    Kind.LONG_BYTES: _decode_long_bytes,
    Kind.REST: _decode_rest,
    Kind.U16_REST: _decode_u16_rest,
    Kind.CLUSTERS: _decode_clusters,
    Kind.ADDRESS: _decode_address,
    Kind.HEADER: _decode_header,
}


def _u16_list(raw: bytes | memoryview) -> list[int]:
    return [value for (value,) in struct.iter_unpack("<H", raw)]


def _need(data: memoryview, size: int) -> None:
    if len(data) < size:
        raise ValueError(f"frame too short: {size} more bytes expected, {len(data)} left")


def _take(data: memoryview, size: int) -> tuple[bytes, memoryview]:
    _need(data, size)
    return bytes(data[:size]), data[size:]
