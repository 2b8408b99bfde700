"""The half-hourly profile through the air: pages of 24, back to a start, and "no more data"."""

from __future__ import annotations

from decimal import Decimal

import pytest
from zigpy.exceptions import DeliveryError

from han.domain.units import HALF_HOUR_S
from han.links.profile_reader import HalfHour, ProfileChannel, fetch_profile
from han.model import Formatting, Fuel
from home_emulator.metering.registers import CumulativeRegister
from tests.conftest import OpenEmulatedHan

KWH = Formatting(multiplier=1, divisor=1000)
SUNNY_NOON = 1_781_524_800


def _last_closed(now_s: float) -> int:
    return int(now_s) - int(now_s) % HALF_HOUR_S


def _expected(register: CumulativeRegister, end_s: int, count: int) -> list[HalfHour]:
    recorded = [value for value in register.half_hours(end_s, count) if value is not None]
    assert len(recorded) == count, "the meter keeps every half hour asked for"
    return [
        HalfHour(end_s - (count - k) * HALF_HOUR_S, Decimal(value) / 1000, value)
        for k, value in enumerate(recorded)
    ]


async def test_a_profile_fetch_returns_the_meters_half_hours(emulated_han: OpenEmulatedHan) -> None:
    async with emulated_han(profile="ev_owner", history_days=5) as han:
        await han.meter_ready()
        meter = han.model.electricity_import_meter()
        assert meter is not None
        cluster = han.session.links[meter.key].metering
        end = _last_closed(han.home.now_s) - 5 * HALF_HOUR_S
        fetched = await fetch_profile(cluster, ProfileChannel.IMPORT, end, 60, formatting=KWH)
        assert fetched == _expected(han.home.esme.registers.imported, end, 60)  # 3 pages

        # "Now" is the last closed half hour; a start bounds how far back to go.
        recent = await fetch_profile(
            cluster, ProfileChannel.IMPORT, None, 100, start_s=end, formatting=KWH
        )
        latest = _last_closed(han.home.now_s)
        count = (latest - end) // HALF_HOUR_S
        assert recent == _expected(han.home.esme.registers.imported, latest, count)


async def test_the_profile_stops_where_the_meters_records_do(emulated_han: OpenEmulatedHan) -> None:
    async with emulated_han(profile="ev_owner", history_days=1) as han:
        await han.meter_ready()
        meter = han.model.electricity_import_meter()
        assert meter is not None
        cluster = han.session.links[meter.key].metering
        register = han.home.esme.registers.imported
        everything = await fetch_profile(cluster, ProfileChannel.IMPORT, None, 500)
        assert everything[0].start_s == register.first_boundary_s
        assert len(everything) == (register.last_boundary_s - register.first_boundary_s) // 1800
        # An end the meter's clock has not reached yet: the reader asks for "now" instead.
        ahead = await fetch_profile(cluster, ProfileChannel.IMPORT, han.home.now_s + 7200, 2)
        assert ahead == everything[-2:]
        # A home without generation keeps no export channel.
        assert await fetch_profile(cluster, ProfileChannel.EXPORT, None, 10) == []


async def test_export_and_gas_profiles(emulated_han: OpenEmulatedHan) -> None:
    async with emulated_han(profile="solar_home", start_epoch_s=SUNNY_NOON, history_days=2) as han:
        # Import ESME, generation ESME and the gas mirror.
        await han.until(lambda: len(han.session.links) == 3)
        await han.meter_ready()
        electricity = han.model.electricity_import_meter()
        assert electricity is not None
        esme_cluster = han.session.links[electricity.key].metering
        end = _last_closed(han.home.now_s)
        exported = await fetch_profile(esme_cluster, ProfileChannel.EXPORT, end, 30, formatting=KWH)
        generation = han.home.esme.registers.exported
        assert generation is not None  # a solar home keeps an export register
        assert exported == _expected(generation, end, 30)
        assert sum(h.raw for h in exported) > 0

        (gas,) = han.model.meters_of(Fuel.GAS)
        gas_cluster = han.session.links[gas.key].metering
        volume = await fetch_profile(gas_cluster, ProfileChannel.IMPORT, end, 30, formatting=KWH)
        assert han.home.gas is not None
        assert volume == _expected(han.home.gas.volume, end, 30)  # litres ÷ 1000 = m³


async def _no_route(**_: object) -> None:
    raise DeliveryError("no route to the meter")


async def test_a_meter_that_does_not_answer_has_no_more_data(
    emulated_han: OpenEmulatedHan, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with emulated_han(history_days=1) as han:
        await han.meter_ready()
        meter = han.model.electricity_import_meter()
        assert meter is not None
        cluster = han.session.links[meter.key].metering
        monkeypatch.setattr(cluster, "get_profile", _no_route)
        assert await fetch_profile(cluster, ProfileChannel.IMPORT, None, 48) == []
