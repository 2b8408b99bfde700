"""The NCP's end of the ASH link: acknowledgements, rejection, the window, retransmission and the
failed state – each frame it writes read back by bellows' own parser, and a lossy line between it
and bellows' own host end."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import bellows.ash as bellows_ash
import bellows.types as bellows_t
import pytest

from home_emulator.ezsp import ash, link
from home_emulator.ezsp.ash import Ack, Data, FrameReader, Nak, Rst
from home_emulator.ezsp.link import AshLink


class Line:
    """What the NCP wrote, as bellows parses it."""

    def __init__(self) -> None:
        self.frames: list[bellows_ash.AshFrame] = []

    def write(self, data: bytes) -> None:
        for raw in data.split(bytes((ash.FLAG,))):
            if raw:
                self.frames.append(bellows_ash.parse_frame(ash.unstuff(raw)))

    def take(self) -> list[bellows_ash.AshFrame]:
        taken, self.frames = self.frames, []
        return taken


def a_link(answer: Callable[[bytes], bytes | None] = lambda payload: None) -> tuple[AshLink, Line]:
    line = Line()
    resets: list[None] = []

    def deliver(payload: bytes) -> None:
        reply = answer(payload)
        if reply is not None:
            ncp.send(reply)

    ncp = AshLink(line.write, deliver, lambda: resets.append(None))
    return ncp, line


def data(
    number: int, ack: int, payload: bytes = b"\x01\x00\x01\x05\x00", *, again: bool = False
) -> Data:
    return Data(number, again, ack, payload)


async def test_a_command_is_acknowledged_by_the_answer_that_follows_it() -> None:
    ncp, line = a_link(lambda payload: b"answer:" + payload)
    ncp.receive(data(0, 0))
    (frame,) = line.take()
    assert frame == bellows_ash.DataFrame(
        frm_num=0, re_tx=False, ack_num=1, ezsp_frame=b"answer:\x01\x00\x01\x05\x00"
    )
    ncp.close()


async def test_a_frame_with_nothing_to_answer_gets_an_ack() -> None:
    ncp, line = a_link()
    ncp.receive(data(0, 0))
    assert line.take() == [bellows_ash.AckFrame(res=0, ncp_ready=0, ack_num=1)]


async def test_a_frame_out_of_sequence_is_rejected_once_until_a_good_one_arrives() -> None:
    ncp, line = a_link()
    ncp.receive(data(2, 0))  # frame 0 was lost
    assert line.take() == [bellows_ash.NakFrame(res=0, ncp_ready=0, ack_num=0)]
    ncp.receive(data(3, 0))
    assert line.take() == []  # in the reject condition: no second NAK
    ncp.receive(data(0, 0, again=True))
    assert line.take() == [bellows_ash.AckFrame(res=0, ncp_ready=0, ack_num=1)]
    ncp.receive(data(5, 0))
    assert line.take() == [bellows_ash.NakFrame(res=0, ncp_ready=0, ack_num=1)]


async def test_a_copy_of_a_frame_already_taken_is_acknowledged_not_taken_again() -> None:
    taken: list[bytes] = []
    ncp, line = a_link(lambda payload: taken.append(payload))
    ncp.receive(data(0, 0))
    ncp.receive(data(0, 0, again=True))
    assert taken == [b"\x01\x00\x01\x05\x00"]
    assert line.take() == [bellows_ash.AckFrame(res=0, ncp_ready=0, ack_num=1)] * 2


@pytest.mark.logs_warning(r"discarded")
async def test_a_data_frame_that_fails_its_crc_is_rejected() -> None:
    ncp, line = a_link()
    spoiled = bytearray(ash.encode(data(0, 0)))
    spoiled[1] ^= 0xFF
    for frame in FrameReader().feed(bytes(spoiled)):
        ncp.receive(frame)
    assert line.take() == [bellows_ash.NakFrame(res=0, ncp_ready=0, ack_num=0)]


async def test_no_more_than_the_window_is_sent_ahead_of_acknowledgements() -> None:
    ncp, line = a_link()
    for index in range(link.WINDOW + 2):
        ncp.send(bytes((index,)), droppable=True)
    sent = line.take()
    assert [frame.frm_num for frame in sent] == list(range(link.WINDOW))
    ncp.receive(Ack(2))  # frames 0 and 1 arrived
    assert [frame.frm_num for frame in line.take()] == [link.WINDOW, link.WINDOW + 1]
    ncp.close()


async def test_a_nak_sends_the_unacknowledged_frames_again() -> None:
    ncp, line = a_link()
    for index in range(3):
        ncp.send(bytes((index,)))
    line.take()
    ncp.receive(Nak(1))  # frame 0 arrived, frame 1 did not
    again = line.take()
    assert [(frame.frm_num, frame.re_tx, frame.ezsp_frame) for frame in again] == [
        (1, True, b"\x01"),
        (2, True, b"\x02"),
    ]
    assert ncp.retransmissions == 2
    ncp.close()


@pytest.mark.logs_warning(r"stopped acknowledging")
async def test_silence_brings_retransmissions_then_the_failed_state_then_a_reset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(link, "T_RX_ACK_MIN_S", 0.001)
    monkeypatch.setattr(link, "T_RX_ACK_MAX_S", 0.004)
    ncp, line = a_link(lambda payload: b"answer")
    ncp.t_rx_ack_s = 0.001
    ncp.send(b"callback")
    async with asyncio.timeout(5):
        while not any(isinstance(frame, bellows_ash.ErrorFrame) for frame in line.frames):  # noqa: ASYNC110 - the line is polled
            await asyncio.sleep(0.001)
    frames = line.take()
    assert [frame.re_tx for frame in frames[:-1]] == [False] + [True] * (link.MAX_TIMEOUTS - 1)
    assert frames[-1] == bellows_ash.ErrorFrame(
        version=2, reset_code=bellows_t.NcpResetCode.ERROR_EXCEEDED_MAXIMUM_ACK_TIMEOUT_COUNT
    )
    ncp.receive(data(0, 0))  # a failed NCP answers nothing but a reset
    assert line.take() == []
    ncp.receive(Rst())
    assert line.take() == [
        bellows_ash.RStackFrame(version=2, reset_code=bellows_t.NcpResetCode.RESET_SOFTWARE)
    ]
    ncp.receive(data(0, 0))  # both directions start again at frame 0
    assert line.take() == [
        bellows_ash.DataFrame(frm_num=0, re_tx=False, ack_num=1, ezsp_frame=b"answer")
    ]
    ncp.close()


class Host:
    """bellows' own host end of ASH, on a line that can lose the NCP's frames."""

    def __init__(self) -> None:
        self.received: list[bytes] = []
        self.reader = FrameReader()
        self.lose: set[int] = set()
        """Indexes (counting from 0) of the NCP's writes that never arrive."""
        self._writes = 0
        host = self

        class Gateway:
            def connection_made(self, transport: object) -> None: ...

            def data_received(self, payload: bytes) -> None:
                host.received.append(payload)

            def reset_received(self, code: object) -> None: ...

        class Transport:
            def write(self, data: bytes) -> None:
                asyncio.get_running_loop().call_soon(host._to_ncp, data)

            def is_closing(self) -> bool:
                return False

            def close(self) -> None: ...

        self.protocol = bellows_ash.AshProtocol(Gateway())
        self.protocol.connection_made(Transport())
        self.ncp = AshLink(self._from_ncp, self._answer, lambda: None)

    def _to_ncp(self, data: bytes) -> None:
        for frame in self.reader.feed(data):
            self.ncp.receive(frame)

    def _from_ncp(self, data: bytes) -> None:
        """Each write arrives a moment later, as on a line; or never."""
        index, self._writes = self._writes, self._writes + 1
        if index not in self.lose:
            asyncio.get_running_loop().call_soon(self.protocol.data_received, data)

    def _answer(self, payload: bytes) -> None:
        self.ncp.send(b"re:" + payload)


async def test_bellows_gets_every_frame_in_order_over_a_line_that_loses_some() -> None:
    host = Host()
    host.lose = {0, 3}  # the answer to the first command, and a later callback
    await asyncio.wait_for(host.protocol.send_data(b"first"), 10)
    for index in range(6):
        host.ncp.send(bytes((index,)))
    await asyncio.wait_for(host.protocol.send_data(b"second"), 10)
    async with asyncio.timeout(10):
        while len(host.received) < 8:  # noqa: ASYNC110 - what bellows got is polled
            await asyncio.sleep(0.01)
    assert host.received == [b"re:first", *(bytes((i,)) for i in range(6)), b"re:second"]
    assert host.ncp.retransmissions > 0
    host.ncp.close()
