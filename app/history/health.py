"""Whether the display's history (or the CAD's log) is being saved, for the screen to say so.

A full or read-only data folder must not stop a display: its live readings come from the meters,
not from the file. But a person must not believe a history is kept when it is not, nor that a
damaged file simply vanished. ``HistoryHealth`` is the one place the store reports to – a write
that failed for want of room or permission, a write that succeeded again, a damaged file set
aside – and the window follows it (``app/ui/history_notice.py``). Qt-free; events on the loop.
"""

from __future__ import annotations

import enum
import sqlite3
from collections.abc import Callable
from pathlib import Path

from han.events import Emitter, Unsubscribe


class HistoryProblem(enum.Enum):
    NONE = "none"
    NOT_SAVING = "not saving"
    """The last write failed: the folder is full or read-only (or cannot be reached)."""


def is_storage_error(error: BaseException) -> bool:
    """A failure of the place the file lives, not of the program: full, read-only, I/O. SQLite
    says SQLITE_FULL, SQLITE_READONLY or SQLITE_CANTOPEN/IOERR; the OS, ENOSPC, EROFS, EACCES."""
    if isinstance(error, sqlite3.OperationalError):
        code = getattr(error, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in (
                sqlite3.SQLITE_FULL,
                sqlite3.SQLITE_READONLY,
                sqlite3.SQLITE_IOERR,
                sqlite3.SQLITE_CANTOPEN,
                sqlite3.SQLITE_PERM,
            )
        text = str(error)
        return any(
            words in text for words in ("disk is full", "readonly", "disk I/O", "unable to open")
        )
    return isinstance(error, OSError)


class HistoryHealth:
    def __init__(self) -> None:
        self.problem = HistoryProblem.NONE
        self.detail = ""
        """What the store said when it last failed (for the log and a tooltip)."""
        self.set_aside: Path | None = None
        """Where a damaged file was moved when the store opened (None: nothing was)."""
        self._changes: Emitter[HistoryHealth] = Emitter("history health")

    def subscribe(self, listener: Callable[[HistoryHealth], object]) -> Unsubscribe:
        return self._changes.subscribe(listener)

    @property
    def saving(self) -> bool:
        return self.problem is HistoryProblem.NONE

    def write_failed(self, error: BaseException) -> None:
        self.detail = str(error)
        if self.problem is not HistoryProblem.NOT_SAVING:
            self.problem = HistoryProblem.NOT_SAVING
            self._changes.emit(self)

    def wrote(self) -> None:
        if self.problem is not HistoryProblem.NONE:
            self.problem = HistoryProblem.NONE
            self.detail = ""
            self._changes.emit(self)

    def file_set_aside(self, where: Path) -> None:
        self.set_aside = where
        self._changes.emit(self)
