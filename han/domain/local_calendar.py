"""GB local days, Monday weeks and calendar months, as epoch seconds.

A meter's day, week and month histories are counted on the local clock (Europe/London): a day starts
at local midnight, so DST days last 23 or 25 hours. Views and the history store label periods with
the same boundaries the meter uses.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from datetime import time as clock
from zoneinfo import ZoneInfo

GB_ZONE = "Europe/London"


class LocalCalendar:
    def __init__(self, zone: str | ZoneInfo = GB_ZONE) -> None:
        self.zone = zone if isinstance(zone, ZoneInfo) else ZoneInfo(zone)

    def local_date(self, epoch_s: float) -> date:
        return datetime.fromtimestamp(epoch_s, self.zone).date()

    def midnight(self, day: date) -> int:
        # Local midnight always exists in GB: clocks change at 01:00 and 02:00.
        return int(datetime.combine(day, clock(0), self.zone).timestamp())

    def day_start(self, epoch_s: float) -> int:
        return self.midnight(self.local_date(epoch_s))

    def week_start(self, epoch_s: float) -> int:
        day = self.local_date(epoch_s)
        return self.midnight(day - timedelta(days=day.weekday()))

    def month_start(self, epoch_s: float) -> int:
        return self.midnight(self.local_date(epoch_s).replace(day=1))

    def days_before(self, day_start_s: float, days: int) -> int:
        return self.midnight(self.local_date(day_start_s) - timedelta(days=days))

    def months_before(self, month_start_s: float, months: int) -> int:
        first = self.local_date(month_start_s).replace(day=1)
        index = first.year * 12 + first.month - 1 - months
        return self.midnight(date(index // 12, index % 12 + 1, 1))
