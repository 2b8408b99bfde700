"""ASH framing against bellows' own: the same CRC, pseudo-random sequence, byte stuffing and
control bytes, so each kind of frame the emulated NCP writes is the frame bellows reads, and each
frame bellows writes is the frame the NCP reads.

The emulation writes its own framing; bellows (the host it must satisfy) is the judge here, and
only here – the emulator never imports it.
"""

from __future__ import annotations

import binascii

import bellows.ash as bellows_ash
import bellows.types as bellows_t
import pytest

from home_emulator.ezsp import ash
from home_emulator.ezsp.ash import (
    Ack,
    Corrupt,
    Data,
    Error,
    FrameReader,
    Nak,
    ResetCode,
    Rst,
    RstAck,
)

EZSP_VERSION_COMMAND = bytes((0x00, 0x00, 0x00, 0x04))
"""``version`` asking for protocol 4, in the legacy header: what bellows sends first."""


def line(frame: bellows_ash.AshFrame) -> bytes:
    """The bytes bellows puts on the line for ``frame``: stuffed, then a flag."""
    return bytes(bellows_ash.AshProtocol._stuff_bytes(frame.to_bytes())) + bytes((ash.FLAG,))


def test_the_crc_is_bellows_crc_ccitt() -> None:
    for data in (b"", b"\xc0", bytes(range(256)), b"\x7e\x7d\x11\x13\x18\x1a" * 9):
        assert ash.crc_ccitt(data) == binascii.crc_hqx(data, 0xFFFF)
        assert bellows_ash.AshFrame.append_crc(data)[-2:] == ash.crc_ccitt(data).to_bytes(2, "big")


def test_the_pseudo_random_sequence_is_bellows_sequence() -> None:
    assert bytes(bellows_ash.PSEUDO_RANDOM_DATA_SEQUENCE) == ash.PSEUDO_RANDOM
    assert ash.PSEUDO_RANDOM[:5] == bytes((0x42, 0x21, 0xA8, 0x54, 0x2A))  # UG101's first bytes
    payload = bytes(range(100))
    assert ash.randomise(payload) == bellows_ash.DataFrame._randomize(payload)
    assert ash.randomise(ash.randomise(payload)) == payload


def test_stuffing_escapes_exactly_the_reserved_bytes_as_bellows_does() -> None:
    every_byte = bytes(range(256))
    stuffed = ash.stuff(every_byte)
    assert stuffed == bytes(bellows_ash.AshProtocol._stuff_bytes(every_byte))
    assert ash.unstuff(stuffed) == every_byte
    assert bytes(bellows_ash.AshProtocol._unstuff_bytes(stuffed)) == every_byte
    assert {int(byte) for byte in bellows_ash.Reserved} == ash.RESERVED
    assert ash.stuff(b"\x7e") == b"\x7d\x5e"
    with pytest.raises(ValueError, match="hides no reserved byte"):
        ash.unstuff(b"\x7d\x00")


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        (
            Data(3, False, 5, EZSP_VERSION_COMMAND),
            bellows_ash.DataFrame(
                frm_num=3, re_tx=False, ack_num=5, ezsp_frame=EZSP_VERSION_COMMAND
            ),
        ),
        (
            Data(7, True, 0, b"\x7e\x11\x13" * 10),
            bellows_ash.DataFrame(
                frm_num=7, re_tx=True, ack_num=0, ezsp_frame=b"\x7e\x11\x13" * 10
            ),
        ),
        (Ack(6), bellows_ash.AckFrame(res=0, ncp_ready=0, ack_num=6)),
        (Ack(2, not_ready=True), bellows_ash.AckFrame(res=0, ncp_ready=1, ack_num=2)),
        (Nak(1), bellows_ash.NakFrame(res=0, ncp_ready=0, ack_num=1)),
        (Rst(), bellows_ash.RstFrame()),
        (
            RstAck(ResetCode.SOFTWARE),
            bellows_ash.RStackFrame(version=2, reset_code=bellows_t.NcpResetCode.RESET_SOFTWARE),
        ),
        (
            Error(ResetCode.EXCEEDED_MAXIMUM_ACK_TIMEOUT_COUNT),
            bellows_ash.ErrorFrame(
                version=2,
                reset_code=bellows_t.NcpResetCode.ERROR_EXCEEDED_MAXIMUM_ACK_TIMEOUT_COUNT,
            ),
        ),
    ],
)
def test_each_kind_of_frame_has_bellows_bytes_both_ways(
    ours: ash.AshFrame, theirs: bellows_ash.AshFrame
) -> None:
    assert ash.encode(ours) == line(theirs)
    body = ash.unstuff(ash.encode(ours)[:-1])
    assert bellows_ash.parse_frame(body) == theirs
    assert ash.decode(bytes(theirs.to_bytes())) == ours


def test_the_rstack_of_a_power_on_reset_is_ug101s_example() -> None:
    assert ash.encode(RstAck(ResetCode.POWER_ON)) == bytes.fromhex("c102029b7b7e")
    assert ash.encode(Rst()) == bytes.fromhex("c038bc7e")


@pytest.mark.logs_warning(r"discarded")
def test_the_reader_takes_frames_cut_anywhere_and_reports_corrupt_ones() -> None:
    stream = b"".join(
        (
            line(bellows_ash.RstFrame()),
            line(bellows_ash.DataFrame(frm_num=0, re_tx=False, ack_num=0, ezsp_frame=b"\x7e" * 4)),
            line(bellows_ash.AckFrame(res=0, ncp_ready=0, ack_num=1)),
        )
    )
    reader = FrameReader()
    frames = [frame for byte in stream for frame in reader.feed(bytes((byte,)))]
    assert frames == [Rst(), Data(0, False, 0, b"\x7e" * 4), Ack(1)]

    spoiled = bytearray(
        line(bellows_ash.DataFrame(frm_num=1, re_tx=False, ack_num=0, ezsp_frame=b"\x01\x02"))
    )
    spoiled[2] ^= 0x01  # a bit flipped on the line: the CRC no longer matches
    (corrupt,) = FrameReader().feed(bytes(spoiled))
    assert isinstance(corrupt, Corrupt)
    assert corrupt.was_data  # it earns a NAK


def test_cancel_substitute_and_flow_control_bytes_are_handled_as_ug101_says() -> None:
    ack = line(bellows_ash.AckFrame(res=0, ncp_ready=0, ack_num=3))
    reader = FrameReader()
    # A cancel byte throws away the frame begun before it (bellows prefixes its RST with them).
    assert list(reader.feed(b"\x01\x02" + bytes((ash.CANCEL,)) + ack)) == [Ack(3)]
    # A substitute byte spoils the frame it is in; the next one is read.
    assert list(reader.feed(b"\x85" + bytes((ash.SUBSTITUTE,)) + b"\x00\x7e" + ack)) == [Ack(3)]
    # XON and XOFF are not data.
    assert list(reader.feed(ack[:1] + bytes((ash.XON, ash.XOFF)) + ack[1:])) == [Ack(3)]
    # bellows' reset: 32 cancel bytes, then RST.
    reset = bytes([ash.CANCEL] * 32) + line(bellows_ash.RstFrame())
    assert list(reader.feed(reset)) == [Rst()]
