"""Tariffs as the emulated meters hold them, and how they are written on the air."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

PRICE_TRAILING_DIGITS: Final = 4
"""Prices go on the air in units of £0.0001: enough for the tenths of a penny GB tariffs use."""


@dataclass(frozen=True)
class SingleRateTariff:
    unit_price_gbp_per_kwh: Decimal = Decimal("0.2450")
    standing_charge_gbp_per_day: Decimal = Decimal("0.6012")
    label: str = "Standard"

    @staticmethod
    def on_air(amount_gbp: Decimal) -> int:
        return int((amount_gbp * 10**PRICE_TRAILING_DIGITS).to_integral_value())
