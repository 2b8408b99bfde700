"""What every screenshot needs: where they go, their names, and waiting for Qt to settle.

The tours (``shots_ihd``, ``shots_ppmid``, ``shots_cad``, ``shots_kiosk``) walk every screen and state
and stop at each with ``save``; what happens at a stop is the camera's business: by default the
window is written to a PNG, while the test suite's layout audit (``tests/layout/``) looks at the
same stops for text that does not fit (``use_camera``)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
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


PATIENCE = 1.0
"""How many times longer than ``timeout_s`` to wait: the layout audit looks at each stop in every
theme and language, on a test machine that may be busy, while the home runs on."""


async def until(condition: Callable[[], bool], timeout_s: float = 30.0) -> None:
    async with asyncio.timeout(timeout_s * PATIENCE):
        while not condition():  # noqa: ASYNC110 - waiting for what a person would see
            await asyncio.sleep(0.05)


Camera = Callable[[QWidget, str], Awaitable[None]]


async def save(widget: QWidget, file_name: str) -> None:
    """A stop on the tour: ``widget`` shows the state ``file_name`` names."""
    await _camera(widget, file_name)


def use_camera(camera: Camera | None) -> None:
    """What each stop does from now on; ``None`` goes back to writing PNGs."""
    global _camera
    _camera = camera or write_png


async def write_png(widget: QWidget, file_name: str) -> None:
    path = OUT / file_name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path.relative_to(OUT.parent.parent)}")


_camera: Camera = write_png


def longest_scenario_message(scenario: str = "outage-and-messages") -> str:
    """The longest supplier message a shipped scenario sends (254 bytes, the most a ZCL string
    holds)."""
    from home_emulator.api.scenarios import Message, open_scenario

    texts = [
        event.action.text
        for event in open_scenario(scenario).events
        if isinstance(event.action, Message)
    ]
    return max(texts, key=lambda text: len(text.encode()))
