"""The gas smart meter (GSME) and its mirror in the hub's gas proxy (GPF).

The GSME is a battery device: it measures volume (m³) continuously but wakes only every half hour
to push its registers to the mirror on the comms hub. Displays read the mirror, so gas values move
in half-hour steps. The push goes over the air (GBCS 10.4.2.8: summation, today's consumption in
the alternative unit, today's cost) as Report Attributes frames from the GSME's own node to the
mirror endpoint; the GSME is a sleepy end device that talks only to its gas proxy, so displays never
see it join. The mirror takes the same values in-process at the same instant. Energy is derived as the GB bill does: kWh = m³ × 1.02264 (volume correction) ×
calorific value (MJ/m³) ÷ 3.6.
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

import zigpy.types as t
from zigpy.zcl import foundation as f
from zigpy.zdo import types as zdo_t

from han.clusters import BASIC_CLUSTER, METERING_CLUSTER, PREPAYMENT_CLUSTER, PRICE_CLUSTER
from han.clusters.price import CURRENCY_GBP
from han.domain.history_names import ALTERNATIVE_CONSUMPTION, CONSUMPTION, COST
from home_emulator.devices.esme import default_keys
from home_emulator.devices.gas_credit import GasCredit
from home_emulator.devices.prepayment_server import PrepaymentServer
from home_emulator.devices.price_server import PriceServer
from home_emulator.household.load import HouseholdLoad
from home_emulator.metering import smets1
from home_emulator.metering.backfill import DEFAULT_HISTORY_DAYS, Past, gas_past
from home_emulator.metering.credit_engine import UNITS_PER_POUND
from home_emulator.metering.fuel_registers import JOULES_PER_WH, FuelRegisters
from home_emulator.metering.history_attributes import HistoryPublisher
from home_emulator.metering.profile import profile_reply
from home_emulator.metering.registers import HALF_HOUR_S, CumulativeRegister, LocalCalendar
from home_emulator.metering.supply_switch import SUPPLY_ON
from home_emulator.metering.top_up_gate import MeterKeys
from home_emulator.tariffs import AnyTariff, SingleRate
from home_emulator.zigbee.node import EmulatedEndpoint, EmulatedNode
from home_emulator.zigbee.zcl_server import CommandReply, ServerCluster, encode_report

VOLUME_CORRECTION = Decimal("1.02264")
DEFAULT_CALORIFIC_VALUE = Decimal("39.5")
MIRROR_ENDPOINT = 2
MIRRORED_GAS = 128
GSME_NWK = 0x1004
GSME_ENDPOINT = 1
GPF_NWK = 0x0001
"""The comms hub's short address: the gas proxy (and its mirror) lives on the hub."""
PUSHED_METERING = ("current_summ_delivered", "current_day_alternative_consumption_delivered")
PUSHED_PREPAYMENT = ("current_day_cost_consumption_delivered",)
"""What the GSME pushes at each wake (GBCS 10.4.2.8)."""
SLOT_S = 10
_VOLUME_PRECISION = 10**6
"""Volume accumulates as joules × 10⁶ so that litres = accumulator ÷ (joules per litre × 10⁶),
exact in integers for calorific values given to 0.1 MJ/m³."""
_VOLUME_PER_WH = JOULES_PER_WH * _VOLUME_PRECISION
"""What a watt-hour adds to the volume accumulator, before dividing by the joules per litre."""


def joules_per_litre_scaled(calorific_value_mj_m3: Decimal) -> int:
    per_litre = calorific_value_mj_m3 * VOLUME_CORRECTION * 1000  # MJ/m³ → J per litre
    scaled = per_litre * _VOLUME_PRECISION
    if scaled != int(scaled):
        raise ValueError(f"calorific value {calorific_value_mj_m3} MJ/m³ has too many decimals")
    return int(scaled)


