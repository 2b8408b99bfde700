"""A meter's Prepayment cluster in prepayment mode: credit on the air, and the consumer's commands.

Displays read credit, emergency credit, debt and the credit status bits, and get reports when they
change (low credit, emergency credit available/in use/exhausted, disconnection are all visible as
bits). Over the HAN a PPMID may top up (ConsumerTopUp, answered with ConsumerTopUpResponse) and
activate emergency credit; changing payment mode or emergency-credit settings is for the supplier
only and is refused on the air.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from zigpy.zcl.foundation import Status

from han.clusters.prepayment import CreditStatus, PrepaymentAlarm
from home_emulator.metering.credit_engine import (
    UNITS_PER_PENNY,
    CreditEngine,
    EmergencyCredit,
)
from home_emulator.metering.top_up_gate import GateAnswer, TopUpGate, TopUpResult
from home_emulator.zigbee.zcl_server import CommandReply, ServerCluster

CREDIT_MODE = 0x0C94
PREPAYMENT_MODE = 0x0C97
"""GBCS PaymentControlConfiguration values: credit mode, and prepayment with disconnection enabled."""


DEBT_TIME_BASED, DEBT_PAYMENT_BASED = 0x00, 0x01
DEBT_PER_DAY = 0x01
"""DebtRecoveryMethod and DebtRecoveryFrequency values (ZSE)."""


@dataclass
class TopUpRecord:
    at_s: float
    code: str
    answer: GateAnswer


class PrepaymentServer:
    def __init__(
        self,
        cluster: ServerCluster,
        gate: TopUpGate,
        *,
        now: Callable[[], float],
        on_disconnect: Callable[[], None],
        on_credit_restored: Callable[[], None],
    ) -> None:
        self.cluster = cluster
        self.gate = gate
        self.engine: CreditEngine | None = None
        self._now = now
        self._on_disconnect = on_disconnect
        self._on_credit_restored = on_credit_restored
        self.alarms = PrepaymentAlarm(0)
        self.top_ups: list[TopUpRecord] = []
        cluster.on_command("consumer_top_up", self._consumer_top_up)
        cluster.on_command("select_available_emergency_credit", self._select_emergency_credit)
        cluster.on_command("change_payment_mode", lambda _request: Status.NOT_AUTHORIZED)
        cluster.on_command("emergency_credit_setup", lambda _request: Status.NOT_AUTHORIZED)
        self.publish()

    @property
    def in_prepayment(self) -> bool:
        return self.engine is not None

    def set_engine(self, engine: CreditEngine | None) -> None:
        """Switch payment mode (from the WAN): an engine for prepayment, None for credit mode."""
        self.engine = engine
        self.publish()

    # Metering ---------------------------------------------------------------------------------

    def charge(self, cost_units: int, at_s: float) -> None:
        engine = self.engine
        if engine is None or cost_units <= 0:
            return
        engine.charge(cost_units, at_s)
        self._after_spending(at_s)

    def end_of_day(self, at_s: float, standing_charge_units: int) -> None:
        if self.engine is not None:
            self.engine.end_of_day(at_s, standing_charge_units)
            self._after_spending(at_s)

    def _after_spending(self, at_s: float) -> None:
        engine = self.engine
        assert engine is not None
        if engine.should_disconnect(at_s):
            engine.disconnected = True
            self.alarms |= PrepaymentAlarm.DISCONNECTED_FOR_CREDIT
            self._on_disconnect()
        self.publish()

    # Commands -------------------------------------------------------------------------------

    def top_up(self, code: str, *, originating_device: int = 0) -> tuple[TopUpResult, int]:
        """Judge and apply a code (from the HAN or the meter's own keypad); (result, pence)."""
        engine = self.engine
        now = self._now()
        if engine is None:
            return TopUpResult.ERROR, 0  # a credit-mode meter takes no top-ups
        room = (engine.settings.max_credit_limit - engine.balance) // UNITS_PER_PENNY
        answer = self.gate.check(
            code,
            now,
            room=max(room, 0),
            max_per_top_up=engine.settings.max_credit_per_top_up // UNITS_PER_PENNY,
        )
        self.top_ups.append(TopUpRecord(now, code, answer))
        if answer.result is TopUpResult.ACCEPTED:
            engine.top_up(answer.pennies * UNITS_PER_PENNY)
            self.alarms &= ~(
                PrepaymentAlarm.TOP_UP_CODE_ERROR
                | PrepaymentAlarm.CODE_ALREADY_USED
                | PrepaymentAlarm.CODE_INVALID
            )
            if engine.disconnected and engine.available > 0:
                engine.disconnected = False
                self.alarms &= ~PrepaymentAlarm.DISCONNECTED_FOR_CREDIT
                self._on_credit_restored()
        elif answer.result is TopUpResult.DUPLICATE:
            self.alarms |= PrepaymentAlarm.CODE_ALREADY_USED
        else:
            self.alarms |= PrepaymentAlarm.TOP_UP_CODE_ERROR | PrepaymentAlarm.CODE_INVALID
        self.publish()
        return answer.result, answer.pennies

    def _consumer_top_up(self, request: Any) -> CommandReply:
        code = bytes(request.top_up_code).decode("ascii", errors="replace")
        result, pennies = self.top_up(code, originating_device=int(request.originating_device))
        engine = self.engine
        return (
            "consumer_top_up_response",
            {
                "result_type": int(result),
                "top_up_value": pennies,
                "source_of_top_up": int(request.originating_device),
                "credit_remaining": engine.balance // UNITS_PER_PENNY if engine else 0,
            },
        )

    def _select_emergency_credit(self, _request: Any) -> CommandReply:
        engine = self.engine
        if engine is None or not engine.activate_emergency_credit():
            return (
                Status.FAILURE
            )  # GBCS: the answer is FAILURE if emergency credit is not active after
        if engine.disconnected and engine.available > 0:
            engine.disconnected = False
            self.alarms &= ~PrepaymentAlarm.DISCONNECTED_FOR_CREDIT
            self._on_credit_restored()
        self.publish()
        return Status.SUCCESS

    # On the air ----------------------------------------------------------------------------------

    def publish(self) -> None:
        cluster, engine = self.cluster, self.engine
        if engine is None:
            cluster.set("payment_control_configuration", CREDIT_MODE)
            return
        settings = engine.settings
        cluster.set("payment_control_configuration", PREPAYMENT_MODE)
        cluster.set("credit_remaining", engine.balance // UNITS_PER_PENNY)
        cluster.set(
            "emergency_credit_remaining", engine.emergency_credit_remaining // UNITS_PER_PENNY
        )
        cluster.set(
            "accumulated_debt",
            (engine.accumulated_debt + engine.time_debt + engine.payment_debt) // UNITS_PER_PENNY,
        )
        cluster.set("emergency_credit_limit", settings.emergency_credit_limit // UNITS_PER_PENNY)
        cluster.set(
            "emergency_credit_threshold", settings.emergency_credit_threshold // UNITS_PER_PENNY
        )
        cluster.set("total_credit_added", engine.total_credit_added // UNITS_PER_PENNY)
        cluster.set("max_credit_limit", settings.max_credit_limit // UNITS_PER_PENNY)
        cluster.set("max_credit_per_top_up", settings.max_credit_per_top_up // UNITS_PER_PENNY)
        cluster.set("low_credit_warning", settings.low_credit_warning // UNITS_PER_PENNY)
        cluster.set("cut_off_value", -settings.disablement_threshold // UNITS_PER_PENNY)
        cluster.set("credit_status", self._credit_status(engine))
        self._publish_debts(engine)
        alarms = self.alarms & ~(
            PrepaymentAlarm.LOW_CREDIT
            | PrepaymentAlarm.EMERGENCY_CREDIT_AVAILABLE
            | PrepaymentAlarm.FRIENDLY_CREDIT_IN_USE
        )
        if engine.low_credit:
            alarms |= PrepaymentAlarm.LOW_CREDIT
        if engine.emergency_credit is EmergencyCredit.AVAILABLE:
            alarms |= PrepaymentAlarm.EMERGENCY_CREDIT_AVAILABLE
        if engine.in_friendly_credit:
            alarms |= PrepaymentAlarm.FRIENDLY_CREDIT_IN_USE
        self.alarms = alarms
        cluster.set("prepayment_alarm_status", alarms)

    def _publish_debts(self, engine: CreditEngine) -> None:
        """Debt 1: the time-based debt and its daily rate; debt 3: the payment-based debt and its
        share of each top-up (in 0.01 %); the accumulated debt stands outside both."""
        cluster, settings = self.cluster, engine.settings
        cluster.set("debt_amount_1", engine.time_debt // UNITS_PER_PENNY)
        cluster.set("debt_recovery_method_1", DEBT_TIME_BASED)
        cluster.set("debt_recovery_frequency_1", DEBT_PER_DAY)
        cluster.set(
            "debt_recovery_amount_1", settings.time_debt_recovery_per_day // UNITS_PER_PENNY
        )
        cluster.set("debt_amount_3", engine.payment_debt // UNITS_PER_PENNY)
        cluster.set("debt_recovery_method_3", DEBT_PAYMENT_BASED)
        cluster.set("debt_recovery_top_up_percentage_3", int(settings.payment_debt_share * 10_000))

    @staticmethod
    def _credit_status(engine: CreditEngine) -> CreditStatus:
        bits = CreditStatus.EMERGENCY_CREDIT_ENABLED
        if engine.balance > 0 and not engine.disconnected:
            bits |= CreditStatus.CREDIT_OK
        if engine.low_credit:
            bits |= CreditStatus.LOW_CREDIT
        state = engine.emergency_credit
        if state is EmergencyCredit.AVAILABLE:
            bits |= CreditStatus.EMERGENCY_CREDIT_AVAILABLE
        elif state is EmergencyCredit.ACTIVE:
            bits |= CreditStatus.EMERGENCY_CREDIT_SELECTED | CreditStatus.EMERGENCY_CREDIT_IN_USE
        if engine.available <= 0:
            bits |= CreditStatus.CREDIT_EXHAUSTED
        return bits
