"""The electricity smart meter (ESME): import and export, any tariff, 24 months of history.

The meter integrates the household exactly: power is constant over each 10-second slot, so the
registers grow by watts × 10 joules a slot and the summation always equals the integral of the
demand it reported. Readings go on the air in Wh with divisor 1000 (kWh = register ÷ 1000; demand in
W ÷ 1000 = kW); costs in £0.0001.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import zigpy.types as t
from zigpy.zcl.foundation import Status

from han.clusters import (
    BASIC_CLUSTER,
    DEVICE_MANAGEMENT_CLUSTER,
    METERING_CLUSTER,
    PREPAYMENT_CLUSTER,
    PRICE_CLUSTER,
)
from han.clusters.price import CURRENCY_GBP
from han.domain.history_names import CONSUMPTION, COST
from home_emulator.devices.prepayment_server import PrepaymentServer
from home_emulator.devices.price_server import PriceServer
from home_emulator.household.load import HouseholdLoad
from home_emulator.metering.auxiliary_switch import AuxiliarySwitch
from home_emulator.metering.backfill import DEFAULT_HISTORY_DAYS, Past, electricity_past
from home_emulator.metering.credit_engine import UNITS_PER_POUND
from home_emulator.metering.fuel_registers import FuelRegisters
from home_emulator.metering.history_attributes import HistoryPublisher
from home_emulator.metering.profile import profile_reply
from home_emulator.metering.registers import HALF_HOUR_S, LocalCalendar
from home_emulator.metering.supply_switch import (
    SUPPLY_ARMED,
    SUPPLY_ON,
    SupplyRefused,
    SupplySwitch,
)
from home_emulator.metering.supply_switch import (
    SUPPLY_OFF as SUPPLY_OFF,  # re-exported: tests and tools name supply states from here
)
from home_emulator.metering.top_up_gate import MeterKeys, TopUpGate, derived_key
from home_emulator.tariffs import AnyTariff, SingleRate
from home_emulator.zigbee.node import SE_METER_DEVICE_ID, EmulatedEndpoint, EmulatedNode
from home_emulator.zigbee.zcl_server import CommandReply, ServerCluster

if TYPE_CHECKING:  # the key-agreement library loads when a meter's keys are first asked for
    from cryptography.hazmat.primitives.asymmetric import ec

JOULES_PER_WH = 3600
METER_ENDPOINT = 1
MANUFACTURER_CODE = 0x1234
SLOT_S = 10
MAX_TIER_REGISTERS = 15
"""Metering has summation registers for tiers 1–15 (0x0100…); a 48-rate tariff has no more."""
MICRO_GENERATION = 11
"""MeteringDeviceType of a microgeneration meter (ZSE)."""


@dataclass(frozen=True)
class AmbientThresholds:
    """The supplier's thresholds for the ambient indicator, in watts of instantaneous demand."""

    medium_from_w: int = 1_000
    high_from_w: int = 3_000

    def level(self, demand_w: int) -> int:
        if demand_w >= self.high_from_w:
            return 2
        return 1 if demand_w >= self.medium_from_w else 0


