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

import time
from collections.abc import Sequence

import zigpy.types as t

from benchmarks.figures import Figure, for_information
from benchmarks.harness import (
    MeterChanges,
    ReportCounter,
    SideTiming,
    distinct_frames,
    emulated_han,
    spin_until,
)

KEY = "han_display_side_reports_per_s"
UNIT = "frames/s"


async def display_side_reports_per_s(
    frames: Sequence[t.ZigbeePacket],
    *,
    batch: int = 200,
    timing: list[SideTiming] | None = None,
) -> Figure:
    if not frames:
        raise ValueError("no frames to feed")
    packets = distinct_frames(frames)
    async with emulated_han() as han:
        await han.meter_ready()
        radio = han.radio
        cluster = han.metering_cluster()
        decoded = ReportCounter()
        cluster.add_listener(decoded)
        changes = MeterChanges()
        unsubscribe = han.model.subscribe(changes)
        try:
            started = time.perf_counter()
            started_cpu = time.thread_time()
            for start in range(0, len(packets), batch):
                burst = packets[start : start + batch]
                for packet in burst:
                    radio.frame_from_air(packet)
                fed = start + len(burst)
                try:
                    await spin_until(lambda: decoded.frames >= fed)  # noqa: B023 - awaited here
                except TimeoutError:
                    raise RuntimeError(
                        f"the display decoded {decoded.frames} of the first {fed} frames"
                    ) from None
            elapsed = time.perf_counter() - started
            elapsed_cpu = time.thread_time() - started_cpu
        finally:
            unsubscribe()
            cluster.remove_listener(decoded)

    if decoded.frames != len(packets):
        raise RuntimeError(f"the display decoded {decoded.frames} of {len(packets)} frames")
    if changes.count != decoded.records:
        raise RuntimeError(
            f"the model saw {changes.count} changes for {decoded.records} attribute records"
        )
    if timing is not None:
        timing.append(SideTiming(decoded.frames, elapsed, elapsed_cpu))
    return for_information(
        KEY,
        decoded.frames / elapsed,
        UNIT,
        detail=(
            f"the {decoded.frames} distinct frames given to zigpy alone, through the virtual "
            f"radio's delivery, zigpy, the session and the model ({decoded.records} records, "
            f"each a model change) in {elapsed:.2f} s, {elapsed_cpu:.2f} s of CPU"
        ),
    )
