"""The emulated home's own speed: 24-month backfill, live emulation rate, homes one core keeps.

"Reports on" means what a display would have asked for: the session's bindings and reporting
configuration are set on the meters, and every due report frame is built and put on the air (a
coordinator that only counts them stands in for the display, so zigpy's decoding – measured by the
HAN figures – is not counted twice).
"""

from __future__ import annotations

import statistics
import time

import zigpy.types as t

from benchmarks.figures import Figure, at_least, at_most, for_information
from han.clusters import METERING_CLUSTER
from home_emulator.api.home import COORDINATOR_IEEE, Binding, EmulatedHome, HomeSpec

START = 1_780_000_000.0
DAY_STEPS = 8_640
REPORTING = {  # what han.links.meter_link asks an ESME for: attribute → (min s, max s, change)
    "instantaneous_demand": (1, 60, 1),
    "current_summ_delivered": (10, 600, 1),
    "currentday_consumption_delivered": (10, 600, 1),
    "iambient_consumption_indicator": (1, 600, 1),
}


class CountingDisplay:
    """A coordinator that receives the home's frames and only counts them."""

    ieee = COORDINATOR_IEEE

    def __init__(self) -> None:
        self.frames = 0

    def frame_from_air(self, packet: t.ZigbeePacket) -> None:
        self.frames += 1

    def node_joined(self, nwk: int, ieee: t.EUI64) -> None:
        return None

    def node_left(self, nwk: int, ieee: t.EUI64) -> None:
        return None


def home_with_reports_on(
    *, history_days: int, seed: int = 7
) -> tuple[EmulatedHome, CountingDisplay]:
    from home_emulator.api.home import ReportingRule

    home = EmulatedHome(HomeSpec(seed=seed, start_epoch_s=START, history_days=history_days))
    display = CountingDisplay()
    home.air.attach(display)
    home.power_on()
    node = home.esme.node
    node.bindings.add(Binding(1, METERING_CLUSTER, COORDINATOR_IEEE, 1))
    metering = home.esme.metering
    for name, (low, high, change) in REPORTING.items():
        metering.reporting[metering.definition.attributes_by_name[name].id] = ReportingRule(
            low, high, change
        )
    if home.gas is not None:
        home.hub.node.bindings.add(Binding(2, METERING_CLUSTER, COORDINATOR_IEEE, 1))
        gas = home.gas.metering
        for name in ("current_summ_delivered", "currentday_consumption_delivered"):
            gas.reporting[gas.definition.attributes_by_name[name].id] = ReportingRule(10, 3600, 1)
    return home, display


def backfill_24m_s(runs: int) -> list[Figure]:
    times = []
    for seed in range(runs):
        started = time.perf_counter()
        EmulatedHome(HomeSpec(seed=seed + 1, start_epoch_s=START))
        times.append(time.perf_counter() - started)
    backfill = statistics.median(times)
    home, _ = home_with_reports_on(history_days=1)
    started = time.perf_counter()
    for _ in range(DAY_STEPS):
        home.step()
    day_live = time.perf_counter() - started
    live_24m = day_live * 731
    return [
        at_most(
            "backfill_24m_s",
            backfill,
            "s",
            1.0,
            detail=f"family of four, electricity and gas, 731 days of 10-s slots; median of {runs}: "
            + ", ".join(f"{t:.2f}" for t in times),
        ),
        for_information(
            "backfill_vs_live_ratio",
            live_24m / backfill,
            "x",
            detail=f"stepping the live loop through the same 24 months would take ~{live_24m:.0f} s "
            f"({day_live:.2f} s per emulated day, measured)",
        ),
    ]


def emulated_s_per_wall_s(days: int) -> Figure:
    home, display = home_with_reports_on(history_days=1)
    steps = max(1, days * DAY_STEPS)
    started = time.perf_counter()
    for _ in range(steps):
        home.step()
    elapsed = time.perf_counter() - started
    return at_least(
        "emulated_s_per_wall_s",
        steps * 10 / elapsed,
        "emulated s per s",
        100_000,
        detail=f"{days} emulated day(s), reports on: {display.frames:,} frames on the air in {elapsed:.2f} s",
    )


def homes_realtime_per_core(homes: int, steps: int) -> Figure:
    population = [home_with_reports_on(history_days=1, seed=seed)[0] for seed in range(homes)]
    started = time.perf_counter()
    for _ in range(steps):
        for home in population:
            home.step()
    elapsed = time.perf_counter() - started
    per_step = elapsed / (homes * steps)
    # At ×1 a home steps once every 10 s of real time: one core keeps 10 s / (cost of a step) homes.
    return at_least(
        "homes_realtime_per_core",
        10 / per_step,
        "homes",
        2_000,
        detail=f"{homes} dual-fuel homes × {steps} steps, reports on: {per_step * 1e6:.0f} µs per home-step",
    )
