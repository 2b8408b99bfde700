"""The real app keeps a history store: back-filled from the meter, shown on the History chart."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable

import numpy as np

from app.host.running import RunningApp
from app.settings.options import Options
from ihd.history.screen import HistoryScreen
from ihd.shell import IhdShell
from ihd.view_models.history import Span


async def _until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - waiting on what a person would see
            await asyncio.sleep(0.01)


async def test_the_history_chart_shows_half_hours_the_app_back_filled_from_the_meter() -> None:
    app = RunningApp(Options(speed=20))
    window = await app.start()
    try:
        await app.history_opened()  # the store opens once the first reading is on screen
        assert app.history is not None
        store = app.history.store
        assert store is not None
        # In the user's data folder (the test's own: see tests/conftest.py).
        assert store.path.is_relative_to(os.environ["XDG_DATA_HOME"])
        counted: list[int] = []

        async def stored() -> int:
            rows = await store.call(
                lambda db: db.db.execute("SELECT COUNT(*) FROM half_hours").fetchone()
            )
            return int(rows[0])

        async with asyncio.timeout(30):
            while not counted or counted[-1] < 48:
                counted.append(await stored())
                await asyncio.sleep(0.05)
        shell = window.view
        assert isinstance(shell, IhdShell)
        shell.go_to("history")
        screen = shell.screen_for("history")
        assert isinstance(screen, HistoryScreen)
        screen.show_span(Span.DAY)
        screen.step(+1)  # yesterday: a whole day of half hours from the meter's profile
        await screen.loaded()
        assert screen.chart.bar_count in (46, 48, 50)
        series = screen.series
        assert series is not None, "the day has loaded"
        recorded = np.isfinite(series.values)
        assert recorded.all()
        assert screen.total.text().startswith("Total ")
    finally:
        await app.stop()
