"""What kiosk mode asks of a device that speaks (the IHD's shell): a long touch is its repeat key,
and it is told when the screen sleeps. A device without speech (the PPMID, whose only unasked speech
is its low-credit alarm) is simply not given to the kiosk as one."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class SpeakingDisplay(Protocol):
    def repeat_or_interrupt(self) -> None:
        """Say the last thing again, or cut short what is being said."""

    def toggle_speech(self) -> None:
        """Speech on, or off."""

    def set_asleep(self, asleep: bool) -> None:
        """The screen is blank (or awake again): say nothing but alarms meanwhile."""
