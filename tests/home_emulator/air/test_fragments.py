"""A payload longer than one frame: split into APS blocks, acknowledged per window, reassembled –
by the emulator's own reassembly and by Wireshark reading the capture."""

from __future__ import annotations

import io
import struct
import subprocess
from pathlib import Path

import zigpy.types as t

from home_emulator.air import fragments
from home_emulator.air.pcap import PcapWriter, SenderCounters, zigbee_frames
from home_emulator.scenario.events import MAX_MESSAGE_BYTES

from .test_pcap import ESME_NWK, nwk, tshark  # noqa: F401 - the fixture

HUB_NWK = 0x0001
LONGEST = ("Planned power cut: engineers are working in your area from 09:00 to 15:00. " * 4)[
    :MAX_MESSAGE_BYTES
]


def display_message(text: str) -> bytes:
    """ZCL DisplayMessage, server to client: id, control, start, duration, text, extended control."""
    encoded = text.encode()
    return (
        bytes((0x19, 0x07, 0x00))
        + struct.pack("<IBIH", 42, 0x88, 0, 0xFFFF)
        + bytes((len(encoded),))
        + encoded
        + b"\x00"
    )


def message_packet(text: str) -> t.ZigbeePacket:
    return t.ZigbeePacket(
        src=nwk(HUB_NWK),
        src_ep=t.uint8_t(1),
        dst=nwk(0x0000),
        dst_ep=t.uint8_t(1),
        profile_id=t.uint16_t(0x0109),
        cluster_id=t.uint16_t(0x0703),
        data=t.SerializableBytes(display_message(text)),
    )


def test_a_payload_that_fits_one_frame_is_one_block() -> None:
    assert fragments.split(b"x" * fragments.ONE_FRAME_BYTES) == [
        fragments.Block(0, 1, b"x" * fragments.ONE_FRAME_BYTES)
    ]


def test_the_longest_message_travels_in_blocks_that_reassemble_in_any_order() -> None:
    payload = display_message(LONGEST)
    blocks = fragments.split(payload)
    assert len(blocks) == -(-len(payload) // fragments.BLOCK_BYTES) > 1
    assert all(len(block.data) <= fragments.BLOCK_BYTES for block in blocks)
    assert blocks[0].block_field == len(blocks)  # the first block says how many there are
    assert [block.block_field for block in blocks[1:]] == list(range(1, len(blocks)))
    receiver = fragments.Reassembly()
    assert [receiver.add(block) for block in reversed(blocks[1:])] == [None] * (len(blocks) - 1)
    assert receiver.add(blocks[0]) == payload


def test_each_window_of_blocks_is_acknowledged() -> None:
    senders: dict[int, SenderCounters] = {}
    frames = zigbee_frames(
        message_packet(LONGEST), "up", lambda src: senders.setdefault(src, SenderCounters())
    )
    blocks = len(fragments.split(display_message(LONGEST)))
    assert len(frames) == blocks + -(-blocks // fragments.WINDOW_BLOCKS)


def test_wireshark_shows_the_fragments_and_reassembles_the_whole_message(
    tshark: str,  # noqa: F811 - the fixture
    tmp_path: Path,
) -> None:
    capture = tmp_path / "message.pcap"
    with PcapWriter(capture, clock=lambda: 1_700_000_000.0) as writer:
        writer(message_packet(LONGEST), "up")

    def tshark_says(*options: str) -> str:
        return subprocess.run(
            [tshark, "-n", "-r", str(capture), *options],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout

    dissection = tshark_says("-V")
    assert "Malformed" not in dissection
    blocks = len(fragments.split(display_message(LONGEST)))
    assert dissection.count("Frame Type: Ack (0x2)") == blocks
    assert f"[{blocks} Message fragments ({len(display_message(LONGEST))} bytes)" in dissection
    assert "Command: Display Message (0x00)" in dissection
    messages = tshark_says(
        "-Y", "zbee_zcl_se.msg.message", "-T", "fields", "-e", "zbee_zcl_se.msg.message"
    )
    assert messages.rstrip("\n") == LONGEST


def test_a_capture_written_to_a_stream_counts_every_fragment() -> None:
    stream = io.BytesIO()
    writer = PcapWriter(stream)
    writer(message_packet(LONGEST), "up")
    assert writer.frames_written > 2
