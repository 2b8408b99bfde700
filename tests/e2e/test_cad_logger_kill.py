"""The CAD's logger survives being killed at any moment: the real app logs a served home in a
subprocess, is SIGKILLed while writing, and started again – the log opens, nothing is duplicated,
and the half hours it missed while dead are back-filled from the meter."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import selectors
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from han.formats.install_codes import printed_install_code

CAD = "00:0d:6f:ff:fe:00:0c:ad"
HALF_HOUR_S = 1800


def _served_home() -> tuple[subprocess.Popen[bytes], str]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "home_emulator",
            "serve",
            "--scenario",
            "family-dual-fuel",
            "--history-days",
            "2",
            "--speed",
            "1800",
            "--listen",
            "127.0.0.1:0",
            "--admit",
            f"{CAD}={printed_install_code(CAD).hex()}",  # the code on the CAD's label, typed in
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + 60
    seen = b""
    while time.monotonic() < deadline:
        if selector.select(deadline - time.monotonic()):
            line = process.stdout.readline()
            seen += line
            found = re.search(rb"on (tcp://127\.0\.0\.1:\d+)", line)
            if found:
                selector.close()
                return process, found.group(1).decode()
            if not line:
                break
    process.kill()
    raise AssertionError(f"serve did not start: {seen!r}")


def _cad(url: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--mode", "cad", "--source", url, "--display-ieee", CAD],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def _query(path: Path, sql: str) -> list[tuple[int, ...]]:
    if not path.exists():
        return []
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            return db.execute(sql).fetchall()
    except sqlite3.OperationalError:  # not created yet
        return []


async def _until(
    condition: Callable[[], bool], timeout_s: float = 90.0, path: Path | None = None
) -> None:
    try:
        async with asyncio.timeout(timeout_s):
            while not condition():  # noqa: ASYNC110 - another process writes the file
                await asyncio.sleep(0.05)
    except TimeoutError:
        state = None
        if path is not None:
            newest = _query(path, "SELECT MIN(at_s), MAX(at_s) FROM demand_readings")
            state = (_demand_rows(path), newest, _half_hours(path)[:1], _half_hours(path)[-3:])
        raise AssertionError(f"timed out; log: {state}") from None


def _demand_rows(path: Path) -> int:
    rows = _query(path, "SELECT COUNT(*) FROM demand_readings")
    return rows[0][0] if rows else 0


def _half_hours(path: Path) -> list[int]:
    sql = "SELECT start_s FROM half_hours WHERE channel = 'import' AND meter LIKE '%/1' ORDER BY 1"
    return [row[0] for row in _query(path, sql)]


async def test_a_killed_logger_restarts_without_duplicates_and_fills_its_gap(
    tmp_path: Path,
) -> None:
    path = Path(os.environ["XDG_DATA_HOME"]) / "smets-consumer-suite" / "cad" / "history.db"
    home, url = _served_home()
    cad = _cad(url)
    try:
        await _until(lambda: _demand_rows(path) > 200 and len(_half_hours(path)) > 48, path=path)
        cad.send_signal(signal.SIGKILL)  # while demand readings are being written
        cad.wait(30)
        assert cad.returncode == -signal.SIGKILL

        with contextlib.closing(sqlite3.connect(path)) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        before = _demand_rows(path)
        last_before = max(_half_hours(path))
        last_demand = _query(path, "SELECT MAX(at_s) FROM demand_readings")[0][0]

        cad = _cad(url)

        def caught_up() -> bool:
            newest = _query(path, "SELECT MAX(at_s) FROM demand_readings")[0][0]
            stored = _half_hours(path)
            closed = newest - newest % HALF_HOUR_S - HALF_HOUR_S
            # Well past the kill, and every half hour up to the last closed one is in the log.
            return (
                newest > last_demand + 4 * HALF_HOUR_S
                and bool(stored)
                and stored[-1] >= closed - HALF_HOUR_S
                and len(stored) == (stored[-1] - stored[0]) // HALF_HOUR_S + 1
            )

        await _until(caught_up, path=path)
        assert max(_half_hours(path)) > last_before + 2 * HALF_HOUR_S
        assert _demand_rows(path) > before
        for table, key in (
            ("half_hours", "meter, channel, start_s"),
            ("demand_readings", "meter, at_s"),
            ("periods", "meter, quantity, period, start_s"),
        ):
            # One statement, one snapshot: the logger is still writing.
            total, distinct = _query(
                path,
                f"SELECT COUNT(*), (SELECT COUNT(*) FROM (SELECT DISTINCT {key} FROM {table})) "
                f"FROM {table}",
            )[0]
            assert total == distinct, table
    finally:
        for process in (cad, home):
            if process.poll() is None:
                process.kill()
            process.wait(30)
        if home.stdout is not None:
            home.stdout.close()