class GasMeter:
    """GSME and GPF mirror together: the meter's registers and the mirror the HAN reads."""

    def __init__(
        self,
        *,
        load: HouseholdLoad,
        start_epoch_s: int,
        tariff: AnyTariff | None = None,
        calorific_value: Decimal = DEFAULT_CALORIFIC_VALUE,
        volume_at_history_start_l: int = 4_567_890,
        history_days: int = DEFAULT_HISTORY_DAYS,
        past: Past | None = None,
        timezone: str = "Europe/London",
        site_id: str = "7654321012",
        keys: MeterKeys | None = None,
        ieee: str = "0d:6f:00:00:00:00:00:03",
        gpf_nwk: int = GPF_NWK,
        smets1_foc: bool = False,
    ) -> None:
        self.ieee = ieee
        self.smets1_foc = smets1_foc
        """A SMETS1 meter enrolled in the DCC: its summer days stop at 23:00 (``metering.smets1``)."""
        """The GSME's own EUI-64: the target its top-up codes are made for."""
        self.gpf_nwk = gpf_nwk
        self.node = _gsme_node(ieee)
        """The GSME on the air: its half-hourly pushes wait in ``node.outbox`` to be sent."""
        self.load = load
        self.zone = ZoneInfo(timezone)
        self.calorific_value = calorific_value
        self.time_s = int(start_epoch_s)
        self.mains_on = True  # a gas meter has its own battery, but the boiler stops in a power cut
        tariff = tariff or SingleRate(unit_price="0.0634", standing_charge="0.3143", label="Gas")
        scale = joules_per_litre_scaled(calorific_value)
        energy_before_j = volume_at_history_start_l * scale // _VOLUME_PRECISION
        if past is None:
            past = gas_past(load, LocalCalendar(self.zone), until_s=self.time_s, days=history_days)
        self.registers = FuelRegisters.backfilled(
            self.zone,
            tariff,
            first_slot_s=past.first_slot_s,
            import_j=past.import_j,
            export_j=None,
            import_j_before=energy_before_j,
            summed_import_j=past.summed_import_j,
        )
        # Volume is its own register (m³ × 1000 = litres), recorded at the same boundaries.
        energy = self.registers.imported
        self.volume = CumulativeRegister(
            self.zone,
            scale=scale,
            accumulator=energy.accumulator * _VOLUME_PRECISION,
            first_boundary_s=energy.first_boundary_s,
            # One multiplication a reading, not two: two years of half hours is 35,000 of them.
            readings=[reading * _VOLUME_PER_WH // scale for reading in energy.readings],
        )

        self.metering = ServerCluster(
            METERING_CLUSTER,
            {
                "unit_of_measure": 1,  # m³
                "multiplier": 1,
                "divisor": 1000,
                "summation_formatting": 0b0_0101_011,
                "historical_consumption_formatting": 0b0_0101_011,
                "alternative_unit_of_measure": 0,  # kWh
                "alternative_consumption_formatting": 0b0_0110_011,
                "metering_device_type": MIRRORED_GAS,
                "status": 0,
                "supply_status": 2,
                "site_id": site_id.encode(),
                "remaining_battery_life_days": 3650,
            },
        )
        self.metering.on_command("get_profile", self._get_profile)
        if smets1_foc:
            for register in (self.volume, energy, self.registers.cost):
                register.snapshot_end = partial(smets1.snapshot_end, self.zone)
        self.prepayment = ServerCluster(
            PREPAYMENT_CLUSTER,
            {
                "payment_control_configuration": 0x0000,
                "historical_cost_consumption_formatting": 0b0_0110_100,
                "consumption_unit_of_measurement": 0,
                "currency": CURRENCY_GBP,
            },
        )
        self.price = PriceServer(self.registers, now=lambda: self.synced_s)
        self.price.cluster.set("calorific_value", int(calorific_value * 10))
        self.price.cluster.set("calorific_value_unit", 0x01)  # MJ/m³
        self.price.cluster.set("calorific_value_trailing_digit", 1 << 4)
        self.price.cluster.set("conversion_factor", int(VOLUME_CORRECTION * 10**5))
        self.price.cluster.set("conversion_factor_trailing_digit", 5 << 4)
        basic = ServerCluster(
            BASIC_CLUSTER,
            {
                "zcl_version": 3,
                "manufacturer": "Emulated Metering Co",
                "model": "GPF mirror of GSME-1",
                "power_source": 3,
            },
        )
        self.endpoint = EmulatedEndpoint(
            MIRROR_ENDPOINT,
            0x0501,
            {
                BASIC_CLUSTER: basic,
                METERING_CLUSTER: self.metering,
                PRICE_CLUSTER: self.price.cluster,
                PREPAYMENT_CLUSTER: self.prepayment,
            },
        )
        self._volume_history = HistoryPublisher(self.volume, self.metering, CONSUMPTION)
        self._energy_history = HistoryPublisher(energy, self.metering, ALTERNATIVE_CONSUMPTION)
        self._cost_history = HistoryPublisher(self.registers.cost, self.prepayment, COST)
        self.credit = GasCredit(
            keys=lambda: keys or default_keys(ieee),
            mirror_prepayment=self.prepayment,
            mirror_metering=self.metering,
            now=lambda: self.time_s,
            on_valve=self._valve_moved,
        )
        self._calendar = LocalCalendar(self.zone)
        self._next_midnight_s = self._calendar.next_day_start(self.time_s)
        self.synced_s = self.time_s - self.time_s % HALF_HOUR_S
        self._sync_mirror()

    def daily_read_log(self, days: int = 8) -> list[smets1.DailyRead]:
        """The volume register's daily read log as the supplier would ask for it now."""
        return smets1.daily_read_log(self.volume, self.time_s, days)

    @property
    def prepay(self) -> PrepaymentServer:
        """The GSME's prepayment server (its credit engine, top-up gate and alarms)."""
        return self.credit.prepay

    @property
    def keys(self) -> MeterKeys:
        return self.credit.keys

    @property
    def supply_status(self) -> int:
        """The valve as the GSME knows it (the mirror shows it from the meter's next wake-up)."""
        return self.credit.valve.status

    def advance_to(self, epoch_s: float) -> bool:
        """Measure up to ``epoch_s``; True when the meter woke and synced the mirror."""
        end = int(epoch_s)
        synced = False
        while self.time_s < end:
            start = self.time_s
            flowing = self.mains_on and self.supply_status == SUPPLY_ON
            joules = self.load.gas_watts_at(start) * SLOT_S if flowing else 0
            cost_before = self.registers.cost.reading
            self.registers.add_slot(start, joules)
            self.volume.add(joules * _VOLUME_PRECISION)
            # The cost register counts in £0.0001, the credit engine's unit: charge exactly it.
            self.credit.charge(self.registers.cost.reading - cost_before, start)
            self.time_s = start + SLOT_S
            if self.time_s >= self._next_midnight_s:
                self._next_midnight_s = self._calendar.next_day_start(self.time_s)
                standing = int(self.tariff.standing_charge_gbp_per_day * UNITS_PER_POUND)
                self.credit.end_of_day(self.time_s, standing)
            if self.time_s % HALF_HOUR_S == 0:
                self.registers.close_half_hour(self.time_s)
                self.volume.close_half_hour(self.time_s)
                self.synced_s = self.time_s
                self._sync_mirror()  # the meter wakes on the half hour and pushes to the mirror
                self._push_to_mirror()
                synced = True
        return synced

    def _sync_mirror(self) -> None:
        self.credit.sync()
        if self.smets1_foc:
            self.metering.set(
                "daily_freeze_time", smets1.daily_freeze_time(self.zone, self.synced_s)
            )
        self.metering.set("current_summ_delivered", self.volume.reading)
        self._volume_history.update(self.synced_s)
        self._energy_history.update(self.synced_s)
        self._cost_history.update(self.synced_s)
        self.price.update(self.synced_s)

    def _push_to_mirror(self) -> None:
        """Queue the wake-up's Report Attributes frames, GSME → GPF mirror endpoint."""
        for cluster, names in (
            (self.metering, PUSHED_METERING),
            (self.prepayment, PUSHED_PREPAYMENT),
        ):
            records = _report_records(cluster, names)
            if records:
                data = encode_report(self.node.next_tsn(), records)
                self.node.outbox.append(
                    self.node.packet(
                        GSME_ENDPOINT, MIRROR_ENDPOINT, cluster.cluster_id, data, self.gpf_nwk
                    )
                )

    def _get_profile(self, request: Any) -> CommandReply:
        return profile_reply(self.volume, None, request, now_s=self.synced_s)

    @property
    def tariff(self) -> AnyTariff:
        return self.registers.tariff

    # Supply: the valve ---------------------------------------------------------------------

    def _valve_moved(self, _status: int) -> None:
        pass  # the mirror learns it when the meter next wakes (or at once: see below)

    def disable_supply(self) -> None:
        """The supplier closes the valve (it reaches the meter at once in the emulation)."""
        self.credit.valve.disable()
        self.credit.sync()

    def arm_supply(self) -> None:
        """Remote re-arm: the valve opens only when someone presses the gas meter's button."""
        self.credit.valve.arm()
        self.credit.sync()

    def press_button(self) -> None:
        """Someone at the gas meter presses its button: an armed valve opens (the meter wakes
        and tells the mirror at once). Raises ``SupplyRefused`` if the valve is not armed."""
        self.credit.valve.enable_locally()
        self.credit.sync()

    enable_supply_locally = press_button

    def change_tariff(self, tariff: AnyTariff) -> None:
        self.registers.set_tariff(tariff)
        self.price.tariff_changed()


def _gsme_node(ieee: str) -> EmulatedNode:
    basic = ServerCluster(
        BASIC_CLUSTER,
        {
            "zcl_version": 3,
            "manufacturer": "Emulated Metering Co",
            "model": "GSME-1",
            "power_source": 3,  # battery
        },
    )
    return EmulatedNode(
        ieee=t.EUI64.convert(ieee),
        nwk=GSME_NWK,
        manufacturer_code=0x1234,
        endpoints={GSME_ENDPOINT: EmulatedEndpoint(GSME_ENDPOINT, 0x0501, {BASIC_CLUSTER: basic})},
        logical_type=zdo_t.LogicalType.EndDevice,
    )


def _report_records(cluster: ServerCluster, names: tuple[str, ...]) -> bytes:
    """Report Attributes records of ``names`` with the types the cluster declares (skipping any
    the register cannot give yet, e.g. today's consumption before midnight's reading closes)."""
    records = b""
    for name in names:
        attribute = cluster.definition.attributes_by_name[name]
        if attribute.id not in cluster.values:
            continue
        value = f.TypeValue(type=attribute.zcl_type, value=attribute.type(cluster.get(name)))
        records += f.Attribute(attrid=attribute.id, value=value).serialize()
    return records
