"""Exporting the CAD's log: a month of half hours matches what the emulated meter recorded, row by
row, as CSV and JSON; bad dates and empty ranges are one-line errors with exit status 2."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from app.history.backfill import BackfillDepth
from app.history.store import HALF_HOUR_S, Channel, HalfHourRow, HistoryDatabase
from cad.cli import main
from cad.log import export
from cad.log.logger import CadLogger
from tests.conftest import OpenEmulatedHan


def _utc_day(epoch_s: float) -> dt.date:
    return dt.datetime.fromtimestamp(epoch_s, dt.UTC).date()


async def test_a_month_exported_matches_the_meters_own_records(
    emulated_han: OpenEmulatedHan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cad.db"
    async with emulated_han(profile="ev_owner", history_days=40) as han:
        await han.meter_ready()
        logger = CadLogger(
            db, han.model, lambda: han.session.links, depth=BackfillDepth(35, 35), fill_every_s=60
        )
        await logger.start()
        try:
            meter = han.model.electricity_import_meter()
            assert meter is not None
            key = str(meter.key)
            last_day = _utc_day(han.home.now_s) - dt.timedelta(days=1)
            first_day = last_day - dt.timedelta(days=29)
            start_s = int(dt.datetime.combine(first_day, dt.time(), dt.UTC).timestamp())
            end_s = start_s + 30 * 86_400

            async def month_logged() -> bool:
                _, count = await logger.store.sum_half_hours(key, Channel.IMPORT, start_s, end_s)
                return count == 30 * 48

            async with asyncio.timeout(60):
                while not await month_logged():  # noqa: ASYNC110 - the store has no event
                    await asyncio.sleep(0.02)
        finally:
            await logger.stop()
        kept = han.home.esme.registers.imported.half_hours(end_s, 30 * 48)
    recorded = [wh for wh in kept if wh is not None]
    assert len(recorded) == len(kept), "the meter keeps every half hour of the month"

    assert main(["export", "--from", str(first_day), "--to", str(last_day), "--db", str(db)]) == 0
    lines = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert lines[0] == ["start_utc", "import_kwh", "export_kwh"]
    assert len(lines) == 1 + 30 * 48
    for index, (row, wh) in enumerate(zip(lines[1:], recorded, strict=True)):
        start = start_s + index * HALF_HOUR_S
        assert row[0] == dt.datetime.fromtimestamp(start, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        assert Decimal(row[1]) == Decimal(wh) / 1000

    argv = ["export", "--from", str(first_day), "--to", str(first_day), "--format", "json"]
    assert main([*argv, "--db", str(db)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 48
    assert records[0]["start_utc"].endswith("T00:00:00Z")
    assert records[0]["import_kwh"] == pytest.approx(recorded[0] / 1000)


def _database_with_a_day(path: Path) -> None:
    database = HistoryDatabase(path)
    try:
        database.record_meter("m/1", fuel="electricity", unit="kWh", seen_s=0)
        start = int(dt.datetime(2026, 6, 1, tzinfo=dt.UTC).timestamp())
        database.upsert_half_hours(
            [HalfHourRow("m/1", "import", start + k * HALF_HOUR_S, 100 + k) for k in range(48)]
        )
        database.upsert_half_hours([HalfHourRow("m/1", "export", start, 7)])
    finally:
        database.close()


def test_csv_has_a_header_utc_times_units_and_empty_export_where_none(tmp_path: Path) -> None:
    path = tmp_path / "cad.db"
    _database_with_a_day(path)
    database = HistoryDatabase(path)
    try:
        text = export.render(database, export.request_for("2026-06-01", "2026-06-01"))
    finally:
        database.close()
    lines = text.splitlines()
    assert lines[0] == "start_utc,import_kwh,export_kwh"
    assert lines[1] == "2026-06-01T00:00:00Z,0.1,0.007"
    assert lines[2] == "2026-06-01T00:30:00Z,0.101,"
    assert len(lines) == 49


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cad", *args], capture_output=True, text=True, timeout=60
    )


def test_export_errors_are_one_line_with_status_2(tmp_path: Path) -> None:
    path = tmp_path / "cad.db"
    _database_with_a_day(path)
    cases = {
        ("--from", "2026-13-01", "--to", "2026-06-01"): "not a date: '2026-13-01'",
        ("--from", "2026-06-02", "--to", "2026-06-01"): "is before --from",
        ("--from", "2026-07-01", "--to", "2026-07-02"): "no electricity half hours logged",
        ("--from", "2026-06-01", "--to", "2026-06-01", "--fuel", "gas"): "no gas meter",
        ("--from", "2026-06-01", "--to", "2026-06-01", "--format", "xml"): "invalid choice",
        ("--from", "2026-06-01"): "required: --to",
    }
    for args, reason in cases.items():
        result = _cli("export", *args, "--db", str(path))
        assert result.returncode == 2, (args, result.stderr)
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert reason in result.stderr, result.stderr
    missing = _cli("export", "--from", "2026-06-01", "--to", "2026-06-01", "--db", "nope.db")
    assert missing.returncode == 2
    assert "no log at nope.db" in missing.stderr
    good = _cli("export", "--from", "2026-06-01", "--to", "2026-06-01", "--db", str(path))
    assert good.returncode == 0
    assert good.stdout.startswith("start_utc,import_kwh,export_kwh\n")


def test_a_file_that_is_not_a_cad_log_is_named_in_one_line_and_left_alone(tmp_path: Path) -> None:
    import sqlite3

    text = tmp_path / "notes.txt"
    text.write_text("hello, not a database\n")
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    before = other.read_bytes()
    for path, reason in ((text, "not an SQLite database"), (other, "it has no half hours table")):
        result = _cli("export", "--from", "2026-06-01", "--to", "2026-06-01", "--db", str(path))
        assert result.returncode == 2, result.stderr
        assert result.stdout == ""
        assert result.stderr.strip().splitlines() == [
            f"python -m cad export: {path} is not a CAD log ({reason})"
        ]
    assert other.read_bytes() == before
