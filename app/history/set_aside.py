"""A damaged history file is set aside, never deleted and never left in the way.

The file (and SQLite's WAL and shared-memory files beside it) is renamed ``NAME.corrupt-<time>`` so
that the household's past is still there for someone to rescue, and a fresh file can start at once.
"""

from __future__ import annotations

import time
from pathlib import Path


def set_aside_corrupt(path: Path, *, now: float | None = None) -> Path:
    """Move ``path`` and its companions aside; the new name of ``path``."""
    stamp = time.strftime("%Y%m%dT%H%M%S", time.localtime(now))
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while target.exists():  # twice in one second: keep both
        number += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(target.with_name(target.name + suffix))
    if path.exists():
        path.replace(target)
    return target
