"""A randomised switching offset: the same tariff with every switch moved later by 0–1799 s.

Meters can delay their switching by a per-meter random offset so that a whole region's storage
heaters and tariff registers do not switch in the same second and spike the load. (The project's
notes find the randomisation documented for auxiliary load control switches; the 0–1799 s range
is the brief's, not a confirmed GBCS figure.)
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Final

import numpy as np
import numpy.typing as npt

from home_emulator.tariffs.rates import PricePeriod, Rate, Tariff

MAX_SWITCH_OFFSET_S: Final = 1799


class SwitchOffset:
    """``base`` with every price change ``offset_s`` seconds later."""

    def __init__(self, base: Tariff, offset_s: int) -> None:
        self.base = base
        self.offset_s = offset_s

    @property
    def kind(self) -> str:
        return self.base.kind

    @property
    def name(self) -> str:
        return self.base.name

    @property
    def standing_charge_gbp_per_day(self) -> Decimal:
        return self.base.standing_charge_gbp_per_day

    @property
    def number_of_tiers(self) -> int:
        return self.base.number_of_tiers

    def rate_at(self, epoch_s: float) -> Rate:
        return self.base.rate_at(epoch_s - self.offset_s)

    def next_change_after(self, epoch_s: float) -> float | None:
        change = self.base.next_change_after(epoch_s - self.offset_s)
        return None if change is None else change + self.offset_s

    def last_change_at_or_before(self, epoch_s: float) -> float | None:
        change = self.base.last_change_at_or_before(epoch_s - self.offset_s)
        return None if change is None else change + self.offset_s

    def schedule(self, start_s: float, end_s: float) -> list[PricePeriod]:
        return [
            PricePeriod(p.start_s + self.offset_s, p.end_s + self.offset_s, p.rate)
            for p in self.base.schedule(start_s - self.offset_s, end_s - self.offset_s)
        ]

    def unit_prices(self, slot_starts_s: npt.ArrayLike) -> npt.NDArray[np.int64]:
        return self.base.unit_prices(np.asarray(slot_starts_s, dtype=np.float64) - self.offset_s)

    def tiers_at(self, slot_starts_s: npt.ArrayLike) -> npt.NDArray[np.int8]:
        return self.base.tiers_at(np.asarray(slot_starts_s, dtype=np.float64) - self.offset_s)

    def __repr__(self) -> str:
        return f"with_switch_offset({self.base!r}, {self.offset_s})"


def with_switch_offset(tariff: Tariff, offset_s: int) -> SwitchOffset:
    """``tariff`` with all its switch times shifted later by ``offset_s`` (0 ≤ offset_s ≤ 1799)."""
    if isinstance(offset_s, bool) or not isinstance(offset_s, int | np.integer):
        raise ValueError(f"switch offset must be whole seconds (got {offset_s!r})")
    if not 0 <= offset_s <= MAX_SWITCH_OFFSET_S:
        raise ValueError(f"switch offset must be 0…{MAX_SWITCH_OFFSET_S} s (got {offset_s} s)")
    if isinstance(tariff, SwitchOffset):
        raise ValueError(
            f"tariff already has a switch offset of {tariff.offset_s} s; offset its base instead"
        )
    if getattr(tariff, "kind", None) == "block":
        raise ValueError("block tariffs switch on consumption, not on the clock: nothing to offset")
    return SwitchOffset(tariff, int(offset_s))


def random_switch_offset(seed: int | str | bytes) -> int:
    """A meter's offset, 0…1799 s, fixed by ``seed`` (e.g. the meter's IEEE address): the same
    meter always switches at the same moment, different meters spread over half an hour."""
    key = seed if isinstance(seed, bytes) else str(seed).encode()
    draw = int.from_bytes(hashlib.blake2b(b"switch-offset/" + key, digest_size=8).digest(), "big")
    return draw % (MAX_SWITCH_OFFSET_S + 1)
