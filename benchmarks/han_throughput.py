"""End-to-end HAN throughput: emulated ESME → air → virtual radio → zigpy → HanSession → HomeModel.

The meter is stepped in batches; after each batch the loop runs until every frame put on the air has
been handed to the radio and the model shows what the newest record of each attribute said (the
records of the frames the radio delivers together are applied together), so the figure is frames
that reached the model, not frames sent.
"""

from __future__ import annotations

import contextlib
import time

import zigpy.types as t

from benchmarks.figures import Figure, at_least
from benchmarks.harness import (
    Deliveries,
    ModelFollows,
    ReportCounter,
    SideTiming,
    Stopwatch,
    distinct_frames,
    emulated_han,
    is_report,
    spin_until,
)
from benchmarks.where_time_goes import Samples, sampling

KEY = "han_reports_per_s"
TARGET_PER_S = 5_000
UNIT = "frames/s"


async def han_reports_per_s(
    steps: int,
    *,
    batch: int = 200,
    warm_up_steps: int = 100,
    record: list[t.ZigbeePacket] | None = None,
    timing: list[SideTiming] | None = None,
    samples: list[Samples] | None = None,
) -> Figure:
    """Time ``steps`` meter steps end to end; ``record`` receives every frame the timed run sent."""
    if steps < 1 or batch < 1:
        raise ValueError("steps and batch must be at least 1")
    async with emulated_han() as han:
        await han.meter_ready()
        home, radio = han.home, han.radio

        sent: list[t.ZigbeePacket] = []
        other_frames = 0

        def tap(packet: t.ZigbeePacket, way: str) -> None:
            # Only reports are counted; the display's own reads (the hub's time every few seconds,
            # histories when a day ends) are answered on the same air and merely slow the run down.
            nonlocal other_frames
            if way == "up":
                if is_report(packet):
                    sent.append(packet)
                else:
                    other_frames += 1

        home.air.taps.append(tap)
        deliveries = Deliveries(radio)
        decoded = ReportCounter()
        cluster = han.metering_cluster()
        cluster.add_listener(decoded)
        follows = ModelFollows(han.model, cluster, decoded)
        try:
            stepping_s = 0.0

            async def run(count: int) -> None:
                nonlocal stepping_s
                remaining = count
                while remaining:
                    n = min(batch, remaining)
                    batch_started = time.perf_counter()
                    for _ in range(n):
                        home.step()
                    stepping_s += time.perf_counter() - batch_started
                    remaining -= n
                    await spin_until(
                        lambda: deliveries.count == len(sent) + other_frames and follows()
                    )

            await run(warm_up_steps)
            sent.clear()
            deliveries.count = other_frames = 0
            decoded.frames = decoded.records = 0
            stepping_s = 0.0

            with (
                Stopwatch() as watch,
                sampling() if samples is not None else contextlib.nullcontext() as sampled,
            ):
                await run(steps)
            elapsed = watch.wall_s
        finally:
            cluster.remove_listener(decoded)
            deliveries.close()

    if not follows():
        raise RuntimeError(f"the model differs from the reports: {follows.differences()}")
    if record is not None:
        record.extend(sent)
    if timing is not None:
        timing.append(watch.timing(decoded.frames))
    if samples is not None and sampled is not None:
        samples.append(sampled)
    lost = len(sent) - decoded.frames
    repeats = len(sent) - len(distinct_frames(sent))
    detail = (
        f"{decoded.frames} of {len(sent)} report frames from {steps} steps reached the model "
        f"({decoded.records} attribute records) in {elapsed:.2f} s, of which the emulated meter "
        f"stepping and encoding took {stepping_s:.2f} s ({stepping_s / elapsed:.0%}); "
        f"{other_frames} other frames (answers to the display's reads) were on the air too"
        + (
            f"; zigpy dropped {lost} as duplicates ({repeats} byte-identical repeats were sent: "
            "the ZCL sequence number wraps every 256 frames)"
            if lost
            else ""
        )
    )
    return at_least(KEY, decoded.frames / elapsed, UNIT, TARGET_PER_S, detail=detail)
