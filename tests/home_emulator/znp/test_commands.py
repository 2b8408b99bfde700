"""The MT command table against the radio library's own definitions: same bytes, same meaning.

The emulation writes its own layouts; zigpy-znp (the host it must satisfy) is the judge here, and
only here – the emulator never imports it.
"""

from __future__ import annotations

from typing import Any

import pytest
import zigpy.types as t
import zigpy_znp.commands as znp_commands
import zigpy_znp.frames as znp_frames
import zigpy_znp.types as znp_t

from home_emulator.air import spectrum
from home_emulator.znp import callbacks
from home_emulator.znp import commands as mt
from home_emulator.znp.commands import Command, Kind

IEEE = t.EUI64.convert("00:12:4b:00:ff:fe:00:01")
SAMPLES: dict[Kind, Any] = {
    Kind.U8: 0xA5,
    Kind.S8: -7,
    Kind.U16: 0xBEEF,
    Kind.U32: 0x0102_0304,
    Kind.EUI64: IEEE,
    Kind.SHORT_BYTES: b"\x01\x02\x03",
    Kind.LONG_BYTES: bytes(range(40)),
    Kind.REST: b"\x0a\x0b",
    Kind.CLUSTERS: [0x0000, 0x0702, 0x0700],
    Kind.HEADER: b"\x21\x01",
}
# Fields whose type the library checks against an enum or a bit set: a value it knows.
KNOWN_VALUES = {
    "Type": 1,
    "Reason": 1,
    "Status": 0,
    "LatencyReq": 0,
    "Options": 0x10,
    "Mode": 0x04,
    "RemainingModes": 0,
    "State": 9,
    "AddrMode": 2,
    "RtStatus": 0,
    "IsPrimary": 1,
    "Channel": 0x0000_8000,
    "Capabilities": 0x0659,
    "ErrorCode": 2,
    "BootloaderBuildType": 0,
    "InstallCodeFormat": 1,
    "WasBroadcast": 0,
    "SecurityUse": 0,
    "IsBroadcast": 1,
    "Request": 0,
    "Remove": 0,
    "Rejoin": 0,
    "BdbJoinUsesInstallCodeKey": 1,
    "Dst": 0x1001,
    "DstAddrMode": 2,
    "Channels": 0x0000_8000,
    # One beacon: next door's hub (count, then 21 bytes), as the scan sends it.
    "Beacons": bytes(callbacks.beacons([spectrum.NEIGHBOURS_HAN]).data),
}
TABLE = [
    value
    for value in vars(mt).values()
    if isinstance(value, Command) and value.type is not mt.CommandType.POLL
]


def _sample(command: Command) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, kind in command.fields:
        if kind is Kind.ADDRESS:
            values[name] = (2, 0x1001)
        elif name in KNOWN_VALUES and kind is not Kind.EUI64:
            values[name] = KNOWN_VALUES[name]
        else:
            values[name] = SAMPLES[kind]
    return values


def _library_command(frame: mt.Frame) -> Any:
    header = znp_t.CommandHeader(frame.cmd0 | frame.command << 8)  # CMD0 first on the wire
    general = znp_frames.GeneralFrame(header, frame.data)
    return znp_commands.COMMANDS_BY_ID[header].from_frame(general, align=True)


def test_the_table_covers_every_request_the_emulation_answers() -> None:
    assert len(mt.REQUESTS) >= 29
    assert all(
        command.type is mt.CommandType.SREQ or command is mt.RESET_REQ
        for command in mt.REQUESTS.values()
    )


@pytest.mark.parametrize("command", TABLE, ids=lambda command: command.name)
def test_the_library_reads_our_bytes_as_we_meant_them(command: Command) -> None:
    values = _sample(command)
    frame = command.frame(**values)
    parsed = _library_command(frame)
    # The library writes the same bytes back: every field landed where we put it.
    assert parsed.to_frame(align=True).data == frame.data
    assert command.decode(frame.data) == values


def test_a_data_request_from_the_library_decodes_to_its_fields() -> None:
    request = znp_commands.AF.DataRequestExt.Req(
        DstAddrModeAddress=znp_t.AddrModeAddress(mode=znp_t.AddrMode.IEEE, address=IEEE),
        DstEndpoint=1,
        DstPanId=0x0000,
        SrcEndpoint=1,
        ClusterId=0x0702,
        TSN=42,
        Options=znp_commands.af.TransmitOptions.SUPPRESS_ROUTE_DISC_NETWORK,
        Radius=30,
        Data=b"\x00\x2a\x00\x00\x04",
    )
    general = request.to_frame(align=True)
    fields = mt.AF_DATA_REQUEST_EXT.decode(general.data)
    assert fields["Dst"] == (3, IEEE)
    assert (fields["DstEndpoint"], fields["ClusterId"], fields["TSN"]) == (1, 0x0702, 42)
    assert fields["Data"] == b"\x00\x2a\x00\x00\x04"


def test_a_short_frame_is_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="too short"):
        mt.OSAL_NV_READ.decode(b"\x21")


def test_trailing_bytes_are_refused() -> None:
    with pytest.raises(ValueError, match="unexpected bytes"):
        mt.PING.decode(b"\x00")


def test_a_beacon_reads_back_as_the_library_reads_a_beacon() -> None:
    frame = callbacks.beacons([spectrum.NEIGHBOURS_HAN])
    (beacon,) = _library_command(frame).Beacons
    assert beacon.Src == spectrum.NEIGHBOURS_HAN.source
    assert beacon.PanId == spectrum.NEIGHBOURS_HAN.pan_id
    assert beacon.Channel == spectrum.NEIGHBOURS_HAN.channel
    assert beacon.ExtendedPanId == spectrum.NEIGHBOURS_HAN.extended_pan_id
    assert (beacon.ProtocolVersion, beacon.StackProfile) == (2, 2)  # ZigBee PRO
