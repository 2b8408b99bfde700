"""Everything a meter counts for one fuel: energy in (and out), by price tier, what it cost, and the
maximum demands – live, one 10-second slot at a time, or generated in bulk for a new home's past.

Both ways end in the same state, because both price each slot with the same rule (``pricing``) and
both record register readings at every half-hour boundary (``registers``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from home_emulator.metering.pricing import SlotPricer, slot_prices
from home_emulator.metering.registers import HALF_HOUR_S, CumulativeRegister, LocalCalendar
from home_emulator.tariffs import AnyTariff, Block, SingleRate, local_time

JOULES_PER_WH = 3600
COST_SCALE = 3_600_000
"""Cost accumulates as price units (£0.0001/kWh) × joules; ÷ 3.6e6 gives £0.0001."""
SLOT_S = 10
SLOTS_PER_HALF_HOUR = HALF_HOUR_S // SLOT_S


@dataclass
class MaximumDemand:
    """Highest average demand over a half hour, in W – overall and within a daily window."""

    any_half_hour_w: int = 0
    window_w: int = 0
    window: tuple[int, int] = (16 * 3600, 20 * 3600)
    """Seconds after local midnight: the supplier-configured daily window (default 16:00–20:00)."""

    def reset(self) -> None:
        self.any_half_hour_w = 0
        self.window_w = 0


@dataclass
class FuelRegisters:
    zone: ZoneInfo
    tariff: AnyTariff
    imported: CumulativeRegister
    exported: CumulativeRegister | None
    cost: CumulativeRegister
    tier_joules: dict[int, int] = field(default_factory=dict)
    import_demand: MaximumDemand = field(default_factory=MaximumDemand)
    export_demand: MaximumDemand = field(default_factory=MaximumDemand)

    def __post_init__(self) -> None:
        self.pricer = SlotPricer(self.tariff)
        self._half_hour_import_j = 0
        self._half_hour_export_j = 0
        self.calendar = LocalCalendar(self.zone)

    @classmethod
    def fresh(
        cls, zone: ZoneInfo, tariff: AnyTariff, *, at_s: int, import_j: int, with_export: bool
    ) -> FuelRegisters:
        """Registers of a meter whose records start now (no history)."""
        boundary = at_s - at_s % HALF_HOUR_S

        def register(scale: int, accumulator: int) -> CumulativeRegister:
            return CumulativeRegister(
                zone, scale=scale, accumulator=accumulator, first_boundary_s=boundary
            )

        return cls(
            zone,
            tariff,
            imported=register(JOULES_PER_WH, import_j),
            exported=register(JOULES_PER_WH, 0) if with_export else None,
            cost=register(COST_SCALE, 0),
        )

    # Live -----------------------------------------------------------------------------------

    def add_slot(self, start_s: float, import_j: int, export_j: int = 0) -> None:
        rate = self.pricer.rate(start_s)
        self.pricer.used(import_j)
        self.imported.add(import_j)
        self.cost.add(rate.price_units * import_j)
        self.tier_joules[rate.tier] = self.tier_joules.get(rate.tier, 0) + import_j
        self._half_hour_import_j += import_j
        if self.exported is not None:
            self.exported.add(export_j)
            self._half_hour_export_j += export_j

    def close_half_hour(self, boundary_s: int) -> None:
        for register in self._registers():
            register.close_half_hour(boundary_s)
        start = boundary_s - HALF_HOUR_S
        in_window = self._in_window(start)
        for demand, joules in (
            (self.import_demand, self._half_hour_import_j),
            (self.export_demand, self._half_hour_export_j),
        ):
            average_w = joules // HALF_HOUR_S
            demand.any_half_hour_w = max(demand.any_half_hour_w, average_w)
            if in_window:
                demand.window_w = max(demand.window_w, average_w)
        self._half_hour_import_j = self._half_hour_export_j = 0

    def _registers(self) -> list[CumulativeRegister]:
        return [r for r in (self.imported, self.exported, self.cost) if r is not None]

    def _in_window(self, start_s: int) -> bool:
        _, after_midnight = local_time.clock_of(self.zone, start_s)  # by the wall clock
        low, high = self.import_demand.window
        return low <= after_midnight < high

    def set_tariff(self, tariff: AnyTariff) -> None:
        """A new tariff applies from the next slot (block counting restarts with it)."""
        self.tariff = tariff
        self.pricer = SlotPricer(tariff)

    def tier_wh(self, tier: int) -> int:
        return self.tier_joules.get(tier, 0) // JOULES_PER_WH

    # Persistence (home_store) ---------------------------------------------------------------

    @property
    def half_hour_so_far_j(self) -> tuple[int, int]:
        """Import and export joules of the half hour in progress (its demand is not yet known)."""
        return self._half_hour_import_j, self._half_hour_export_j

    @property
    def block_period_joules(self) -> int | None:
        """Energy so far in the current block period (block tariffs only)."""
        return self.pricer.period_joules if isinstance(self.tariff, Block) else None

    def resume(
        self,
        *,
        next_slot_s: int,
        half_hour_so_far_j: tuple[int, int],
        block_period_joules: int | None,
    ) -> None:
        """Carry on from stored state, the next slot starting at ``next_slot_s``.

        Between steps a meter's pricer always sits in the block period of ``next_slot_s`` (block
        periods start at midnights, where the meters ask for the new price at once), so a new pricer
        placed there with the stored count continues block pricing exactly."""
        self._half_hour_import_j, self._half_hour_export_j = half_hour_so_far_j
        self.pricer = SlotPricer(self.tariff)
        if isinstance(self.tariff, Block) and block_period_joules is not None:
            self.pricer.rate(next_slot_s)
            self.pricer.period_joules = block_period_joules

    # Bulk -----------------------------------------------------------------------------------

    @classmethod
    def backfilled(
        cls,
        zone: ZoneInfo,
        tariff: AnyTariff,
        *,
        first_slot_s: int,
        import_j: npt.NDArray[np.int64],
        export_j: npt.NDArray[np.int64] | None,
        import_j_before: int,
        summed_import_j: npt.NDArray[np.int64] | None = None,
        summed_export_j: npt.NDArray[np.int64] | None = None,
    ) -> FuelRegisters:
        """Registers after a past of consecutive 10-s slots starting at a half-hour boundary.

        ``import_j_before`` is the import register (in joules) at the start of that past. The
        history must start at a local midnight so block periods and day histories begin whole.
        At one price a past may begin with whole half hours given only as their sums
        (``summed_import_j``, ``summed_export_j``; the slots then follow them): the registers read
        nothing else of them, so they come out the same as from those half hours' slots.
        """
        if first_slot_s % HALF_HOUR_S:
            raise ValueError("a history starts on a half-hour boundary")
        summed = summed_import_j is not None
        if summed and not isinstance(tariff, SingleRate):
            raise ValueError("only a single-rate past can be given as half-hour sums")
        if summed and (export_j is None) != (summed_export_j is None):
            raise ValueError("export must be given as slots and as sums, or not at all")
        n = import_j.size
        whole = n - n % SLOTS_PER_HALF_HOUR  # boundaries inside the past
        half_hours = whole // SLOTS_PER_HALF_HOUR

        def per_half_hour(per_slot: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
            sums: npt.NDArray[np.int64] = (
                per_slot[:whole].reshape(half_hours, SLOTS_PER_HALF_HOUR).sum(axis=1)
            )
            return sums

        # Each series is summed per half hour once: the registers, the cost and the maximum
        # demands all read those sums (24 months are 6.3 million slots; a start should not walk
        # them more often than it must).
        import_hh = per_half_hour(import_j)
        import_total = int(import_j.sum())
        export_hh = per_half_hour(export_j) if export_j is not None else None
        export_total = int(export_j.sum()) if export_j is not None else 0
        if summed_import_j is not None:
            import_hh = np.concatenate((summed_import_j, import_hh))
            import_total += int(summed_import_j.sum())
        if summed_export_j is not None and export_hh is not None:
            export_hh = np.concatenate((summed_export_j, export_hh))
            export_total += int(summed_export_j.sum())
        starts: npt.NDArray[np.float64] | None = None
        if isinstance(tariff, SingleRate):
            # One price, one tier: the cost of a half hour is its energy at that price (the
            # common case, and the biggest past) – no per-slot arrays needed.
            price = tariff.rate_at(first_slot_s).price_units
            cost_hh = price * import_hh
            cost_total = price * import_total
            tier_joules = {1: import_total}
        else:
            starts = first_slot_s + SLOT_S * np.arange(n, dtype=np.float64)
            prices, tiers = slot_prices(tariff, starts, import_j)
            cost_j = prices * import_j
            cost_hh = per_half_hour(cost_j)
            cost_total = int(cost_j.sum())
            tier_joules = _joules_by_tier(tiers, import_j)

        def register(
            scale: int, sums: npt.NDArray[np.int64], total: int, before: int
        ) -> CumulativeRegister:
            return CumulativeRegister.from_half_hours(
                zone,
                scale=scale,
                accumulator_at_boundaries=before + np.concatenate(([0], np.cumsum(sums))),
                first_boundary_s=first_slot_s,
                accumulator=before + total,
            )

        exported = None
        if export_j is not None and export_hh is not None:
            exported = register(JOULES_PER_WH, export_hh, export_total, 0)
        registers = cls(
            zone,
            tariff,
            imported=register(JOULES_PER_WH, import_hh, import_total, import_j_before),
            exported=exported,
            cost=register(COST_SCALE, cost_hh, cost_total, 0),
            tier_joules=tier_joules,
        )
        registers._replay_demand(first_slot_s, import_hh, export_hh)
        tail = slice(whole, n)
        registers._half_hour_import_j = int(import_j[tail].sum())
        if export_j is not None:
            registers._half_hour_export_j = int(export_j[tail].sum())
        if isinstance(tariff, Block) and n:
            assert starts is not None
            period_start, _ = tariff.period_bounds(float(starts[-1]))
            registers.pricer.rate(float(starts[-1]))  # positions the pricer in the last period
            in_period = starts >= period_start
            registers.pricer.period_joules = int(import_j[in_period].sum())
        return registers

    def _replay_demand(
        self,
        first_slot_s: int,
        import_hh: npt.NDArray[np.int64],
        export_hh: npt.NDArray[np.int64] | None,
    ) -> None:
        """The maximum demands of a past, from its energy per half hour (joules)."""
        half_hours = import_hh.size
        if not half_hours:
            return
        import_w = import_hh // HALF_HOUR_S
        self.import_demand.any_half_hour_w = int(import_w.max())
        starts = first_slot_s + HALF_HOUR_S * np.arange(half_hours, dtype=np.float64)
        low, high = self.import_demand.window
        _, after_midnight = local_time.local_day_and_clock(self.zone, starts)  # by the wall clock
        window = (after_midnight >= low) & (after_midnight < high)
        if window.any():
            self.import_demand.window_w = int(import_w[window].max())
        if export_hh is not None:
            self.export_demand.any_half_hour_w = int((export_hh // HALF_HOUR_S).max())


def _joules_by_tier(tiers: npt.NDArray[np.int8], joules: npt.NDArray[np.int64]) -> dict[int, int]:
    # bincount sums in float64: exact while totals stay below 2**53 J (2.5 TWh), far above a home.
    index = tiers.astype(np.intp)
    totals = np.bincount(index, weights=joules)
    slots = np.bincount(index)
    return {tier: round(float(totals[tier])) for tier in np.flatnonzero(slots).tolist()}
