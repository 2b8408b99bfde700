"""The display's clocks as it judged what it showed, written beside its model so a replay judges
freshness on the same clock and at the same pace.

Whether a reading is live depends on the display's own clock (how long since a meter was heard)
and on the pace at which it had measured the HAN's clock to run (``han.freshness``): a replay that
took the time from the record's event stamps, or its pace from anywhere but the display, could
call a reading out of date that the participant saw fresh. The HAN time is what the display's
clocks showed, for captions.

A note written just before an event, for it (``for_event``), is that event's moment. Any other
note is only the display's latest: an event it was not told of (a console's, seen by a display
run as its own process) happened later, and the replay carries these clocks forward to it.
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
    for_event: bool = False
    """Written just before an event, its pages judged afresh then: the event's own moment."""

    @classmethod
    def of(cls, model: HomeModel, display_s: float, *, for_event: bool = False) -> DisplayClock:
        clock = model.han_clock
        if clock is None:
            return cls(display_s, None, 1.0, for_event)
        return cls(display_s, clock.now(display_s), clock.rate, for_event)

    def later(self, elapsed_s: float) -> DisplayClock:
        """These clocks ``elapsed_s`` display seconds on, as the display's own would have run:
        the HAN's time advanced at the pace the display had measured."""
        han_s = None if self.han_s is None else self.han_s + self.rate * elapsed_s
        return DisplayClock(self.display_s + elapsed_s, han_s, self.rate)

    def text(self) -> str:
        return json.dumps(
            {
                "display_s": self.display_s,
                "han_s": self.han_s,
                "rate": self.rate,
                "for_event": self.for_event,
            },
            sort_keys=True,
        )

    @classmethod
    def read(cls, text: str) -> DisplayClock:
        data = json.loads(text)
        han_s = data["han_s"]
        return cls(
            float(data["display_s"]),
            None if han_s is None else float(han_s),
            float(data["rate"]),
            # Notes written before this was kept were each written for the event after them.
            bool(data.get("for_event", True)),
        )
