"""A change of tenancy reaches the displays on the air (Device Management PublishChangeOfTenancy):
a CAD that logged the previous occupant's use forgets everything before the move-in – half hours,
periods, live demand – and the histories it shows are read again without it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from app.history.backfill import BackfillDepth
from app.history.store import HALF_HOUR_S, Channel
from cad.log.demand import DemandRow
from cad.log.logger import CadLogger
from home_emulator.supplier.wan import SupplierWan
from tests.conftest import OpenEmulatedHan
from tests.value_of import value_of

DAY_S = 86_400


async def test_a_cad_forgets_the_previous_occupant_when_the_tenancy_changes(
    emulated_han: OpenEmulatedHan, tmp_path: Path
) -> None:
    async with emulated_han(profile="family_of_four", history_days=6) as han:
        await han.meter_ready()
        logger = CadLogger(
            tmp_path / "cad.db",
            han.model,
            lambda: han.session.links,
            depth=BackfillDepth(5, 5),
            fill_every_s=60,
        )
        await logger.start()
        try:
            meter = han.model.electricity_import_meter()
            assert meter is not None
            key = str(meter.key)
            now = int(han.home.now_s) - int(han.home.now_s) % HALF_HOUR_S
            old_days = (now - 4 * DAY_S, now - 2 * DAY_S)

            async def logged(start_s: int, end_s: int) -> int:
                return (await logger.store.sum_half_hours(key, Channel.IMPORT, start_s, end_s))[1]

            async with asyncio.timeout(60):
                while await logged(*old_days) < 2 * 48:  # noqa: ASYNC110 - the store has no event
                    await asyncio.sleep(0.02)
            await logger.demand.record([DemandRow(key, now - 3 * DAY_S, 512)])  # an old reading
            assert value_of(meter.history.energy_kwh).previous_days[2] is not None

            move_in = now - DAY_S
            SupplierWan(han.home).change_of_tenancy(move_in)
            han.home.step()  # the meter sends its notice with its next transmission
            await han.until(lambda: han.model.tenancy_start_s == move_in, 10)

            async with asyncio.timeout(30):
                while await logged(0, move_in) > 0:  # noqa: ASYNC110
                    await asyncio.sleep(0.02)
            assert await logged(move_in, now) > 0  # the new occupant's half hours stay
            assert await logger.demand.between(key, 0, move_in) == []

            # The meter's histories are read again: days before the move-in are no record now.
            def forgotten() -> bool:
                energy = meter.history.energy_kwh
                return energy is not None and energy.value.previous_days[2] is None

            await han.until(forgotten, 10)
        finally:
            await logger.stop()
