"""Runs every benchmark in one process, side by side; one that raises is reported, the rest still run."""

from __future__ import annotations

import functools
import gc
import sys
import traceback
from collections.abc import Awaitable, Callable

import zigpy.types as t

from benchmarks.figures import Failure, Figure, Results
from benchmarks.harness import SideTiming
from benchmarks.machine import machine_info, today
from benchmarks.our_layers import FRAME_BY_FRAME_KEY, RATIO_KEY
from benchmarks.pairs import Pair, median_pair
from benchmarks.plan import Plan
from benchmarks.qt_loop import run_on_qt_loop
from benchmarks.where_time_goes import Samples

Progress = Callable[[str], None]


def _to_stderr(message: str) -> None:
    print(f"[benchmarks] {message}", file=sys.stderr, flush=True)


def run_all(plan: Plan, *, progress: Progress = _to_stderr) -> Results:
    results = Results(machine=machine_info(), date=today())
    # Start-up first, while this process is still idle.
    progress(f"startup: {plan.startup_runs} run(s) of python -m app --screenshot")
    try:
        from benchmarks.startup import startup_figures

        results.figures.extend(startup_figures(plan.startup_runs))
    except Exception as error:
        _failed(results, "startup_s", error, progress)
    _emulator(plan, results, progress)
    progress(f"ihd_idle_cpu_pct, ihd_rss_mb: python -m app left alone for {plan.idle_s:g} s")
    try:
        from benchmarks.ihd_history import ihd_idle

        results.figures.extend(ihd_idle(measure_s=plan.idle_s))
    except Exception as error:
        _failed(results, "ihd_idle", error, progress)
    progress(
        f"fast_forward_cpu_pct, fast_forward_rss_mb: python -m app at ×100,000 for {plan.idle_s:g} s"
    )
    try:
        from benchmarks.fast_forward import app_at_speed

        results.figures.extend(app_at_speed(plan.idle_s))
    except Exception as error:
        _failed(results, "fast_forward app", error, progress)
    progress("pi_budget: the IHD on one core held to a third of it")
    try:
        from benchmarks.pi_budget import pi_budget

        results.figures.extend(pi_budget(idle_s=plan.idle_s, starts=plan.pi_starts))
    except Exception as error:
        _failed(results, "pi_budget", error, progress)
    try:
        run_on_qt_loop(_in_process(plan, results, progress))
    except Exception as error:  # the loop itself could not run: nothing in-process was measured
        _failed(results, "in-process benchmarks", error, progress)
    return results


def _emulator(plan: Plan, results: Results, progress: Progress) -> None:
    from benchmarks import emulator

    progress(f"backfill_24m_s: {plan.backfill_runs} home(s) with 24 months of history")
    try:
        results.figures.extend(emulator.backfill_24m_s(plan.backfill_runs))
    except Exception as error:
        _failed(results, "backfill_24m_s", error, progress)
    progress(f"emulated_s_per_wall_s: {plan.emulated_days} emulated day(s) flat out")
    try:
        results.figures.append(emulator.emulated_s_per_wall_s(plan.emulated_days))
    except Exception as error:
        _failed(results, "emulated_s_per_wall_s", error, progress)
    homes, steps = plan.population
    progress(f"homes_realtime_per_core: {homes} homes × {steps} steps")
    try:
        results.figures.append(emulator.homes_realtime_per_core(homes, steps))
    except Exception as error:
        _failed(results, "homes_realtime_per_core", error, progress)


async def _in_process(plan: Plan, results: Results, progress: Progress) -> None:
    from benchmarks.han_throughput import han_reports_per_s
    from benchmarks.report_to_pixel import report_to_pixel
    from benchmarks.zigpy_decode import record_report_frames

    frames: list[t.ZigbeePacket] = []
    progress(f"han_reports_per_s: {plan.han_steps:,} meter steps end to end")
    await _measure(
        results,
        "han_reports_per_s",
        lambda: _one(han_reports_per_s(plan.han_steps, record=frames)),
    )
    if not frames:
        progress("zigpy_reports_per_s: recording frames in a priming run")
        try:
            frames = await record_report_frames(plan.han_steps)
        except Exception as error:
            _failed(results, "zigpy_reports_per_s", error, progress)
    if frames:
        await _our_layers_against_zigpy(frames, results, progress)
    else:
        results.failures.append(Failure(RATIO_KEY, "no frames to compare with"))
    frames.clear()

    await _coordinators_against_virtual(plan, results, progress)

    progress(f"report_to_pixel: {plan.pixel_samples} samples")
    await _measure(results, "report_to_pixel", lambda: report_to_pixel(plan.pixel_samples))

    from benchmarks.fast_forward import fast_forward

    progress(f"fast_forward: the IHD on a home at ×100,000 for {plan.fast_forward_s:g} s")
    await _measure(results, "fast_forward", lambda: fast_forward(plan.fast_forward_s))

    from benchmarks.ihd_history import history_redraw_ms

    progress(f"history_redraw_ms: {plan.history_redraws} redraws of 70,176 bars")
    await _measure(results, "history_redraw_ms", lambda: history_redraw_ms(plan.history_redraws))

    from benchmarks.soak_hostile import soak_hostile

    progress(
        f"soak_hostile: a served home, 3 genuine displays, 1 hostile client, {plan.soak_s:g} s"
    )
    await _measure(results, "soak_hostile", lambda: soak_hostile(plan.soak_s))


