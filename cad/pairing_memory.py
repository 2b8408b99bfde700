"""What the CAD remembers across restarts: that it is paired, and with which hub.

A small JSON file under the platform's config folder (platformdirs), written atomically
(a temporary file in the same folder, flushed, then renamed over the old one), so a CAD killed
while saving keeps either the old or the new file – never half of one.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Final

from app.settings import user_dirs
from app.settings.atomic_file import write_text_atomically

SCHEMA_VERSION: Final = 1


def config_dir() -> Path:
    return user_dirs.config_dir() / "cad"


def data_dir() -> Path:
    return user_dirs.data_dir() / "cad"


def default_db_path() -> Path:
    return data_dir() / "history.db"


@dataclass(frozen=True)
class Pairing:
    display_ieee: str
    hub_ieee: str | None
    method: str
    """"passkey" or "remote"."""
    paired_at_s: float
    """On the HAN's clock, the time the CAD shows everywhere."""


class PairingMemory:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "pairing.json"

    def load(self) -> Pairing | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("schema_version") != SCHEMA_VERSION:
                return None
            return Pairing(
                display_ieee=str(data["display_ieee"]),
                hub_ieee=data.get("hub_ieee"),
                method=str(data["method"]),
                paired_at_s=float(data["paired_at_s"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, pairing: Pairing) -> None:
        text = json.dumps({"schema_version": SCHEMA_VERSION, **asdict(pairing)}, indent=1)
        write_text_atomically(self.path, text)

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)
