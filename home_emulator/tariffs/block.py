"""Block tariffs: the price of a kWh depends on how much has been used so far in the block period.

E.g. the first 100 kWh of a month at one price and the rest at another. GB block tariffs have up
to 3 thresholds, so up to 4 block prices; the block counters reset at the start of each block
period – here a local calendar day, Monday-to-Sunday week, or month (Europe/London midnight).

A slot that crosses a threshold is split: the energy up to the threshold is charged at the lower
block's price and the rest at the next one, exactly, in whole Wh. That is also how the energy
divides between the block registers (Metering 0x0700–0x0703).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from itertools import pairwise
from typing import Final, Literal, get_args

import numpy as np
import numpy.typing as npt

from home_emulator.tariffs import local_time as lt
from home_emulator.tariffs.money import (
    WH_PER_KWH,
    Amount,
    check_no_overflow,
    energy_wh,
    to_decimal,
)
from home_emulator.tariffs.rates import MAX_BLOCKS, Rate

BlockPeriod = Literal["day", "week", "month"]
BLOCK_TIER: Final = 1
"""A block tariff has one price tier with up to 4 blocks (GBCS's 4 × 1 block matrix)."""
_NO_LIMIT: Final = np.iinfo(np.int64).max


class Block:
    kind = "block"
    number_of_tiers = 1

    def __init__(
        self,
        name: str,
        block_thresholds_kwh: Sequence[Amount],
        block_prices: Sequence[Amount],
        block_period: BlockPeriod = "month",
        standing_charge: Amount = Decimal("0.6012"),
        *,
        timezone: str = "Europe/London",
    ) -> None:
        if block_period not in get_args(BlockPeriod):
            raise ValueError(f"block period must be day, week or month (got {block_period!r})")
        standing = to_decimal(standing_charge, "standing charge")
        if standing < 0:
            raise ValueError(f"standing charge must not be negative (got £{standing}/day)")
        thresholds = [to_decimal(t, "block threshold") for t in block_thresholds_kwh]
        _check_thresholds(thresholds)
        if len(block_prices) != len(thresholds) + 1:
            raise ValueError(
                f"{len(thresholds)} thresholds need {len(thresholds) + 1} block prices "
                f"(got {len(block_prices)})"
            )
        self.name = name
        self.standing_charge_gbp_per_day = standing
        self.block_period: BlockPeriod = block_period
        self.zone = lt.zone(timezone)
        self.thresholds_kwh: tuple[Decimal, ...] = tuple(thresholds)
        self.thresholds_wh: tuple[int, ...] = tuple(int(t * WH_PER_KWH) for t in thresholds)
        self.rates: tuple[Rate, ...] = tuple(
            Rate(BLOCK_TIER, f"Block {b}", to_decimal(p, f"block {b} price"), block=b)
            for b, p in enumerate(block_prices, start=1)
        )

    @property
    def number_of_blocks(self) -> int:
        return len(self.rates)

    def rate_for(self, consumed_kwh_in_period: float | Decimal) -> Rate:
        """The rate of the next kWh after ``consumed_kwh_in_period`` in this block period: a
        threshold itself belongs to the block above it (the first 100 kWh are block 1)."""
        if consumed_kwh_in_period < 0:
            raise ValueError(
                f"consumption in a block period cannot be negative ({consumed_kwh_in_period})"
            )
        crossed = sum(1 for t in self.thresholds_kwh if consumed_kwh_in_period >= t)
        return self.rates[crossed]

    def period_bounds(self, epoch_s: float) -> tuple[float, float]:
        """(start, end) instants of the block period containing ``epoch_s``."""
        today, _ = lt.clock_of(self.zone, epoch_s)
        if self.block_period == "day":
            first, after = today, today + dt.timedelta(days=1)
        elif self.block_period == "week":
            first = today - dt.timedelta(days=today.weekday())
            after = first + dt.timedelta(days=7)
        else:
            first = today.replace(day=1)
            after = (first + dt.timedelta(days=32)).replace(day=1)
        return lt.local_midnight(self.zone, first), lt.local_midnight(self.zone, after)

    def period_keys(self, slot_starts_s: npt.ArrayLike) -> npt.NDArray[np.int64]:
        """A number per slot that is the same exactly for slots in the same block period."""
        days, _ = lt.local_day_and_clock(self.zone, np.asarray(slot_starts_s, dtype=np.float64))
        if self.block_period == "day":
            return days
        if self.block_period == "week":
            return lt.week_numbers(days)
        return lt.month_numbers(days)

    def split_by_block(
        self,
        slot_starts_s: npt.ArrayLike,
        kwh: npt.ArrayLike,
        *,
        already_consumed_kwh: float = 0.0,
    ) -> npt.NDArray[np.int64]:
        """Wh of each slot in each block, shape (slots, blocks); rows sum to the slot's Wh.

        Consumption accumulates in time order within each block period. ``already_consumed_kwh``
        is what was used in the earliest slot's period before it (for history that starts
        mid-period)."""
        starts = np.asarray(slot_starts_s, dtype=np.float64)
        wh = energy_wh(kwh)
        if starts.ndim != 1 or starts.shape != wh.shape:
            raise ValueError(
                f"slot starts and energy must be 1-D of one length ({starts.shape}, {wh.shape})"
            )
        if np.any(wh < 0):
            raise ValueError("block tariffs price imported energy: kWh must not be negative")
        already = int(energy_wh(already_consumed_kwh))
        if already < 0:
            raise ValueError("already consumed energy must not be negative")
        order = np.argsort(starts, kind="stable")
        wh_sorted = wh[order]
        keys = self.period_keys(starts[order])
        n = wh_sorted.size
        new_period = np.ones(n, dtype=bool)
        new_period[1:] = keys[1:] != keys[:-1]
        period_first = np.maximum.accumulate(np.where(new_period, np.arange(n), 0))
        running = np.cumsum(wh_sorted)
        # Consumed in the period after each slot = running total minus the total before the
        # period's first slot.
        after = running - (running - wh_sorted)[period_first]
        after[period_first == 0] += already
        before = after - wh_sorted
        limits = [0, *self.thresholds_wh, _NO_LIMIT]
        split = np.empty((n, self.number_of_blocks), dtype=np.int64)
        for b in range(self.number_of_blocks):
            low, high = limits[b], limits[b + 1]
            split[:, b] = np.clip(after, low, high) - np.clip(before, low, high)
        result = np.empty_like(split)
        result[order] = split
        return result

    def cost_of_slots(
        self,
        slot_starts_s: npt.ArrayLike,
        kwh: npt.ArrayLike,
        *,
        already_consumed_kwh: float = 0.0,
    ) -> npt.NDArray[np.int64]:
        """Exact cost of each slot in cost units (£1e-7; see ``money``)."""
        split = self.split_by_block(slot_starts_s, kwh, already_consumed_kwh=already_consumed_kwh)
        prices = np.array([r.price_units for r in self.rates], dtype=np.int64)
        check_no_overflow(prices, split)
        costs: npt.NDArray[np.int64] = (split * prices).sum(axis=1)
        return costs

    def tiers_at(self, slot_starts_s: npt.ArrayLike) -> npt.NDArray[np.int8]:
        return np.full(np.shape(slot_starts_s), BLOCK_TIER, dtype=np.int8)

    def __repr__(self) -> str:
        return f"Block({self.name!r}, {list(self.thresholds_kwh)} kWh per {self.block_period})"


def _check_thresholds(thresholds: list[Decimal]) -> None:
    if len(thresholds) > MAX_BLOCKS - 1:
        raise ValueError(f"at most {MAX_BLOCKS - 1} block thresholds (got {len(thresholds)})")
    for t in thresholds:
        if t <= 0:
            raise ValueError(f"block thresholds must be positive (got {t} kWh)")
        if t * WH_PER_KWH != int(t * WH_PER_KWH):
            raise ValueError(f"block thresholds must be whole Wh (got {t} kWh)")
    for low, high in pairwise(thresholds):
        if not low < high:
            raise ValueError(f"block thresholds must increase ({low} kWh then {high} kWh)")
