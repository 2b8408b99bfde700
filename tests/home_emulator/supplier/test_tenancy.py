"""Change of tenancy: the new occupant's devices see nothing the previous one used – no profile
half hour, no day, week or month, no cost – while the meter keeps counting; a restored home still
hides it; and a CAD paired afterwards logs nothing from before the move-in."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.history.backfill import BackfillDepth
from app.history.store import HALF_HOUR_S, Channel
from cad.log.logger import CadLogger
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.metering.profile import ProfileStatus
from home_emulator.metering.registers import LocalCalendar
from home_emulator.scenario.model import load_named
from home_emulator.store.home_store import HomeStore, build_storable_home
from home_emulator.supplier.wan import SupplierWan
from home_emulator.tariffs import ZIGBEE_EPOCH_S
from tests.conftest import OpenEmulatedHan

DAY_S = 86_400


def _profile(home: EmulatedHome, end_s: int, periods: int) -> dict[str, Any]:
    request = SimpleNamespace(
        interval_channel=0, end_time=end_s - ZIGBEE_EPOCH_S, number_of_periods=periods
    )
    reply = home.esme._get_profile(request)
    assert isinstance(reply, tuple), reply  # one command: the profile response
    _, fields = reply
    return fields


def _home() -> EmulatedHome:
    home = EmulatedHome(HomeSpec(seed=3, start_epoch_s=1_780_000_000, history_days=20, gas=True))
    home.power_on()
    return home


def test_the_profile_ends_at_the_move_in() -> None:
    home = _home()
    move_in = int(home.now_s) - 3 * DAY_S + 7 * 60
    boundary = move_in - move_in % HALF_HOUR_S
    before = _profile(home, boundary, 4)
    assert before["status"] == 0
    SupplierWan(home).change_of_tenancy(move_in)

    assert _profile(home, boundary, 4)["status"] == ProfileStatus.NO_INTERVALS_AVAILABLE
    spanning = _profile(home, boundary + 2 * HALF_HOUR_S, 24)
    assert spanning["status"] == 0
    assert len(spanning["intervals"]) == 2  # only the new occupant's two half hours
    # The meter itself still counts the old occupant's energy.
    assert home.esme.registers.imported.between(boundary - HALF_HOUR_S, boundary) is not None
    assert any("change of tenancy" in event.detail for event in home.hub.events)


def test_days_weeks_and_months_before_the_move_in_are_no_record() -> None:
    home = _home()
    metering, prepayment = home.esme.metering, home.esme.prepayment
    assert "previous_day4_consumption_delivered" in _names(metering)
    calendar = LocalCalendar(ZoneInfo("Europe/London"))
    move_in = calendar.add_days(calendar.day_start(home.now_s), -3)  # midnight, three days ago
    SupplierWan(home).change_of_tenancy(move_in)
    names, costs = _names(metering), _names(prepayment)
    assert "previousday_consumption_delivered" in names  # yesterday, since the move-in
    assert "previous_day_cost_consumption_delivered" in costs
    for shown in ("previous_day2", "previous_day3"):
        assert f"{shown}_consumption_delivered" in names
        assert f"{shown}_cost_consumption_delivered" in costs
    for hidden in ("previous_day4", "previous_day5", "previous_day8"):
        assert f"{hidden}_consumption_delivered" not in names
        assert f"{hidden}_cost_consumption_delivered" not in costs
    assert "previous_week1_consumption_delivered" not in names
    assert "previous_month1_consumption_delivered" not in names
    # The gas mirror's histories follow when the gas meter next wakes.
    for _ in range(181):
        home.step()
    assert home.gas is not None
    assert "previous_day4_consumption_delivered" not in _names(home.gas.metering)


def test_a_move_in_in_the_future_is_refused_and_changes_nothing() -> None:
    home = _home()
    values = dict(home.esme.metering.values)
    with pytest.raises(ValueError, match="future"):
        SupplierWan(home).change_of_tenancy(home.now_s + DAY_S)
    assert home.esme.metering.values == values


def test_a_restored_home_still_hides_the_old_occupant(tmp_path: Path) -> None:
    home = build_storable_home(load_named("electricity-only"), history_days=10)
    home.power_on()
    SupplierWan(home).change_of_tenancy(home.now_s - DAY_S)
    with HomeStore(tmp_path / "homes.sqlite") as store:
        store.save(home, "flat")
    with HomeStore(tmp_path / "homes.sqlite") as store:
        restored = store.load("flat")
    end = int(home.now_s) - 2 * DAY_S
    end -= end % HALF_HOUR_S
    assert _profile(restored, end, 4)["status"] == ProfileStatus.NO_INTERVALS_AVAILABLE
    assert restored.esme.metering.values == home.esme.metering.values


async def test_a_cad_paired_after_the_move_in_logs_nothing_from_before(
    emulated_han: OpenEmulatedHan, tmp_path: Path
) -> None:
    async with emulated_han(profile="family_of_four", history_days=10) as han:
        move_in = int(han.home.now_s) - 2 * DAY_S
        move_in -= move_in % HALF_HOUR_S
        SupplierWan(han.home).change_of_tenancy(move_in)
        await han.meter_ready()
        logger = CadLogger(
            tmp_path / "cad.db",
            han.model,
            lambda: han.session.links,
            depth=BackfillDepth(8, 8),
            fill_every_s=60,
        )
        await logger.start()
        try:
            meter = han.model.electricity_import_meter()
            assert meter is not None
            key = str(meter.key)
            now = int(han.home.now_s) - int(han.home.now_s) % HALF_HOUR_S
            expected_after = (now - move_in) // HALF_HOUR_S

            async def after_logged() -> int:
                return (await logger.store.sum_half_hours(key, Channel.IMPORT, move_in, now))[1]

            async with asyncio.timeout(60):
                while await after_logged() < expected_after:  # noqa: ASYNC110 - no event
                    await asyncio.sleep(0.02)
            _, before = await logger.store.sum_half_hours(
                key, Channel.IMPORT, move_in - 8 * DAY_S, move_in
            )
        finally:
            await logger.stop()
    assert before == 0


def _names(cluster: object) -> set[str]:
    definition = cluster.definition  # type: ignore[attr-defined]
    return {definition.attributes[a].name for a in cluster.values}  # type: ignore[attr-defined]
