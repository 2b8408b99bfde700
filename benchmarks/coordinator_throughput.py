"""HAN throughput through an emulated USB coordinator: emulated ESME → air → emulated Z-Stack →
MT frames over TCP → zigpy-znp (unmodified) → zigpy → HanSession → HomeModel; or the same through
the emulated EmberZNet NCP → EZSP over ASH on TCP → bellows (unmodified).

Measured like ``han_reports_per_s`` (the in-process virtual radio), in the same run, so the ratio
between the two is the cost of a real radio library and its serial protocol: framing (and, for
ASH, acknowledgements of every frame), the command layer, the TCP socket standing in for the
serial port, and the library's own callbacks.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import zigpy.device
import zigpy.types as t
from zigpy.application import ControllerApplication

from benchmarks.figures import Figure, for_information
from benchmarks.harness import (
    SPEC,
    Deliveries,
    ReportCounter,
    SideTiming,
    Stopwatch,
    is_report,
    spin_until,
    until,
)
from benchmarks.pairs import Pair, median_ratio
from benchmarks.where_time_goes import LIBRARY, STICK, Samples, sampling
from han.clusters import METERING_CLUSTER
from han.model import HomeModel
from han.radio.libraries import RADIOS, RadioChoice, controller_class, radio_config
from han.session import HanSession
from home_emulator.api.coordinator import (
    EZSP_IEEE,
    ZNP_IEEE,
    EmulatedEzsp,
    EmulatedZnp,
    EzspServer,
    ZnpServer,
)
from home_emulator.api.home import DeviceType, EmulatedHome, new_install_code

KEY = "coordinator_reports_per_s"
RATIO_KEY = "coordinator_vs_virtual_ratio"
EZSP_KEY = "coordinator_ezsp_reports_per_s"
EZSP_RATIO_KEY = "coordinator_ezsp_vs_virtual_ratio"
KEYS = {"znp": (KEY, RATIO_KEY), "ezsp": (EZSP_KEY, EZSP_RATIO_KEY)}
"""The radio's figure and its ratio to the virtual radio, by radio."""
STICK_KEYS = {"znp": "coordinator_stick_share", "ezsp": "coordinator_ezsp_stick_share"}
"""The emulated stick's own CPU per frame against the virtual radio's whole path, by radio."""
UNIT = "frames/s"


@contextlib.asynccontextmanager
async def _han_on_the_coordinator(
    radio_name: str,
) -> AsyncIterator[tuple[EmulatedHome, ControllerApplication, HanSession, HomeModel]]:
    home = EmulatedHome(SPEC)
    server: ZnpServer | EzspServer
    if radio_name == "ezsp":
        home.hub.device_log.add(EZSP_IEEE, new_install_code(), DeviceType.IHD)
        server = EzspServer(EmulatedEzsp(home.air, ieee=EZSP_IEEE))
    else:
        home.hub.device_log.add(ZNP_IEEE, new_install_code(), DeviceType.IHD)
        server = ZnpServer(EmulatedZnp(home.air, ieee=ZNP_IEEE))
    host, port = await server.start("127.0.0.1", 0)
    home.power_on()
    choice = RadioChoice(RADIOS[radio_name], f"socket://{host}:{port}", 115_200)
    application = controller_class(choice.kind)
    # No database, as the virtual radio's run has none: zigpy writing every reported attribute
    # to SQLite is zigpy's cost, not the radio path's, and how much of it falls inside the timed
    # window depends on how often the loop yields (EZSP's acknowledgements make it yield more).
    config = radio_config(choice, database_path=None)
    if radio_name == "ezsp":
        # bellows adds its callback handler each time it starts the network, and forming a new
        # one starts it twice (zigpy's energy scan needs a running network): until the next
        # start every frame is handled twice. Measured as on every start but a display's first.
        first = await application.new(config, auto_form=True)
        await first.shutdown()
    radio = await application.new(config, auto_form=True)
    model = HomeModel()
    session = HanSession(radio, model)
    session.start()
    try:
        yield home, radio, session, model
    finally:
        await session.stop()
        await radio.shutdown()
        await server.close()
        home.close()


