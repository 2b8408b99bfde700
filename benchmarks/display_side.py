"""The display's side alone: the frames the HAN benchmark carried, handed to the virtual radio as the
air hands them, through zigpy, the session and its links into the model.

This is what ``zigpy_reports_per_s`` is compared with: the same distinct frames, the same batches,
zigpy's own decoding in both – here with the radio's delivery (the profile rewrite, one loop
callback a burst), the meter link, the history link's running totals and the model's followers on
top. The emulated meter does not run meanwhile: its stepping and encoding are the other side of the
air, and zigpy alone is not charged for them either (timing around the stepping, as
``han_reports_per_s`` could, still leaves the display charged with what the meter's work on the
same thread does to the interpreter's caches).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Sequence

import zigpy.types as t

from benchmarks.figures import Figure, for_information
from benchmarks.harness import (
    Han,
    ModelFollows,
    ReportCounter,
    SideTiming,
    distinct_frames,
    emulated_han,
    spin_until,
)

KEY = "han_display_side_reports_per_s"
UNIT = "frames/s"


class DisplaySide:
    """A display on a meter at rest, fed recorded frames burst by burst as the air hands them."""

    def __init__(self, han: Han, frames: Sequence[t.ZigbeePacket]) -> None:
        self.packets = distinct_frames(frames)
        self._radio = han.radio
        self._cluster = han.metering_cluster()
        self.decoded = ReportCounter()
        self._cluster.add_listener(self.decoded)
        self._follows = ModelFollows(han.model, self._cluster, self.decoded)

    async def feed(self, start: int, stop: int) -> None:
        """Hand frames ``start`` to ``stop`` to the radio; return once the display decoded them
        and its model shows what they said."""
        for packet in self.packets[start:stop]:
            self._radio.frame_from_air(packet)
        try:
            await spin_until(lambda: self.decoded.frames >= stop and self._follows())
        except TimeoutError:
            raise RuntimeError(
                f"the display decoded {self.decoded.frames} of the first {stop} frames; "
                f"the model differs: {self._follows.differences()}"
            ) from None

    def close(self) -> None:
        self._cluster.remove_listener(self.decoded)

    def figure(self, timing: SideTiming) -> Figure:
        """The figure, once every frame was fed: raises unless each reached the model."""
        decoded = self.decoded
        if decoded.frames != len(self.packets):
            raise RuntimeError(
                f"the display decoded {decoded.frames} of {len(self.packets)} frames"
            )
        if not self._follows():
            raise RuntimeError(f"the model differs from the reports: {self._follows.differences()}")
        return for_information(
            KEY,
            decoded.frames / timing.wall_s,
            UNIT,
            detail=(
                f"the {decoded.frames} distinct frames given to zigpy alone, through the virtual "
                f"radio's delivery, zigpy, the session and the model ({decoded.records} records, "
                f"the model showing the newest of each after every burst) in "
                f"{timing.wall_s:.2f} s, {timing.cpu_s:.2f} s of CPU"
            ),
        )


@contextlib.asynccontextmanager
async def display_side(frames: Sequence[t.ZigbeePacket]) -> AsyncIterator[DisplaySide]:
    if not frames:
        raise ValueError("no frames to feed")
    async with emulated_han() as han:
        await han.meter_ready()
        side = DisplaySide(han, frames)
        try:
            yield side
        finally:
            side.close()
