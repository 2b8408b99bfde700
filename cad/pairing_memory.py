"""What the CAD remembers across restarts: that it is paired, and with which hub.

A small JSON file under the platform's config folder (platformdirs), written atomically
(a temporary file in the same folder, flushed, then renamed over the old one), so a CAD killed
while saving keeps either the old or the new file – never half of one. A file that cannot be
written (a full or read-only folder) does not unpair the CAD: the pairing is held in memory, kept
for this run, and written the next time it is read once the folder has room again.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Final

from app.settings import user_dirs
from app.settings.atomic_file import write_text_atomically

LOGGER = logging.getLogger(__name__)

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
        self._unsaved: Pairing | None = None
        """A pairing that could not be written yet (None: the file says what is true)."""
        self._unforgotten = False
        """The file could not be removed: it holds a pairing that is no longer true."""

    @property
    def saved(self) -> bool:
        """Whether the file holds what the CAD knows (False while the folder refuses writes)."""
        return self._unsaved is None and not self._unforgotten

    def load(self) -> Pairing | None:
        held = self._unsaved
        if held is not None:
            self._write(held)  # the folder may have room again
            return held
        if self._unforgotten:
            self.forget()
            return None
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
        self._unforgotten = False
        self._unsaved = pairing
        self._write(pairing)

    def _write(self, pairing: Pairing) -> None:
        text = json.dumps({"schema_version": SCHEMA_VERSION, **asdict(pairing)}, indent=1)
        try:
            write_text_atomically(self.path, text)
        except OSError as error:
            LOGGER.warning("Cannot save the pairing to %s (%s); kept for now", self.path, error)
            return
        self._unsaved = None

    def forget(self) -> None:
        self._unsaved = None
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            LOGGER.warning("Cannot remove %s (%s); the CAD is unpaired", self.path, error)
            self._unforgotten = True
            return
        self._unforgotten = False
