"""Sends a radio library lets run on after their caller has stopped waiting, and closing after them.

zigpy-znp and bellows both shield what they write to the stick from cancellation: a reply or an
acknowledgement arriving late must still find its listener. When the display closes, those sends
carry on by themselves; if the library then closes its port under them, each ends as an exception
nobody retrieves. The closing mixins (``znp_closing``, ``ezsp_closing``) count such sends here and
let them finish – the stick answers in milliseconds while it is there – before the port closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

LOGGER = logging.getLogger(__name__)

SETTLE_S = 3.0
"""How long closing waits for sends in flight: beyond it, a stick that does not answer."""


class InFlight:
    """The tasks inside one of a library's sends right now."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()

    def counting(self, send: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        """``send`` as the library calls it, its task in flight until the call returns."""
        tasks = self._tasks

        async def counted(*args: P.args, **kwargs: P.kwargs) -> R:
            task = asyncio.current_task()
            if task is not None:
                tasks.add(task)
            try:
                return await send(*args, **kwargs)
            finally:
                if task is not None:
                    tasks.discard(task)

        return counted

    async def settle(self) -> None:
        """Wait until the sends in flight (the closing task's own apart) have finished, at most
        ``SETTLE_S`` (then they are cancelled: a stick that does not answer is gone)."""
        closing = asyncio.current_task()
        pending = [task for task in self._tasks if task is not closing]
        if pending:
            LOGGER.debug("letting %d sends finish before closing the port", len(pending))
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(SETTLE_S):
                    # gather collects their failures (none is left unretrieved) and, at the
                    # deadline, cancels what is still waiting
                    await asyncio.gather(*pending, return_exceptions=True)
