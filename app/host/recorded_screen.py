"""A screen that draws from more than the home model and the display's settings – what a person
chose on it, figures read from the display's history store – says so as a text, for a trial's
record, and shows such a text again, for its replay (``app/trial_ui/state_recorder.py``).

Qt-free: the host finds such screens by what they offer, never by importing an experience.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

SCREEN = "screen:"
"""A recorded screen's state part is ``screen:`` and the screen's name (e.g. ihd-history)."""


@runtime_checkable
class RecordedScreen(Protocol):
    def recorded_state(self) -> str:
        """What the screen draws beyond the model, as a short text (compared to write only
        changes: the same view gives the same text)."""

    def show_recorded_state(self, text: str) -> None:
        """Draw what ``recorded_state`` said (a replay's screen, on the recorded model)."""
