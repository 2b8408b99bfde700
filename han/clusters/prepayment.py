"""Prepayment (0x0705): credit, emergency credit, debt, and the consumer's commands to the meter.

Money attributes are integers in pence. Attribute and command ids follow ZSE 1.4 as GBCS uses them.
"""

from __future__ import annotations

from typing import Final

import zigpy.types as t
from zigpy.zcl.clusters.smartenergy import Prepayment
from zigpy.zcl.foundation import BaseAttributeDefs, BaseCommandDefs, ZCLAttributeDef, ZCLCommandDef

from han.clusters.undecodable import ReportsUndecodableFrames


class CreditStatus(t.bitmap8):
    """CreditStatus (0x0003): the meter's summary of its credit – what the meter sets and what a
    display reads, one definition for both."""

    CREDIT_OK = 0x01
    LOW_CREDIT = 0x02
    EMERGENCY_CREDIT_ENABLED = 0x04
    EMERGENCY_CREDIT_AVAILABLE = 0x08
    EMERGENCY_CREDIT_SELECTED = 0x10
    EMERGENCY_CREDIT_IN_USE = 0x20
    CREDIT_EXHAUSTED = 0x40


class PrepaymentAlarm(t.bitmap16):
    """PrepaymentAlarmStatus (0x0400): what has gone wrong or needs the consumer's attention."""

    LOW_CREDIT = 0x0001
    TOP_UP_CODE_ERROR = 0x0002
    CODE_ALREADY_USED = 0x0004
    CODE_INVALID = 0x0008
    FRIENDLY_CREDIT_IN_USE = 0x0010
    EMERGENCY_CREDIT_AVAILABLE = 0x0040
    DISCONNECTED_FOR_CREDIT = 0x0100


class DebtRecoveryFrequency(t.enum8):
    per_hour = 0x00
    per_day = 0x01
    per_week = 0x02
    per_month = 0x03
    per_quarter = 0x04


class DebtRecoveryMethod(t.enum8):
    time_based = 0x00
    percentage_based = 0x01
    catch_up = 0x02


class OriginatingDevice(t.enum8):
    energy_service_interface = 0x00
    meter = 0x01
    in_home_display = 0x02


def _cost_history() -> dict[str, ZCLAttributeDef]:
    def cost(attr_id: int) -> ZCLAttributeDef:
        return ZCLAttributeDef(id=attr_id, type=t.uint48_t, access="rp")

    table = {
        "current_day_cost_consumption_delivered": cost(0x051C),
        "previous_day_cost_consumption_delivered": cost(0x051E),
        "current_week_cost_consumption_delivered": cost(0x0530),
        "current_month_cost_consumption_delivered": cost(0x0540),
    }
    table |= {
        f"previous_day{n}_cost_consumption_delivered": cost(0x0520 + 2 * (n - 2))
        for n in range(2, 9)
    }
    table |= {
        f"previous_week{n}_cost_consumption_delivered": cost(0x0532 + 2 * (n - 1))
        for n in range(1, 6)
    }
    table |= {
        f"previous_month{n}_cost_consumption_delivered": cost(0x0542 + 2 * (n - 1))
        for n in range(1, 14)
    }
    return table


def _debts() -> dict[str, ZCLAttributeDef]:
    """The Debt attribute set (0x0210…): three debts, each with its recovery. GB meters keep two
    time-based debts (1, 2: collected at a rate per day or week) and one payment-based (3: a share
    of each top-up)."""
    table: dict[str, ZCLAttributeDef] = {}
    for n in (1, 2, 3):
        base = 0x0210 + 0x10 * (n - 1)
        table |= {
            f"debt_amount_{n}": ZCLAttributeDef(id=base + 1, type=t.uint32_t, access="rp"),
            f"debt_recovery_method_{n}": ZCLAttributeDef(
                id=base + 2, type=DebtRecoveryMethod, access="r"
            ),
            f"debt_recovery_frequency_{n}": ZCLAttributeDef(
                id=base + 6, type=DebtRecoveryFrequency, access="r"
            ),
            f"debt_recovery_amount_{n}": ZCLAttributeDef(id=base + 7, type=t.uint32_t, access="r"),
            f"debt_recovery_top_up_percentage_{n}": ZCLAttributeDef(
                id=base + 9, type=t.uint16_t, access="r"
            ),
        }
    return table


