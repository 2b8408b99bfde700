"""A new home's past, generated in bulk: every 10-second slot of the last months at once.

Stepping the live loop through 24 months would take 6.3 million steps; here the household model
renders each local day as one array and the meters' registers are built from cumulative sums, so a
home arrives with consistent half-hourly, daily, weekly and monthly history in well under a second.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from home_emulator.household import HouseholdLoad
from home_emulator.registers import LocalCalendar

SLOT_S = 10
DEFAULT_HISTORY_DAYS = 731
"""24 months: EU energy-efficiency rules ask for at least 24 months of history for the consumer."""


@dataclass(frozen=True)
class Past:
    first_slot_s: int
    """A local midnight: where the records begin."""
    import_j: npt.NDArray[np.int64]
    export_j: npt.NDArray[np.int64] | None


def _slots(
    day_watts: Callable[[date], npt.NDArray[np.int32]],
    calendar: LocalCalendar,
    *,
    until_s: int,
    days: int,
) -> tuple[int, npt.NDArray[np.int64]]:
    today = calendar.local_date(until_s)
    first = today - timedelta(days=days)
    first_slot_s = calendar.midnight(first)
    dates = [first + timedelta(days=n) for n in range(days + 1)]
    watts = np.concatenate([day_watts(d) for d in dates]).astype(np.int64)
    return first_slot_s, watts[: (until_s - first_slot_s) // SLOT_S]


def electricity_past(
    load: HouseholdLoad, calendar: LocalCalendar, *, until_s: int, days: int = DEFAULT_HISTORY_DAYS
) -> Past:
    """Import (and export, for a home that generates) per slot from ``days`` ago until ``until_s``."""
    first_slot_s, net = _slots(load.net_day_watts, calendar, until_s=until_s, days=days)
    import_j = np.maximum(net, 0) * SLOT_S
    export_j = np.maximum(-net, 0) * SLOT_S if load.has_generation else None
    return Past(first_slot_s, import_j, export_j)


def gas_past(
    load: HouseholdLoad, calendar: LocalCalendar, *, until_s: int, days: int = DEFAULT_HISTORY_DAYS
) -> Past:
    first_slot_s, watts = _slots(load.gas_day_watts, calendar, until_s=until_s, days=days)
    return Past(first_slot_s, watts * SLOT_S, None)
