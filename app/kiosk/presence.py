"""Whether the kiosk is awake, resting on its ambient view, or blank for the night – and what a
touch means in each. Qt-free: the kiosk's input filter asks it, a timer ticks it.

- Awake: the device as usual. After ``dim_after_s`` without a touch it rests (ambient view, dim);
  at night it goes blank instead.
- Ambient: the first touch wakes the device and is swallowed, so it never acts on whatever lies
  under the finger.
- Night (between the schedule's start and end): blank. A touch shows the ambient view for
  ``peek_s`` (swallowed too); a touch on that wakes the device, which goes blank again once left.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, time
from typing import Final

PEEK_S: Final = 10.0


class Rest(enum.Enum):
    AWAKE = "awake"
    AMBIENT = "ambient"
    NIGHT = "night"
    NIGHT_PEEK = "night-peek"
    """Night, with the ambient view shown for a moment after a touch."""


@dataclass(frozen=True)
class NightSchedule:
    """Blank between ``start`` and ``end`` local time (past midnight when start > end);
    start == end means no night at all."""

    start: time
    end: time

    def is_night(self, moment: datetime) -> bool:
        now = moment.time().replace(second=0, microsecond=0)
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= now < self.end
        return now >= self.start or now < self.end


class Presence:
    def __init__(self, *, dim_after_s: float, schedule: NightSchedule, now_s: float) -> None:
        self.dim_after_s = dim_after_s
        self.schedule = schedule
        self.state = Rest.AWAKE
        self._last_touch_s = now_s
        self._peek_until_s = 0.0

    def touched(self, now_s: float) -> bool:
        """A press, touch or key. True when it must be swallowed (it woke the display)."""
        self._last_touch_s = now_s
        if self.state is Rest.AWAKE:
            return False
        if self.state is Rest.NIGHT:
            self.state = Rest.NIGHT_PEEK
            self._peek_until_s = now_s + PEEK_S
        else:  # the ambient view (by day, or peeked at night) gives way to the device
            self.state = Rest.AWAKE
        return True

    def tick(self, now_s: float, local: datetime) -> Rest:
        """Move on with time; the state to show."""
        night = self.schedule.is_night(local)
        idle = now_s - self._last_touch_s >= self.dim_after_s
        if self.state is Rest.AWAKE and idle:
            self.state = Rest.NIGHT if night else Rest.AMBIENT
        elif self.state is Rest.AMBIENT and night:
            self.state = Rest.NIGHT
        elif self.state is Rest.NIGHT and not night:
            self.state = Rest.AMBIENT
        elif self.state is Rest.NIGHT_PEEK and now_s >= self._peek_until_s:
            self.state = Rest.NIGHT if night else Rest.AMBIENT
        return self.state

    def rest_now(self, local: datetime) -> Rest:
        """Rest at once (the kiosk's owner closed the menu, a screenshot wants the ambient view)."""
        self.state = Rest.NIGHT if self.schedule.is_night(local) else Rest.AMBIENT
        return self.state
