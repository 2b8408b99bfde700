"""A meter's daily read log turned into the use of each local day, each reading counted once.

A daily read log is a list of register readings stamped at the end of each day. A SMETS1 gas meter
enrolled in the DCC (FOC) writes, in British Summer Time, a 23:00 entry and then the same reading
again stamped 00:00 (S1SR 18.21(f), DCC's 2021 FOC Uplift 2.1 consultation). Read naively that is
two day ends an hour apart; here the midnight entry is known for the 23:00 reading it repeats, so
the day it closes is said to end at 23:00 and no hour is counted twice or lost from the total.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Final

from han.domain.local_calendar import LocalCalendar

REPEAT_AFTER_S: Final = 3600


@dataclass(frozen=True, slots=True)
class DailyRead:
    stamp_s: int
    """When the entry says it was taken (epoch seconds)."""
    reading: int
    """The register's reading, in the meter's unit."""


@dataclass(frozen=True, slots=True)
class DayUse:
    day_start_s: int
    """The local midnight that starts the day the figure is for."""
    amount: int
    from_s: int
    """When the opening reading was really taken (23:00 the evening before, for a repeat)."""
    to_s: int
    """When the closing reading was really taken."""

    @property
    def hours(self) -> float:
        return (self.to_s - self.from_s) / 3600


def day_uses(log: list[DailyRead], calendar: LocalCalendar | None = None) -> list[DayUse]:
    """One figure per local day between consecutive entries stamped at local midnights, oldest
    first. An entry that is not a day end (a 23:00 entry whose repeat has not come yet) opens and
    closes nothing."""
    calendar = calendar or LocalCalendar()
    entries = sorted(log, key=lambda entry: entry.stamp_s)
    day_ends: list[tuple[DailyRead, int]] = []  # (entry, when its reading was really taken)
    for index, entry in enumerate(entries):
        if calendar.day_start(entry.stamp_s) != entry.stamp_s:
            continue
        taken = entry.stamp_s
        if index:
            before = entries[index - 1]
            if before.stamp_s == entry.stamp_s - REPEAT_AFTER_S and before.reading == entry.reading:
                taken = before.stamp_s  # the repeat of the 23:00 reading
        day_ends.append((entry, taken))
    return [
        DayUse(opening.stamp_s, closing.reading - opening.reading, opened, closed)
        for (opening, opened), (closing, closed) in pairwise(day_ends)
    ]
