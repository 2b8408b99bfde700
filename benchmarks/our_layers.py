"""``han_vs_zigpy_ratio``: our layers against zigpy's own decoding, on the same frames.

The display side (``display_side``: the virtual radio's delivery, zigpy, the session, its links
and the model) and zigpy alone (``zigpy_decode``) each get the same distinct recorded frames, a
burst of 200 at a time, in turns – one side's burst, then the other's, which goes first swapping
every burst – and each burst is timed by the loop thread's CPU time. Turns a burst long (a tenth
of a second or so) put both sides on the same machine: this one's speed drifts by tens of per
cent from one minute to the next, which two runs one after the other each took whole.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Awaitable, Callable, Sequence

import zigpy.types as t

from benchmarks.display_side import display_side
from benchmarks.figures import Figure, at_least
from benchmarks.harness import SideTiming
from benchmarks.pairs import Pair, cpu_ratio, wall_ratio
from benchmarks.zigpy_decode import zigpy_alone

RATIO_KEY = "han_vs_zigpy_ratio"
RATIO_TARGET = 0.9
PARTS = 3
"""The run's thirds, whose ratios the figure's detail gives to show how steady it was."""


class _Clock:
    """One side's wall and CPU seconds, summed over its bursts; and per part of the run."""

    def __init__(self) -> None:
        self.wall_s = self.cpu_s = 0.0
        self.parts = [[0, 0.0, 0.0] for _ in range(PARTS)]

    async def time(
        self, feed: Callable[[int, int], Awaitable[None]], start: int, stop: int, part: int
    ) -> None:
        wall, cpu = time.perf_counter(), time.thread_time()
        await feed(start, stop)
        wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
        self.wall_s += wall
        self.cpu_s += cpu
        counts = self.parts[part]
        counts[0] += stop - start
        counts[1] += wall
        counts[2] += cpu

    def timing(self, frames: int) -> SideTiming:
        return SideTiming(frames, self.wall_s, self.cpu_s)

    def part(self, index: int) -> SideTiming:
        frames, wall, cpu = self.parts[index]
        return SideTiming(int(frames), wall, cpu)


async def our_layers_against_zigpy(
    frames: Sequence[t.ZigbeePacket], *, batch: int = 200
) -> list[Figure]:
    async with contextlib.AsyncExitStack() as stack:
        display = await stack.enter_async_context(display_side(frames))
        zigpy = await stack.enter_async_context(zigpy_alone(frames))
        count = len(display.packets)
        if count != len(zigpy.packets):
            raise RuntimeError("the two sides were given different frames")
        display_clock, zigpy_clock = _Clock(), _Clock()
        for turn, start in enumerate(range(0, count, batch)):
            stop = min(start + batch, count)
            part = min(PARTS - 1, start * PARTS // count)
            sides = [(display_clock, display.feed), (zigpy_clock, zigpy.feed)]
            for clock, feed in sides if turn % 2 == 0 else reversed(sides):
                await clock.time(feed, start, stop, part)
    display_timing, zigpy_timing = display_clock.timing(count), zigpy_clock.timing(count)
    parts = [(display_clock.part(index), zigpy_clock.part(index)) for index in range(PARTS)]
    return [
        display.figure(display_timing),
        zigpy.figure(zigpy_timing),
        ratio((display_timing, zigpy_timing), parts),
    ]


def ratio(whole: Pair, parts: list[Pair]) -> Figure:
    """The display side's frames per CPU second over zigpy's alone, the run's parts in the detail."""
    return at_least(
        RATIO_KEY,
        cpu_ratio(whole),
        "x",
        RATIO_TARGET,
        detail=(
            "han_display_side_reports_per_s / zigpy_reports_per_s by the loop thread's CPU time, "
            "the two fed the same frames a burst at a time in turns; by thirds of the run "
            + ", ".join(f"{cpu_ratio(part):.2f}" for part in parts)
            + f"; by wall time {wall_ratio(whole):.2f}"
        ),
    )