class GBPrepayment(ReportsUndecodableFrames, Prepayment):
    _skip_registry = False

    class AttributeDefs(BaseAttributeDefs):
        payment_control_configuration: Final = ZCLAttributeDef(
            id=0x0000, type=t.bitmap16, access="r", mandatory=True
        )
        credit_remaining: Final = ZCLAttributeDef(id=0x0001, type=t.int32s, access="rp")
        emergency_credit_remaining: Final = ZCLAttributeDef(id=0x0002, type=t.int32s, access="rp")
        credit_status: Final = ZCLAttributeDef(id=0x0003, type=CreditStatus, access="rp")
        credit_remaining_timestamp: Final = ZCLAttributeDef(id=0x0004, type=t.UTCTime, access="r")
        accumulated_debt: Final = ZCLAttributeDef(id=0x0005, type=t.int32s, access="rp")
        overall_debt_cap: Final = ZCLAttributeDef(id=0x0006, type=t.int32s, access="r")
        emergency_credit_limit: Final = ZCLAttributeDef(id=0x0010, type=t.uint32_t, access="r")
        emergency_credit_threshold: Final = ZCLAttributeDef(id=0x0011, type=t.uint32_t, access="r")
        total_credit_added: Final = ZCLAttributeDef(id=0x0020, type=t.uint48_t, access="r")
        max_credit_limit: Final = ZCLAttributeDef(id=0x0021, type=t.uint32_t, access="r")
        max_credit_per_top_up: Final = ZCLAttributeDef(id=0x0022, type=t.uint32_t, access="r")
        friendly_credit_warning: Final = ZCLAttributeDef(id=0x0030, type=t.uint8_t, access="r")
        low_credit_warning: Final = ZCLAttributeDef(id=0x0031, type=t.uint32_t, access="r")
        ihd_low_credit_warning: Final = ZCLAttributeDef(id=0x0032, type=t.uint32_t, access="r")
        interrupt_suspend_time: Final = ZCLAttributeDef(id=0x0033, type=t.uint8_t, access="r")
        remaining_friendly_credit_time: Final = ZCLAttributeDef(
            id=0x0034, type=t.uint16_t, access="r"
        )
        next_friendly_credit_period: Final = ZCLAttributeDef(id=0x0035, type=t.UTCTime, access="r")
        cut_off_value: Final = ZCLAttributeDef(id=0x0040, type=t.int32s, access="r")
        prepayment_alarm_status: Final = ZCLAttributeDef(
            id=0x0400, type=PrepaymentAlarm, access="rp"
        )
        historical_cost_consumption_formatting: Final = ZCLAttributeDef(
            id=0x0500, type=t.bitmap8, access="r"
        )
        consumption_unit_of_measurement: Final = ZCLAttributeDef(
            id=0x0501, type=t.enum8, access="r"
        )
        currency_scaling_factor: Final = ZCLAttributeDef(id=0x0502, type=t.enum8, access="r")
        currency: Final = ZCLAttributeDef(id=0x0503, type=t.uint16_t, access="r")

    # Cost histories (0x051C…0x055A) as GBCS meters keep them: today and 8 previous days, this
    # week and 5 previous, this month and 13 previous; added below from one table.

    AttributeDefs = type(  # type: ignore[assignment,misc]
        "AttributeDefs", (AttributeDefs,), dict(_cost_history()) | dict(_debts())
    )

    class ServerCommandDefs(BaseCommandDefs):
        select_available_emergency_credit: Final = ZCLCommandDef(
            id=0x00,
            schema={"command_issue_date_time": t.UTCTime, "originating_device": OriginatingDevice},
        )
        emergency_credit_setup: Final = ZCLCommandDef(
            id=0x03,
            schema={
                "issuer_event_id": t.uint32_t,
                "start_time": t.UTCTime,
                "emergency_credit_limit": t.uint32_t,
                "emergency_credit_threshold": t.uint32_t,
            },
        )
        consumer_top_up: Final = ZCLCommandDef(
            id=0x04,
            schema={"originating_device": OriginatingDevice, "top_up_code": t.LVBytes},
        )
        change_payment_mode: Final = ZCLCommandDef(
            id=0x06,
            schema={
                "provider_id": t.uint32_t,
                "issuer_event_id": t.uint32_t,
                "implementation_date_time": t.UTCTime,
                "proposed_payment_control_configuration": t.bitmap16,
                "cut_off_value": t.int32s,
            },
        )

    class ClientCommandDefs(BaseCommandDefs):
        publish_prepay_snapshot: Final = ZCLCommandDef(
            id=0x01,
            schema={
                "snapshot_id": t.uint32_t,
                "snapshot_time": t.UTCTime,
                "total_snapshots_found": t.uint8_t,
                "command_index": t.uint8_t,
                "total_number_of_commands": t.uint8_t,
                "snapshot_cause": t.bitmap32,
                "snapshot_payload_type": t.enum8,
                "snapshot_payload": t.SerializableBytes,
            },
        )
        consumer_top_up_response: Final = ZCLCommandDef(
            id=0x03,
            schema={
                "result_type": t.enum8,
                "top_up_value": t.int32s,
                "source_of_top_up": t.enum8,
                "credit_remaining": t.int32s,
            },
        )
