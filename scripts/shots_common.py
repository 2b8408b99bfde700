"""What every screenshot needs: where they go, their names, and waiting for Qt to settle."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
NOW = 1_780_000_000.0
SCREENS = ("now", "messages", "status", "settings")
SMALL = (800, 480)
WIDE = (1024, 600)


def name(screen: str, language: str, theme: str, size: tuple[int, int]) -> str:
    return f"ihd-{screen}-{language}-{theme}-{size[0]}x{size[1]}.png"


async def settle() -> None:
    """Let language and style changes (posted events) land, then a paint."""
    for _ in range(3):
        await asyncio.sleep(0.05)


async def until(condition: Callable[[], bool], timeout_s: float = 30.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - waiting for what a person would see
            await asyncio.sleep(0.05)


def save(widget: QWidget, file_name: str) -> None:
    path = OUT / file_name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path.relative_to(OUT.parent.parent)}")
