"""The display's side of long messages through a Z-Stack stick: the data-less
AF_INCOMING_MSG_EXT that zigpy-znp cannot read is fetched with AF_DATA_RETRIEVE and handed to
zigpy as an ordinary received frame."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import zigpy.types as t
import zigpy_znp.commands as znp_commands
import zigpy_znp.frames as znp_frames
import zigpy_znp.types as znp_t

from han.radio.znp_long_messages import CHUNK_BYTES, ZnpLongMessages, parse_incoming_ext
from home_emulator.znp import callbacks
from home_emulator.znp.frames import Frame

HUB = 0x0001
PAYLOAD = bytes(index % 251 for index in range(270))
STAMP = 0x0102_0304


def _packet(payload: bytes) -> t.ZigbeePacket:
    return t.ZigbeePacket(
        src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(HUB)),
        src_ep=t.uint8_t(1),
        dst=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(0x0000)),
        dst_ep=t.uint8_t(1),
        tsn=t.uint8_t(7),
        profile_id=t.uint16_t(0x0109),
        cluster_id=t.uint16_t(0x0703),
        data=t.SerializableBytes(payload),
        lqi=t.uint8_t(200),
    )


def _general(frame: Frame) -> znp_frames.GeneralFrame:
    header = znp_t.CommandHeader(frame.cmd0 | frame.command << 8)
    return znp_frames.GeneralFrame(header, frame.data)


def test_zigpy_znp_alone_cannot_read_a_message_the_stick_holds() -> None:
    frame = _general(callbacks.held_message(_packet(PAYLOAD), HUB, len(PAYLOAD), STAMP))
    with pytest.raises(ValueError, match="too short to contain 270 bytes"):
        znp_commands.AF.IncomingMsgExt.Callback.from_frame(frame, align=True)


def test_a_held_message_is_described_by_its_length_and_time_stamp() -> None:
    frame = callbacks.held_message(_packet(PAYLOAD), HUB, len(PAYLOAD), STAMP)
    message = parse_incoming_ext(frame.data)
    assert message is not None
    assert message.data is None
    assert (message.length, message.time_stamp) == (len(PAYLOAD), STAMP)
    assert message.source == t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(HUB))
    assert (message.cluster_id, message.src_endpoint, message.dst_endpoint) == (0x0703, 1, 1)


def test_an_ext_message_with_its_data_and_a_64_bit_source_is_read_whole() -> None:
    ieee = t.EUI64.convert("0d:6f:00:00:00:00:00:10")
    command = znp_commands.AF.IncomingMsgExt.Callback(
        GroupId=0,
        ClusterId=0x0703,
        SrcAddrModeAddress=znp_t.AddrModeAddress(mode=znp_t.AddrMode.IEEE, address=ieee),
        SrcEndpoint=1,
        SrcPanId=0,
        DstEndpoint=1,
        WasBroadcast=znp_t.Bool.false,
        LQI=90,
        SecurityUse=0,
        TimeStamp=STAMP,
        TSN=3,
        Data=b"\x01\x02\x03",
        MacSrcAddr=0x0001,
        MsgResultRadius=0,
    )
    message = parse_incoming_ext(command.to_frame(align=True).data)
    assert message is not None
    assert message.data == b"\x01\x02\x03"
    assert message.source == t.AddrModeAddress(addr_mode=t.AddrMode.IEEE, address=ieee)


def test_other_bytes_are_not_taken_for_an_ext_message() -> None:
    assert parse_incoming_ext(b"\x00" * 10) is None


class FakeStick:
    """zigpy-znp's ZNP as the mixin uses it: frames in, requests out."""

    def __init__(self, held: dict[int, bytes]) -> None:
        self.held = held
        self.asked: list[tuple[int, int, int]] = []
        self.passed_on: list[Any] = []

    def frame_received(self, frame: Any) -> bool:
        self.passed_on.append(frame)
        return True

    async def request(self, request: Any) -> Any:
        stamp, index, length = int(request.TimeStamp), int(request.Index), int(request.Length)
        self.asked.append((stamp, index, length))
        data = self.held.get(stamp)
        if data is None:
            return znp_commands.AF.DataRetrieve.Rsp(Status=znp_t.Status.FAILURE, Data=b"")
        if length == 0:
            del self.held[stamp]
            return znp_commands.AF.DataRetrieve.Rsp(Status=znp_t.Status.SUCCESS, Data=b"")
        return znp_commands.AF.DataRetrieve.Rsp(
            Status=znp_t.Status.SUCCESS, Data=data[index : index + length]
        )


class Endpoint:
    profile_id = 0x0109


class Library:
    """What the mixin needs of zigpy-znp's ControllerApplication."""

    def __init__(self, stick: FakeStick) -> None:
        self._znp = stick
        self._device = type("Device", (), {"endpoints": {1: Endpoint()}})()
        self.state = type("State", (), {"node_info": type("Node", (), {"nwk": t.NWK(0)})()})()
        self.received: list[t.ZigbeePacket] = []

    async def connect(self) -> None:
        pass

    async def disconnect(self) -> None:
        pass

    def packet_received(self, packet: t.ZigbeePacket) -> None:
        self.received.append(packet)


class Application(ZnpLongMessages, Library):
    pass


async def _until(condition: Any) -> None:
    async with asyncio.timeout(5):
        while not condition():  # noqa: ASYNC110 - the fetch runs as its own task
            await asyncio.sleep(0)


async def test_a_held_message_is_fetched_freed_and_handed_to_zigpy_whole() -> None:
    stick = FakeStick({STAMP: PAYLOAD})
    application = Application(stick)
    await application.connect()
    frame = _general(callbacks.held_message(_packet(PAYLOAD), HUB, len(PAYLOAD), STAMP))
    assert stick.frame_received(frame) is True  # the hook, not the library, took it
    await _until(lambda: application.received)
    (packet,) = application.received
    assert packet.data.serialize() == PAYLOAD
    assert (packet.cluster_id, packet.profile_id, packet.src_ep, packet.dst_ep) == (
        0x0703,
        0x0109,
        1,
        1,
    )
    assert packet.src == t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(HUB))
    assert stick.asked == [
        (STAMP, 0, CHUNK_BYTES),
        (STAMP, CHUNK_BYTES, len(PAYLOAD) - CHUNK_BYTES),
        (STAMP, 0, 0),
    ]
    assert not stick.held, "freed on the stick"
    assert not stick.passed_on
    await application.disconnect()


async def test_other_frames_still_reach_the_library() -> None:
    stick = FakeStick({})
    application = Application(stick)
    await application.connect()
    frame = _general(callbacks.incoming_message(_packet(b"\x01\x02"), HUB, b"\x01\x02"))
    stick.frame_received(frame)
    assert stick.passed_on == [frame]
    await application.disconnect()


@pytest.mark.logs_warning(r"the stick no longer holds the 270-byte message")
async def test_a_message_the_stick_no_longer_holds_is_given_up_with_a_warning() -> None:
    stick = FakeStick({})
    application = Application(stick)
    await application.connect()
    stick.frame_received(
        _general(callbacks.held_message(_packet(PAYLOAD), HUB, len(PAYLOAD), STAMP))
    )
    await _until(lambda: stick.asked)
    await asyncio.sleep(0)
    assert not application.received
    await application.disconnect()
