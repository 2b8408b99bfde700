"""Household data is private: files only their owner can read, in folders only the owner can open.

Half-hourly consumption, a CAD's demand log, trial records and an emulated home's store say when a
household is in, asleep or away – personal data. Every store opens its file through these helpers:
a new file is created 0600 (whatever the umask), and an existing one is tightened to that when
opened; folders a store creates are 0700. A folder that already exists is left as it is: it may be
the user's own (a working directory, /tmp), which a store has no business changing. SQLite gives its
journal and WAL files the main file's permissions; any already there are tightened too.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(path: Path | str) -> Path:
    """``path`` as a folder, created – with any missing parents – only its owner may use."""
    folder = Path(path)
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        with contextlib.suppress(FileExistsError):
            candidate.mkdir(mode=FOLDER_MODE)
        _tighten(candidate, FOLDER_MODE)  # mkdir's mode is filtered by the umask
    return folder


def private_file(path: Path | str) -> Path:
    """``path`` as a file only its owner may read or write, created empty if missing (an empty
    file is a new SQLite database), in a private folder."""
    file = Path(path)
    private_folder(file.parent)
    # Already there, or not creatable (a read-only folder): the database opening it says which.
    with contextlib.suppress(OSError):
        os.close(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    _tighten(file, FILE_MODE)
    for companion in (f"{file}-wal", f"{file}-shm", f"{file}-journal"):
        if os.path.exists(companion):
            _tighten(Path(companion), FILE_MODE)
    return file


def _tighten(path: Path, mode: int) -> None:
    """Take away group and other rights; a file owned by someone else is left as it is."""
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current & 0o077:
            path.chmod(current & ~0o077 | (mode & 0o700))
    except OSError:  # someone else's file, or gone: nothing of ours to tighten
        pass
