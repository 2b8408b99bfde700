"""bellows closing its port while a frame is still waiting for the stick's acknowledgement.

bellows sends every EZSP frame in a task of its own, shielded from the caller's cancellation, and
that task waits for the ASH acknowledgement. When the display closes right after a reading (the
screenshot's exit, say), the caller is cancelled but the frame's task waits on; bellows then closes
the port, which fails the task with "Connection has been closed" – and with its caller gone nobody
retrieves that exception, so asyncio prints it on the way out. This mixin keeps track of the frames
in flight and lets them be acknowledged (milliseconds while the stick is there; a few seconds at
most) before the library closes the port.
"""

from __future__ import annotations

from typing import Any

from han.radio.in_flight import InFlight


class EzspClosesCleanly:
    """Mixin for bellows' ControllerApplication: no frame outlives the port it was sent on."""

    _ezsp: Any
    _in_flight: InFlight

    async def connect(self) -> None:
        await super().connect()  # type: ignore[misc]
        self._in_flight = InFlight()
        link = ash_link(self._ezsp)
        if link is not None:
            # send_data starts this coroutine as the frame's own task, so the task is counted
            link._send_data_frame = self._in_flight.counting(link._send_data_frame)

    async def disconnect(self) -> None:
        in_flight = getattr(self, "_in_flight", None)
        if in_flight is not None:
            await in_flight.settle()
        await super().disconnect()  # type: ignore[misc]


def ash_link(ezsp: Any) -> Any:
    """bellows' ASH protocol under its EZSP: the gateway (behind bellows' thread-safe proxy) holds
    it as its transport. None where a bellows version keeps it elsewhere: closing is then bellows'
    own."""
    gateway = getattr(getattr(ezsp, "_gw", None), "_obj", None)
    link = getattr(gateway, "_transport", None)
    return link if hasattr(link, "_send_data_frame") else None
