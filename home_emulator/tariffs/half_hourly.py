"""An Agile-like tariff: 48 half-hourly rates, a different price every half hour of every day.

Prices are deterministic from (seed, local date) alone, so any day – next Tuesday, or a day two
years back in the history – can be priced without computing the days around it. The shape is a
plausible GB day-ahead one: cheap overnight, a morning shoulder, the 16:00–19:00 peak, dearer in
winter; on windy nights prices fall and can go below zero; occasional peak spikes; capped at £1.

Tiers are the clock half-hours: tier 1 is 00:00–00:30, tier 48 is 23:30–24:00. When clocks go
forward the 01:00–02:00 tiers (3 and 4) do not happen; when they go back they happen twice, at the
same prices – the day has the 48 rates of its date.

Negative prices are real money (the supplier pays for the energy) and are kept as such here; the
Price cluster carries unsigned prices, so :func:`~home_emulator.tariffs.on_air.publish_price_fields`
publishes them as 0.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Final

import numpy as np

from home_emulator.tariffs.day_profile import DayProfile, DayProfileTariff, ProfileEntry
from home_emulator.tariffs.money import Amount, to_decimal
from home_emulator.tariffs.rates import MAX_TIERS, Rate

HALF_HOUR_S: Final = 1800
HALF_HOURS_PER_DAY: Final = 48

# Typical summer-ish day in £/kWh at clock hours; winter scales it up. Peak is 16:00–19:00.
_SHAPE_HOURS: Final = np.array([0, 2, 4, 5.5, 7, 9, 12, 14, 15.5, 16, 17.5, 18.5, 19, 21, 24])
_SHAPE_GBP: Final = np.array(
    [0.16, 0.135, 0.125, 0.14, 0.22, 0.25, 0.21, 0.20, 0.24, 0.38, 0.44, 0.40, 0.29, 0.24, 0.16]
)
_PEAK: Final = slice(32, 38)  # half-hours 16:00 … 18:30
_WINDY_DAYS: Final = 0.85  # above this day-level draw the wind starts to push prices down
_WIND_NIGHT_CUT_GBP: Final = 0.24  # on the windiest nights enough to go below zero
_WIND_DAY_CUT_GBP: Final = 0.06
_NOISE_GBP: Final = 0.03
_SPIKE_CHANCE: Final = 0.03
_SPIKE_FACTOR: Final = 1.9
_QUANTUM: Final = Decimal("0.0001")


class Agile(DayProfileTariff):
    def __init__(
        self,
        seed: int,
        *,
        name: str = "Agile",
        standing_charge: Amount = Decimal("0.4789"),
        cap: Amount = Decimal("1.0000"),
        timezone: str = "Europe/London",
    ) -> None:
        super().__init__(
            kind="time_of_use",
            name=name,
            standing_charge_gbp_per_day=to_decimal(standing_charge, "standing charge"),
            number_of_tiers=MAX_TIERS,
            timezone=timezone,
        )
        self.seed = seed
        self.cap = to_decimal(cap, "price cap")
        if self.cap <= 0:
            raise ValueError(f"the price cap must be positive (got £{self.cap}/kWh)")

    def prices_for(self, local_date: dt.date) -> tuple[Decimal, ...]:
        """The 48 half-hourly prices of a local date, in clock order."""
        return _day_prices(self.seed, local_date, self.cap)

    def day_profile(self, local_date: dt.date) -> DayProfile:
        return _day_profile(self.seed, local_date, self.cap)

    def __repr__(self) -> str:
        return f"Agile(seed={self.seed}, {self.zone.key})"


def agile(
    seed: int = 0,
    *,
    standing_charge: Amount = Decimal("0.4789"),
    cap: Amount = Decimal("1.0000"),
    timezone: str = "Europe/London",
) -> Agile:
    """The Agile-like preset (see :class:`Agile`)."""
    return Agile(seed, standing_charge=standing_charge, cap=cap, timezone=timezone)


def half_hour_label(half_hour: int) -> str:
    hours, halves = divmod(half_hour, 2)
    return f"Agile {hours:02d}:{30 * halves:02d}"


@lru_cache(maxsize=1024)
def _day_profile(seed: int, local_date: dt.date, cap: Decimal) -> DayProfile:
    prices = _day_prices(seed, local_date, cap)
    return tuple(
        ProfileEntry(h * HALF_HOUR_S, Rate(h + 1, half_hour_label(h), price))
        for h, price in enumerate(prices)
    )


@lru_cache(maxsize=1024)
def _day_prices(seed: int, local_date: dt.date, cap: Decimal) -> tuple[Decimal, ...]:
    draws = _uniforms(seed, local_date, HALF_HOURS_PER_DAY + 2)
    noise, wind_draw, spike_draw = draws[:HALF_HOURS_PER_DAY], draws[-2], draws[-1]
    hours = np.arange(HALF_HOURS_PER_DAY) / 2
    winter = 0.5 * (1 + math.cos(2 * math.pi * (local_date.timetuple().tm_yday - 355) / 365.25))
    prices = np.interp(hours, _SHAPE_HOURS, _SHAPE_GBP) * (0.92 + 0.14 * winter)
    prices += (noise - 0.5) * _NOISE_GBP
    windy = max(0.0, (wind_draw - _WINDY_DAYS) / (1 - _WINDY_DAYS))
    day_weight = 1 - _night_weight(hours)
    day_weight[_PEAK] = 0  # the evening peak keeps its price however windy
    prices -= windy * (_WIND_NIGHT_CUT_GBP * _night_weight(hours) + _WIND_DAY_CUT_GBP * day_weight)
    if spike_draw > 1 - _SPIKE_CHANCE:
        prices[_PEAK] *= _SPIKE_FACTOR
    bound = float(cap)
    return tuple(
        min(max(Decimal(p).quantize(_QUANTUM, rounding=ROUND_HALF_UP), -cap), cap)
        for p in np.clip(prices, -bound, bound).tolist()
    )


def _night_weight(hours: np.ndarray) -> np.ndarray:
    """How much of the night-time wind cut lands on each half-hour: all of it until 05:00, fading
    to none by 07:00 as demand picks up."""
    return np.clip((7 - hours) / 2, 0, 1)


def _uniforms(seed: int, local_date: dt.date, count: int) -> np.ndarray:
    """``count`` uniform draws in [0, 1) from (seed, date) alone: a hash rather than a random
    generator, so they do not depend on numpy's generator algorithms or on other days."""
    digest = hashlib.shake_256(f"agile/{seed}/{local_date.isoformat()}".encode()).digest(4 * count)
    return np.frombuffer(digest, dtype="<u4").astype(np.float64) / 2**32