async def coordinator_reports_per_s(
    steps: int,
    *,
    batch: int = 200,
    warm_up_steps: int = 100,
    radio_name: str = "znp",
    timing: list[SideTiming] | None = None,
    samples: list[Samples] | None = None,
) -> Figure:
    """Report frames per second reaching zigpy through the emulated ``radio_name`` coordinator
    ("znp" or "ezsp")."""
    if steps < 1 or batch < 1:
        raise ValueError("steps and batch must be at least 1")
    key, _ = KEYS[radio_name]
    async with _han_on_the_coordinator(radio_name) as (
        home,
        radio,
        session,
        model,
    ):

        def ready() -> bool:
            meter = model.electricity_import_meter()
            return (
                any(link.reporting_configured for link in session.links.values())
                and meter is not None
                and meter.tariff.unit_price_gbp_per_kwh is not None
                and meter.tariff.standing_charge_gbp_per_day is not None
            )

        await until(ready, 30.0)
        # zigpy backs the network up once at start (reading the stick's tables): let it
        # finish, it is start-up work, not throughput.
        await until(lambda: bool(radio.backups.backups), 30.0)
        sent = other = 0

        def tap(packet: t.ZigbeePacket, way: str) -> None:
            nonlocal sent, other
            if way == "up":
                if is_report(packet):
                    sent += 1
                else:
                    other += 1

        home.air.taps.append(tap)
        deliveries = Deliveries(radio)
        device = radio.devices[home.esme.node.ieee]
        assert isinstance(device, zigpy.device.Device)
        cluster = device.endpoints[1].in_clusters[METERING_CLUSTER]
        decoded = ReportCounter()
        cluster.add_listener(decoded)
        try:

            async def run(count: int) -> None:
                remaining = count
                while remaining:
                    n = min(batch, remaining)
                    for _ in range(n):
                        home.step()
                    remaining -= n
                    await spin_until(lambda: deliveries.count == sent + other, 30.0)

            await run(warm_up_steps)
            sent = other = deliveries.count = 0
            decoded.frames = decoded.records = 0
            with (
                Stopwatch() as watch,
                sampling() if samples is not None else contextlib.nullcontext() as sampled,
            ):
                await run(steps)
        finally:
            cluster.remove_listener(decoded)
            deliveries.close()
    if timing is not None:
        timing.append(watch.timing(decoded.frames))
    if samples is not None and sampled is not None:
        samples.append(sampled)
    detail = (
        f"{decoded.frames} of {sent} report frames from {steps} steps reached zigpy through"
        f" the emulated {radio_name.upper()} coordinator over TCP in {watch.wall_s:.2f} s;"
        f" {other} other frames"
    )
    return for_information(key, decoded.frames / watch.wall_s, UNIT, detail=detail)


COORDINATOR_RATIO_TARGET = 0.9
"""A real stick's path should cost little more than the virtual radio's (the emulated stick's own
share of it is what this project controls; the radio library's share is not)."""


def coordinator_vs_virtual(radio_name: str, pairs: list[Pair]) -> Figure:
    """The stick's path against the virtual radio's: frames per CPU second of the loop thread
    (which runs the emulated stick and its TCP port too), the median of pairs taken in turns."""
    key, ratio_key = KEYS[radio_name]
    return median_ratio(
        ratio_key, pairs, minimum=COORDINATOR_RATIO_TARGET, what=f"{key} / han_reports_per_s"
    )


def stick_share(
    radio_name: str, stick: tuple[SideTiming, Samples], virtual: tuple[SideTiming, Samples]
) -> Figure:
    """What the emulated stick itself costs a frame (sampled), against the virtual radio's whole
    path a frame: the part of the coordinator path this project's code adds."""
    (stick_timing, stick_samples), (virtual_timing, virtual_samples) = stick, virtual
    per_frame_us = stick_timing.cpu_s / stick_timing.frames * 1e6
    virtual_us = virtual_timing.cpu_s / virtual_timing.frames * 1e6
    stick_us = stick_samples.share(STICK) * per_frame_us
    library_us = stick_samples.share(LIBRARY) * per_frame_us
    return for_information(
        STICK_KEYS[radio_name],
        100 * stick_us / virtual_us,
        "%",
        detail=(
            "CPU a frame, sampled on the process's CPU-time timer: the emulated "
            f"{radio_name.upper()} stick {stick_us:.0f} µs, its radio library {library_us:.0f} µs,"
            f" the whole path {per_frame_us:.0f} µs ({stick_samples.shares()}; "
            f"{stick_samples.total:,} samples); the virtual radio's path {virtual_us:.0f} µs "
            f"({virtual_samples.shares()})"
        ),
    )
