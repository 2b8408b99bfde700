"""Every meter on the HAN is a ``Meter``: export on a solar home, and several ESMEs side by side."""

from __future__ import annotations

from decimal import Decimal

from han.domain.units import DeviceType, MeteringUnit
from han.model import Field, Fuel, ModelChange
from home_emulator.devices.device_log import DeviceType as LogDeviceType
from home_emulator.devices.device_log import new_install_code
from home_emulator.devices.esme import Esme
from home_emulator.household.load import PROFILES, HouseholdLoad
from tests.conftest import OpenEmulatedHan
from tests.value_of import value_of

SUNNY_NOON = 1_781_524_800
"""2026-06-15 12:00 UTC: the solar home exports."""


async def test_a_solar_home_exports_with_negative_demand(emulated_han: OpenEmulatedHan) -> None:
    async with emulated_han(profile="solar_home", start_epoch_s=SUNNY_NOON, history_days=3) as han:
        changes: list[ModelChange] = []
        han.model.subscribe(changes.append)
        await han.meter_ready()
        esme = han.home.esme
        meter = han.model.electricity_import_meter()
        assert meter is not None
        assert meter.unit is MeteringUnit.KWH
        assert esme.demand_w < 0
        assert value_of(meter.demand_kw) == Decimal(esme.demand_w) / 1000
        assert (
            value_of(meter.export_total_kwh)
            == Decimal(esme.metering.get("current_summ_received")) / 1000
        )
        assert any(Field.EXPORT in change.fields for change in changes if change.meter == meter.key)

        for _ in range(30):  # five minutes of sunshine: the export register grows
            han.home.step()
        exported = Decimal(esme.metering.get("current_summ_received")) / 1000
        await han.until(
            lambda: meter.export_total_kwh is not None and meter.export_total_kwh.value == exported
        )
        assert value_of(meter.demand_kw) < 0


async def test_every_esme_on_the_han_is_a_meter_and_the_home_screen_keeps_the_supply_one(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han(profile="ev_owner", history_days=3) as han:
        await han.meter_ready()
        supply = han.model.electricity_import_meter()
        assert supply is not None
        home = han.home
        generation = Esme(
            ieee="0d:6f:00:00:00:00:00:02",
            nwk=0x1002,
            load=HouseholdLoad(3, PROFILES["solar_home"]),
            start_epoch_s=home.now_s,
            history_days=2,
        )
        generation.metering.set("metering_device_type", DeviceType.MICRO_GENERATION)
        home.hub.device_log.add(generation.node.ieee, new_install_code(), LogDeviceType.ESME)
        home.air.join(generation.node)

        await han.until(lambda: len(han.session.links) == 2)
        await han.meter_ready()
        meters = han.model.meters_of(Fuel.ELECTRICITY)
        assert len(meters) == 2
        (micro,) = [meter for meter in meters if meter.key.ieee == str(generation.node.ieee)]
        assert micro.is_generation
        assert (
            value_of(micro.import_total_kwh)
            == Decimal(generation.registers.imported.reading) / 1000
        )
        assert han.model.electricity_import_meter() is supply
        assert han.model.gas_meter() is None  # the EV owner's home has no gas
