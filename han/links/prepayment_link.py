"""A meter's prepayment on the air: credit into the model, and the consumer's commands to the meter.

At attach the link reads the payment mode; in prepayment it reads credit, emergency credit, debt and
the limits, and asks the meter to report the ones that move. The PPMID (or an IHD acting as one)
sends top-up codes (ConsumerTopUp), activates emergency credit and enables an armed supply
(LocalChangeSupply) through it; each answer comes back as something a screen can explain.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

from zigpy.exceptions import ZigbeeException
from zigpy.zcl import Cluster
from zigpy.zcl.foundation import Status
from zigpy.zcl.helpers import ReportingConfig

from han.clusters import GBPrepayment
from han.clusters.prepayment import CreditStatus, OriginatingDevice, PrepaymentAlarm
from han.domain.credit import (
    PREPAYMENT_ENABLED_BIT,
    DebtRate,
    PaymentMode,
    Recovery,
    SupplyAnswer,
    SupplyState,
    TopUpAnswer,
    TopUpOutcome,
    pence,
)
from han.links.attributes import read_attributes
from han.model import Field, HomeModel, Measured, Meter, MeterKey, ModelChange

LOGGER = logging.getLogger(__name__)

MONEY_ATTRIBUTES: Final = {
    "credit_remaining": "balance_gbp",
    "emergency_credit_remaining": "emergency_credit_gbp",
    "emergency_credit_limit": "emergency_credit_limit_gbp",
    "emergency_credit_threshold": "emergency_credit_threshold_gbp",
    "accumulated_debt": "debt_gbp",
    "low_credit_warning": "low_credit_warning_gbp",
    "max_credit_limit": "max_credit_gbp",
    "max_credit_per_top_up": "max_top_up_gbp",
}
RECOVERY_ATTRIBUTES: Final = (
    "debt_recovery_amount_1",
    "debt_recovery_frequency_1",
    "debt_recovery_amount_2",
    "debt_recovery_frequency_2",
    "debt_recovery_top_up_percentage_3",
)
"""How the meter repays its debts: two time-based (an amount per period), one payment-based."""
SUPPLY_ANSWERS: Final = {
    Status.SUCCESS: SupplyAnswer.ON,
    Status.FAILURE: SupplyAnswer.NOT_ARMED,
    Status.ACTION_DENIED: SupplyAnswer.ONLY_AT_METER,
}
REPORTED: Final = (
    "credit_remaining",
    "emergency_credit_remaining",
    "accumulated_debt",
    "credit_status",
    "prepayment_alarm_status",
)
ENABLE: Final = int(SupplyState.ON)


class CommandFailed(RuntimeError):
    """The meter could not be reached, or answered with something a display cannot use."""


class PrepaymentLink:
    def __init__(
        self,
        model: HomeModel,
        key: MeterKey,
        prepayment: Cluster,
        metering: Cluster,
        *,
        now: Callable[[], float] = time.time,
    ) -> None:
        self._model = model
        self.key = key
        self._prepayment = prepayment
        self._metering = metering
        self._now = now
        self._unsubscribe: list[Callable[[], Any]] = []
        self._recovery_raw: dict[str, int] = {}

    @property
    def meter(self) -> Meter:
        return self._model.meter(self.key)

    async def attach(self) -> None:
        self._unsubscribe.append(self._prepayment.on_event("attribute_report", self._on_report))
        self._unsubscribe.append(
            self._metering.on_event("attribute_report", self._on_supply_report)
        )
        await self.refresh()
        if self.meter.credit.in_prepayment:
            await self._configure_reporting()

    def detach(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()

    async def refresh(self) -> None:
        """Read the payment mode, the supply, and (in prepayment) every credit figure."""
        mode = await read_attributes(self._prepayment, ("payment_control_configuration",))
        supply = await read_attributes(self._metering, ("supply_status",))
        values = dict(mode)
        if (
            "payment_control_configuration" in mode
            and int(mode["payment_control_configuration"]) & PREPAYMENT_ENABLED_BIT
        ):
            values |= await read_attributes(
                self._prepayment,
                (*MONEY_ATTRIBUTES, "credit_status", "prepayment_alarm_status"),
            )
            values |= await read_attributes(self._prepayment, RECOVERY_ATTRIBUTES)
        self._apply(values)
        self._apply_supply(supply)

    async def _configure_reporting(self) -> None:
        try:
            await self._prepayment.bind()
            await self._prepayment.configure_reporting_multiple(
                {
                    GBPrepayment.attributes_by_name[name]: ReportingConfig(1, 600, 1)
                    for name in REPORTED
                }
            )
            await self._metering.configure_reporting_multiple(
                {self._metering.attributes_by_name["supply_status"]: ReportingConfig(1, 600, 1)}
            )
        except (ZigbeeException, TimeoutError) as error:
            LOGGER.info(
                "Meter %s would not report its credit (%s): polled instead", self.key, error
            )

    # Commands -------------------------------------------------------------------------------

    async def top_up(self, code: str) -> TopUpAnswer:
        """Send a 20-digit code to the meter; the answer says what happened to the credit."""
        digits = "".join(ch for ch in code if ch.isdigit())
        try:
            response = await self._prepayment.consumer_top_up(
                originating_device=OriginatingDevice.in_home_display,
                top_up_code=digits.encode("ascii"),
            )
        except (ZigbeeException, TimeoutError) as error:
            raise CommandFailed(f"the meter did not answer: {error}") from error
        if not hasattr(response, "result_type"):
            status = getattr(response, "status", None)
            raise CommandFailed(f"the meter refused the top-up command ({status})")
        outcome = TopUpOutcome(int(response.result_type))
        balance = pence(int(response.credit_remaining))
        if outcome is TopUpOutcome.ACCEPTED:
            self._apply({"credit_remaining": int(response.credit_remaining)})
        await self.refresh()  # status bits, emergency credit and alarms moved too
        return TopUpAnswer(outcome, pence(int(response.top_up_value)), balance)

    async def activate_emergency_credit(self) -> bool:
        """True when the meter put emergency credit in use (GBCS answers FAILURE otherwise)."""
        return await self._simple(
            self._prepayment.select_available_emergency_credit(
                command_issue_date_time=0, originating_device=OriginatingDevice.in_home_display
            )
        )

    async def enable_supply(self) -> SupplyAnswer:
        """Ask an armed meter to switch the supply back on (only someone at home may do this; a
        gas meter takes it only at the meter itself, and says so)."""
        status = await self._status(
            self._metering.local_change_supply(proposed_supply_status=ENABLE)
        )
        return SUPPLY_ANSWERS.get(status, SupplyAnswer.REFUSED)

    async def _simple(self, request: Any) -> bool:
        return bool(await self._status(request) == Status.SUCCESS)

    async def _status(self, request: Any) -> Any:
        try:
            response = await request
        except (ZigbeeException, TimeoutError) as error:
            raise CommandFailed(f"the meter did not answer: {error}") from error
        await self.refresh()
        return getattr(response, "status", None)

    # Model ----------------------------------------------------------------------------------

    def _on_report(self, event: Any) -> None:
        self._model.heard_from(self.key, self._now())
        self._apply({event.attribute_name: event.value})

    def _on_supply_report(self, event: Any) -> None:
        if event.attribute_name == "supply_status":
            self._apply_supply({"supply_status": event.value})

    def _apply(self, values: dict[str, Any]) -> None:
        credit, now = self.meter.credit, self._now()
        changed = False
        for name, raw in values.items():
            if raw is None:
                continue
            if name == "payment_control_configuration":
                mode = (
                    PaymentMode.PREPAYMENT
                    if int(raw) & PREPAYMENT_ENABLED_BIT
                    else PaymentMode.CREDIT
                )
                credit.mode = Measured(mode, now)
            elif name in MONEY_ATTRIBUTES:
                setattr(credit, MONEY_ATTRIBUTES[name], Measured(pence(int(raw)), now))
            elif name == "credit_status":
                credit.flags = Measured(CreditStatus(int(raw)), now)
            elif name == "prepayment_alarm_status":
                credit.alarms = Measured(PrepaymentAlarm(int(raw)), now)
            elif name in RECOVERY_ATTRIBUTES:
                self._recovery_raw[name] = int(raw)
                credit.recovery = Measured(self._recovery(), now)
            else:
                continue
            changed = True
        if changed:
            self._model.announce(ModelChange(self.key, frozenset({Field.CREDIT})))

    def _recovery(self) -> Recovery:
        """The debts' recovery as one rate a week plus a share of top-ups (what a person asks:
        "how fast am I paying it back?")."""
        raw = self._recovery_raw
        weekly = Recovery().amount_gbp
        for n in (1, 2):
            amount = raw.get(f"debt_recovery_amount_{n}", 0)
            frequency = raw.get(f"debt_recovery_frequency_{n}", DebtRate.DAY)
            if amount and frequency in DebtRate._value2member_map_:
                weekly += Recovery(pence(amount), DebtRate(frequency)).per_week_gbp
        share = raw.get("debt_recovery_top_up_percentage_3", 0)
        return Recovery(weekly, DebtRate.WEEK, (Decimal(share) / 100).normalize())

    def _apply_supply(self, values: dict[str, Any]) -> None:
        raw = values.get("supply_status")
        if raw is None or int(raw) not in SupplyState._value2member_map_:
            return
        self.meter.supply = Measured(SupplyState(int(raw)), self._now())
        self._model.announce(ModelChange(self.key, frozenset({Field.SUPPLY})))
