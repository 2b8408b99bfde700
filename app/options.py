"""What the user asked for on the command line, validated."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

MODES: Final = ("ihd",)
SOURCES: Final = ("emulator",)


@dataclass(frozen=True)
class Options:
    mode: str = "ihd"
    source: str = "emulator"
    speed: float = 1.0
    seed: int = 1
    screenshot: Path | None = None
    quit_after_s: float | None = None
    size: tuple[int, int] = (800, 480)
    verbose: bool = False
