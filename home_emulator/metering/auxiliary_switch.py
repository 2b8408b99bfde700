"""The auxiliary load control switch (ALCS) of a "variant" ESME: the meter itself switches a load –
storage heaters, an immersion heater – on a supplier calendar, typically in the cheap night hours.

GB meters may shift the moment they switch by a random 0–1799 s, fixed per meter, so that a whole
street of storage heaters does not come on in the same second; the same offset applies to the
meter's tariff switching (``with_switch_offset``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from home_emulator.tariffs import MAX_SWITCH_OFFSET_S, local_time


@dataclass(frozen=True)
class AuxiliarySwitch:
    on_periods: tuple[tuple[time, time], ...] = ((time(0, 30), time(7, 30)),)
    """Local clock periods in which the switch is closed (an end before its start wraps midnight)."""
    load_w: int = 3_000
    offset_s: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.offset_s <= MAX_SWITCH_OFFSET_S:
            raise ValueError(
                f"switch offset must be 0…{MAX_SWITCH_OFFSET_S} s (got {self.offset_s})"
            )
        if self.load_w < 0:
            raise ValueError("an auxiliary load cannot be negative")

    def is_on(self, epoch_s: float, zone: ZoneInfo) -> bool:
        clock = datetime.fromtimestamp(epoch_s - self.offset_s, zone).time()
        for start, end in self.on_periods:
            inside = start <= clock < end if start < end else clock >= start or clock < end
            if inside:
                return True
        return False

    def on_slots(
        self, slot_starts_s: npt.NDArray[np.float64], zone: ZoneInfo
    ) -> npt.NDArray[np.bool_]:
        """The bulk twin of ``is_on``: which slots of a past the switch was closed in."""
        _, clock_s = local_time.local_day_and_clock(zone, slot_starts_s - self.offset_s)
        closed = np.zeros(slot_starts_s.shape, dtype=bool)
        for start, end in self.on_periods:
            low = start.hour * 3600 + start.minute * 60 + start.second
            high = end.hour * 3600 + end.minute * 60 + end.second
            closed |= (
                (clock_s >= low) & (clock_s < high)
                if low < high
                else (clock_s >= low) | (clock_s < high)
            )
        return closed
