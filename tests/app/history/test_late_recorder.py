"""A display opens its history store after its first reading: what the meters announced before
the recorder followed the model – the day, week and month figures, the prices – is written on its
first pass, as if it had been heard then. Nothing is lost by opening late."""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.history.backfill import BackfillDepth, HistoryBackfill, HistoryRecorder
from app.history.store import HistoryStore, Period, Quantity
from tests.conftest import OpenEmulatedHan


async def test_what_the_meters_announced_before_the_recorder_started_is_written(
    emulated_han: OpenEmulatedHan, tmp_path: Path
) -> None:
    async with emulated_han(profile="family_of_four", history_days=3) as han:
        await han.meter_ready()
        meter = han.model.electricity_import_meter()
        assert meter is not None
        async with asyncio.timeout(20):
            while meter.history.starts is None or not meter.tariff.schedule:  # noqa: ASYNC110
                await asyncio.sleep(0.02)  # the model's own figures: no event to wait on here
        key = str(meter.key)
        async with HistoryStore(tmp_path / "history.db") as store:
            backfill = HistoryBackfill(store, han.model, depth=BackfillDepth(import_days=1))
            # Never a back-fill pass of its own in this test: only the catch-up writes.
            recorder = HistoryRecorder(backfill, dict, fill_every_s=3600)
            recorder.start()
            try:
                async with asyncio.timeout(10):
                    while not (  # noqa: ASYNC110 - the store's state has no event to wait on
                        await store.periods(key, Quantity.ENERGY, Period.DAY)
                        and await store.tariff_changes(key)
                    ):
                        await asyncio.sleep(0.02)
            finally:
                await recorder.stop()
