"""The electricity smart meter (ESME): credit mode, single-rate tariff.

The meter integrates the household's load exactly: power is constant over each 10-second slot, so the
import register grows by watts × 10 joules a slot and the cumulative summation always equals the
integral of the demand it reported. Registers are kept in joules (integers) and shown on the air in Wh
with divisor 1000, so kWh = register ÷ 1000 and demand in W ÷ 1000 = kW.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import zigpy.types as t

from han.clusters.price import CURRENCY_GBP
from home_emulator.household import HouseholdLoad
from home_emulator.node import SE_METER_DEVICE_ID, EmulatedEndpoint, EmulatedNode
from home_emulator.tariff import PRICE_TRAILING_DIGITS, SingleRateTariff
from home_emulator.zcl_server import CommandReply, ServerCluster

JOULES_PER_WH = 3600
METER_ENDPOINT = 1
MANUFACTURER_CODE = 0x1234
_ZIGBEE_EPOCH = datetime(2000, 1, 1, tzinfo=ZoneInfo("UTC")).timestamp()


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
        tariff: SingleRateTariff | None = None,
        import_at_day_start_wh: int = 0,
        timezone: str = "Europe/London",
        site_id: str = "1900012345678",
        ambient_thresholds: AmbientThresholds | None = None,
    ) -> None:
        self.load = load
        self.tariff = tariff or SingleRateTariff()
        self.ambient_thresholds = ambient_thresholds or AmbientThresholds()
        self._zone = ZoneInfo(timezone)
        # The meter has been running all along: the register given is its reading at the start of
        # the local day, and today's consumption so far is integrated from the load.
        self.time_s = float(start_epoch_s)
        day_start = self._local_midnight(self.time_s)
        self.previous_day_joules = load.energy_joules(
            self._local_midnight(day_start - 1), day_start
        )
        self._day_start_joules = import_at_day_start_wh * JOULES_PER_WH
        self.import_joules = self._day_start_joules + load.energy_joules(day_start, self.time_s)
        self._day = self._local_date(self.time_s)

        self.metering = ServerCluster(
            0x0702,
            {
                "unit_of_measure": 0,  # kWh
                "multiplier": 1,
                "divisor": 1000,
                "summation_formatting": 0b0_0110_011,  # 6 digits left of the point, 3 right
                "demand_formatting": 0b0_0110_011,
                "metering_device_type": 0,  # electricity
                "status": 0,
                "supply_status": 2,  # on
                "site_id": site_id.encode(),
            },
        )
        self.price = ServerCluster(
            0x0700,
            {
                "standing_charge": SingleRateTariff.on_air(self.tariff.standing_charge_gbp_per_day),
                "unit_of_measure": 0,
                "currency": CURRENCY_GBP,
                "price_trailing_digit": PRICE_TRAILING_DIGITS << 4,
            },
        )
        self.price.on_command("get_current_price", self._publish_price)
        basic = ServerCluster(
            0x0000,
            {
                "zcl_version": 3,
                "manufacturer": "Emulated Metering Co",
                "model": "ESME-1 (credit, single rate)",
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
                    {0x0000: basic, 0x0702: self.metering, 0x0700: self.price},
                )
            },
        )
        self._publish_registers(self.load.watts_at(self.time_s))

    # Time ------------------------------------------------------------------------------------

    def advance_to(self, epoch_s: float) -> None:
        """Integrate the load up to ``epoch_s`` and publish the registers as of that instant."""
        if epoch_s <= self.time_s:
            return
        while True:
            midnight = self._next_local_midnight(self.time_s)
            if midnight > epoch_s:
                break
            self.import_joules += self.load.energy_joules(self.time_s, midnight)
            self.time_s = midnight
            self._start_new_day()
        self.import_joules += self.load.energy_joules(self.time_s, epoch_s)
        self.time_s = epoch_s
        self._publish_registers(self.load.watts_at(epoch_s))

    def _start_new_day(self) -> None:
        self.previous_day_joules = self.import_joules - self._day_start_joules
        self._day_start_joules = self.import_joules
        self._day = self._local_date(self.time_s)

    def _publish_registers(self, demand_w: int) -> None:
        self.demand_w = demand_w
        self.metering.set("iambient_consumption_indicator", self.ambient_thresholds.level(demand_w))
        self.metering.set("instantaneous_demand", demand_w)
        self.metering.set("current_summ_delivered", self.import_joules // JOULES_PER_WH)
        self.metering.set(
            "currentday_consumption_delivered",
            (self.import_joules - self._day_start_joules) // JOULES_PER_WH,
        )
        self.metering.set(
            "previousday_consumption_delivered", self.previous_day_joules // JOULES_PER_WH
        )

    def _local_date(self, epoch_s: float) -> date:
        return datetime.fromtimestamp(epoch_s, self._zone).date()

    def _local_midnight(self, epoch_s: float) -> float:
        return datetime.combine(self._local_date(epoch_s), time(0), self._zone).timestamp()

    def _next_local_midnight(self, epoch_s: float) -> float:
        tomorrow = self._local_date(epoch_s) + timedelta(days=1)
        return datetime.combine(tomorrow, time(0), self._zone).timestamp()

    # Price server -------------------------------------------------------------------------

    def _publish_price(self, _request: Any) -> CommandReply:
        return "publish_price", self.price_fields()

    def price_fields(self) -> dict[str, Any]:
        zigbee_now = int(self.time_s - _ZIGBEE_EPOCH)
        return {
            "provider_id": 0x00000001,
            "rate_label": t.LVBytes(self.tariff.label.encode()),
            "issuer_event_id": 1,
            "current_time": zigbee_now,
            "unit_of_measure": 0,
            "currency": CURRENCY_GBP,
            "price_trailing_digit_and_tier": (PRICE_TRAILING_DIGITS << 4) | 1,
            "number_of_tiers_and_register_tier": (1 << 4) | 1,
            "start_time": 0,  # "now"
            "duration_in_minutes": 0xFFFF,  # until changed
            "price": SingleRateTariff.on_air(self.tariff.unit_price_gbp_per_kwh),
        }


__all__ = ["JOULES_PER_WH", "Esme"]
