"""Costing history and bills: energy per slot × the tariff's price, exactly.

Every function here works on any tariff, time-priced or block. A slot is priced at the rate in
force at its *start*: half-hour history on half-hour-aligned tariffs never straddles a switch; with
a switching offset, use slots short enough (the meter's 10-s slots) for the approximation not to
matter, or align them to the offset.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import numpy.typing as npt

from home_emulator.tariffs.block import Block
from home_emulator.tariffs.money import check_no_overflow, cost_units_to_gbp, energy_wh
from home_emulator.tariffs.rates import Tariff

AnyTariff = Tariff | Block


def cost_of(
    tariff: AnyTariff, slot_starts_s: npt.ArrayLike, kwh: npt.ArrayLike
) -> npt.NDArray[np.int64]:
    """Exact cost of each slot, in cost units of £1e-7 (= £0.0001/kWh × 1 Wh).

    Energy is taken in whole Wh (the meter's register resolution) and prices are whole £0.0001,
    so each slot's cost is an exact integer and sums of them are exact; convert a total with
    :func:`total_cost_gbp` or ``cost_units_to_gbp`` and round to pennies only for display."""
    if isinstance(tariff, Block):
        return tariff.cost_of_slots(slot_starts_s, kwh)
    starts = np.asarray(slot_starts_s, dtype=np.float64)
    wh = energy_wh(kwh)
    if starts.shape != wh.shape:
        raise ValueError(f"slot starts and energy differ in shape ({starts.shape}, {wh.shape})")
    prices = tariff.unit_prices(starts)
    check_no_overflow(prices, wh)
    costs: npt.NDArray[np.int64] = prices * wh
    return costs


def total_cost_gbp(tariff: AnyTariff, slot_starts_s: npt.ArrayLike, kwh: npt.ArrayLike) -> Decimal:
    """Exact energy cost of all the slots in pounds (no rounding: round to pennies when shown)."""
    return cost_units_to_gbp(int(cost_of(tariff, slot_starts_s, kwh).sum()))


def tiers_for(tariff: AnyTariff, slot_starts_s: npt.ArrayLike) -> npt.NDArray[np.int8]:
    """The tier register (1-based; Metering 0x0100 + 2 × (tier − 1)) each slot's energy goes into."""
    return tariff.tiers_at(slot_starts_s)


def standing_charge_for_days(tariff: AnyTariff, n_days: int) -> Decimal:
    """Standing charge for ``n_days`` whole days (it accrues per day, also while nobody is home)."""
    if isinstance(n_days, bool) or not isinstance(n_days, int | np.integer) or n_days < 0:
        raise ValueError(f"number of days must be a whole number ≥ 0 (got {n_days!r})")
    return tariff.standing_charge_gbp_per_day * int(n_days)
