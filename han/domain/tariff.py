"""The tariff as a display knows it: the prices the meter published, now and next, and the standing charge.

A meter publishes prices as periods (PublishPrice: price, rate label, tier, start, duration). A period
that starts in the future is the *next* price; once its start has passed it is the current one – the
model knows that without a new frame: ``Tariff.price_at(han_time)`` answers for any moment. A newer
publication for the same stretch of time replaces the older one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from han.measured import Measured

KEPT_FOR_S = 24 * 3600
"""How long a display keeps a period after it ended: long enough to draw the whole of today."""


@dataclass(frozen=True, slots=True)
class PricePeriod:
    """One published price and when it applies (epoch seconds, HAN time)."""

    unit_price_gbp_per_kwh: Decimal
    rate_label: str
    """The name the supplier gives the rate: "Day", "Night", "Peak", "Block 2", …"""
    tier: int | None
    """The price tier (1-based; the tier register its energy goes to); None for a tier-less tariff."""
    number_of_tiers: int | None
    start_s: float | None
    """None: in force since before the meter said (a price published as starting "now")."""
    end_s: float | None
    """None: until changed."""
    issuer_event_id: int = 0

    @property
    def _start(self) -> float:
        return -math.inf if self.start_s is None else self.start_s

    @property
    def _end(self) -> float:
        return math.inf if self.end_s is None else self.end_s

    def covers(self, han_s: float) -> bool:
        return self._start <= han_s < self._end

    def overlaps(self, other: PricePeriod) -> bool:
        return self._start < other._end and other._start < self._end

    def ended_by(self, han_s: float) -> bool:
        return self._end <= han_s


@dataclass(slots=True)
class Tariff:
    """What one meter's Price server has published, and what its Prepayment/Price attributes say."""

    unit_price_gbp_per_kwh: Measured[Decimal] | None = None
    """The current unit price as last published (views use it; ``price_at`` also knows the future)."""
    standing_charge_gbp_per_day: Measured[Decimal] | None = None
    schedule: tuple[PricePeriod, ...] = ()
    """Every period of the past day, current or to come, in order of start (a chart of today
    needs the half hours already gone)."""
    as_of_s: float | None = None
    """The meter's own time in its latest publication: what "current" and "next" refer to."""
    calorific_value_mj_per_m3: Measured[Decimal] | None = None
    """Gas only: the energy in a cubic metre, for converting volume to kWh."""
    volume_correction: Measured[Decimal] | None = None
    """Gas only: the conversion factor (1.02264 in GB) applied with the calorific value."""

    # Questions a view asks -------------------------------------------------------------------

    def price_at(self, han_s: float) -> PricePeriod | None:
        """The price in force at ``han_s`` as far as the meter has said; None if it has not."""
        covering = [period for period in self.schedule if period.covers(han_s)]
        return max(covering, key=lambda period: period._start, default=None)

    def next_after(self, han_s: float) -> PricePeriod | None:
        """The first known price to start after ``han_s`` (None if the meter has not said)."""
        later = [p for p in self.schedule if p.start_s is not None and p.start_s > han_s]
        return min(later, key=lambda period: period._start, default=None)

    @property
    def current(self) -> PricePeriod | None:
        return None if self.as_of_s is None else self.price_at(self.as_of_s)

    @property
    def next(self) -> PricePeriod | None:
        return None if self.as_of_s is None else self.next_after(self.as_of_s)

    @property
    def rate_label(self) -> str | None:
        current = self.current
        return current.rate_label if current is not None else None

    @property
    def tier(self) -> int | None:
        current = self.current
        return current.tier if current is not None else None

    # What the link tells it ------------------------------------------------------------------

    def publish(self, period: PricePeriod, *, meter_time_s: float, received_at: float) -> bool:
        """Take in one PublishPrice; True when it is the current price (``unit_price`` updated)."""
        self.as_of_s = meter_time_s if self.as_of_s is None else max(self.as_of_s, meter_time_s)
        kept = [
            known
            for known in self.schedule
            if not known.overlaps(period) and not known.ended_by(self.as_of_s - KEPT_FOR_S)
        ]
        kept.append(period)
        kept.sort(key=lambda known: known._start)
        self.schedule = tuple(kept)
        if not period.covers(meter_time_s):
            return False
        self.unit_price_gbp_per_kwh = Measured(period.unit_price_gbp_per_kwh, received_at)
        return True
