"""Time for the trial tests: the console's and the stores' clock, which moves only when the test
moves it – a participant takes exactly the seconds the test says, however busy the machine – and
waiting for what a person would see on the real display.

The scripts that run a trial with simulated participants have their own (``scripts/hand_clock.py``):
they do not import the tests.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class HandClock:
    """A trial's clock (``OperatorConsole(now=...)``, ``TrialStore(now=...)``): reads ``now``,
    which the test sets."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


async def until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - what a person would see, polled
            await asyncio.sleep(0.02)
