"""The history store: round trips, idempotent upserts, gaps, retention, a kill, a reopen – and
back-fill from the emulated meters through the air."""

from __future__ import annotations

import asyncio
import math
import sqlite3
import subprocess
import sys
import textwrap
import threading
from collections.abc import Awaitable, Callable
from decimal import Decimal
from pathlib import Path

import pytest
import zigpy.types as t

from app.history.backfill import BackfillDepth, HistoryBackfill, HistoryRecorder, merge_runs
from app.history.store import (
    DAY_S,
    KEEP_DAYS,
    Channel,
    HalfHourRow,
    HistoryDatabase,
    HistoryStore,
    Period,
    PeriodRow,
    Quantity,
    TariffRow,
)
from han.domain.local_calendar import LocalCalendar
from han.domain.units import HALF_HOUR_S
from tests.conftest import EmulatedHan, OpenEmulatedHan

T0 = 1_781_481_600  # a UTC midnight
METER = "0d:6f:00:00:00:00:00:01/1"


def _half_hours(start_s: int, count: int, *, channel: str = Channel.IMPORT) -> list[HalfHourRow]:
    return [HalfHourRow(METER, channel, start_s + k * HALF_HOUR_S, 100 + k) for k in range(count)]


def _count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


async def _eventually(condition: Callable[[], Awaitable[bool]], timeout_s: float = 10.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not await condition():  # noqa: ASYNC110 - the store's state has no event to wait on
            await asyncio.sleep(0.01)


# The store on its own ------------------------------------------------------------------------


async def test_rows_round_trip_on_the_stores_own_thread(tmp_path: Path) -> None:
    async with HistoryStore(tmp_path / "history.db") as store:
        thread = await store.call(lambda _db: threading.current_thread())
        assert thread is not threading.main_thread()
        assert thread.name.startswith("history-store")

        assert await store.upsert_half_hours(_half_hours(T0, 4)) == 4
        assert await store.half_hours(METER, Channel.IMPORT, T0, T0 + DAY_S) == _half_hours(T0, 4)
        assert await store.sum_half_hours(METER, Channel.IMPORT, T0, T0 + DAY_S) == (406, 4)

        day = PeriodRow(METER, Quantity.ENERGY, Period.DAY, T0, 12_345, complete=True)
        await store.upsert_periods([day], recorded_s=T0)
        assert await store.periods(METER, Quantity.ENERGY, Period.DAY) == [day]

        night = TariffRow(METER, T0 + 1800, T0 + 27_000, Decimal("0.1500"), "Night", 2)
        await store.record_tariffs([night], recorded_s=T0)
        assert await store.tariff_changes(METER) == [night]

        await store.record_meter(METER, fuel="electricity", unit="kWh", seen_s=T0)
        await store.record_meter(METER, fuel="electricity", unit="kWh", seen_s=T0 + 60)
        (meter,) = await store.call(lambda db: db.meters())
        assert (meter["first_seen_s"], meter["last_seen_s"]) == (T0, T0 + 60)


async def test_the_same_rows_twice_are_stored_once_and_a_correction_replaces(
    tmp_path: Path,
) -> None:
    path = tmp_path / "history.db"
    async with HistoryStore(path) as store:
        await store.upsert_half_hours(_half_hours(T0, 48))
        await store.upsert_half_hours(_half_hours(T0, 48))
        corrected = HalfHourRow(METER, Channel.IMPORT, T0, 999)
        await store.upsert_half_hours([corrected])
        day = PeriodRow(METER, Quantity.COST, Period.DAY, T0, 5000, complete=False)
        await store.upsert_periods([day], recorded_s=T0)
        closed = PeriodRow(METER, Quantity.COST, Period.DAY, T0, 5100, complete=True)
        await store.upsert_periods([closed], recorded_s=T0 + DAY_S)
        assert (await store.half_hours(METER, Channel.IMPORT, T0, T0 + 1))[0] == corrected
        assert await store.periods(METER, Quantity.COST, Period.DAY) == [closed]
    assert _count(path, "half_hours") == 48
    assert _count(path, "periods") == 1


async def test_gaps_are_found_as_runs_of_whole_half_hours(tmp_path: Path) -> None:
    async with HistoryStore(tmp_path / "history.db") as store:
        rows = _half_hours(T0, 48)
        kept = rows[:10] + rows[20:30] + rows[31:40]
        await store.upsert_half_hours(kept)
        gaps = await store.missing_half_hours(METER, Channel.IMPORT, T0 - 3600, T0 + DAY_S)
        assert gaps == [
            (T0 - 3600, T0),
            (T0 + 10 * HALF_HOUR_S, T0 + 20 * HALF_HOUR_S),
            (T0 + 30 * HALF_HOUR_S, T0 + 31 * HALF_HOUR_S),
            (T0 + 40 * HALF_HOUR_S, T0 + DAY_S),
        ]
        assert await store.missing_half_hours(METER, Channel.EXPORT, T0, T0 + 3600) == [
            (T0, T0 + 3600)
        ]
    assert merge_runs(gaps, within_s=24 * HALF_HOUR_S) == [(T0 - 3600, T0 + DAY_S)]
    assert merge_runs(gaps, within_s=10 * HALF_HOUR_S) == [
        gaps[0],
        gaps[1],
        (gaps[2][0], gaps[3][1]),
    ]


async def test_it_reopens_with_everything_and_keeps_24_months(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "history.db"
    store = await HistoryStore.open(path)
    old = T0 - (KEEP_DAYS + 1) * DAY_S
    await store.upsert_half_hours([*_half_hours(old, 2), *_half_hours(T0, 2)])
    await store.close()
    await store.close()  # closing twice is harmless

    reopened = await HistoryStore.open(path)
    try:
        assert len(await reopened.half_hours(METER, Channel.IMPORT, 0, 2**40)) == 4
        assert await reopened.call(lambda db: db.schema_version) == 1
        mode = await reopened.call(lambda db: db.db.execute("PRAGMA journal_mode").fetchone()[0])
        assert mode == "wal"
        assert await reopened.prune(T0) == 2
        assert await reopened.half_hours(METER, Channel.IMPORT, 0, 2**40) == _half_hours(T0, 2)
    finally:
        await reopened.close()


def test_a_killed_writer_leaves_whole_batches_only(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    writer = textwrap.dedent(
        f"""
        import os, signal
        from app.history.store import HistoryDatabase, HalfHourRow
        database = HistoryDatabase({str(path)!r})
        database.upsert_half_hours(
            [HalfHourRow("m", "import", {T0} + k * 1800, k) for k in range(48)]
        )
        database.db.execute("BEGIN")
        for k in range(48, 96):
            database.db.execute(
                "INSERT INTO half_hours VALUES ('m', 'import', ?, ?)", [{T0} + k * 1800, k]
            )
        os.kill(os.getpid(), signal.SIGKILL)  # mid-batch, before the commit
        """
    )
    result = subprocess.run([sys.executable, "-c", writer], capture_output=True, timeout=60)
    assert result.returncode != 0  # it really died
    database = HistoryDatabase(path)
    try:
        assert database.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert len(database.half_hours("m", "import", 0, 2**40)) == 48
    finally:
        database.close()


# Back-fill from the emulated meters ------------------------------------------------------------


async def test_backfill_fills_the_stores_gaps_from_the_meters_profile(
    emulated_han: OpenEmulatedHan, tmp_path: Path
) -> None:
    async with (
        emulated_han(profile="ev_owner", history_days=10) as han,
        HistoryStore(tmp_path / "history.db") as store,
    ):
        await han.meter_ready()
        meter = han.model.electricity_import_meter()
        assert meter is not None
        link = han.session.links[meter.key]
        key = str(meter.key)
        backfill = HistoryBackfill(store, han.model, depth=BackfillDepth(import_days=2))
        register = han.home.esme.registers.imported

        first = await backfill.fill_meter(link)
        end = int(backfill.han_now()) // HALF_HOUR_S * HALF_HOUR_S
        stored = await store.half_hours(key, Channel.IMPORT, end - 2 * DAY_S, end)
        assert [row.amount for row in stored] == register.half_hours(end, 96)
        assert first.half_hours == 96

        # Nothing missing: nothing asked for again.
        again = await backfill.fill_meter(link)
        assert (again.half_hours, again.gap_runs) == (0, 0)

        # The display was off for three hours yesterday: exactly that is asked for and filled.
        off_from, off_to = end - DAY_S, end - DAY_S + 3 * 3600
        await store.call(
            lambda db: db.db.execute(
                "DELETE FROM half_hours WHERE start_s >= ? AND start_s < ?", [off_from, off_to]
            )
        )
        assert await store.missing_half_hours(key, Channel.IMPORT, end - 2 * DAY_S, end) == [
            (off_from, off_to)
        ]
        refilled = await backfill.fill_meter(link)
        assert (refilled.half_hours, refilled.gap_runs) == (6, 1)
        assert [r.amount for r in await store.half_hours(key, Channel.IMPORT, 0, end)] == (
            register.half_hours(end, 96)
        )


async def test_backfill_writes_days_weeks_months_and_tariffs(
    emulated_han: OpenEmulatedHan, tmp_path: Path
) -> None:
    async with (
        emulated_han(profile="ev_owner", history_days=40) as han,
        HistoryStore(tmp_path / "history.db") as store,
    ):
        await han.meter_ready()
        meter = han.model.electricity_import_meter()
        assert meter is not None
        key = str(meter.key)
        backfill = HistoryBackfill(store, han.model, depth=BackfillDepth(import_days=2))
        await backfill.fill_meter(han.session.links[meter.key])

        esme = han.home.esme
        calendar = LocalCalendar()
        today = calendar.day_start(han.home.now_s)
        yesterday = calendar.days_before(today, 1)
        days = {row.start_s: row for row in await store.periods(key, Quantity.ENERGY, Period.DAY)}
        # From the meter's attribute – and, the same figure, from the 48 half hours in the store.
        assert days[yesterday].amount == esme.metering.get("previousday_consumption_delivered")
        assert days[yesterday].complete
        assert not days[today].complete
        eighth = calendar.days_before(today, 8)
        assert days[eighth].amount == esme.metering.get("previous_day8_consumption_delivered")
        weeks = await store.periods(key, Quantity.COST, Period.WEEK)
        last_week = calendar.days_before(calendar.week_start(han.home.now_s), 7)
        (previous,) = [row for row in weeks if row.start_s == last_week]
        assert previous.amount == esme.prepayment.get("previous_week1_cost_consumption_delivered")
        # The month before the meter's records began has no figure, so no row: not a zero.
        months = await store.periods(key, Quantity.COST, Period.MONTH)
        assert calendar.months_before(calendar.month_start(han.home.now_s), 2) not in {
            row.start_s for row in months
        }
        (tariff,) = await store.tariff_changes(key)
        assert (tariff.unit_price_gbp, tariff.rate_label) == (Decimal("0.2450"), "Standard")


async def test_the_recorder_follows_a_running_session(
    emulated_han: OpenEmulatedHan, tmp_path: Path
) -> None:
    async with (
        emulated_han(profile="ev_owner", history_days=3) as han,
        HistoryStore(tmp_path / "history.db") as store,
    ):
        backfill = HistoryBackfill(store, han.model, depth=BackfillDepth(import_days=1))
        recorder = HistoryRecorder(backfill, lambda: han.session.links)
        recorder.start()
        try:
            await han.meter_ready()
            meter = han.model.electricity_import_meter()
            assert meter is not None, "the meter is ready"
            key = str(meter.key)

            async def recorded() -> bool:
                _, count = await store.sum_half_hours(key, Channel.IMPORT, 0, 2**40)
                days = await store.periods(key, Quantity.ENERGY, Period.DAY)
                return count >= 47 and bool(days) and bool(await store.tariff_changes(key))

            await _eventually(recorded)
        finally:
            await recorder.stop()


def _count_profile_requests(han: EmulatedHan) -> list[int]:
    """Counts GetProfile requests going down to the meters (cluster command 0 of Metering)."""
    requests = [0]

    def tap(packet: t.ZigbeePacket, way: str) -> None:
        data = packet.data.serialize()
        cluster_specific = data[0] & 0x03 == 0x01
        command_at = 4 if data[0] & 0x04 else 2  # after a manufacturer code, if any
        if way == "down" and packet.cluster_id == 0x0702 and cluster_specific:
            requests[0] += data[command_at] == 0x00  # GetProfile

    han.home.air.taps.append(tap)
    return requests


async def test_backfill_asks_24_half_hours_a_request_and_stops_where_the_meter_does(
    emulated_han: OpenEmulatedHan, tmp_path: Path
) -> None:
    async with (
        emulated_han(profile="ev_owner", history_days=1) as han,
        HistoryStore(tmp_path / "history.db") as store,
    ):
        await han.meter_ready()
        meter = han.model.electricity_import_meter()
        assert meter is not None
        link = han.session.links[meter.key]
        requests = _count_profile_requests(han)
        backfill = HistoryBackfill(store, han.model, depth=BackfillDepth(import_days=7))

        first = await backfill.fill_meter(link)
        register = han.home.esme.registers.imported
        kept = (register.last_boundary_s - register.first_boundary_s) // HALF_HOUR_S
        assert first.half_hours == kept  # all the meter has, from a week asked for
        pages = math.ceil(kept / 24)
        if kept % 24 == 0:
            pages += 1  # a full last page cannot tell that nothing older exists: one more asks
        assert requests[0] == pages

        requests[0] = 0
        again = await backfill.fill_meter(link)
        assert (again.half_hours, again.gap_runs, requests[0]) == (0, 0, 0)


def test_two_displays_on_one_computer_share_the_file_without_locking_each_other_out(
    tmp_path: Path,
) -> None:
    """An IHD and a PPMID run by the same person write the same history file at once."""
    import threading

    path = tmp_path / "history.sqlite3"
    errors: list[str] = []

    def display(n: int) -> None:
        try:
            database = HistoryDatabase(path)
            try:
                for i in range(100):
                    rows = [
                        HalfHourRow(f"m{n}", "import", HALF_HOUR_S * (10 * i + k), k)
                        for k in range(10)
                    ]
                    database.upsert_half_hours(rows)
                    database.prune(0)  # a write that reads first, as the recorder does
            finally:
                database.close()
        except Exception as error:
            errors.append(repr(error))

    threads = [threading.Thread(target=display, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    database = HistoryDatabase(path)
    try:
        assert all(len(database.half_hours(f"m{n}", "import", 0, 2**40)) == 1000 for n in range(3))
    finally:
        database.close()


def test_tariff_changes_gain_a_row_only_when_the_tariff_changes(tmp_path: Path) -> None:
    """A price with no start of its own is stamped when seen: an app start must not add another
    open-ended row at the same price (issue: one row per start)."""
    from app.history.store import HistoryDatabase

    db = HistoryDatabase(tmp_path / "history.sqlite3")
    try:
        for started in (T0, T0 + 3600, T0 + 7200):  # three app starts, the same flat price
            db.record_tariffs(
                [TariffRow(METER, started, None, Decimal("0.2450"), "", None)], recorded_s=started
            )
        assert db.tariff_changes(METER) == [TariffRow(METER, T0, None, Decimal("0.2450"), "", None)]
        new_price = TariffRow(METER, T0 + 9000, None, Decimal("0.2600"), "", None)
        db.record_tariffs([new_price], recorded_s=T0 + 9000)
        assert db.tariff_changes(METER)[-1] == new_price
        assert len(db.tariff_changes(METER)) == 2
    finally:
        db.db.close()


@pytest.mark.logs_warning(r"is damaged .*set aside as")
def test_a_damaged_history_is_set_aside_and_a_fresh_one_started(tmp_path: Path) -> None:
    from app.history.store import HistoryDatabase

    path = tmp_path / "history.sqlite3"
    db = HistoryDatabase(path)
    db.upsert_half_hours(_half_hours(T0, 48))
    db.close()
    data = path.read_bytes()
    path.write_bytes(data[:4096] + b"\x00" * 100 + data[4196:8192])  # truncated and scribbled
    again = HistoryDatabase(path)
    try:
        assert again.set_aside is not None
        assert again.set_aside.name.startswith("history.sqlite3.corrupt-")
        assert again.set_aside.exists()
        again.upsert_half_hours(_half_hours(T0, 2))  # a fresh file, in use at once
        assert len(again.half_hours(METER, Channel.IMPORT, T0, T0 + DAY_S)) == 2
    finally:
        again.close()


@pytest.mark.logs_warning(r"is damaged .*set aside as")
def test_a_file_that_is_not_a_database_is_set_aside(tmp_path: Path) -> None:
    from app.history.store import HistoryDatabase

    path = tmp_path / "history.db"
    path.write_text("not a database, whatever it is\n" * 200)
    db = HistoryDatabase(path)
    try:
        assert db.set_aside is not None
        assert db.set_aside.read_text().startswith("not a database")
    finally:
        db.close()
