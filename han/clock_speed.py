"""How fast a HAN's clock may run: real time (×1) up to ×100,000, an emulated home at its fastest.

The emulator refuses a speed outside this range, the command lines offer it, and a display never
believes a HAN clock runs faster than the top of it.
"""

from __future__ import annotations

from typing import Final

MIN_SPEED: Final = 1.0
"""Real time."""
MAX_SPEED: Final = 100_000.0
"""A year of the emulated home in about five minutes."""
REPORT_EVERY_WALL_S: Final = 0.1
"""The shortest wall-clock time between two reports of one meter's cluster, at any speed. A real meter
reports every few seconds, a rate any HAN and any display carries; a fast-running home keeps that
pace in wall-clock time by stretching its reporting intervals in emulated time (at ×100,000 a
report covers up to 10,000 emulated seconds), so displays fall at most that far behind and never
drown in frames."""
