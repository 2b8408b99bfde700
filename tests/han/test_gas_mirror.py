"""The gas proxy's mirror appears in the model as a gas meter: m³ and kWh, in half-hour steps."""

from __future__ import annotations

from decimal import Decimal

from han.domain.units import GAS_UPDATE_S, MeteringUnit
from han.model import Field, Fuel, Meter, ModelChange
from tests.conftest import EmulatedHan, OpenEmulatedHan
from tests.value_of import value_of


def _gas(han: EmulatedHan) -> Meter:
    gas = han.model.gas_meter()
    assert gas is not None, "the gas mirror is not in the model"
    return gas


def _mirror_value(han: EmulatedHan, name: str) -> Decimal:
    mirror = han.home.gas
    assert mirror is not None, "the home has no gas meter"
    return Decimal(mirror.metering.get(name)) / 1000


async def test_the_gas_mirror_is_a_gas_meter_with_volume_and_energy_for_today(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han(profile="family_of_four") as han:
        await _both_meters_ready(han)
        gas = _gas(han)
        assert gas.fuel is Fuel.GAS
        assert gas.key.ieee == str(han.home.hub.node.ieee)
        assert gas.unit is MeteringUnit.CUBIC_METRES
        assert gas.alternative_unit is MeteringUnit.KWH
        assert gas.expected_update_s == GAS_UPDATE_S
        assert value_of(gas.today_volume_m3) == _mirror_value(
            han, "currentday_consumption_delivered"
        )
        assert value_of(gas.today_import_kwh) == _mirror_value(
            han, "current_day_alternative_consumption_delivered"
        )
        assert value_of(gas.volume_total_m3) == _mirror_value(han, "current_summ_delivered")
        electricity = han.model.electricity_import_meter()
        assert electricity is not None
        assert electricity.key != gas.key
        assert electricity.expected_update_s == 10


WINTER_MORNING = 1_768_459_800
"""2026-01-15 06:50 UTC: the heating is on, so the mirror moves at 07:00."""


async def test_gas_moves_only_when_the_meter_syncs_the_mirror_on_the_half_hour(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han(start_epoch_s=WINTER_MORNING, history_days=3) as han:
        await _both_meters_ready(han)
        gas = _gas(han)
        link = han.session.links[gas.key]
        before = _today(gas)
        seen: list[tuple[Decimal, Decimal]] = []

        def gas_today(change: ModelChange) -> None:
            if change.meter == gas.key and Field.GAS_TODAY in change.fields:
                seen.append(_today(gas))

        han.model.subscribe(gas_today)
        for _ in range(59):  # to 06:59:50: the GSME is asleep, the mirror unchanged
            han.home.step()
        await link.poll()  # a read through the air: everything sent before it has arrived
        assert _today(gas) == before
        assert set(seen) <= {before}

        han.home.step()  # 07:00:00: the meter wakes and syncs the mirror
        after = (
            _mirror_value(han, "currentday_consumption_delivered"),
            _mirror_value(han, "current_day_alternative_consumption_delivered"),
        )
        assert after != before
        await han.until(lambda: bool(seen) and seen[-1] == after)
        # Volume and energy are two records of one report, each announced as it is applied.
        assert {volume for volume, _ in seen} <= {before[0], after[0]}
        assert {energy for _, energy in seen} <= {before[1], after[1]}
        assert gas.value_changed_han_s is not None  # "gas updates every 30 minutes – last at …"


def _today(gas: Meter) -> tuple[Decimal, Decimal]:
    """Today's volume and energy, as the model holds them."""
    return value_of(gas.today_volume_m3), value_of(gas.today_import_kwh)


async def _both_meters_ready(han: EmulatedHan) -> None:
    """The ESME and the hub's gas mirror have both attached (the hub may be interviewed last)."""
    await han.until(lambda: len(han.session.links) == 2)
    await han.meter_ready()
