"""The display's clocks as it judged what it showed, written beside its model so a replay judges
freshness on the same clock and at the same pace.

Whether a reading is live depends on the display's own clock (how long since a meter was heard)
and on the pace at which it had measured the HAN's clock to run (``han.freshness``): a replay that
took the time from the record's event stamps, or its pace from anywhere but the display, could
call a reading out of date that the participant saw fresh. The HAN time is what the display's
clocks showed, for captions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from han.model import HomeModel

CLOCK = "clock"
"""The state part that holds these."""


@dataclass(frozen=True)
class DisplayClock:
    display_s: float
    """The display's own clock (what a meter's "heard at" is stamped with)."""
    han_s: float | None
    """The HAN's time by the display's clock then; None before the hub told the time."""
    rate: float
    """HAN seconds per display second, as the display had measured it (1 before it had)."""

    @classmethod
    def of(cls, model: HomeModel, display_s: float) -> DisplayClock:
        clock = model.han_clock
        if clock is None:
            return cls(display_s, None, 1.0)
        return cls(display_s, clock.now(display_s), clock.rate)

    def text(self) -> str:
        return json.dumps(
            {"display_s": self.display_s, "han_s": self.han_s, "rate": self.rate}, sort_keys=True
        )

    @classmethod
    def read(cls, text: str) -> DisplayClock:
        data = json.loads(text)
        han_s = data["han_s"]
        return cls(
            float(data["display_s"]), None if han_s is None else float(han_s), float(data["rate"])
        )
