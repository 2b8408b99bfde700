"""Time for the scripts that run a trial with simulated participants (the worked example, the
trial's screenshots): the console's clock, which moves only when the script moves it – a
participant takes the seconds their plan says by the script setting the clock on, whatever the
machine's speed – and waiting for what a person would see on the real display.

The test suite has its own (``tests/app/trial/hand_clock.py``): scripts do not import the tests.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class HandClock:
    """The console's clock (``OperatorConsole(now=...)``): reads ``now``, which the script sets."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


async def until(condition: Callable[[], bool], timeout_s: float = 30.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - waiting for what a person would see
            await asyncio.sleep(0.02)
