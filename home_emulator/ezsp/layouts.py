"""How EZSP lays out a command's parameters: little-endian integers, EUI-64s least significant byte
first, byte strings behind a one-byte length, and the EmberZNet structures built from these.

A ``Layout`` is a sequence of named fields; a field is a ``Kind`` (one value), a ``Struct`` (a
named group of kinds, decoded to a dict) or ``Counted`` (a list of 16-bit values whose length an
earlier field gave, as ``addEndpoint`` sends its cluster lists). ``decode`` gives a dict of the
values, ``encode`` takes them back.
"""

from __future__ import annotations

import enum
import struct
from dataclasses import dataclass
from typing import Any

import zigpy.types as t


class Kind(enum.Enum):
    U8 = "u8"
    S8 = "s8"
    U16 = "u16"
    U32 = "u32"
    EUI64 = "eui64"
    KEY = "a 16-byte key"
    BYTES = "bytes behind a one-byte length"
    U16_REST = "16-bit values to the end of the frame"


_STRUCTS = {
    Kind.U8: struct.Struct("<B"),
    Kind.S8: struct.Struct("<b"),
    Kind.U16: struct.Struct("<H"),
    Kind.U32: struct.Struct("<I"),
}


@dataclass(frozen=True)
class Struct:
    name: str
    fields: tuple[tuple[str, Kind], ...]


@dataclass(frozen=True)
class Counted:
    """A list of 16-bit values as long as the earlier field ``count`` says."""

    count: str


Field = Kind | Struct | Counted


@dataclass(frozen=True)
class Layout:
    fields: tuple[tuple[str, Field], ...] = ()

    def encode(self, values: dict[str, Any]) -> bytes:
        names = [name for name, _ in self.fields]
        if sorted(values) != sorted(names):
            raise TypeError(f"expected {names}, not {sorted(values)}")
        return b"".join(_encode_field(field, values[name]) for name, field in self.fields)

    def decode(self, data: bytes) -> dict[str, Any]:
        """The values in ``data``; ValueError if it is too short or has bytes left over."""
        values: dict[str, Any] = {}
        rest = memoryview(data)
        for name, field in self.fields:
            if isinstance(field, Counted):
                count = int(values[field.count])
                raw, rest = _take(rest, 2 * count)
                values[name] = [value for (value,) in struct.iter_unpack("<H", raw)]
            elif isinstance(field, Struct):
                values[name] = {}
                for member, kind in field.fields:
                    values[name][member], rest = _decode(kind, rest)
            else:
                values[name], rest = _decode(field, rest)
        if len(rest):
            raise ValueError(f"{len(rest)} unexpected bytes at the end")
        return values


def _encode_field(field: Field, value: Any) -> bytes:
    if isinstance(field, Counted):
        return b"".join(struct.pack("<H", item) for item in value)
    if isinstance(field, Struct):
        return b"".join(_encode(kind, value[member]) for member, kind in field.fields)
    return _encode(field, value)


def _encode(kind: Kind, value: Any) -> bytes:
    packer = _STRUCTS.get(kind)
    if packer is not None:
        return packer.pack(int(value))
    if kind is Kind.EUI64:
        return t.EUI64(value).serialize()
    if kind is Kind.KEY:
        if len(value) != 16:
            raise ValueError("a key is 16 bytes")
        return bytes(value)
    if kind is Kind.BYTES:
        if len(value) > 0xFF:
            raise ValueError(f"{len(value)} bytes do not fit behind a one-byte length")
        return bytes((len(value),)) + bytes(value)
    return b"".join(struct.pack("<H", item) for item in value)  # Kind.U16_REST


def _decode(kind: Kind, data: memoryview) -> tuple[Any, memoryview]:
    packer = _STRUCTS.get(kind)
    if packer is not None:
        _need(data, packer.size)
        return packer.unpack_from(data)[0], data[packer.size :]
    if kind is Kind.EUI64:
        raw, rest = _take(data, 8)
        return t.EUI64(raw), rest
    if kind is Kind.KEY:
        return _take(data, 16)
    if kind is Kind.BYTES:
        _need(data, 1)
        return _take(data[1:], data[0])
    if len(data) % 2:  # Kind.U16_REST
        raise ValueError("an odd number of bytes for a list of 16-bit values")
    return [value for (value,) in struct.iter_unpack("<H", data)], data[len(data) :]


def _need(data: memoryview, size: int) -> None:
    if len(data) < size:
        raise ValueError(f"frame too short: {size} more bytes expected, {len(data)} left")


def _take(data: memoryview, size: int) -> tuple[bytes, memoryview]:
    _need(data, size)
    return bytes(data[:size]), data[size:]


U8, S8, U16, U32 = Kind.U8, Kind.S8, Kind.U16, Kind.U32
EUI64, KEY, BYTES = Kind.EUI64, Kind.KEY, Kind.BYTES

# The EmberZNet structures the emulated NCP reads or writes ------------------------------

NETWORK_PARAMETERS = Struct(
    "EmberNetworkParameters",
    (
        ("extendedPanId", EUI64),
        ("panId", U16),
        ("radioTxPower", U8),
        ("radioChannel", U8),
        ("joinMethod", U8),
        ("nwkManagerId", U16),
        ("nwkUpdateId", U8),
        ("channels", U32),
    ),
)
APS_FRAME = Struct(
    "EmberApsFrame",
    (
        ("profileId", U16),
        ("clusterId", U16),
        ("sourceEndpoint", U8),
        ("destinationEndpoint", U8),
        ("options", U16),
        ("groupId", U16),
        ("sequence", U8),
    ),
)
KEY_STRUCT = Struct(
    "EmberKeyStruct",
    (
        ("bitmask", U16),
        ("type", U8),
        ("key", KEY),
        ("outgoingFrameCounter", U32),
        ("incomingFrameCounter", U32),
        ("sequenceNumber", U8),
        ("partnerEUI64", EUI64),
    ),
)
INITIAL_SECURITY_STATE = Struct(
    "EmberInitialSecurityState",
    (
        ("bitmask", U16),
        ("preconfiguredKey", KEY),
        ("networkKey", KEY),
        ("networkKeySequenceNumber", U8),
        ("preconfiguredTrustCenterEui64", EUI64),
    ),
)
CURRENT_SECURITY_STATE = Struct(
    "EmberCurrentSecurityState", (("bitmask", U16), ("trustCenterLongAddress", EUI64))
)
MULTICAST_TABLE_ENTRY = Struct(
    "EmberMulticastTableEntry", (("multicastId", U16), ("endpoint", U8), ("networkIndex", U8))
)
CHILD_DATA = Struct(
    "EmberChildData",
    (
        ("eui64", EUI64),
        ("type", U8),
        ("id", U16),
        ("phy", U8),
        ("power", U8),
        ("timeout", U8),
    ),
)
ZIGBEE_NETWORK = Struct(
    "EmberZigbeeNetwork",
    (
        ("channel", U8),
        ("panId", U16),
        ("extendedPanId", EUI64),
        ("allowingJoin", U8),
        ("stackProfile", U8),
        ("nwkUpdateId", U8),
    ),
)
