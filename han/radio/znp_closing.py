"""zigpy-znp closing its port while a data request is still on its way.

zigpy-znp shields every unicast it sends from cancellation, so that a confirmation arriving late
still finds its listener. When the display closes – its session cancels what it was asking – those
shielded requests carry on, wait for the serial port's lock behind the stick's reset, and then
write to a port already closed: each ends as an exception nobody retrieves. This mixin keeps
track of the requests in flight and lets them finish (a confirmation is milliseconds away while
the stick is there; a few seconds at most) before the library closes the port.
"""

from __future__ import annotations

from typing import Any

from han.radio.in_flight import InFlight


class ZnpClosesCleanly:
    """Mixin for zigpy-znp's ControllerApplication: no request outlives the port it writes to."""

    _znp: Any
    _in_flight: InFlight

    async def connect(self) -> None:
        await super().connect()  # type: ignore[misc]
        self._in_flight = InFlight()
        znp = self._znp
        znp.request_callback_rsp = self._in_flight.counting(znp.request_callback_rsp)

    async def disconnect(self) -> None:
        in_flight = getattr(self, "_in_flight", None)
        if in_flight is not None:
            await in_flight.settle()
        await super().disconnect()  # type: ignore[misc]
