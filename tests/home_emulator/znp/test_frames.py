"""MT framing: what goes out is what comes back, and line noise costs a frame, never the stream."""

from __future__ import annotations

import logging

import pytest

from home_emulator.znp.frames import SOF, CommandType, Frame, FrameReader, Subsystem, fcs

PING = Frame(CommandType.SREQ, Subsystem.SYS, 0x01)
VERSION_REPLY = Frame(CommandType.SRSP, Subsystem.SYS, 0x02, bytes(range(14)))


def test_a_ping_is_encoded_as_ti_documents_it() -> None:
    # SOF, length 0, CMD0 = SREQ | SYS, CMD1 = ping, FCS = 0x00 ^ 0x21 ^ 0x01.
    assert PING.encode() == bytes.fromhex("fe 00 21 01 20")


@pytest.mark.parametrize(
    "frame",
    [
        PING,
        VERSION_REPLY,
        Frame(CommandType.AREQ, Subsystem.AF, 0x81, bytes(200)),
        Frame(CommandType.SRSP, Subsystem.APP_CNF, 0x05, b"\x00"),
        Frame(CommandType.AREQ, Subsystem.ZDO, 0xFF, bytes([SOF] * 250)),
    ],
)
def test_frames_survive_a_round_trip(frame: Frame) -> None:
    assert list(FrameReader().feed(frame.encode())) == [frame]


def test_frames_split_anywhere_are_reassembled() -> None:
    stream = PING.encode() + VERSION_REPLY.encode() + PING.encode()
    reader = FrameReader()
    frames = [frame for byte in stream for frame in reader.feed(bytes((byte,)))]
    assert frames == [PING, VERSION_REPLY, PING]
    assert reader.bad_frames == 0


def test_a_frame_with_a_bad_fcs_is_dropped_logged_and_the_next_one_read(
    caplog: pytest.LogCaptureFixture,
) -> None:
    damaged = bytearray(VERSION_REPLY.encode())
    damaged[-1] ^= 0xFF
    reader = FrameReader()
    with caplog.at_level(logging.WARNING, logger="home_emulator.znp.frames"):
        frames = list(reader.feed(b"\x00\x13" + bytes(damaged) + PING.encode()))
    assert frames == [PING]
    assert reader.bad_frames == 1
    assert "bad FCS" in caplog.text


@pytest.mark.logs_warning(r"^MT frame dropped: length 251 exceeds 250")
def test_an_impossible_length_is_noise() -> None:
    reader = FrameReader()
    assert list(reader.feed(bytes((SOF, 251)) + PING.encode())) == [PING]
    assert reader.bad_frames == 1


def test_more_than_250_bytes_cannot_be_framed() -> None:
    with pytest.raises(ValueError, match="at most 250"):
        Frame(CommandType.AREQ, Subsystem.AF, 0x81, bytes(251)).encode()


def test_the_fcs_is_the_xor_of_length_command_and_data() -> None:
    assert fcs(bytes.fromhex("03 61 01 aa bb cc")) == 0x03 ^ 0x61 ^ 0x01 ^ 0xAA ^ 0xBB ^ 0xCC


def test_garbage_on_the_znp_port_costs_kilobytes_of_log(caplog: pytest.LogCaptureFixture) -> None:
    reader = FrameReader()
    with caplog.at_level(logging.WARNING):
        frames = list(reader.feed(b"\xfe" * 200_000))
    assert frames == []
    assert sum(len(record.getMessage()) for record in caplog.records) < 8_000
