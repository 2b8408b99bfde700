"""The real app on the emulated home: what the IHD shows is what the meter reported."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import zigpy.types as t
from PySide6.QtWidgets import QApplication

from app.connection.sources import home_of
from app.host.running import RunningApp, run_app
from app.host.window import HostWindow
from app.settings.options import Options
from han.clusters import METERING_CLUSTER
from han.model import Fuel
from ihd.pages.home import HomeScreenView
from ihd.shell import IhdShell


async def _until(condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - waiting on what a person would see
            await asyncio.sleep(0.005)


async def test_the_ihd_shows_the_demand_the_meter_reported() -> None:
    app = RunningApp(Options(speed=20))
    reported: list[int] = []
    esme = home_of(app.source).esme

    def tap(packet: t.ZigbeePacket, way: str) -> None:
        if way == "up" and packet.cluster_id == METERING_CLUSTER:
            reported.append(esme.demand_w)

    home_of(app.source).air.taps.append(tap)
    window = await app.start()
    try:
        shell = window.view
        assert isinstance(shell, IhdShell)
        assert shell.current_key() == "now"
        view = shell.screen_for("now")
        assert isinstance(view, HomeScreenView)
        await _until(lambda: len(reported) >= 3)
        await _until(lambda: view.demand.value.text() == f"{reported[-1] / 1000:.2f}")
        assert view.demand.unit.text() == "kW"
        assert not view.demand.is_stale
        assert view.last_updated.text().startswith("Updated ")
        await _until(
            lambda: view.cost_per_hour.value.text().startswith("£")
        )  # once the price is in
        assert view.today[Fuel.ELECTRICITY].unit.text().endswith(" kWh")
    finally:
        await app.stop()


async def test_closing_the_window_ends_the_app_and_every_task() -> None:
    running = asyncio.ensure_future(run_app(Options(speed=50)))
    await _until(
        lambda: any(
            isinstance(w, HostWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    window = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, HostWindow) and w.isVisible()
    )
    shell = window.view
    assert isinstance(shell, IhdShell)
    view = shell.screen_for("now")
    assert isinstance(view, HomeScreenView)
    await _until(lambda: view.pages.currentIndex() == 1)  # a live reading is on screen
    window.close()
    assert await asyncio.wait_for(running, 10) == 0
    leftovers = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    assert leftovers == []
