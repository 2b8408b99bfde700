"""A new home's past, generated in bulk: every 10-second slot of the last months at once.

Stepping the live loop through 24 months would take 6.3 million steps; here the household model
renders each local day as one array and the meters' registers are built from cumulative sums, so a
home arrives with consistent half-hourly, daily, weekly and monthly history in well under a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import numpy as np
import numpy.typing as npt

from home_emulator.household.load import HouseholdLoad
from home_emulator.metering.registers import LocalCalendar

SLOT_S = 10
SLOTS_PER_HALF_HOUR = 1800 // SLOT_S
DEFAULT_HISTORY_DAYS = 731
"""24 months: EU energy-efficiency rules ask for at least 24 months of history for the consumer."""


@dataclass(frozen=True)
class Past:
    first_slot_s: int
    """A local midnight: where the records begin."""
    import_j: npt.NDArray[np.int64]
    export_j: npt.NDArray[np.int64] | None
    summed_import_j: npt.NDArray[np.int64] | None = None
    """The energy of each whole half hour from ``first_slot_s``, for a past kept in that form;
    ``import_j`` and ``export_j`` then hold only the slots after those half hours."""
    summed_export_j: npt.NDArray[np.int64] | None = None


@dataclass(frozen=True)
class SummedWatts:
    """A past's complete days as the start needs them: each whole half hour's sum of the slots'
    watts (import, export, gas, generation) – 48 figures a day rather than 8,640 per series.
    Exact: the registers are sums of slots, so a sum of slots summed per half hour is the same."""

    import_w: npt.NDArray[np.int64]
    export_w: npt.NDArray[np.int64]
    gas_w: npt.NDArray[np.int64] | None
    generation_w: npt.NDArray[np.int64] | None


def per_half_hour(per_slot: npt.NDArray[np.integer]) -> npt.NDArray[np.int64]:
    """The sum of each whole half hour of ``per_slot`` (which starts on a half-hour boundary)."""
    whole = per_slot.size - per_slot.size % SLOTS_PER_HALF_HOUR
    sums: npt.NDArray[np.int64] = (
        per_slot[:whole].reshape(-1, SLOTS_PER_HALF_HOUR).sum(axis=1, dtype=np.int64)
    )
    return sums


@dataclass(frozen=True)
class HouseholdPast:
    """The household's power in every slot of its past: electricity (signed) and gas."""

    first_slot_s: int
    net_w: npt.NDArray[np.int32]
    gas_w: npt.NDArray[np.int32] | None
    generation_w: npt.NDArray[np.int32] | None = None
    summed: SummedWatts | None = None
    """The complete days as half-hour sums (a kept past read for a start that needs no more); the
    slot series then hold only the slots after them."""

    def generation(self) -> Past:
        """What a microgeneration meter recorded: the generator's output as its delivered energy."""
        assert self.generation_w is not None
        summed = self.summed.generation_w if self.summed is not None else None
        return Past(self.first_slot_s, _joules(self.generation_w), None, _scaled(summed))

    def electricity(self, *, with_export: bool) -> Past:
        # In place where it can be: 24 months are 6.3 million slots, and every pass shows at start.
        import_j = np.maximum(self.net_w, 0).astype(np.int64)
        import_j *= SLOT_S
        export_j = None
        if with_export:
            export_j = np.minimum(self.net_w, 0).astype(np.int64)
            export_j *= -SLOT_S
        if self.summed is None:
            return Past(self.first_slot_s, import_j, export_j)
        summed_export = _scaled(self.summed.export_w) if with_export else None
        return Past(
            self.first_slot_s, import_j, export_j, _scaled(self.summed.import_w), summed_export
        )

    def gas(self) -> Past:
        assert self.gas_w is not None
        summed = self.summed.gas_w if self.summed is not None else None
        return Past(self.first_slot_s, _joules(self.gas_w), None, _scaled(summed))

    def summed_watts(self) -> SummedWatts | None:
        """This past's slots summed per half hour (None unless it is whole half hours)."""
        if self.summed is not None or self.net_w.size % SLOTS_PER_HALF_HOUR:
            return None
        gas, generation = self.gas_w, self.generation_w
        return SummedWatts(
            per_half_hour(np.maximum(self.net_w, 0)),
            -per_half_hour(np.minimum(self.net_w, 0)),
            per_half_hour(gas) if gas is not None else None,
            per_half_hour(generation) if generation is not None else None,
        )


def _scaled(summed_w: npt.NDArray[np.int64] | None) -> npt.NDArray[np.int64] | None:
    """Watts summed over slots → joules (each slot lasts ``SLOT_S``)."""
    return None if summed_w is None else summed_w * SLOT_S


def _joules(watts: npt.NDArray[np.int32]) -> npt.NDArray[np.int64]:
    """Energy per slot: one new array of 6.3 million for 24 months, multiplied in place."""
    joules = watts.astype(np.int64)
    joules *= SLOT_S
    return joules


def household_past(
    load: HouseholdLoad, calendar: LocalCalendar, *, until_s: int, days: int = DEFAULT_HISTORY_DAYS
) -> HouseholdPast:
    """Every series of the household from ``days`` ago (a local midnight) until ``until_s``.

    Each local day is rendered once for all its series (the household caches only a few days, so
    asking for electricity and gas in two passes would render everything twice)."""
    today = calendar.local_date(until_s)
    first = today - timedelta(days=days)
    first_slot_s = calendar.midnight(first)
    count = (until_s - first_slot_s) // SLOT_S
    dates = [first + timedelta(days=n) for n in range(days + 1)]
    net: list[npt.NDArray[np.int32]] = []
    gas: list[npt.NDArray[np.int32]] = []
    generation: list[npt.NDArray[np.int32]] = []
    for day in dates:
        net.append(load.net_day_watts(day))
        if load.has_gas:
            gas.append(load.gas_day_watts(day))
        if load.has_generation:
            generation.append(load.generation_day_watts(day))
    return HouseholdPast(
        first_slot_s,
        np.concatenate(net)[:count],
        np.concatenate(gas)[:count] if load.has_gas else None,
        np.concatenate(generation)[:count] if load.has_generation else None,
    )


def electricity_past(
    load: HouseholdLoad, calendar: LocalCalendar, *, until_s: int, days: int = DEFAULT_HISTORY_DAYS
) -> Past:
    """Import (and export, for a home that generates) per slot from ``days`` ago until ``until_s``."""
    past = household_past(load, calendar, until_s=until_s, days=days)
    return past.electricity(with_export=load.has_generation)


def gas_past(
    load: HouseholdLoad, calendar: LocalCalendar, *, until_s: int, days: int = DEFAULT_HISTORY_DAYS
) -> Past:
    return household_past(load, calendar, until_s=until_s, days=days).gas()
