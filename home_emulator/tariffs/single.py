"""A single-rate tariff: one price at all times (the emulator's default, as in ``tariff.py``)."""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np
import numpy.typing as npt

from home_emulator.tariffs.money import Amount, to_decimal
from home_emulator.tariffs.rates import PricePeriod, Rate


class SingleRate:
    kind = "single"
    number_of_tiers = 1

    def __init__(
        self,
        unit_price: Amount = Decimal("0.2450"),
        standing_charge: Amount = Decimal("0.6012"),
        name: str = "Single rate",
        *,
        label: str = "Standard",
    ) -> None:
        standing = to_decimal(standing_charge, "standing charge")
        if standing < 0:
            raise ValueError(f"standing charge must not be negative (got £{standing}/day)")
        self.name = name
        self.standing_charge_gbp_per_day = standing
        self.rate = Rate(1, label, to_decimal(unit_price, "unit price"))

    @property
    def unit_price_gbp_per_kwh(self) -> Decimal:
        return self.rate.unit_price_gbp_per_kwh

    def rate_at(self, epoch_s: float) -> Rate:
        return self.rate

    def next_change_after(self, epoch_s: float) -> float | None:
        return None

    def last_change_at_or_before(self, epoch_s: float) -> float | None:
        return None

    def schedule(self, start_s: float, end_s: float) -> list[PricePeriod]:
        if not start_s < end_s:
            raise ValueError(f"a schedule needs start < end (got {start_s}, {end_s})")
        return [PricePeriod(-math.inf, math.inf, self.rate)]

    def unit_prices(self, slot_starts_s: npt.ArrayLike) -> npt.NDArray[np.int64]:
        return np.full(np.shape(slot_starts_s), self.rate.price_units, dtype=np.int64)

    def tiers_at(self, slot_starts_s: npt.ArrayLike) -> npt.NDArray[np.int8]:
        return np.ones(np.shape(slot_starts_s), dtype=np.int8)

    def __repr__(self) -> str:
        return (
            f"SingleRate({self.unit_price_gbp_per_kwh}, {self.standing_charge_gbp_per_day}, "
            f"{self.name!r})"
        )
