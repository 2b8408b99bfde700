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
