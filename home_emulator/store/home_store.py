"""The emulated home's state persists: stop the emulator, start it again, and every register,
counter, message and device-log entry is where it was.

``HomeStore(path)`` is one SQLite file (sqlite-utils, WAL) holding any number of named homes::

    store = HomeStore(path)
    home = store.load("trial-7") if "trial-7" in store else build_storable_home(scenario)
    task = asyncio.create_task(autosave(home, store, "trial-7", every_s=60))
    ...
    store.save(home, "trial-7")

SQLite connections belong to the thread that made them, and sqlite-utils is synchronous, so the
store owns one worker thread that opens the file and does all its reading and writing. A save takes
its snapshot on the caller's thread – the event loop that steps the home, between two steps, so it
is consistent – and only the writing happens on the worker; the async variants wait for it without
blocking the loop.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from home_emulator.home import EmulatedHome
from home_emulator.scenario.home_builder import home_spec
from home_emulator.scenario.model import Scenario
from home_emulator.store import (
    prepayment,  # noqa: F401 - registers the prepayment section
    tenancy,  # noqa: F401 - registers the tenancy section
)
from home_emulator.store.restore import restore_home
from home_emulator.store.rows import delete_home, read_home, saved_homes, write_home
from home_emulator.store.schema import (
    HomeNotFound,
    HomeStoreError,
    NotAHomeStore,
    open_database,
)
from home_emulator.store.snapshot import (
    PREPAYMENT_SECTION,
    HomeSnapshot,
    ScenarioOrigin,
    StateExtension,
    capture_home,
    register_extension,
    remember_origin,
    schedule_scenario_events,
)

__all__ = [
    "PREPAYMENT_SECTION",
    "HomeNotFound",
    "HomeStore",
    "HomeStoreError",
    "NotAHomeStore",
    "StateExtension",
    "StoredHome",
    "autosave",
    "build_storable_home",
    "register_extension",
]

LOGGER = logging.getLogger(__name__)
_R = TypeVar("_R")


@dataclass(frozen=True)
class StoredHome:
    name: str
    now_s: int
    """The home's emulated time when it was saved."""
    saved_at_s: int
    """When it was saved (wall clock)."""
    scenario: str | None


def build_storable_home(
    scenario: Scenario,
    *,
    speed: float | None = None,
    history_days: int | None = None,
    text: str | None = None,
) -> EmulatedHome:
    """``scenario_home.build_home`` for a home that will be stored: the scenario's text is kept
    with it, and its events are scheduled so that the store can tell which have happened.

    ``text`` is the scenario's TOML when it did not come from a file (default: read
    ``scenario.source`` again, checked to say the same)."""
    origin = ScenarioOrigin.of(scenario, text)
    home = EmulatedHome(home_spec(scenario, speed=speed, history_days=history_days))
    schedule_scenario_events(home, origin, range(len(scenario.events)))
    remember_origin(home, origin)
    return home


class HomeStore:
    """Named homes in one SQLite file. Raises :class:`NotAHomeStore` for any other file (which is
    left exactly as it was) and :class:`HomeStoreError` when a home cannot be kept or read."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="home-store")
        self._db: sqlite_utils.Database | None = None
        try:
            self._on_worker(self._open)
        except BaseException:
            self._worker.shutdown()
            raise

    def _open(self) -> None:
        self._db = open_database(self.path)

    # Homes ------------------------------------------------------------------------------------

    def save(self, home: EmulatedHome, name: str) -> None:
        """Keep ``home`` as ``name`` (replacing what was kept under that name), all or nothing.
        Call it on the thread that steps the home."""
        snapshot = capture_home(home)
        self._on_worker(self._write, name, snapshot)

    async def save_async(self, home: EmulatedHome, name: str) -> None:
        """``save`` without blocking the event loop while the file is written."""
        snapshot = capture_home(home)
        await asyncio.wrap_future(self._submit(self._write, name, snapshot))

    def load(self, name: str) -> EmulatedHome:
        """The home kept as ``name``, as it was, not running (``run()`` it or step it)."""
        snapshot = self._on_worker(self._read, name)
        try:
            return restore_home(snapshot)
        except (ValueError, KeyError) as error:  # SnapshotMismatch, ScenarioError are ValueErrors
            raise HomeStoreError(
                f"home {name!r} in {self.path} cannot be restored: {error}"
            ) from error

    def list_homes(self) -> list[StoredHome]:
        rows = self._on_worker(lambda: saved_homes(self._database()))
        return [
            StoredHome(row["home"], row["now_s"], row["saved_at"], row["scenario_name"])
            for row in rows
        ]

    def delete(self, name: str) -> bool:
        """Forget home ``name``; False if there was none."""
        return self._on_worker(self._delete, name)

    def __contains__(self, name: object) -> bool:
        return any(home.name == name for home in self.list_homes())

    # Lifetime ---------------------------------------------------------------------------------

    def close(self) -> None:
        if self._db is not None:
            self._on_worker(self._close_database)
        self._worker.shutdown()

    def _close_database(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> HomeStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # On the worker thread ---------------------------------------------------------------------

    def _database(self) -> sqlite_utils.Database:
        if self._db is None:
            raise HomeStoreError(f"the home store {self.path} is closed")
        return self._db

    def _write(self, name: str, snapshot: HomeSnapshot) -> None:
        self._guarded("save", name, lambda: write_home(self._database(), name, snapshot))

    def _read(self, name: str) -> HomeSnapshot:
        snapshot = self._guarded("load", name, lambda: read_home(self._database(), name))
        if snapshot is None:
            raise HomeNotFound(f"no home called {name!r} in {self.path}")
        return snapshot

    def _delete(self, name: str) -> bool:
        return self._guarded("delete", name, lambda: delete_home(self._database(), name))

    def _guarded(self, doing: str, name: str, action: Callable[[], _R]) -> _R:
        try:
            return action()
        except (sqlite3.Error, ValueError, TypeError, KeyError) as error:
            # Disk full, read-only file, damaged pages, a value that cannot be stored or a row
            # that cannot be read: any transaction has been rolled back.
            raise HomeStoreError(f"cannot {doing} home {name!r} in {self.path}: {error}") from error

    def _submit(self, action: Callable[..., _R], *args: Any) -> Future[_R]:
        return self._worker.submit(action, *args)

    def _on_worker(self, action: Callable[..., _R], *args: Any) -> _R:
        return self._submit(action, *args).result()


async def autosave(home: EmulatedHome, store: HomeStore, name: str, every_s: float) -> None:
    """Save ``home`` every ``every_s`` real seconds until cancelled, and once more then.

    A failed save is logged and retried next time rather than stopping the home (a full disk
    should not end a trial); the previous save stays intact meanwhile. The final save, on
    cancellation, is synchronous so that it completes even while the loop is shutting down."""
    if every_s <= 0:
        raise ValueError(f"autosave interval must be positive (got {every_s} s)")
    try:
        while True:
            await asyncio.sleep(every_s)
            try:
                await store.save_async(home, name)
            except HomeStoreError as error:
                LOGGER.error("autosave: %s", error)
    except asyncio.CancelledError:
        try:
            store.save(home, name)
        except HomeStoreError as error:
            LOGGER.error("autosave, last save: %s", error)
        raise
