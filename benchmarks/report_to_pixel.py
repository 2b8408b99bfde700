"""Report to pixel: a demand report entering the radio until the IHD's "Using now" label shows it.

The IHD is the real home screen in the host's window (offscreen), fed by the real session. Each sample
sets the ESME's demand register to a value whose kW text differs from what is shown, has the meter
build its report frame (before the clock starts), hands it to the air's ``to_coordinator`` and then
lets the loop run one pass at a time until the label's text is the new value.
"""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import time
from decimal import Decimal

from benchmarks.figures import Figure, at_most, for_information
from benchmarks.harness import emulated_han, spin_until

P50_KEY = "report_to_pixel_p50_ms"
P95_KEY = "report_to_pixel_p95_ms"
P95_TARGET_MS = 50.0
_SAMPLE_TIMEOUT_S = 5.0
_PAINT_TIMEOUT_S = 1.0
_SETTLE_S = 0.002
"""Between samples, so one sample's repaint is not charged to the next."""


async def report_to_pixel(samples: int) -> list[Figure]:
    # Qt-side imports only here: the CLI chooses the Qt platform before anything imports PySide6.
    from app.host.context import ExperienceContext
    from app.host.window import HostWindow
    from benchmarks.paint_counter import PaintCounter
    from home_emulator.api.home import METER_STEP_S
    from ihd.pages.home import HomeScreenView
    from ihd.view_models.home import format_kw

    if samples < 2:
        raise ValueError("at least 2 samples are needed")
    latencies_ms: list[float] = []
    painted_ms: list[float] = []
    async with emulated_han() as han:
        await han.meter_ready()
        view = HomeScreenView(ExperienceContext(han.model))
        window = HostWindow("In-Home Display", view, (800, 480))
        window.show()
        label = view.demand.value
        painter = PaintCounter()
        label.installEventFilter(painter)
        try:
            await spin_until(lambda: label.text() not in ("", "–"))
            with contextlib.suppress(TimeoutError):  # the window's first paint is not a sample
                await spin_until(lambda: painter.paints > 0, _PAINT_TIMEOUT_S)
            esme, air = han.home.esme, han.home.air
            now = esme.time_s
            demand_w = 500
            for _ in range(samples):
                demand_w += 10  # 0.01 kW: the next value on screen
                expected = format_kw(Decimal(demand_w) / 1000)
                esme.metering.set("instantaneous_demand", demand_w)
                now += METER_STEP_S
                frames = esme.node.reports(now)
                if not frames:
                    raise RuntimeError("the meter built no report for a new demand")
                paints = painter.paints
                started = time.perf_counter()
                for frame in frames:
                    air.to_coordinator(frame)
                await spin_until(lambda: label.text() == expected, _SAMPLE_TIMEOUT_S)  # noqa: B023
                latencies_ms.append((time.perf_counter() - started) * 1000)
                # Then, for the record, until the label has been drawn with it.
                with contextlib.suppress(TimeoutError):
                    await spin_until(lambda: painter.paints > paints, _PAINT_TIMEOUT_S)  # noqa: B023
                    painted_ms.append((time.perf_counter() - started) * 1000)
                await asyncio.sleep(_SETTLE_S)
        finally:
            label.removeEventFilter(painter)
            view.close()
            window.close()
            window.deleteLater()

    p50, p95 = percentiles(latencies_ms)
    detail = (
        f"report into the air until the label's text changed, {len(latencies_ms)} samples: "
        f"min {min(latencies_ms):.2f} ms, max {max(latencies_ms):.2f} ms"
    )
    if len(painted_ms) >= 2:
        painted_p50, painted_p95 = percentiles(painted_ms)
        detail += (
            f"; until the label was also painted (offscreen, {len(painted_ms)} samples): "
            f"p50 {painted_p50:.2f} ms, p95 {painted_p95:.2f} ms"
        )
    return [
        for_information(P50_KEY, p50, "ms", detail=detail),
        at_most(P95_KEY, p95, "ms", P95_TARGET_MS, detail=detail),
    ]


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 (inclusive method: the largest sample bounds p95 for small samples)."""
    return (
        statistics.median(samples),
        statistics.quantiles(samples, n=20, method="inclusive")[-1],
    )
