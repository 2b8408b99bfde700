"""What each 10-second slot of energy costs, the same way live and in bulk history.

A slot is priced at the rate in force at its start. Time-priced tariffs look the rate up by time
(cached until the next switch, since a meter asks every 10 s); block tariffs also need what has been
used so far in the block period, counted in joules so that live stepping and vectorised backfill
agree exactly.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from home_emulator.tariffs import AnyTariff, Block, Rate


class SlotPricer:
    def __init__(self, tariff: AnyTariff) -> None:
        self.tariff = tariff
        self._rate: Rate | None = None
        self._valid_from = float("inf")
        self._valid_until = float("-inf")
        self._period_end = float("-inf")
        self.period_joules = 0
        """Energy used so far in the current block period (block tariffs only)."""

    def rate(self, slot_start_s: float) -> Rate:
        tariff = self.tariff
        if isinstance(tariff, Block):
            if slot_start_s >= self._period_end:
                _, self._period_end = tariff.period_bounds(slot_start_s)
                self.period_joules = 0
            crossed = sum(1 for wh in tariff.thresholds_wh if self.period_joules >= wh * 3600)
            return tariff.rates[crossed]
        if not self._valid_from <= slot_start_s < self._valid_until:
            self._rate = tariff.rate_at(slot_start_s)
            self._valid_from = slot_start_s
            following = tariff.next_change_after(slot_start_s)
            self._valid_until = float("inf") if following is None else following
        assert self._rate is not None
        return self._rate

    def used(self, joules: int) -> None:
        self.period_joules += joules


def slot_prices(
    tariff: AnyTariff, slot_starts_s: npt.NDArray[np.float64], joules: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int8]]:
    """Price units (£0.0001/kWh) and tier for every slot: the bulk twin of ``SlotPricer``.

    For block tariffs the consumption before each slot in its period decides its block, exactly as
    ``SlotPricer`` counts it live (a history must start at a block period's start)."""
    if not isinstance(tariff, Block):
        return tariff.unit_prices(slot_starts_s), tariff.tiers_at(slot_starts_s)
    keys = tariff.period_keys(slot_starts_s)
    n = keys.size
    new_period = np.ones(n, dtype=bool)
    new_period[1:] = keys[1:] != keys[:-1]
    first_of_period = np.maximum.accumulate(np.where(new_period, np.arange(n), 0))
    running = np.cumsum(joules) - joules  # before each slot
    before = running - running[first_of_period]
    thresholds_j = np.array(tariff.thresholds_wh, dtype=np.int64) * 3600
    block = np.searchsorted(thresholds_j, before, side="right")
    prices = np.array([rate.price_units for rate in tariff.rates], dtype=np.int64)
    return prices[block], tariff.tiers_at(slot_starts_s)
