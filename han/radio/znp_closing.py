"""zigpy-znp closing its port while a data request is still on its way.

zigpy-znp shields every unicast it sends from cancellation, so that a confirmation arriving late
still finds its listener. When the display closes – its session cancels what it was asking – those
shielded requests carry on, wait for the serial port's lock behind the stick's reset, and then
write to a port already closed: each ends as an exception nobody retrieves. This mixin keeps
track of the requests in flight and lets them finish (a confirmation is milliseconds away while
the stick is there; a few seconds at most) before the library closes the port.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

LOGGER = logging.getLogger(__name__)

SETTLE_S = 3.0
"""How long closing waits for requests in flight: beyond it, a stick that does not answer."""


class ZnpClosesCleanly:
    """Mixin for zigpy-znp's ControllerApplication: no request outlives the port it writes to."""

    _znp: Any
    _in_flight: set[asyncio.Task[Any]]

    async def connect(self) -> None:
        await super().connect()  # type: ignore[misc]
        znp = self._znp
        library_request_callback_rsp = znp.request_callback_rsp
        in_flight: set[asyncio.Task[Any]] = set()
        self._in_flight = in_flight

        async def request_callback_rsp(**kwargs: Any) -> Any:
            task = asyncio.current_task()
            if task is not None:
                in_flight.add(task)
            try:
                return await library_request_callback_rsp(**kwargs)
            finally:
                if task is not None:
                    in_flight.discard(task)

        znp.request_callback_rsp = request_callback_rsp

    async def disconnect(self) -> None:
        closing = asyncio.current_task()
        pending = [task for task in getattr(self, "_in_flight", ()) if task is not closing]
        if pending:
            LOGGER.debug("letting %d requests finish before closing the port", len(pending))
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(SETTLE_S):
                    await asyncio.gather(*pending, return_exceptions=True)
        await super().disconnect()  # type: ignore[misc]
