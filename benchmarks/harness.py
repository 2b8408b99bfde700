"""Brings up an emulated home on the virtual radio, as the app does, for the in-process benchmarks.

The home's clock is not started: benchmarks step it, so they decide exactly when frames go on the air.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import zigpy.device
import zigpy.types as t
from zigpy.zcl import Cluster, foundation

from han.clusters import METERING_CLUSTER
from han.links.meter_link import AMBIENT_ATTRIBUTE, live_fields
from han.model import HomeModel, MeterKey
from han.session import HanSession
from home_emulator.api.home import EmulatedHome, HomeSpec, VirtualRadio

# Electricity only: the figures are about the ESME's reports alone.
SPEC = HomeSpec(seed=7, start_epoch_s=1_780_000_000, gas=False, history_days=40)


@dataclass
class Han:
    home: EmulatedHome
    radio: VirtualRadio
    model: HomeModel
    session: HanSession | None

    async def meter_ready(self, timeout_s: float = 10.0) -> None:
        """Until the meter has accepted reporting and the session has finished reading the price.

        After this the session's start-up traffic is over: every frame is a report.
        """
        session = self.session
        assert session is not None, "no session: use meter_interviewed"

        def ready() -> bool:
            meter = self.model.electricity_import_meter()
            return (
                any(link.reporting_configured for link in session.links.values())
                and meter is not None
                and meter.tariff.unit_price_gbp_per_kwh is not None
                and meter.tariff.standing_charge_gbp_per_day is not None
            )

        await until(ready, timeout_s)

    async def meter_interviewed(self, timeout_s: float = 10.0) -> None:
        ieee = self.home.esme.node.ieee
        await until(
            lambda: ieee in self.radio.devices and self.radio.devices[ieee].is_initialized,
            timeout_s,
        )

    def metering_cluster(self) -> Cluster:
        device = self.radio.devices[self.home.esme.node.ieee]
        assert isinstance(device, zigpy.device.Device)
        cluster: Cluster = device.endpoints[1].in_clusters[METERING_CLUSTER]
        return cluster


@contextlib.asynccontextmanager
async def emulated_han(*, with_session: bool = True) -> AsyncIterator[Han]:
    home = EmulatedHome(SPEC)
    radio = await VirtualRadio.new(VirtualRadio.config_for(home.air))
    assert isinstance(radio, VirtualRadio)
    model = HomeModel()
    session = HanSession(radio, model) if with_session else None
    if session is not None:
        session.start()
    home.power_on()
    try:
        yield Han(home, radio, model, session)
    finally:
        if session is not None:
            await session.stop()
        await radio.shutdown()
        home.close()
        for _ in range(3):  # let callbacks already queued run while the loop is still ours
            await asyncio.sleep(0)


async def until(condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
    """Let the loop run until ``condition`` holds."""
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - zigpy state has no event to wait on
            await asyncio.sleep(0.001)


async def spin_until(condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
    """Like ``until``, but yields only one pass of the loop at a time: for timed waits."""
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - polled once per pass of the loop on purpose
            await asyncio.sleep(0)


def is_report(packet: t.ZigbeePacket) -> bool:
    """A ZCL Report Attributes frame (general command 0x0A)."""
    data = packet.data.serialize()
    if packet.src_ep == 0 or len(data) < 3:
        return False
    command_at = 4 if data[0] & 0x04 else 2  # a manufacturer code shifts the command id
    return (
        data[0] & 0x03 == 0
        and len(data) > command_at
        and data[command_at] == foundation.GeneralCommand.Report_Attributes
    )


@dataclass(frozen=True)
class SideTiming:
    """What one side of a throughput comparison handled, in wall and in CPU seconds.

    CPU time is this thread's (the loop's: the air, zigpy, the session and the model all run on
    it), so a comparison by CPU time is not moved by other processes taking the machine's cores
    while one side runs – which wall time on a shared machine is, by tens of per cent."""

    frames: int
    wall_s: float
    cpu_s: float

    @property
    def per_cpu_s(self) -> float:
        return self.frames / self.cpu_s


class Stopwatch:
    """Times the block it is entered for, in wall seconds and this thread's CPU seconds."""

    wall_s = cpu_s = 0.0

    def __enter__(self) -> Stopwatch:
        self._wall, self._cpu = time.perf_counter(), time.thread_time()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall_s = time.perf_counter() - self._wall
        self.cpu_s = time.thread_time() - self._cpu

    def timing(self, frames: int) -> SideTiming:
        return SideTiming(frames, self.wall_s, self.cpu_s)


