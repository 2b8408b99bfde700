"""The display's history while the app runs: the store in the user's data folder and the recorder
that keeps it filled from the meters (back-filling what was missed while the display was off).

``HistoryRuntime.start`` opens the store and starts the recorder; ``stop`` stops the recorder's task
and closes the store, so the app leaves no task or thread behind.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

from app.history.backfill import BackfillDepth, HistoryBackfill, HistoryRecorder
from app.history.store import HistoryStore
from app.settings.user_dirs import data_dir
from han.links.meter_link import MeterLink
from han.model import HomeModel, MeterKey

LOGGER = logging.getLogger(__name__)

FILE_NAME: Final = "history.sqlite3"


def default_path() -> Path:
    """``history.sqlite3`` in the platform's per-user data folder (XDG on Linux)."""
    return data_dir() / FILE_NAME


class HistoryRuntime:
    def __init__(
        self,
        model: HomeModel,
        links: Callable[[], dict[MeterKey, MeterLink]],
        *,
        path: Path | None = None,
        now: Callable[[], float] = time.time,
        depth: BackfillDepth | None = None,
    ) -> None:
        self.model = model
        self.path = path or default_path()
        self._links = links
        self._now = now
        self._depth = depth
        self.store: HistoryStore | None = None
        self.recorder: HistoryRecorder | None = None

    async def start(self) -> HistoryStore | None:
        """Open the store and start recording; None (and the app runs on) if it cannot be opened."""
        try:
            store = await HistoryStore.open(self.path)
        except Exception:  # a read-only or full disk must not keep the display from starting
            LOGGER.exception("Cannot open the history store at %s", self.path)
            return None
        self.store = store
        backfill = HistoryBackfill(store, self.model, now=self._now, depth=self._depth)
        self.recorder = HistoryRecorder(backfill, self._links)
        self.recorder.start()
        return store

    async def stop(self) -> None:
        if self.recorder is not None:
            await self.recorder.stop()
            self.recorder = None
        if self.store is not None:
            await self.store.close()
            self.store = None