class Esme:
    """One ESME on the emulated HAN, advanced by the home's virtual clock."""

    def __init__(
        self,
        *,
        ieee: str,
        nwk: int,
        load: HouseholdLoad,
        start_epoch_s: float,
        tariff: AnyTariff | None = None,
        import_at_history_start_wh: int = 12_345_678,
        history_days: int = DEFAULT_HISTORY_DAYS,
        past: Past | None = None,
        measures_generation: bool = False,
        auxiliary_switch: AuxiliarySwitch | None = None,
        timezone: str = "Europe/London",
        site_id: str = "1900012345678",
        ambient_thresholds: AmbientThresholds | None = None,
        keys: MeterKeys | None = None,
    ) -> None:
        if int(start_epoch_s) % SLOT_S:
            raise ValueError("a meter starts on a 10-second slot boundary")
        self.load = load
        self.zone = ZoneInfo(timezone)
        self.ambient_thresholds = ambient_thresholds or AmbientThresholds()
        self.mains_on = True
        self.extra_loads: list[tuple[int, int, int]] = []
        """(start, end, watts): appliances switched on by a scenario (a kettle at 18:02)."""
        self.time_s = int(start_epoch_s)
        tariff = tariff or SingleRate()
        calendar = LocalCalendar(self.zone)
        self.auxiliary_switch = auxiliary_switch
        self.measures_generation = measures_generation
        """A microgeneration meter: it records the generator's output, not the supply's."""
        if past is None:
            past = electricity_past(load, calendar, until_s=self.time_s, days=history_days)
        self.registers = FuelRegisters.backfilled(
            self.zone,
            tariff,
            first_slot_s=past.first_slot_s,
            import_j=past.import_j,
            export_j=past.export_j,
            import_j_before=import_at_history_start_wh * JOULES_PER_WH,
            summed_import_j=past.summed_import_j,
            summed_export_j=past.summed_export_j,
        )

        self.metering = ServerCluster(
            METERING_CLUSTER,
            {
                "unit_of_measure": 0,  # kWh
                "multiplier": 1,
                "divisor": 1000,
                "summation_formatting": 0b0_0110_011,  # 6 digits left of the point, 3 right
                "demand_formatting": 0b0_0110_011,
                "historical_consumption_formatting": 0b0_0110_011,
                "metering_device_type": MICRO_GENERATION if measures_generation else 0,
                "status": 0,
                "supply_status": SUPPLY_ON,
                "site_id": site_id.encode(),
            },
        )
        self.switch = SupplySwitch(self._supply_moved)
        self.metering.on_command("get_profile", self._get_profile)
        self.metering.on_command("local_change_supply", self._local_change_supply)
        self.metering.on_command("change_supply", self._change_supply_from_han)
        self.prepayment = ServerCluster(
            PREPAYMENT_CLUSTER,
            {
                # Credit mode: no prepayment, credit display only; costs on the air in £0.0001.
                "payment_control_configuration": 0x0000,
                "historical_cost_consumption_formatting": 0b0_0110_100,
                "consumption_unit_of_measurement": 0,
                "currency": CURRENCY_GBP,
            },
        )
        self.price = PriceServer(self.registers, now=lambda: self.time_s)
        self.device_management = ServerCluster(DEVICE_MANAGEMENT_CLUSTER)
        """Tells the displays of a change of tenancy (``wan.SupplierWan.change_of_tenancy``)."""
        basic = ServerCluster(
            BASIC_CLUSTER,
            {
                "zcl_version": 3,
                "manufacturer": "Emulated Metering Co",
                "model": "ESME-1",
                "power_source": 1,  # mains, single phase
            },
        )
        self.node = EmulatedNode(
            ieee=t.EUI64.convert(ieee),
            nwk=nwk,
            manufacturer_code=MANUFACTURER_CODE,
            endpoints={
                METER_ENDPOINT: EmulatedEndpoint(
                    METER_ENDPOINT,
                    SE_METER_DEVICE_ID,
                    {
                        BASIC_CLUSTER: basic,
                        METERING_CLUSTER: self.metering,
                        PRICE_CLUSTER: self.price.cluster,
                        PREPAYMENT_CLUSTER: self.prepayment,
                        DEVICE_MANAGEMENT_CLUSTER: self.device_management,
                    },
                )
            },
        )
        self._ieee = ieee
        self._keys = keys
        self.prepay = PrepaymentServer(
            self.prepayment,
            TopUpGate(lambda: self.keys),
            now=lambda: self.time_s,
            on_disconnect=self.disable_supply,
            on_credit_restored=self.arm_supply,
        )
        self._calendar = calendar
        self._next_midnight_s = calendar.next_day_start(self.time_s)
        self._consumption = HistoryPublisher(self.registers.imported, self.metering, CONSUMPTION)
        self._cost = HistoryPublisher(self.registers.cost, self.prepayment, COST)
        self._publish(self._watts_at(self.time_s))

    @property
    def keys(self) -> MeterKeys:
        """The keys its top-up codes are checked with: given, or derived from its EUI-64 when first
        asked for (a display's start only reads the meter, and never needs them)."""
        if self._keys is None:
            self._keys = default_keys(self._ieee)
        return self._keys

    @property
    def tariff(self) -> AnyTariff:
        return self.registers.tariff

    @property
    def import_joules(self) -> int:
        return self.registers.imported.accumulator

    @property
    def export_joules(self) -> int:
        exported = self.registers.exported
        return exported.accumulator if exported is not None else 0

    # Time ------------------------------------------------------------------------------------

    def advance_to(self, epoch_s: float) -> None:
        """Integrate the household up to ``epoch_s`` (a slot boundary) and publish the registers."""
        end = int(epoch_s)
        registers, prepay = self.registers, self.prepay
        while self.time_s < end:
            start = self.time_s
            watts = self._watts_at(start)
            cost_before = registers.cost.reading
            registers.add_slot(start, max(watts, 0) * SLOT_S, max(-watts, 0) * SLOT_S)
            if prepay.in_prepayment:
                # The cost register counts in £0.0001, the credit engine's unit: charge exactly it.
                prepay.charge(registers.cost.reading - cost_before, start)
            self.time_s = start + SLOT_S
            if self.time_s % HALF_HOUR_S == 0:
                registers.close_half_hour(self.time_s)
            if self.time_s >= self._next_midnight_s:
                self._next_midnight_s = self._calendar.next_day_start(self.time_s)
                standing = int(self.tariff.standing_charge_gbp_per_day * UNITS_PER_POUND)
                prepay.end_of_day(self.time_s, standing)
        self._publish(self._watts_at(end))

    @property
    def supply_status(self) -> int:
        return self.switch.status

    def _watts_at(self, epoch_s: int) -> int:
        if not self.mains_on or self.supply_status != SUPPLY_ON:
            return 0  # a power cut, or a disconnected supply, draws nothing
        if self.measures_generation:
            return self.load.generation_watts_at(epoch_s)  # an inverter stops in a power cut too
        watts = self.load.net_watts_at(epoch_s)
        switch = self.auxiliary_switch
        if switch is not None and switch.is_on(epoch_s, self.zone):
            watts += switch.load_w
        if self.extra_loads:
            self.extra_loads = [load for load in self.extra_loads if load[1] > epoch_s]
            watts += sum(w for start, end, w in self.extra_loads if start <= epoch_s < end)
        return watts

    def switch_on(self, watts: int, duration_s: int) -> None:
        """An appliance on from now for ``duration_s`` (whole 10-second slots)."""
        slots = max(1, -(-duration_s // SLOT_S))
        self.extra_loads.append((self.time_s, self.time_s + slots * SLOT_S, watts))

    def _publish(self, demand_w: int) -> None:
        registers, metering = self.registers, self.metering
        self.demand_w = demand_w
        metering.set("instantaneous_demand", demand_w)
        metering.set("iambient_consumption_indicator", self.ambient_thresholds.level(demand_w))
        metering.set("current_summ_delivered", registers.imported.reading)
        if registers.exported is not None:
            metering.set("current_summ_received", registers.exported.reading)
            metering.set("current_max_demand_received", registers.export_demand.any_half_hour_w)
        metering.set("current_max_demand_delivered", registers.import_demand.any_half_hour_w)
        for tier in registers.tier_joules:
            if 1 <= tier <= MAX_TIER_REGISTERS:
                metering.set(f"current_tier{tier}_summ_delivered", registers.tier_wh(tier))
        self._consumption.update(self.time_s)
        self._cost.update(self.time_s)
        self.price.update(self.time_s)
        for command, fields in self.price.take_pending():
            self.node.to_bound(METER_ENDPOINT, self.price.cluster.cluster_id, command, fields)

    # Commands ------------------------------------------------------------------------------

    def _get_profile(self, request: Any) -> CommandReply:
        return profile_reply(
            self.registers.imported, self.registers.exported, request, now_s=self.time_s
        )

    # Supply ----------------------------------------------------------------------------------

    def disable_supply(self) -> None:
        """The supplier (or the credit engine) opens the contactor."""
        self.switch.disable()

    def arm_supply(self) -> None:
        """Remote re-arm: supply returns only when someone at the premises confirms."""
        self.switch.arm()

    def enable_supply_locally(self) -> None:
        """The meter's button held, or a PPMID's LocalChangeSupply: only an armed supply comes on."""
        self.switch.enable_locally()

    def _supply_moved(self, status: int) -> None:
        self.metering.set("supply_status", status)
        if status != SUPPLY_ARMED:  # armed draws nothing more than off
            self._publish(self._watts_at(self.time_s))

    def _local_change_supply(self, request: Any) -> CommandReply:
        if int(request.proposed_supply_status) != SUPPLY_ON:
            return Status.NOT_AUTHORIZED  # locally, a supply can only be enabled
        try:
            self.enable_supply_locally()
        except SupplyRefused:
            return Status.FAILURE
        return Status.SUCCESS

    def _change_supply_from_han(self, _request: Any) -> CommandReply:
        # ChangeSupply is a supplier command: over the HAN nobody may switch the supply.
        return Status.NOT_AUTHORIZED

    def change_tariff(self, tariff: AnyTariff) -> None:
        """A new tariff from the supplier (through the WAN); takes effect from the next slot."""
        self.registers.set_tariff(tariff)
        self.price.tariff_changed()


SUPPLIER_ORIGINATOR = bytes.fromhex("90B3D51F30010000")
"""The emulated supplier's identity: the one in the public DCC test data, for familiarity."""


def supplier_key() -> ec.EllipticCurvePrivateKey:
    """The emulated supplier's prepayment key-agreement key (vending signs codes with it)."""
    return derived_key("emulated supplier", "prepayment key agreement")


def default_keys(ieee: str) -> MeterKeys:
    """Keys of an emulated meter: its own key pair is derived from its EUI-64, so a vending tool can
    sign codes for it without a key store (never do this with real meters)."""
    target = bytes(t.EUI64.convert(ieee))[::-1]  # EUI-64s are written most significant byte first
    return MeterKeys(
        meter_private_key=derived_key("emulated meter", ieee),
        supplier_public_key=supplier_key().public_key(),
        originator=SUPPLIER_ORIGINATOR,
        target=target,
    )
