"""Closing the display while bellows still waits for the stick to acknowledge a frame: the frame
is acknowledged before the port is closed, and no frame's failure is left for asyncio to print."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator
from types import SimpleNamespace
from typing import Any

import pytest
from bellows.ash import AckFrame, AshProtocol
from bellows.thread import ThreadsafeProxy
from bellows.uart import Gateway

from han.radio import in_flight
from han.radio.ezsp_closing import EzspClosesCleanly


class Stick(asyncio.Transport):
    """The serial port as bellows' ASH layer sees it: what is written, and closing."""

    def __init__(self, link: AshProtocol) -> None:
        super().__init__()
        self.link = link
        self.written: list[bytes] = []
        self.closed = False

    def write(self, data: bytes | bytearray | memoryview) -> None:
        self.written.append(bytes(data))

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            asyncio.get_running_loop().call_soon(self.link.connection_lost, None)

    def acknowledge(self) -> None:
        """The stick's ASH ACK for the first frame (it expects frame 1 next)."""
        self.link.frame_received(AckFrame(res=0, ncp_ready=0, ack_num=1))


class Host:
    """What bellows' gateway reports to: the EZSP layer."""

    def connection_lost(self, exc: BaseException | None) -> None:
        pass


class Library:
    """bellows' ControllerApplication as far as its port goes: EZSP → gateway → ASH → port."""

    _ezsp: Any

    async def connect(self) -> None:
        gateway = Gateway(Host())
        self.link = AshProtocol(gateway)
        self.stick = Stick(self.link)
        self.link.connection_made(self.stick)
        self._ezsp = SimpleNamespace(_gw=ThreadsafeProxy(gateway, asyncio.get_running_loop()))

    async def disconnect(self) -> None:
        await self._ezsp._gw.disconnect()


class Application(EzspClosesCleanly, Library):
    pass


@pytest.fixture
async def unretrieved() -> AsyncIterator[list[str]]:
    """The task failures asyncio reports as never retrieved during the test."""
    loop = asyncio.get_running_loop()
    reported: list[str] = []
    previous = loop.get_exception_handler()
    loop.set_exception_handler(lambda _loop, context: reported.append(context["message"]))
    yield reported
    loop.set_exception_handler(previous)


async def _frame_sent_then_abandoned(link: AshProtocol) -> None:
    """A frame goes out, and its caller stops waiting (the session is cancelled)."""
    caller = asyncio.get_running_loop().create_task(link.send_data(b"\x00\x01\x00\x06\x00"))
    await asyncio.sleep(0)  # the frame is on the wire, waiting for its ACK
    caller.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await caller


async def _reported(unretrieved: list[str]) -> list[str]:
    for _ in range(3):  # the frame's task ends on the loop's next passes
        await asyncio.sleep(0)
    gc.collect()  # asyncio reports an unretrieved failure when the task is collected
    return unretrieved


async def test_a_frame_in_flight_is_acknowledged_before_the_port_closes(
    unretrieved: list[str],
) -> None:
    application = Application()
    await application.connect()
    await _frame_sent_then_abandoned(application.link)
    closing = asyncio.get_running_loop().create_task(application.disconnect())
    await asyncio.sleep(0)
    assert not application.stick.is_closing(), "closing waits for the frame in flight"
    application.stick.acknowledge()
    await closing
    assert application.stick.is_closing()
    assert len(application.stick.written) == 1
    assert await _reported(unretrieved) == []


async def test_a_stick_that_never_acknowledges_is_closed_after_the_settling_time(
    unretrieved: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(in_flight, "SETTLE_S", 0.05)
    application = Application()
    await application.connect()
    await _frame_sent_then_abandoned(application.link)
    await application.disconnect()
    assert application.stick.is_closing()
    assert await _reported(unretrieved) == []


async def test_closing_with_nothing_in_flight_closes_at_once() -> None:
    application = Application()
    await application.connect()
    await application.disconnect()
    assert application.stick.is_closing()


async def test_bellows_alone_leaves_the_abandoned_frames_failure_unretrieved(
    unretrieved: list[str],
) -> None:
    """Why the mixin is there: without it, closing fails the frame and nobody hears of it."""
    library = Library()
    await library.connect()
    await _frame_sent_then_abandoned(library.link)
    await library.disconnect()
    assert await _reported(unretrieved) == ["Task exception was never retrieved"]
