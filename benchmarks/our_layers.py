"""``han_vs_zigpy_ratio``: our layers against zigpy's own decoding, on the same frames.

The display side (``display_side``: the virtual radio's delivery, zigpy, the session, its links
and the model) and zigpy alone (``zigpy_decode``) each get the same distinct recorded frames, a
burst of 200 at a time, in turns – one side's burst, then the other's, which goes first swapping
every burst – and each burst is timed by the loop thread's CPU time. Turns a burst long (a tenth
of a second or so) put both sides on the same machine: this one's speed drifts by tens of per
cent from one minute to the next, which two runs one after the other each took whole.

A burst is what a fast home gives: the virtual radio delivers it in one go and the display applies
its records together (``MeterLink``, once the radio says the frames are handled); a burst is
counted done once the model shows the newest record of each attribute.
``han_vs_zigpy_frame_by_frame_ratio`` gives, for information, the same comparison a frame at a
time, as a home at ×1 sends them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Sequence

import zigpy.types as t
from zigpy.zcl import foundation

from benchmarks.display_side import DisplaySide, display_side
from benchmarks.figures import Figure, at_least, for_information
from benchmarks.harness import SideTiming, Stopwatch
from benchmarks.pairs import Pair, cpu_ratio, wall_ratio
from benchmarks.zigpy_decode import ZigpyAlone, zigpy_alone
from han.clusters import GBMetering

RATIO_KEY = "han_vs_zigpy_ratio"
RATIO_TARGET = 0.9
FRAME_BY_FRAME_KEY = "han_vs_zigpy_frame_by_frame_ratio"
FRAME_BY_FRAME = 2_000
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
        with Stopwatch() as watch:
            await feed(start, stop)
        self.wall_s += watch.wall_s
        self.cpu_s += watch.cpu_s
        counts = self.parts[part]
        counts[0] += stop - start
        counts[1] += watch.wall_s
        counts[2] += watch.cpu_s

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
        whole, parts = await _in_turns(display, zigpy, batch)
    return [display.figure(whole[0]), zigpy.figure(whole[1]), ratio(whole, parts)]


async def one_frame_a_pass(frames: Sequence[t.ZigbeePacket]) -> Figure:
    """The same comparison on the first ``FRAME_BY_FRAME`` frames fed one at a time, as a home at
    ×1 sends them (one every few seconds): the display then applies each frame's records on their
    own, as soon as zigpy has handled the frame, and pays a loop callback for each frame (the
    radio's delivery) that zigpy alone does not.

    The frames stop before the first day ends in them: a day's end makes the display read its
    histories again, from its own meter at rest, which is not the meter that sent the frames. Fed
    a burst at a time, later records of today's energy in the next burst supersede that answer
    before the model is checked; fed a frame at a time, the model is checked after frames that
    carry none."""
    frames = _before_the_day_ends(frames[:FRAME_BY_FRAME])
    async with contextlib.AsyncExitStack() as stack:
        display = await stack.enter_async_context(display_side(frames))
        zigpy = await stack.enter_async_context(zigpy_alone(frames))
        whole, parts = await _in_turns(display, zigpy, 1)
    display.figure(whole[0])  # raises unless every frame reached the model
    zigpy.figure(whole[1])
    return for_information(
        FRAME_BY_FRAME_KEY,
        cpu_ratio(whole),
        "x",
        detail=(
            f"han_vs_zigpy_ratio's comparison with one frame a burst ({whole[0].frames} frames);"
            " by thirds of the run " + ", ".join(f"{cpu_ratio(part):.2f}" for part in parts)
        ),
    )


def _before_the_day_ends(frames: Sequence[t.ZigbeePacket]) -> Sequence[t.ZigbeePacket]:
    """The frames before the first whose report of today's energy is lower than the one before."""
    schema = foundation.GENERAL_COMMANDS[foundation.GeneralCommand.Report_Attributes].schema
    today = GBMetering.attributes_by_name["currentday_consumption_delivered"].id
    latest = None
    for index, frame in enumerate(frames):
        _, payload = foundation.ZCLHeader.deserialize(frame.data.serialize())
        report, _ = schema.deserialize(payload)
        for record in report.as_dict()["attribute_reports"]:
            if record.attrid == today:
                if latest is not None and record.value.value < latest:
                    return frames[:index]
                latest = record.value.value
    return frames


async def _in_turns(display: DisplaySide, zigpy: ZigpyAlone, batch: int) -> tuple[Pair, list[Pair]]:
    """Both sides fed every frame, ``batch`` at a time in turns: the whole run's timings and its
    thirds'."""
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
    whole = display_clock.timing(count), zigpy_clock.timing(count)
    return whole, [(display_clock.part(index), zigpy_clock.part(index)) for index in range(PARTS)]


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
