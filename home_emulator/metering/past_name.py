"""The name of a kept past: everything its days depend on, so a file is only ever read for the very
home, days and household model it was rendered for. Standard library only – the app asks it, before
its heavy imports, whether the day's past is kept already."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo


@cache
def source_fingerprint() -> str:
    """A digest of the emulator's source: any change to how a day is rendered changes it."""
    digest = hashlib.sha256()
    emulator = Path(__file__).resolve().parents[1]
    for path in sorted(emulator.rglob("*.py")):
        digest.update(str(path.relative_to(emulator)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def kept_past_name(*, seed: int, profile: str, zone: str, first: date, today: date) -> str:
    """The file of the complete days from ``first`` to the day before ``today``."""
    where = zone.replace("/", "-")
    return f"past-{profile}-{seed}-{where}-{first}-{today}-{source_fingerprint()}.npz"


def todays_past_name(*, seed: int, profile: str, zone: str, days: int, now_s: float) -> str:
    """The file a home built now with ``days`` of history would read."""
    today = datetime.fromtimestamp(now_s, ZoneInfo(zone)).date()
    return kept_past_name(
        seed=seed, profile=profile, zone=zone, first=today - timedelta(days=days), today=today
    )
