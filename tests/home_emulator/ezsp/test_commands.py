"""The EZSP command table against bellows' own definitions for protocol version 8: the same frame
ids, the same parameters in the same order, the same bytes – and the EZSP header both ways.

The emulation writes its own layouts; bellows (the host it must satisfy) is the judge here, and
only here – the emulator never imports it.
"""

from __future__ import annotations

from typing import Any

import bellows.types as bellows_t
import pytest
import zigpy.types as t
from bellows.ezsp import EZSP
from bellows.ezsp.v4 import EZSPv4
from bellows.ezsp.v8 import EZSPv8

from home_emulator.ezsp import commands, frames, status
from home_emulator.ezsp.commands import Command
from home_emulator.ezsp.layouts import Counted, Field, Kind, Layout, Struct
from home_emulator.ezsp.ncp import PROTOCOL_VERSION

BELLOWS = EZSPv8.COMMANDS


def sample(kind: Kind, index: int) -> Any:
    """A value of ``kind`` that differs from field to field, so a swapped pair would show."""
    small = index % 5 + 1  # within every enum bellows checks (statuses, node types, booleans)
    if kind in (Kind.U8, Kind.S8):
        return small if kind is Kind.U8 else -small
    if kind is Kind.U16:
        return 0x0100 + small
    if kind is Kind.U32:
        return 0x0001_0000 + small
    if kind is Kind.EUI64:
        return t.EUI64(bytes(range(small, small + 8)))
    if kind is Kind.KEY:
        return bytes(range(small, small + 16))
    if kind is Kind.BYTES:
        return bytes(range(small + 2))
    return [0x0702, 0x0700 + small]  # Kind.U16_REST


def samples(layout: Layout) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for index, (name, field) in enumerate(layout.fields):
        values[name] = _sample_field(field, index, values)
    for name, field in layout.fields:  # counts follow the lists they count
        if isinstance(field, Counted):
            values[field.count] = len(values[name])
    return values


def _sample_field(field: Field, index: int, values: dict[str, Any]) -> Any:
    if isinstance(field, Counted):
        return [0x0000, 0x0702, 0x0700][: index % 3 + 1]
    if isinstance(field, Struct):
        if field.name == "EmberApsFrame":
            return {member: sample(kind, i) for i, (member, kind) in enumerate(field.fields)}
        return {member: sample(kind, index + i) for i, (member, kind) in enumerate(field.fields)}
    return sample(field, index)


def bellows_round_trip(schema: dict[str, Any], data: bytes) -> tuple[list[str], bytes]:
    """bellows' names for the values in ``data``, and its own bytes for them."""
    values, rest = bellows_t.deserialize_dict(data, schema)
    assert rest == b"", f"bellows left {rest!r}"
    return list(values), b"".join(schema[name](value).serialize() for name, value in values.items())


def test_every_command_is_bellows_command_of_the_same_id() -> None:
    for command in commands.ALL:
        assert command.name in BELLOWS, command.name
        assert BELLOWS[command.name][0] == command.id, command.name
    assert len(commands.BY_ID) == len(commands.ALL), "two commands share a frame id"


@pytest.mark.parametrize("command", commands.ALL, ids=lambda command: command.name)
def test_parameters_are_bellows_parameters_byte_for_byte(command: Command) -> None:
    _, request_schema, response_schema = BELLOWS[command.name]
    for layout, schema in ((command.request, request_schema), (command.response, response_schema)):
        values = samples(layout)
        ours = layout.encode(values)
        names, theirs = bellows_round_trip(schema, ours)
        assert names == [name for name, _ in layout.fields], command.name
        assert theirs == ours, command.name
        assert layout.decode(ours) == values


STRUCTS = {
    "EmberNetworkParameters": bellows_t.EmberNetworkParameters,
    "EmberApsFrame": bellows_t.EmberApsFrame,
    "EmberKeyStruct": bellows_t.EmberKeyStruct,
    "EmberInitialSecurityState": bellows_t.EmberInitialSecurityState,
    "EmberCurrentSecurityState": bellows_t.EmberCurrentSecurityState,
    "EmberMulticastTableEntry": bellows_t.EmberMulticastTableEntry,
    "EmberChildData": bellows_t.EmberChildDataV7,
    "EmberZigbeeNetwork": bellows_t.EmberZigbeeNetwork,
}


def test_structures_have_bellows_members_in_bellows_order() -> None:
    used = {
        field.name: field
        for command in commands.ALL
        for layout in (command.request, command.response)
        for _, field in layout.fields
        if isinstance(field, Struct)
    }
    assert set(used) == set(STRUCTS)
    for name, struct in used.items():
        assert [member for member, _ in struct.fields] == [
            field.name for field in STRUCTS[name].fields
        ], name


def test_the_extended_header_both_ways() -> None:
    host = EZSPv8(lambda *args: None, None)
    host._seq = 0x42
    request = host._ezsp_frame("getNodeId")
    decoded = frames.decode(request)
    assert (decoded.sequence, decoded.frame_id, decoded.legacy) == (0x42, 0x27, False)
    answer = frames.encode_response(decoded, 0x27, b"\x00\x00")
    assert host._ezsp_frame_rx(answer) == (0x42, 0x27, b"\x00\x00")
    callback = frames.encode_callback(0x42, 0x45, b"\x01")
    assert host._ezsp_frame_rx(callback) == (0x42, 0x45, b"\x01")
    assert callback[1] & 0x18 == 0x10  # an asynchronous callback


def test_the_version_negotiation_header_is_the_legacy_one() -> None:
    first = EZSPv4(lambda *args: None, None)
    request = first._ezsp_frame("version", desiredProtocolVersion=4)
    decoded = frames.decode(request)
    assert decoded.legacy
    assert decoded.frame_id == commands.VERSION.id
    values = commands.VERSION.request.decode(decoded.parameters)
    assert values == {"desiredProtocolVersion": 4}
    answer = frames.encode_response(
        decoded,
        commands.VERSION.id,
        commands.VERSION.encode_response(
            protocolVersion=PROTOCOL_VERSION, stackType=2, stackVersion=0x6A30
        ),
    )
    _, frame_id, parameters = first._ezsp_frame_rx(answer)
    assert frame_id == 0x00
    values, _ = bellows_t.deserialize_dict(parameters, EZSPv4.COMMANDS["version"][2])
    assert values["protocolVersion"] == PROTOCOL_VERSION
    assert PROTOCOL_VERSION in EZSP._BY_VERSION, "a protocol version bellows speaks"


def test_the_status_codes_are_bellows_codes() -> None:
    for name, value in vars(status).items():
        if not name.isupper():
            continue
        if name.startswith("EZSP_"):
            assert bellows_t.EzspStatus[name.removeprefix("EZSP_")] == value, name
        else:
            assert bellows_t.EmberStatus[name] == value, name
