"""What every tariff is made of: rates, price periods, and the interface of time-priced tariffs."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Protocol

import numpy as np
import numpy.typing as npt

from home_emulator.tariffs.money import check_price, price_on_air, to_decimal

MAX_TIERS: Final = 48
"""GBCS TOU tariffs have up to 48 rates (day-profile actions 1–48)."""
MAX_BLOCKS: Final = 4
"""GBCS block tariffs have up to 3 thresholds, so 4 block prices."""
MAX_RATE_LABEL_OCTETS: Final = 12
"""PublishPrice carries the rate label in at most 12 octets."""


@dataclass(frozen=True)
class Rate:
    """What a unit of energy costs in one period."""

    tier: int
    """1-based price tier, as the Price cluster and the tier registers (Metering 0x0100+) number it."""
    label: str
    """The rate's name on a display: "Day", "Night", "Peak", "Block 2", …"""
    unit_price_gbp_per_kwh: Decimal
    block: int | None = None
    """1-based block for block tariffs (block registers, Metering 0x0700+); None for timed rates."""

    def __post_init__(self) -> None:
        if not 1 <= self.tier <= MAX_TIERS:
            raise ValueError(f"tier must be 1…{MAX_TIERS} (got {self.tier})")
        if self.block is not None and not 1 <= self.block <= MAX_BLOCKS:
            raise ValueError(f"block must be 1…{MAX_BLOCKS} (got {self.block})")
        if len(self.label.encode()) > MAX_RATE_LABEL_OCTETS:
            raise ValueError(
                f"rate label {self.label!r} is longer than the {MAX_RATE_LABEL_OCTETS} octets "
                f"PublishPrice carries"
            )
        price = to_decimal(self.unit_price_gbp_per_kwh, f"unit price of {self.label!r}")
        object.__setattr__(self, "unit_price_gbp_per_kwh", check_price(price, self.label))

    @property
    def price_units(self) -> int:
        """The unit price in £0.0001 per kWh, exactly (prices are held to £0.0001)."""
        return price_on_air(self.unit_price_gbp_per_kwh)


@dataclass(frozen=True)
class PricePeriod:
    """One entry of a price schedule, as PublishPrice carries it.

    ``start_s`` is ``-math.inf`` for a price that has always applied and ``end_s`` is ``math.inf``
    for one that applies until changed (a single-rate tariff's only period is both)."""

    start_s: float
    end_s: float
    rate: Rate

    def __post_init__(self) -> None:
        if not self.start_s < self.end_s:
            raise ValueError(
                f"a price period must end after it starts ({self.start_s}, {self.end_s})"
            )

    def contains(self, epoch_s: float) -> bool:
        return self.start_s <= epoch_s < self.end_s


class Tariff(Protocol):
    """A tariff whose price depends only on the time: single rate, time of use, Agile.

    (Block tariffs price by consumption in the block period as well, so they have their own
    interface, :class:`~home_emulator.tariffs.block.Block`.)"""

    @property
    def kind(self) -> str: ...  # "single" or "time_of_use"
    @property
    def name(self) -> str: ...
    @property
    def standing_charge_gbp_per_day(self) -> Decimal: ...
    @property
    def number_of_tiers(self) -> int: ...

    def rate_at(self, epoch_s: float) -> Rate: ...

    def next_change_after(self, epoch_s: float) -> float | None:
        """The first instant after ``epoch_s`` with another rate (None: no change is coming)."""
        ...

    def last_change_at_or_before(self, epoch_s: float) -> float | None:
        """When the rate in force at ``epoch_s`` began (None: it always applied)."""
        ...

    def schedule(self, start_s: float, end_s: float) -> list[PricePeriod]:
        """The price periods covering [start_s, end_s): for PublishPrice / GetScheduledPrices."""
        ...

    def unit_prices(self, slot_starts_s: npt.ArrayLike) -> npt.NDArray[np.int64]:
        """Unit price in £0.0001/kWh at each slot start, vectorised for costing history."""
        ...

    def tiers_at(self, slot_starts_s: npt.ArrayLike) -> npt.NDArray[np.int8]:
        """Price tier (= tier register) at each slot start, vectorised."""
        ...


_MAX_PERIODS: Final = 100_000


def build_schedule(tariff: Tariff, start_s: float, end_s: float) -> list[PricePeriod]:
    """Contiguous price periods from the one in force at ``start_s`` to the one in force just
    before ``end_s``, each with its true bounds (not clipped to the span)."""
    if not start_s < end_s:
        raise ValueError(f"a schedule needs start < end (got {start_s}, {end_s})")
    last = tariff.last_change_at_or_before(start_s)
    period_start = -math.inf if last is None else last
    at = start_s
    periods: list[PricePeriod] = []
    while len(periods) < _MAX_PERIODS:
        change = tariff.next_change_after(at)
        period_end = math.inf if change is None else change
        periods.append(PricePeriod(period_start, period_end, tariff.rate_at(at)))
        if period_end >= end_s:
            return periods
        at = period_start = period_end
    raise ValueError(f"more than {_MAX_PERIODS} price periods between {start_s} and {end_s}")
