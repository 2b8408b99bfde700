"""Metering (0x0702) with the GB history attributes zigpy does not define.

zigpy's Metering stops at CurrentDay/PreviousDay consumption. GBCS meters also expose previous days
2–8, current and five previous weeks, current and thirteen previous months, and the same sets in the
alternative unit (kWh for gas meters, whose main unit is m³). Ids and types follow ZSE 1.4
(tests/fixtures/zse/ holds the table they are checked against).
"""

from __future__ import annotations

from typing import Final

import zigpy.types as t
from zigpy.zcl.clusters.smartenergy import Metering
from zigpy.zcl.foundation import ZCLAttributeDef

from han.clusters.undecodable import ReportsUndecodableFrames


def _history(
    base: int, first: int, last: int, prefix: str, kind: type = t.uint24_t
) -> dict[str, ZCLAttributeDef]:
    """Consumption history attributes: ``base + 2·(n − first)`` for n in first…last (delivered)."""
    return {
        f"{prefix}{n}_consumption_delivered": ZCLAttributeDef(
            id=base + 2 * (n - first), type=kind, access="rp"
        )
        for n in range(first, last + 1)
    }


_GB_HISTORY: Final[dict[str, ZCLAttributeDef]] = {
    **_history(0x0420, 2, 8, "previous_day"),
    "current_week_consumption_delivered": ZCLAttributeDef(id=0x0430, type=t.uint24_t, access="rp"),
    **_history(0x0432, 1, 5, "previous_week"),
    # Months are uint32 in ZSE: a month of a large home overflows a day's or week's uint24.
    "current_month_consumption_delivered": ZCLAttributeDef(id=0x0440, type=t.uint32_t, access="rp"),
    **_history(0x0442, 1, 13, "previous_month", t.uint32_t),
    # Alternative unit (kWh) set: how a gas mirror reports energy next to its m³ registers.
    "current_day_alternative_consumption_delivered": ZCLAttributeDef(
        id=0x0C01, type=t.uint24_t, access="rp"
    ),
    "previous_day_alternative_consumption_delivered": ZCLAttributeDef(
        id=0x0C03, type=t.uint24_t, access="rp"
    ),
    **_history(0x0C20, 2, 8, "previous_day_alternative"),
    "current_week_alternative_consumption_delivered": ZCLAttributeDef(
        id=0x0C30, type=t.uint24_t, access="rp"
    ),
    **_history(0x0C32, 1, 5, "previous_week_alternative"),
    "current_month_alternative_consumption_delivered": ZCLAttributeDef(
        id=0x0C40, type=t.uint32_t, access="rp"
    ),
    **_history(0x0C42, 1, 13, "previous_month_alternative", t.uint32_t),
}

_GBAttributeDefs = type("AttributeDefs", (Metering.AttributeDefs,), dict(_GB_HISTORY))


class GBMetering(ReportsUndecodableFrames, Metering):
    """Metering as GB ESMEs and the gas proxy's mirror serve it."""

    _skip_registry = False
    AttributeDefs = _GBAttributeDefs  # type: ignore[assignment]
