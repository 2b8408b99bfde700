"""zigpy alone: the frames the HAN benchmark carried, fed straight into ``packet_received``.

No air, no session, no profile rewrite on the way: the frames are given the HA profile id before the
clock starts, and each call goes to zigpy's own ``ControllerApplication.packet_received`` (device lookup, de-duplication, ZCL
parsing, cluster events). The radio's meter is interviewed first – zigpy decodes only for initialised
devices – and one ``attribute_report`` subscriber stands in for the session, as the least any
consumer needs.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence

import zigpy.profiles.zha
import zigpy.types as t
from zigpy.application import ControllerApplication

from benchmarks.figures import Figure, for_information
from benchmarks.harness import (
    ReportCounter,
    SideTiming,
    distinct_frames,
    emulated_han,
    is_report,
)
from han.clusters import SE_PROFILE_ID

KEY = "zigpy_reports_per_s"
UNIT = "frames/s"


async def record_report_frames(count: int, *, batch: int = 200) -> list[t.ZigbeePacket]:
    """A priming run: step a reporting meter until it has sent ``count`` report frames."""
    async with emulated_han() as han:
        await han.meter_ready()
        recorded: list[t.ZigbeePacket] = []

        def tap(packet: t.ZigbeePacket, way: str) -> None:
            if way == "up" and is_report(packet):
                recorded.append(packet)

        han.home.air.taps.append(tap)
        while len(recorded) < count:
            for _ in range(batch):
                han.home.step()
            await asyncio.sleep(0)
        await asyncio.sleep(0.01)
    return recorded[:count]


def as_home_automation(packet: t.ZigbeePacket) -> t.ZigbeePacket:
    if packet.profile_id == SE_PROFILE_ID:
        return packet.replace(profile_id=zigpy.profiles.zha.PROFILE_ID)
    return packet


async def zigpy_reports_per_s(
    frames: Sequence[t.ZigbeePacket],
    *,
    batch: int = 200,
    timing: list[SideTiming] | None = None,
) -> Figure:
    if not frames:
        raise ValueError("no frames to feed")
    packets = distinct_frames([as_home_automation(packet) for packet in frames])

    async with emulated_han(with_session=False) as han:
        await han.meter_interviewed()
        cluster = han.metering_cluster()
        decoded = ReportCounter()
        cluster.add_listener(decoded)
        events = 0

        def on_report(_event: object) -> None:
            nonlocal events
            events += 1

        unsubscribe = cluster.on_event("attribute_report", on_report)
        receive = ControllerApplication.packet_received
        radio = han.radio
        try:
            started = time.perf_counter()
            started_cpu = time.thread_time()
            for start in range(0, len(packets), batch):
                for packet in packets[start : start + batch]:
                    receive(radio, packet)
                await asyncio.sleep(0)  # as the HAN run does: let anything zigpy scheduled run
            elapsed = time.perf_counter() - started
            elapsed_cpu = time.thread_time() - started_cpu
        finally:
            unsubscribe()
            cluster.remove_listener(decoded)

    if decoded.frames != len(packets):
        raise RuntimeError(f"zigpy decoded {decoded.frames} of {len(packets)} distinct frames")
    if events != decoded.records:
        raise RuntimeError(
            f"zigpy emitted {events} attribute_report events for {decoded.records} records"
        )
    if timing is not None:
        timing.append(SideTiming(decoded.frames, elapsed, elapsed_cpu))
    repeats = len(frames) - len(packets)
    detail = (
        f"zigpy decoded all {decoded.frames} frames fed and emitted {events} attribute_report "
        f"events in {elapsed:.2f} s"
        + (
            f" ({repeats} byte-identical repeats among the recorded frames left out)"
            if repeats
            else ""
        )
    )
    return for_information(KEY, decoded.frames / elapsed, UNIT, detail=detail)
