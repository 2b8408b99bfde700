"""Household data is created owner-only and tightened when opened: history, CAD logs, trial records
and home stores (issue: history.sqlite3 was readable by every user of the machine)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from han.private_files import private_file, private_folder


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    previous = os.umask(0o022)  # the usual desktop umask: new files 0644 unless told otherwise
    yield
    os.umask(previous)


def test_a_new_file_and_its_new_folders_are_the_owners_alone(tmp_path: Path) -> None:
    path = private_file(tmp_path / "data" / "ihd" / "history.sqlite3")
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    assert _mode(path.parent.parent) == 0o700
    assert _mode(private_folder(tmp_path / "backups")) == 0o700


def test_an_existing_file_is_tightened_and_a_folder_that_was_there_left_alone(
    tmp_path: Path,
) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"")
    path.chmod(0o644)
    Path(f"{path}-wal").write_bytes(b"")
    Path(f"{path}-wal").chmod(0o644)
    tmp_path.chmod(0o755)
    private_file(path)
    assert _mode(path) == 0o600
    assert _mode(Path(f"{path}-wal")) == 0o600
    assert _mode(tmp_path) == 0o755


def test_every_store_creates_its_file_owner_only(tmp_path: Path) -> None:
    from app.history.store import HistoryDatabase
    from app.trial.store import TrialStore
    from home_emulator.store.home_store import HomeStore

    history = HistoryDatabase(tmp_path / "ihd" / "history.sqlite3")
    history.db.close()
    trial = TrialStore(tmp_path / "trial.sqlite3")
    trial.close()
    with HomeStore(tmp_path / "homes.sqlite"):
        pass
    for name in ("ihd/history.sqlite3", "trial.sqlite3", "homes.sqlite"):
        assert _mode(tmp_path / name) == 0o600, name
    assert _mode(tmp_path / "ihd") == 0o700


def test_a_store_opened_again_tightens_an_old_file(tmp_path: Path) -> None:
    from app.history.store import HistoryDatabase

    path = tmp_path / "history.sqlite3"
    HistoryDatabase(path).db.close()
    path.chmod(0o644)  # as an older version left it
    HistoryDatabase(path).db.close()
    assert _mode(path) == 0o600