class ReportCounter:
    """A zigpy cluster listener counting the Report Attributes frames zigpy decoded, and their records.

    zigpy calls ``general_command`` once per decoded frame, before it emits one ``attribute_report``
    event per attribute record; frames it dropped (duplicates, undecodable) never get here.
    """

    def __init__(self) -> None:
        self.frames = 0
        self.records = 0
        self.newest: dict[int, Any] = {}
        """The newest raw value reported of each attribute, by attribute id."""

    def general_command(self, header: foundation.ZCLHeader, args: Any) -> None:
        if header.command_id == foundation.GeneralCommand.Report_Attributes:
            self.frames += 1
            records = args.attribute_reports
            self.records += len(records)
            newest = self.newest
            for record in records:
                newest[record.attrid] = record.value.value


class ModelFollows:
    """Whether the model shows what the newest record of each attribute the display shows said.

    That is what every report must come to: the records of the frames a radio delivers together
    are applied together (``MeterLink``), so a record that a newer one of its attribute followed in
    the same delivery is never shown on its own, and one model change can carry several records."""

    def __init__(self, model: HomeModel, cluster: Cluster, reports: ReportCounter) -> None:
        self._model = model
        self._names = {attrid: attribute.name for attrid, attribute in cluster.attributes.items()}
        self._key = MeterKey(str(cluster.endpoint.device.ieee), cluster.endpoint.endpoint_id)
        self._reports = reports

    def __call__(self) -> bool:
        return not self.differences()

    def differences(self) -> list[str]:
        """What the model shows otherwise than the newest records: "name: shown, reported"."""
        meter = self._model.meters.get(self._key)
        if meter is None:
            return [f"no meter {self._key}"] if self._reports.newest else []
        fields = live_fields(meter)
        differences = []
        for attrid, raw in self._reports.newest.items():
            name = self._names.get(attrid)
            if name == AMBIENT_ATTRIBUTE:
                shown: Any = meter.ambient.value.value if meter.ambient else None
                expected: Any = int(raw)
            elif name in fields:
                figure = getattr(meter, fields[name].value)
                shown = figure.value if figure else None
                expected = meter.formatting.scale(int(raw))
            else:
                continue  # not a figure the display shows (the supply status is the PPMID's)
            if shown != expected:
                differences.append(f"{name}: {shown}, reported {expected}")
        return differences


def distinct_frames(frames: Sequence[t.ZigbeePacket]) -> list[t.ZigbeePacket]:
    """The frames zigpy would not drop as duplicates: the first of each identical payload.

    zigpy ignores a frame identical to one seen in the last 10 s (bar TSN, LQI, RSSI and time), and
    the meter's 8-bit ZCL transaction number wraps every 256 frames, so a repeated demand value can
    give a byte-identical frame. Such repeats are left out, so every frame fed is decoded.
    """
    seen: set[tuple[int, int, bytes]] = set()
    distinct = []
    for frame in frames:
        key = (int(frame.cluster_id), int(frame.src_ep or 0), frame.data.serialize())
        if key not in seen:
            seen.add(key)
            distinct.append(frame)
    return distinct


class Deliveries:
    """Counts the frames the radio hands on, by wrapping its ``packet_received``: the radio
    schedules that once per frame, so the count tells when the loop has carried every frame sent,
    whatever zigpy then does with it. ``close`` puts the radio's own method back."""

    def __init__(self, radio: Any) -> None:
        self.count = 0
        self._radio = radio
        receive = radio.packet_received

        def counting_receive(packet: t.ZigbeePacket) -> None:
            try:
                receive(packet)
            finally:
                self.count += 1

        setattr(radio, "packet_received", counting_receive)  # noqa: B010

    def close(self) -> None:
        delattr(self._radio, "packet_received")
