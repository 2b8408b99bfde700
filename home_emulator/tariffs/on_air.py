"""A price period as the Price cluster's PublishPrice command writes it (ZSE, GB HAN).

Field names follow ``GBPrice.ClientCommandDefs.publish_price`` in ``han/clusters/price.py``.
"""

from __future__ import annotations

import math
from typing import Any, Final

import zigpy.types as t

from han.clusters.price import CURRENCY_GBP
from home_emulator.tariffs.money import PRICE_TRAILING_DIGITS, price_on_air
from home_emulator.tariffs.rates import PricePeriod

ZIGBEE_EPOCH_S: Final = 946_684_800
"""2000-01-01 00:00 UTC in Unix seconds: ZigBee UTC time counts from there."""
UNTIL_CHANGED: Final = 0xFFFF
"""PublishPrice duration meaning "until changed"."""
NIBBLE_MAX: Final = 0x0F
UNIT_KWH: Final = 0
_UINT32_MAX: Final = 0xFFFF_FFFF


def zigbee_time(epoch_s: float) -> int:
    """Unix seconds as ZigBee UTC time (whole seconds since 2000-01-01 UTC)."""
    value = math.floor(epoch_s) - ZIGBEE_EPOCH_S
    if not 0 <= value <= _UINT32_MAX:
        raise ValueError(f"{epoch_s} is outside ZigBee UTC time (2000-01-01 … 2136)")
    return value


def publish_price_fields(
    period: PricePeriod,
    now_s: float,
    provider_id: int,
    issuer_event_id: int,
    number_of_tiers: int,
) -> dict[str, Any]:
    """The fields of PublishPrice for ``period``, sent at ``now_s``.

    - ``start_time`` is the period's true start, or 0 ("now") for a price that has always applied;
      ``duration_in_minutes`` runs from there to the period's end, rounded up to whole minutes,
      or is 0xFFFF ("until changed") for an open-ended period – and for one too long to count in
      16 bits (the next change is published when it comes).
    - The price is in £0.0001 (4 trailing digits). The Price cluster's price is unsigned, so a
      negative price (Agile on a windy night) goes on the air as 0: the cluster has no sign.
    - Tiers: the high nibbles carry the 4 trailing digits and the number of tiers, the low nibbles
      the price tier and the register tier (the same here: energy goes into the register of the
      tier it is priced at). A nibble holds at most 15; ZSE moves larger tiers to extended fields
      that this project's PublishPrice schema does not define, so a tariff with more than 15 tiers
      (Agile's 48) is published tier-less: tier nibbles 0, the rate label naming the half-hour.
    """
    if not 0 <= provider_id <= _UINT32_MAX or not 0 <= issuer_event_id <= _UINT32_MAX:
        raise ValueError("provider id and issuer event id are 32-bit unsigned")
    tier = period.rate.tier
    if number_of_tiers < 1 or tier > number_of_tiers:
        raise ValueError(f"tier {tier} is not among the tariff's {number_of_tiers} tiers")
    if number_of_tiers > NIBBLE_MAX:
        tier = tiers_nibble = 0
    else:
        tiers_nibble = number_of_tiers
    if math.isfinite(period.start_s):
        start_s = period.start_s
        start_time = zigbee_time(start_s)
    else:
        start_s, start_time = now_s, 0
    if math.isfinite(period.end_s):
        minutes = math.ceil((period.end_s - start_s) / 60)
        duration = minutes if minutes < UNTIL_CHANGED else UNTIL_CHANGED
    else:
        duration = UNTIL_CHANGED
    price = max(0, price_on_air(period.rate.unit_price_gbp_per_kwh))
    if price > _UINT32_MAX:
        raise ValueError(f"£{period.rate.unit_price_gbp_per_kwh}/kWh does not fit PublishPrice")
    return {
        "provider_id": provider_id,
        "rate_label": t.LVBytes(period.rate.label.encode()),
        "issuer_event_id": issuer_event_id,
        "current_time": zigbee_time(now_s),
        "unit_of_measure": UNIT_KWH,
        "currency": CURRENCY_GBP,
        "price_trailing_digit_and_tier": (PRICE_TRAILING_DIGITS << 4) | tier,
        "number_of_tiers_and_register_tier": (tiers_nibble << 4) | tier,
        "start_time": start_time,
        "duration_in_minutes": duration,
        "price": price,
    }
