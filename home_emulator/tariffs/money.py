"""Money and energy units, and the one place where rounding happens.

- Prices are ``Decimal`` pounds per kWh held to £0.0001 – the resolution they have on the air
  (``PRICE_TRAILING_DIGITS`` = 4) – so a price is also an exact integer of *price units*.
- Energy for costing is whole Wh: the meter's summation registers go on the air in Wh (divisor
  1000), so that is the finest energy a bill can be built from.
- A slot's cost is price units × Wh, an exact integer in *cost units* of £0.0001 / 1000 = £1e-7.
  Costs are summed in cost units and turned into pounds only at the end, so a month of
  half-hours costs exactly what the per-slot Decimal arithmetic says; rounding to pennies for
  display or billing is the caller's one rounding step.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Final

import numpy as np
import numpy.typing as npt

PRICE_TRAILING_DIGITS: Final = 4
PRICE_UNITS_PER_GBP: Final = 10**PRICE_TRAILING_DIGITS
WH_PER_KWH: Final = 1000
COST_UNITS_PER_GBP: Final = PRICE_UNITS_PER_GBP * WH_PER_KWH
"""Cost units (£1e-7) per pound: price units (£0.0001/kWh) × Wh."""
_COST_DIGITS: Final = PRICE_TRAILING_DIGITS + 3  # 10**3 Wh per kWh

_PRICE_QUANTUM: Final = Decimal(1).scaleb(-PRICE_TRAILING_DIGITS)

Amount = Decimal | int | str | float
"""Anything that reads as a number; floats go through their shortest repr so 0.245 means 0.245."""


def to_decimal(value: Amount, what: str) -> Decimal:
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{what} must be a number (got {value!r})") from None
    if not amount.is_finite():
        raise ValueError(f"{what} must be finite (got {value!r})")
    return amount


def check_price(price: Decimal, what: str) -> Decimal:
    """A unit price must be a whole number of £0.0001, as the meter holds and publishes it."""
    if price != price.quantize(_PRICE_QUANTUM):
        raise ValueError(
            f"{what} £{price}/kWh has more than {PRICE_TRAILING_DIGITS} decimal places; "
            f"meters hold prices in £0.0001"
        )
    return price


def price_on_air(amount_gbp: Decimal) -> int:
    """Pounds as an integer of £0.0001, rounding half up (half away from zero for negatives)."""
    return int((amount_gbp * PRICE_UNITS_PER_GBP).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def energy_wh(kwh: npt.ArrayLike) -> npt.NDArray[np.int64]:
    """kWh (floats) as whole Wh, rounded to the nearest Wh (halves to even, numpy's rint).

    This is the single rounding of energy in costing; history from the meter is in whole Wh
    already, so it is exact for it."""
    values = np.asarray(kwh, dtype=np.float64)
    if not np.all(np.isfinite(values)):
        raise ValueError("energy must be finite kWh")
    return np.rint(values * WH_PER_KWH).astype(np.int64)


def cost_units_to_gbp(cost_units: int | np.integer) -> Decimal:
    """Exact pounds from cost units (£1e-7)."""
    return Decimal(int(cost_units)).scaleb(-_COST_DIGITS)


def check_no_overflow(price_units: npt.NDArray[np.int64], wh: npt.NDArray[np.int64]) -> None:
    """Refuse products that would not fit int64 rather than wrap silently."""
    if price_units.size and wh.size:
        largest = int(np.abs(price_units).max()) * int(np.abs(wh).max())
        if largest >= 2**62:
            raise ValueError("prices × energy too large to cost exactly in 64-bit integers")
