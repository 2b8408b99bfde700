"""zigpy alone: the frames the HAN benchmark carried, fed straight into ``packet_received``.

No air, no session, no profile rewrite on the way: the frames are given the HA profile id before the
clock starts, and each call goes to zigpy's own ``ControllerApplication.packet_received`` (device lookup, de-duplication, ZCL
parsing, cluster events). The radio's meter is interviewed first – zigpy decodes only for initialised
devices – and one ``attribute_report`` subscriber stands in for the session, as the least any
consumer needs.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Sequence

import zigpy.profiles.zha
import zigpy.types as t
from zigpy.application import ControllerApplication

from benchmarks.figures import Figure, for_information
from benchmarks.harness import (
    Han,
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


class ZigpyAlone:
    """zigpy on a meter it interviewed, no session: frames go straight into ``packet_received``."""

    def __init__(self, han: Han, frames: Sequence[t.ZigbeePacket]) -> None:
        self.packets = distinct_frames([as_home_automation(packet) for packet in frames])
        self.repeats = len(frames) - len(self.packets)
        self._radio = han.radio
        self._cluster = han.metering_cluster()
        self.decoded = ReportCounter()
        self._cluster.add_listener(self.decoded)
        self.events = 0
        self._unsubscribe = self._cluster.on_event("attribute_report", self._on_report)

    def _on_report(self, _event: object) -> None:
        self.events += 1

    async def feed(self, start: int, stop: int) -> None:
        receive, radio = ControllerApplication.packet_received, self._radio
        for packet in self.packets[start:stop]:
            receive(radio, packet)
        await asyncio.sleep(0)  # as the display's run does: let anything zigpy scheduled run

    def close(self) -> None:
        self._unsubscribe()
        self._cluster.remove_listener(self.decoded)

    def figure(self, timing: SideTiming) -> Figure:
        decoded = self.decoded
        if decoded.frames != len(self.packets):
            raise RuntimeError(
                f"zigpy decoded {decoded.frames} of {len(self.packets)} distinct frames"
            )
        if self.events != decoded.records:
            raise RuntimeError(
                f"zigpy emitted {self.events} attribute_report events for {decoded.records} records"
            )
        detail = (
            f"zigpy decoded all {decoded.frames} frames fed and emitted {self.events} "
            f"attribute_report events in {timing.wall_s:.2f} s, {timing.cpu_s:.2f} s of CPU"
            + (
                f" ({self.repeats} byte-identical repeats among the recorded frames left out)"
                if self.repeats
                else ""
            )
        )
        return for_information(KEY, decoded.frames / timing.wall_s, UNIT, detail=detail)


@contextlib.asynccontextmanager
async def zigpy_alone(frames: Sequence[t.ZigbeePacket]) -> AsyncIterator[ZigpyAlone]:
    if not frames:
        raise ValueError("no frames to feed")
    async with emulated_han(with_session=False) as han:
        await han.meter_interviewed()
        side = ZigpyAlone(han, frames)
        try:
            yield side
        finally:
            side.close()
