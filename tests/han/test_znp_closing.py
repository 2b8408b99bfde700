"""Closing the display while zigpy-znp still has a shielded request in flight: the request
finishes on the open port before the port is closed."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from han.radio.znp_closing import ZnpClosesCleanly


class Port:
    def __init__(self) -> None:
        self.open = True
        self.written: list[str] = []
        self.confirmation = asyncio.Event()

    async def request_callback_rsp(self, **kwargs: Any) -> str:
        await self.confirmation.wait()
        if not self.open:
            raise AttributeError("'NoneType' object has no attribute 'write'")
        self.written.append(kwargs["request"])
        return "confirmed"


class Library:
    def __init__(self) -> None:
        self._znp = Port()

    async def connect(self) -> None:
        pass

    async def disconnect(self) -> None:
        self._znp.open = False


class Application(ZnpClosesCleanly, Library):
    pass


async def test_a_request_shielded_from_a_cancelled_caller_finishes_before_the_port_closes() -> None:
    application = Application()
    await application.connect()
    port = application._znp

    async def caller() -> None:  # as zigpy-znp's send_packet does
        await asyncio.shield(port.request_callback_rsp(request="default response"))

    task = asyncio.get_running_loop().create_task(caller())
    await asyncio.sleep(0)  # the request is on its way
    task.cancel()  # the session stops
    with contextlib.suppress(asyncio.CancelledError):
        await task
    closing = asyncio.get_running_loop().create_task(application.disconnect())
    await asyncio.sleep(0)
    assert port.open, "closing waits for the request in flight"
    port.confirmation.set()
    await closing
    assert port.written == ["default response"]
    assert not port.open


async def test_closing_with_nothing_in_flight_closes_at_once() -> None:
    application = Application()
    await application.connect()
    await application.disconnect()
    assert not application._znp.open
