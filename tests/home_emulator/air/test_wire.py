"""The served air's wire protocol: every message survives the round trip, whatever the chunking."""

from __future__ import annotations

import asyncio

import pytest
import zigpy.types as t
from hypothesis import given
from hypothesis import strategies as st

from home_emulator.air.wire import (
    MAX_MESSAGE,
    Delivery,
    DeliveryStatus,
    Frame,
    Heartbeat,
    Hello,
    Joined,
    Left,
    Message,
    ProtocolError,
    Refused,
    Send,
    Start,
    Welcome,
    decode_packet,
    encode,
    encode_frame,
    encode_packet,
    read_message,
)

DISPLAY = t.EUI64.convert("00:0d:6f:ff:fe:00:00:02")
METER = t.EUI64.convert("0d:6f:00:00:00:00:00:01")


def _report() -> t.ZigbeePacket:
    return t.ZigbeePacket(
        src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(0x1001)),
        src_ep=t.uint8_t(1),
        dst=t.AddrModeAddress(addr_mode=t.AddrMode.IEEE, address=DISPLAY),
        dst_ep=t.uint8_t(1),
        tsn=t.uint8_t(0x42),
        profile_id=t.uint16_t(0x0109),
        cluster_id=t.uint16_t(0x0702),
        data=t.SerializableBytes(b"\x18\x42\x0a\x00\x04\x2a\xe8\x03\x00"),
        lqi=t.uint8_t(220),
        rssi=t.int8s(-52),
    )


MESSAGES: list[Message] = [
    Hello(DISPLAY),
    Welcome(),
    Welcome(heartbeat_s=0.25),
    Heartbeat(),
    Refused("this display (00:0d:6f:ff:fe:00:00:02) is not in the hub's device log"),
    Start(),
    Joined(0x1001, METER),
    Left(0x1001, METER),
    Send(7, _report()),
    Delivery(7, DeliveryStatus.DELIVERED),
    Delivery(8, DeliveryStatus.NO_SUCH_NODE, "no node 30583 on the air"),
    Frame(_report()),
]


async def _read_all(data: bytes, chunk: int) -> list[Message]:
    reader = asyncio.StreamReader()
    for start in range(0, len(data), chunk):
        reader.feed_data(data[start : start + chunk])
    reader.feed_eof()
    messages: list[Message] = []
    while not reader.at_eof():
        messages.append(await read_message(reader))
    return messages


@pytest.mark.parametrize("chunk", [1, 3, 64, 10_000])
async def test_every_message_survives_the_round_trip_in_any_chunking(chunk: int) -> None:
    stream = b"".join(encode(message) for message in MESSAGES)
    assert await _read_all(stream, chunk) == MESSAGES


def test_a_frame_encodes_the_same_through_the_fast_path() -> None:
    assert encode_frame(_report()) == encode(Frame(_report()))


def test_the_length_prefix_counts_the_kind_and_body() -> None:
    data = encode(Start())
    assert data == b"\x01\x00\x00\x00\x04"
    hello = encode(Hello(DISPLAY))
    assert (hello[4], hello[5:10], hello[10]) == (0x01, b"SEAIR", 3)
    assert hello[11:] == bytes.fromhex("020000feff6f0d00")  # least significant byte first


_addresses = st.one_of(
    st.none(),
    st.builds(
        lambda n: t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(n)),
        st.integers(0, 0xFFFF),
    ),
    st.builds(
        lambda n: t.AddrModeAddress(addr_mode=t.AddrMode.Group, address=t.Group(n)),
        st.integers(0, 0xFFFF),
    ),
    st.builds(
        lambda raw: t.AddrModeAddress(addr_mode=t.AddrMode.IEEE, address=t.EUI64(raw)),
        st.lists(st.integers(0, 255), min_size=8, max_size=8),
    ),
    st.sampled_from(list(t.BroadcastAddress)).map(
        lambda b: t.AddrModeAddress(addr_mode=t.AddrMode.Broadcast, address=b)
    ),
)


@given(
    src=_addresses,
    dst=_addresses,
    src_ep=st.none() | st.integers(0, 255),
    dst_ep=st.none() | st.integers(0, 255),
    tsn=st.integers(0, 255),
    profile=st.integers(0, 0xFFFF),
    cluster=st.integers(0, 0xFFFF),
    data=st.binary(max_size=200),
    lqi=st.none() | st.integers(0, 255),
    rssi=st.none() | st.integers(-128, 127),
)
def test_any_packet_survives_the_round_trip(
    src: t.AddrModeAddress | None,
    dst: t.AddrModeAddress | None,
    src_ep: int | None,
    dst_ep: int | None,
    tsn: int,
    profile: int,
    cluster: int,
    data: bytes,
    lqi: int | None,
    rssi: int | None,
) -> None:
    packet = t.ZigbeePacket(
        src=src,
        src_ep=None if src_ep is None else t.uint8_t(src_ep),
        dst=dst,
        dst_ep=None if dst_ep is None else t.uint8_t(dst_ep),
        tsn=t.uint8_t(tsn),
        profile_id=t.uint16_t(profile),
        cluster_id=t.uint16_t(cluster),
        data=t.SerializableBytes(data),
        lqi=None if lqi is None else t.uint8_t(lqi),
        rssi=None if rssi is None else t.int8s(rssi),
    )
    assert decode_packet(encode_packet(packet)) == packet


async def test_bytes_that_are_not_the_protocol_are_refused() -> None:
    for junk in (
        b"GET / HTTP/1.1\r\n\r\n",  # a length far beyond any message
        b"\x00\x00\x00\x00",  # an empty message
        b"\x0e\x00\x00\x00\x01NOAIR\x01" + bytes(8),  # a hello without the magic
        b"\x02\x00\x00\x00\x7f\x00",  # an unknown kind
    ):
        reader = asyncio.StreamReader()
        reader.feed_data(junk)
        reader.feed_eof()
        with pytest.raises(ProtocolError):
            await read_message(reader)


def test_a_message_longer_than_the_limit_is_not_sent() -> None:
    with pytest.raises(ProtocolError, match="too long"):
        encode(Refused("x" * MAX_MESSAGE))
