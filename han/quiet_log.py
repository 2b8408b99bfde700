"""Logging of bad input that a flood cannot turn into a flood of log.

A peer that sends a million malformed frames should cost kilobytes of log, not megabytes: each kind
of refusal logs its first few occurrences in a window, counts the rest, and says how many it
suppressed with the next line it lets through.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable


class QuietLog:
    """Log at most ``burst`` lines per ``window_s`` seconds for one kind of bad input."""

    def __init__(
        self,
        logger: logging.Logger,
        *,
        burst: int = 5,
        window_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._logger = logger
        self._burst = burst
        self._window_s = window_s
        self._clock = clock
        self._window_start: float | None = None
        self._logged_in_window = 0
        self.suppressed = 0
        """Lines held back since the last one logged (told with the next one)."""
        self.suppressed_total = 0

    def warning(self, message: str, *args: object) -> None:
        self.log(logging.WARNING, message, *args)

    def log(self, level: int, message: str, *args: object) -> None:
        now = self._clock()
        if self._window_start is None or now - self._window_start >= self._window_s:
            self._window_start = now
            self._logged_in_window = 0
        if self._logged_in_window >= self._burst:
            self.suppressed += 1
            self.suppressed_total += 1
            return
        self._logged_in_window += 1
        if self.suppressed:
            message = f"{message} (and {self.suppressed} more like it not logged)"
            self.suppressed = 0
        self._logger.log(level, message, *args)
