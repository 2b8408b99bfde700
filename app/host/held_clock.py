"""The display's clock, which a trial's recorder can hold at one reading for a moment.

Before each event of a usability trial the pages on show judge afresh what they show – ages, and
whether a reading is out of date, both growing with the clock – and the time they judged at is
written for the replay. On a home run sixty times faster than real time a millisecond between the
two readings is a HAN second ("80 s old" against "79 s old"), so both read the same held value.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator


class HeldClock:
    def __init__(self, read: Callable[[], float] = time.time) -> None:
        self._read = read
        self._held: float | None = None

    def __call__(self) -> float:
        return self._read() if self._held is None else self._held

    @contextlib.contextmanager
    def held(self) -> Iterator[float]:
        """One reading, returned to every caller until the block ends."""
        self._held = self._read()
        try:
            yield self._held
        finally:
            self._held = None
