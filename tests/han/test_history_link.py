"""Histories and running totals: what the meter's attributes say, read at attach and at day end."""

from __future__ import annotations

from decimal import Decimal

from han.domain.history import PeriodFigures
from han.domain.history_names import ALTERNATIVE_CONSUMPTION, CONSUMPTION, COST, HistoryAttributes
from han.domain.local_calendar import LocalCalendar
from han.model import Field, ModelChange
from home_emulator.zigbee.zcl_server import ServerCluster
from tests.conftest import EmulatedHan, OpenEmulatedHan
from tests.value_of import value_of

BST_MIDNIGHT = 1_781_478_000
"""2026-06-15 00:00 in London (23:00 UTC the day before)."""


def _served(cluster: ServerCluster, name: str, places: int) -> Decimal | None:
    try:
        raw = cluster.get(name)
    except KeyError:
        return None  # the meter has no record that far back
    return Decimal(raw).scaleb(-places)


def _expected(cluster: ServerCluster, names: HistoryAttributes, places: int) -> PeriodFigures:
    return names.figures(
        {
            name: cluster.get(name)
            for name in names.names()
            if _served(cluster, name, 0) is not None
        },
        lambda raw: Decimal(raw).scaleb(-places),
    )


async def _both_meters_ready(han: EmulatedHan) -> None:
    await han.until(lambda: len(han.session.links) == 2)
    await han.meter_ready()


async def test_histories_equal_the_meters_attributes(emulated_han: OpenEmulatedHan) -> None:
    async with emulated_han(profile="family_of_four", history_days=40) as han:
        await _both_meters_ready(han)
        esme, gas_mirror = han.home.esme, han.home.gas
        electricity = han.model.electricity_import_meter()
        assert electricity is not None
        gas = han.model.gas_meter()
        assert gas is not None

        history = electricity.history
        energy = value_of(history.energy_kwh)
        assert energy == _expected(esme.metering, CONSUMPTION, 3)
        assert value_of(history.cost_gbp) == _expected(esme.prepayment, COST, 4)
        assert history.volume_m3 is None
        # 40 days of records: no figure for months the meter never measured, not a zero.
        assert energy.previous_months[-1] is None
        assert energy.previous_days[0] is not None

        assert gas_mirror is not None
        assert value_of(gas.history.volume_m3) == _expected(gas_mirror.metering, CONSUMPTION, 3)
        assert value_of(gas.history.energy_kwh) == _expected(
            gas_mirror.metering, ALTERNATIVE_CONSUMPTION, 3
        )
        assert value_of(gas.history.cost_gbp) == _expected(gas_mirror.prepayment, COST, 4)

        calendar = LocalCalendar()
        starts = history.starts
        assert starts is not None
        assert starts.today == calendar.day_start(han.home.now_s)
        assert starts.days[1] == calendar.days_before(starts.today, 1)
        assert starts.weeks[0] == calendar.week_start(han.home.now_s)
        assert starts.months[1] == calendar.months_before(calendar.month_start(han.home.now_s), 1)
        assert (len(starts.days), len(starts.weeks), len(starts.months)) == (9, 6, 14)


async def test_running_totals_equal_the_meters_attributes(emulated_han: OpenEmulatedHan) -> None:
    async with emulated_han(profile="ev_owner", history_days=40) as han:
        await han.meter_ready()
        meter = han.model.electricity_import_meter()
        assert meter is not None
        link = han.session.links[meter.key]
        for _ in range(60):
            han.home.step()
        await link.history.refresh_totals()
        esme = han.home.esme
        assert value_of(meter.week_import_kwh) == _served(
            esme.metering, "current_week_consumption_delivered", 3
        )
        assert value_of(meter.month_import_kwh) == _served(
            esme.metering, "current_month_consumption_delivered", 3
        )
        for period in ("day", "week", "month"):
            field = {"day": "today_cost_gbp", "week": "week_cost_gbp", "month": "month_cost_gbp"}
            name = f"current_{period}_cost_consumption_delivered"
            assert getattr(meter, field[period]).value == _served(esme.prepayment, name, 4)
        assert value_of(meter.max_import_demand_kw) == _served(
            esme.metering, "current_max_demand_delivered", 3
        )
        assert meter.tier_import_kwh[1].value == _served(
            esme.metering, "current_tier1_summ_delivered", 3
        )


async def test_the_histories_are_read_again_when_the_hans_day_ends(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han(
        profile="ev_owner", start_epoch_s=BST_MIDNIGHT - 120, history_days=10
    ) as han:
        await han.meter_ready()
        meter = han.model.electricity_import_meter()
        assert meter is not None
        yesterday_so_far = value_of(meter.history.energy_kwh).today
        assert yesterday_so_far is not None
        starts = meter.history.starts
        assert starts is not None
        assert starts.today == BST_MIDNIGHT - 86_400
        changes: list[ModelChange] = []
        han.model.subscribe(changes.append)

        while han.home.now_s <= BST_MIDNIGHT:
            han.home.step()
        hub = han.session.hub
        assert hub is not None
        await hub.read_time()  # the display hears the HAN's time: a new day

        await han.until(
            lambda: meter.history.starts is not None and meter.history.starts.today == BST_MIDNIGHT
        )
        served_yesterday = _served(han.home.esme.metering, "previousday_consumption_delivered", 3)
        assert value_of(meter.history.energy_kwh).previous_days[0] == served_yesterday
        assert served_yesterday is not None
        assert served_yesterday >= yesterday_so_far
        assert any(c.meter == meter.key and Field.HISTORY in c.fields for c in changes)
