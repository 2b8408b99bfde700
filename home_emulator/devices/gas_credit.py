"""The gas meter's prepayment, and what the gas proxy's mirror shows of it.

The GSME runs the same credit engine and meter-side top-up rules as the electricity meter
(``credit_engine.py``, ``prepayment_server.py``, ``top_up_gate.py``) with its own key pair and its
own counter cache, and closes its valve when credit runs out outside friendly hours. The GSME sleeps,
so the HAN sees its credit and valve through the GPF mirror, refreshed when the meter wakes on the
half hour – and at once when a consumer's command reaches the meter through the GPF (a top-up,
emergency credit), or when someone presses the meter's button.

Gas is never turned back on from a display: a PPMID's LocalChangeSupply to the gas mirror is refused
with ACTION_DENIED, because a person must be at the gas meter to check no appliance was left on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from zigpy.zcl.foundation import Status

from han.clusters import PREPAYMENT_CLUSTER
from han.clusters.price import CURRENCY_GBP
from home_emulator.devices.prepayment_server import PrepaymentServer
from home_emulator.metering.supply_switch import SUPPLY_ON, SupplySwitch
from home_emulator.metering.top_up_gate import MeterKeys, TopUpGate
from home_emulator.zigbee.zcl_server import CommandHandler, CommandReply, ServerCluster

GAS_ONLY_AT_THE_METER = Status.ACTION_DENIED
"""The mirror's answer to LocalChangeSupply: gas comes back on only at the gas meter."""


class GasCredit:
    """The GSME's credit and valve, relayed to the mirror's Prepayment and Metering clusters."""

    def __init__(
        self,
        *,
        keys: Callable[[], MeterKeys],
        mirror_prepayment: ServerCluster,
        mirror_metering: ServerCluster,
        now: Callable[[], float],
        on_valve: Callable[[int], None],
    ) -> None:
        self._derive_keys = keys
        self._keys: MeterKeys | None = None
        self._mirror_prepayment = mirror_prepayment
        self._mirror_metering = mirror_metering
        self.meter_prepayment = ServerCluster(
            PREPAYMENT_CLUSTER,
            {
                "historical_cost_consumption_formatting": 0b0_0110_100,
                "consumption_unit_of_measurement": 0,
                "currency": CURRENCY_GBP,
            },
        )
        """The GSME's own Prepayment attributes (not on the air: the mirror shows them)."""
        self.valve = SupplySwitch(on_valve, SUPPLY_ON)
        self.prepay = PrepaymentServer(
            self.meter_prepayment,
            TopUpGate(lambda: self.keys),
            now=now,
            on_disconnect=self.valve.disable,
            on_credit_restored=self.valve.arm,
        )
        # The GPF passes the consumer's prepayment commands to the GSME and relays its answer.
        for command_id, handler in self.meter_prepayment.commands.items():
            mirror_prepayment.commands[command_id] = self._relayed(handler)
        mirror_metering.on_command("local_change_supply", self._local_change_supply)
        mirror_metering.on_command("change_supply", lambda _request: Status.NOT_AUTHORIZED)
        self.sync()

    @property
    def keys(self) -> MeterKeys:
        """The keys the GSME checks top-up codes with, derived when first asked for (a display's
        start only reads the meter, and never needs them)."""
        if self._keys is None:
            self._keys = self._derive_keys()
        return self._keys

    def _relayed(self, handler: CommandHandler) -> CommandHandler:
        def relay(request: Any) -> CommandReply:
            answer = handler(request)
            self.sync()  # the meter answered awake: the mirror shows its credit as it is now
            return answer

        return relay

    def sync(self) -> None:
        """The meter pushes its credit and valve state to the mirror."""
        self._mirror_prepayment.copy_from(self.meter_prepayment)
        self._mirror_metering.set("supply_status", self.valve.status)

    @staticmethod
    def _local_change_supply(_request: Any) -> CommandReply:
        return GAS_ONLY_AT_THE_METER

    # Spending -------------------------------------------------------------------------------

    def charge(self, cost_units: int, at_s: float) -> None:
        if self.prepay.in_prepayment:
            self.prepay.charge(cost_units, at_s)

    def end_of_day(self, at_s: float, standing_charge_units: int) -> None:
        self.prepay.end_of_day(at_s, standing_charge_units)
