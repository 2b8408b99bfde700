"""When the display says the electricity load – Qt-free, on whatever clock it is given.

The rules follow the best-known accessible IHD, whose users asked for them: a change of level is said
at most once a minute (use that flickers between two levels must not chatter); a high load is said
again a minute later and then every ten minutes while it stays high, so it is not forgotten; the
first level heard after start-up is not a change. A change held back by the one-minute rule is said
when the minute is up, if the level is still different from the last one said.

How often a high load is said again is the person's choice (``high_repeat_s``: every ten minutes as
on that display, every thirty, or never – then a high load is said once, like any change).
"""

from __future__ import annotations

from typing import Final

from han.model import AmbientLevel

MIN_GAP_S: Final = 60.0
"""No two load announcements closer than this."""
HIGH_FIRST_REPEAT_S: Final = 60.0
"""A high load is said again this long after it was first said …"""
HIGH_REPEAT_S: Final = 600.0
"""… and then this often while it stays high."""


class LoadSpeechPolicy:
    def __init__(self, high_repeat_s: float | None = HIGH_REPEAT_S) -> None:
        self.high_repeat_s = high_repeat_s
        """Seconds between reminders after the first; None: a high load is not said again."""
        self._heard: AmbientLevel | None = None
        self._said: AmbientLevel | None = None
        self._said_at: float | None = None
        self._repeats = 0

    def heard(
        self, level: AmbientLevel, now: float, *, may_speak: bool = True
    ) -> AmbientLevel | None:
        """The meter reported ``level``; the level to say now, if any. With ``may_speak`` False
        (the screen sleeps) it is only noted: a change is still news when ``due`` is next asked."""
        first = self._heard is None
        self._heard = level
        if first:
            self._said = level  # where we start from, not news
            return None
        return self.due(now) if may_speak else None

    def due(self, now: float) -> AmbientLevel | None:
        """Asked every second or so: the level to say now, if any (a held change, a repeat)."""
        level = self._heard
        if level is None:
            return None
        if level is not self._said:
            if self._said_at is not None and now - self._said_at < MIN_GAP_S:
                return None
            self._repeats = 0
            return self._say(level, now)
        if level is AmbientLevel.HIGH and self._said_at is not None:
            if self.high_repeat_s is None:
                return None
            wait = HIGH_FIRST_REPEAT_S if self._repeats == 0 else self.high_repeat_s
            if now - self._said_at >= wait:
                self._repeats += 1
                return self._say(level, now)
        return None

    def _say(self, level: AmbientLevel, now: float) -> AmbientLevel:
        self._said, self._said_at = level, now
        return level
