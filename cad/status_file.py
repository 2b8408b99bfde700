"""What a running headless CAD says about itself, for ``python -m cad status``: paired with which
hub, when the last reading came, whether the feed is connected.

One small JSON file, replaced whole (a temporary file renamed over it, so a reader never sees half
of one) and readable by its owner only: it names the home's hub. The CAD rewrites it when something
in it moves (at most every few seconds) and one last time as it stops.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Final

from app.settings.atomic_file import write_text_atomically
from cad.pairing_memory import data_dir

SCHEMA_VERSION: Final = 1


def default_status_path() -> Path:
    return data_dir() / "status.json"


@dataclass(frozen=True)
class CadStatus:
    running: bool
    pid: int
    display_ieee: str
    paired: bool
    hub_ieee: str | None
    """The hub it is paired with, once heard."""
    pairing_method: str | None
    """"passkey", "remote" (the supplier's way) or "installed"."""
    last_reading_s: float | None
    """When the last electricity reading arrived (Unix time on this machine)."""
    feed: str
    """The feed's state: off, connecting, connected or unreachable."""
    feed_why: str
    log_path: str
    written_at_s: float


class StatusFile:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_status_path()

    def write(self, status: CadStatus) -> None:
        text = json.dumps({"schema_version": SCHEMA_VERSION, **asdict(status)}, indent=1)
        # The temporary file is created owner-only (mkstemp), and the rename keeps its mode.
        write_text_atomically(self.path, text)
        os.chmod(self.path, 0o600)

    def read(self) -> CadStatus | None:
        """The last status written; None when there is none or it cannot be read."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.pop("schema_version", None) != SCHEMA_VERSION:
                return None
            return CadStatus(**data)
        except (OSError, ValueError, TypeError):
            return None


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process has that number now: not ours, but alive
        return True
    return True
