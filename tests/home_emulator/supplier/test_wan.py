"""The supplier's side of the WAN: supply, tariffs, messages and the device log, and what the HAN
may and may not do about supply."""

from __future__ import annotations

import pytest
import zigpy.types as t
from zigpy.zcl import foundation as f

from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.devices.esme import SUPPLY_ARMED, SUPPLY_OFF, SUPPLY_ON, SupplyRefused
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.supplier.wan import SupplierWan
from home_emulator.tariffs import economy7
from tests.conftest import OpenEmulatedHan
from tests.zigbee_device import zigbee_device


def _home() -> EmulatedHome:
    home = EmulatedHome(HomeSpec(start_epoch_s=1_780_000_000, history_days=2))
    home.power_on()
    return home


def test_a_disabled_supply_counts_nothing_until_rearmed_and_enabled_at_home() -> None:
    home = _home()
    wan = SupplierWan(home)
    wan.disable_supply()
    before = home.esme.import_joules
    for _ in range(30):
        home.step()
    assert home.esme.import_joules == before
    assert home.esme.demand_w == 0
    wan.arm_supply()
    assert home.esme.supply_status == SUPPLY_ARMED
    for _ in range(30):
        home.step()
    assert home.esme.import_joules == before  # armed is still off: nobody has pressed the button
    home.esme.enable_supply_locally()
    assert home.esme.supply_status == SUPPLY_ON
    home.step()
    assert home.esme.import_joules > before
    assert [e.detail for e in home.hub.events if e.kind == "WAN"] == [
        "electricity supply disabled",
        "electricity supply armed: waiting for someone at home to enable it",
    ]
    home.close()


def test_a_supply_that_is_not_armed_cannot_be_enabled_locally() -> None:
    home = _home()
    SupplierWan(home).disable_supply()
    with pytest.raises(SupplyRefused, match="not armed"):
        home.esme.enable_supply_locally()
    assert home.esme.supply_status == SUPPLY_OFF
    home.close()


async def test_over_the_han_a_display_may_only_enable_an_armed_supply(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han() as han:
        await han.meter_ready()
        wan = SupplierWan(han.home)
        metering = (
            zigbee_device(han.radio, han.home.esme.node.ieee).endpoints[1].smartenergy_metering
        )
        wan.disable_supply()
        refused = await metering.local_change_supply(proposed_supply_status=SUPPLY_ON)
        assert refused.status == f.Status.FAILURE
        wan.arm_supply()
        switched_off = await metering.local_change_supply(proposed_supply_status=SUPPLY_OFF)
        assert switched_off.status == f.Status.NOT_AUTHORIZED
        enabled = await metering.local_change_supply(proposed_supply_status=SUPPLY_ON)
        assert enabled.status == f.Status.SUCCESS
        assert han.home.esme.supply_status == SUPPLY_ON
        supplier_only = await metering.change_supply(
            provider_id=1,
            issuer_event_id=1,
            request_date_time=0,
            implementation_date_time=0,
            proposed_supply_status=SUPPLY_OFF,
            supply_control_bits=0,
        )
        assert supplier_only.status == f.Status.NOT_AUTHORIZED
        assert han.home.esme.supply_status == SUPPLY_ON


def test_tariffs_messages_and_pairing_from_the_wan() -> None:
    home = _home()
    wan = SupplierWan(home)
    wan.change_tariff("electricity", economy7())
    assert home.esme.tariff.name == "Economy 7"
    message = wan.send_message("Hello", confirm=True)
    wan.cancel_message(message.message_id)
    assert home.hub.messages[message.message_id].cancelled
    cad = "00:11:22:33:44:55:66:77"
    wan.pair_device(cad, new_install_code(), DeviceType.CAD)
    assert home.hub.device_log.admits(t.EUI64.convert(cad))
    wan.unpair_device(cad)
    assert not home.hub.device_log.admits(t.EUI64.convert(cad))
    home.close()


def test_the_supplier_resets_the_maximum_demand_registers() -> None:
    home = _home()
    for _ in range(400):  # past a few half hours: a maximum has been recorded
        home.step()
    assert home.esme.metering.get("current_max_demand_delivered") > 0
    SupplierWan(home).reset_maximum_demand()
    assert home.esme.metering.get("current_max_demand_delivered") == 0
    assert home.esme.registers.import_demand.window_w == 0
    for _ in range(200):
        home.step()
    assert home.esme.metering.get("current_max_demand_delivered") > 0  # counting again
    home.close()
