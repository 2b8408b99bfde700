"""The embedded home's past, rendered in a second process while the app starts.

On the first start of a day the home would render 24 months of household use (most of a second)
after Qt and zigpy have been imported (most of another). Started from the command line before those
imports, the emulator's past renderer (``python -m`` :data:`~home_emulator.api.names.PAST_RENDERER`)
renders and keeps the past on the other core in the meantime; the home then waits for it
(:class:`~home_emulator.api.home.PastCache`) instead of rendering.
When the past is kept already the process finds it and ends at once. Light on purpose: this module
runs before the app's heavy imports.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Final

from app.settings.user_dirs import cache_dir
from home_emulator.api.names import PAST_RENDERER, todays_past_name

EMBEDDED_PROFILE: Final = "family_of_four"
EMBEDDED_DAYS: Final = 731
"""The embedded home (``--source emulator`` without a scenario): a family of four with 24 months of
history. ``app.connection.sources`` builds it from these, so the past rendered ahead is the one it needs."""

EMBEDDED_ZONE: Final = "Europe/London"
"""The comms hub's time zone (GB)."""

_pending: subprocess.Popen[bytes] | None = None


def past_cache_folder() -> Path:
    """Where the embedded home keeps its rendered past."""
    return cache_dir() / "homes"


def start(*, seed: int, profile: str, days: int) -> None:
    """Begin rendering the default embedded home's past, unless today's is kept already (errors
    just leave it to the home)."""
    global _pending
    name = todays_past_name(
        seed=seed, profile=profile, zone=EMBEDDED_ZONE, days=days, now_s=time.time()
    )
    if (past_cache_folder() / name).exists():
        return
    command = [
        sys.executable,
        "-m",
        PAST_RENDERER,
        "--folder",
        str(past_cache_folder()),
        "--seed",
        str(seed),
        "--profile",
        profile,
        "--days",
        str(days),
        "--zone",
        EMBEDDED_ZONE,
    ]
    try:
        _pending = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        _pending = None


def take() -> subprocess.Popen[bytes] | None:
    """The rendering under way, for the home to wait on (once)."""
    global _pending
    pending, _pending = _pending, None
    return pending
