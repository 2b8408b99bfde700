"""How a SMETS1 gas meter enrolled in the DCC (FOC) keeps its days, as the DCC's 2021 consultation
on FOC Uplift 2.1 describes it (S1SR 18.18(f), 18.21(e) and (f)).

In British Summer Time the meter freezes its block counters at 23:00 on the clock, before it takes
the day's snapshot at midnight, so the snapshot of a summer day holds 00:00–23:00: 23 of the day's
24 hours (the last hour is in the register and the half-hourly profile, and in no day's figure).
Its daily read log, likewise, holds a 23:00 entry and then repeats it, stamped 00:00, with no
increase. In GMT the freeze and the snapshot are both at midnight and nothing is repeated.

The exact instant the real meters freeze at is not public; the emulator chooses 23:00 local time,
which is what the consultation's "23 of the 24 hours" and "the 23:00 entry" describe.
"""

from __future__ import annotations

import datetime as dt
from typing import Final
from zoneinfo import ZoneInfo

from han.domain.daily_reads import DailyRead
from home_emulator.metering.registers import CumulativeRegister, LocalCalendar

HOUR_S: Final = 3600
GMT_FREEZE: Final = 0x0000
BST_FREEZE: Final = 0x1700
"""ZSE Metering DailyFreezeTime (0x0005): hours in the high byte, minutes in the low – 23:00."""


def in_summer_time(zone: ZoneInfo, epoch_s: float) -> bool:
    offset = dt.datetime.fromtimestamp(epoch_s, zone).utcoffset()
    return offset is not None and offset.total_seconds() > 0


def snapshot_end(zone: ZoneInfo, day_end_s: int) -> int:
    """Where the day ending at local midnight ``day_end_s`` stops counting: 23:00 in summer time."""
    return day_end_s - HOUR_S if in_summer_time(zone, day_end_s - 1) else day_end_s


def daily_freeze_time(zone: ZoneInfo, epoch_s: float) -> int:
    """The DailyFreezeTime the meter serves at ``epoch_s``."""
    return BST_FREEZE if in_summer_time(zone, epoch_s) else GMT_FREEZE


def daily_read_log(register: CumulativeRegister, now_s: float, days: int) -> list[DailyRead]:
    """The meter's daily read log over the last ``days`` local days, oldest first.

    A summer day ends with its 23:00 entry and the same reading again stamped at midnight; an
    entry not yet taken (the 23:00 or midnight to come) is not in the log."""
    calendar = LocalCalendar(register.zone)
    midnight = calendar.day_start(now_s)
    ends = [calendar.add_days(midnight, -n) for n in reversed(range(days))]
    log: list[DailyRead] = []
    for day_end in [*ends, calendar.next_day_start(now_s)]:
        frozen = snapshot_end(register.zone, day_end)
        for stamp in sorted({frozen, day_end}):
            reading = register.reading_at(frozen)
            if stamp <= now_s and reading is not None:
                log.append(DailyRead(stamp, reading))
    return log
