"""The display's history while the app runs: the store in the user's data folder and the recorder
that keeps it filled from the meters (back-filling what was missed while the display was off).

``HistoryRuntime.start`` opens the store and starts the recorder; ``stop`` stops the recorder's task
and closes the store, so the app leaves no task or thread behind. A store that cannot be opened (a
full or read-only data folder) does not keep the display from starting: ``health`` says history is
not being saved, and the runtime tries again every ``retry_s`` until it opens, then records.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

from app.history.backfill import BackfillDepth, HistoryBackfill, HistoryRecorder
from app.history.health import HistoryHealth
from app.history.store import HistoryStore
from app.settings.user_dirs import data_dir
from han.links.meter_link import MeterLink
from han.model import HomeModel, MeterKey

LOGGER = logging.getLogger(__name__)

FILE_NAME: Final = "history.sqlite3"
RETRY_S = 30.0
"""How soon history that could not be saved (a full or read-only data folder) is tried again."""


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
        retry_s: float | None = None,
    ) -> None:
        self.model = model
        self.path = path or default_path()
        self._links = links
        self._now = now
        self._depth = depth
        self._retry_s = RETRY_S if retry_s is None else retry_s
        """How soon a store that would not open, or a pass that failed, is tried again."""
        self.health = HistoryHealth()
        self.store: HistoryStore | None = None
        self.recorder: HistoryRecorder | None = None
        self._opening: asyncio.Task[None] | None = None
        self._unopened: HistoryStore | None = None

    async def start(self) -> HistoryStore | None:
        """Open the store and start recording; None (and the app runs on, trying again in the
        background) if it cannot be opened now."""
        store = HistoryStore(self.path, health=self.health)
        try:
            await store.start()
        except (
            Exception
        ) as error:  # a read-only or full disk must not keep the display from starting
            LOGGER.warning(
                "Cannot open the history store at %s (%s); trying again", self.path, error
            )
            self._unopened = store
            self._opening = asyncio.get_running_loop().create_task(
                self._keep_trying(store), name="history-open"
            )
            return None
        self._record(store)
        return store

    async def _keep_trying(self, store: HistoryStore) -> None:
        while True:
            await asyncio.sleep(self._retry_s)
            try:
                await store.start()
            except Exception:  # still no room: the notice stays up
                continue
            self.health.wrote()  # the file opened and its schema was written
            LOGGER.info("History store at %s opened: recording", self.path)
            self._unopened = None
            self._record(store)
            return

    def _record(self, store: HistoryStore) -> None:
        self.store = store
        backfill = HistoryBackfill(store, self.model, now=self._now, depth=self._depth)
        self.recorder = HistoryRecorder(backfill, self._links, retry_s=self._retry_s)
        self.recorder.start()

    async def stop(self) -> None:
        if self._opening is not None:
            self._opening.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._opening
            self._opening = None
        if self._unopened is not None:  # its worker thread ends with it
            await self._unopened.close()
            self._unopened = None
        if self.recorder is not None:
            await self.recorder.stop()
            self.recorder = None
        if self.store is not None:
            await self.store.close()
            self.store = None
