"""One virtual clock for the whole emulated home.

Emulated time runs at ``speed`` × real time (1 … 100,000) from a chosen start, and can be paused. Meters
keep their cadence in *emulated* seconds at any speed: at ×1000 a meter that reports every 10 s
reports every 10 ms of wall time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from han.clock_speed import MAX_SPEED, MIN_SPEED


class VirtualClock:
    def __init__(
        self,
        start_epoch_s: float,
        *,
        speed: float = 1.0,
        wall: Callable[[], float] = time.monotonic,
    ) -> None:
        check_speed(speed)
        self._wall = wall
        self._anchor_wall = wall()
        self._anchor_emulated = float(start_epoch_s)
        self._speed = float(speed)
        self._paused = False

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def paused(self) -> bool:
        return self._paused

    def now(self) -> float:
        """Emulated time, in seconds since 1970-01-01 UTC."""
        if self._paused:
            return self._anchor_emulated
        return self._anchor_emulated + (self._wall() - self._anchor_wall) * self._speed

    def set_speed(self, speed: float) -> None:
        check_speed(speed)
        self._rebase()
        self._speed = float(speed)

    def pause(self) -> None:
        self._rebase()
        self._paused = True

    def resume(self) -> None:
        self._rebase()
        self._paused = False

    def jump_to(self, epoch_s: float) -> None:
        """Move emulated time forward (never back: meters' registers only grow)."""
        if epoch_s < self.now():
            raise ValueError("the emulated clock cannot go backwards")
        self._anchor_emulated = float(epoch_s)
        self._anchor_wall = self._wall()

    def wall_seconds_until(self, epoch_s: float) -> float:
        """How long to wait in real time until emulated time reaches ``epoch_s`` (inf if paused)."""
        if self._paused:
            return float("inf")
        return max(0.0, (epoch_s - self.now()) / self._speed)

    def _rebase(self) -> None:
        self._anchor_emulated = self.now()
        self._anchor_wall = self._wall()


def check_speed(speed: float) -> None:
    if not MIN_SPEED <= speed <= MAX_SPEED:
        raise ValueError(f"speed must be between {MIN_SPEED:g} and {MAX_SPEED:g} (got {speed:g})")