async def _our_layers_against_zigpy(
    frames: list[t.ZigbeePacket], results: Results, progress: Progress
) -> None:
    from benchmarks.our_layers import one_frame_a_pass, our_layers_against_zigpy

    progress(
        f"han_display_side_reports_per_s, zigpy_reports_per_s: {len(frames):,} frames, "
        "a burst each in turns"
    )
    await _measure(results, RATIO_KEY, functools.partial(our_layers_against_zigpy, frames))
    progress(f"{FRAME_BY_FRAME_KEY}: the same, one frame a burst")
    await _measure(results, FRAME_BY_FRAME_KEY, lambda: _one(one_frame_a_pass(frames)))


async def _coordinators_against_virtual(plan: Plan, results: Results, progress: Progress) -> None:
    """Each emulated stick's path against the virtual radio's, the same meter steps, in turns."""
    from benchmarks.coordinator_throughput import (
        coordinator_reports_per_s,
        coordinator_vs_virtual,
        stick_share,
    )
    from benchmarks.han_throughput import han_reports_per_s

    radios = ("znp", "ezsp")
    pairs: dict[str, list[Pair]] = {radio: [] for radio in radios}
    figures: dict[str, list[Figure]] = {radio: [] for radio in radios}
    for turn in range(plan.ratio_pairs):
        progress(
            f"coordinator_reports_per_s, coordinator_ezsp_reports_per_s: "
            f"{plan.coordinator_steps:,} meter steps through the virtual radio, ZNP and EZSP, "
            f"turn {turn + 1} of {plan.ratio_pairs}"
        )
        virtual: list[SideTiming] = []
        if not await _measure_quietly(
            results,
            "coordinator_vs_virtual_ratio",
            functools.partial(han_reports_per_s, plan.coordinator_steps, timing=virtual),
        ):
            return
        for radio in radios:
            timing: list[SideTiming] = []
            figure = await _measure_quietly(
                results,
                f"coordinator ({radio})",
                functools.partial(
                    coordinator_reports_per_s,
                    plan.coordinator_steps,
                    radio_name=radio,
                    timing=timing,
                ),
            )
            if figure is not None:
                pairs[radio].append((timing[0], virtual[0]))
                figures[radio].append(figure)
    for radio in radios:
        if pairs[radio]:
            results.figures.append(figures[radio][median_pair(pairs[radio])])
            results.figures.append(coordinator_vs_virtual(radio, pairs[radio]))
    progress("coordinator_stick_share: one sampled run of each path")
    sampled: dict[str, tuple[SideTiming, Samples]] = {}
    for radio in ("virtual", *radios):
        sampled_timing: list[SideTiming] = []
        samples: list[Samples] = []
        run = (
            functools.partial(han_reports_per_s, plan.coordinator_steps)
            if radio == "virtual"
            else functools.partial(
                coordinator_reports_per_s, plan.coordinator_steps, radio_name=radio
            )
        )
        if await _measure_quietly(
            results,
            f"coordinator_stick_share ({radio})",
            functools.partial(run, timing=sampled_timing, samples=samples),
        ):
            sampled[radio] = (sampled_timing[0], samples[0])
    for radio in radios:
        if radio in sampled and "virtual" in sampled:
            results.figures.append(stick_share(radio, sampled[radio], sampled["virtual"]))


async def _one(figure: Awaitable[Figure]) -> list[Figure]:
    return [await figure]


async def _measure_quietly(
    results: Results, name: str, benchmark: Callable[[], Awaitable[Figure]]
) -> Figure | None:
    """One figure, not yet added to the results (the caller chooses which of several to keep)."""
    gc.collect()
    try:
        return await benchmark()
    except Exception as error:
        _failed(results, name, error, _to_stderr)
        return None


async def _measure(
    results: Results,
    name: str,
    benchmark: Callable[[], Awaitable[list[Figure]]],
) -> list[Figure] | None:
    gc.collect()
    try:
        figures = await benchmark()
    except Exception as error:
        _failed(results, name, error, _to_stderr)
        return None
    results.figures.extend(figures)
    return figures


def _failed(results: Results, name: str, error: Exception, progress: Progress) -> None:
    progress(f"{name} failed:\n{''.join(traceback.format_exception(error)).rstrip()}")
    results.failures.append(Failure(name, f"{type(error).__name__}: {error}"))
