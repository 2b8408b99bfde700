"""Price (0x0700): what a unit of energy costs now and next, and the standing charge.

Prices travel as integers in the currency's base unit (pounds for currency 826) with a separate count
of trailing digits – a price of 2450 with 4 trailing digits is £0.2450 per kWh.
"""

from __future__ import annotations

from typing import Final

import zigpy.types as t
from zigpy.zcl.clusters.smartenergy import Price
from zigpy.zcl.foundation import BaseAttributeDefs, BaseCommandDefs, ZCLAttributeDef, ZCLCommandDef

from han.clusters.undecodable import ReportsUndecodableFrames

CURRENCY_GBP: Final = 826


class GBPrice(ReportsUndecodableFrames, Price):
    _skip_registry = False

    class AttributeDefs(BaseAttributeDefs):
        block1_threshold: Final = ZCLAttributeDef(id=0x0100, type=t.uint48_t, access="r")
        block2_threshold: Final = ZCLAttributeDef(id=0x0101, type=t.uint48_t, access="r")
        block3_threshold: Final = ZCLAttributeDef(id=0x0102, type=t.uint48_t, access="r")
        standing_charge: Final = ZCLAttributeDef(id=0x0301, type=t.uint32_t, access="r")
        conversion_factor: Final = ZCLAttributeDef(id=0x0302, type=t.uint32_t, access="r")
        conversion_factor_trailing_digit: Final = ZCLAttributeDef(
            id=0x0303, type=t.bitmap8, access="r"
        )
        calorific_value: Final = ZCLAttributeDef(id=0x0304, type=t.uint32_t, access="r")
        calorific_value_unit: Final = ZCLAttributeDef(id=0x0305, type=t.enum8, access="r")
        calorific_value_trailing_digit: Final = ZCLAttributeDef(
            id=0x0306, type=t.bitmap8, access="r"
        )
        unit_of_measure: Final = ZCLAttributeDef(id=0x0615, type=t.enum8, access="r")
        currency: Final = ZCLAttributeDef(id=0x0616, type=t.uint16_t, access="r")
        price_trailing_digit: Final = ZCLAttributeDef(id=0x0617, type=t.bitmap8, access="r")

    class ServerCommandDefs(BaseCommandDefs):
        get_current_price: Final = ZCLCommandDef(id=0x00, schema={"command_options": t.bitmap8})
        get_scheduled_prices: Final = ZCLCommandDef(
            id=0x01, schema={"start_time": t.UTCTime, "number_of_events": t.uint8_t}
        )

    class ClientCommandDefs(BaseCommandDefs):
        publish_price: Final = ZCLCommandDef(
            id=0x00,
            schema={
                "provider_id": t.uint32_t,
                "rate_label": t.LVBytes,
                "issuer_event_id": t.uint32_t,
                "current_time": t.UTCTime,
                "unit_of_measure": t.enum8,
                "currency": t.uint16_t,
                # High nibble: trailing digits of the price; low nibble: the price tier.
                "price_trailing_digit_and_tier": t.uint8_t,
                # High nibble: number of tiers; low nibble: the register tier in use.
                "number_of_tiers_and_register_tier": t.uint8_t,
                "start_time": t.UTCTime,
                "duration_in_minutes": t.uint16_t,
                "price": t.uint32_t,
                "price_ratio?": t.uint8_t,
                "generation_price?": t.uint32_t,
                "generation_price_ratio?": t.uint8_t,
                "alternate_cost_delivered?": t.uint32_t,
                "alternate_cost_unit?": t.enum8,
                "alternate_cost_trailing_digit?": t.uint8_t,
                "number_of_block_thresholds?": t.uint8_t,
                "price_control?": t.bitmap8,
            },
        )
