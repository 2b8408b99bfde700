"""The display's own history: 24 months of half hours, days, weeks, months and tariff changes.

A GB meter keeps 13 months of half-hourly import (3 of export) and 13 months of monthly figures; the
consumer is owed 24 months. The display therefore keeps what it hears in SQLite (sqlite-utils):

- WAL journal, so a reader never blocks the writer and a killed process loses at most the batch it
  was writing – never half of one: every batch is one transaction;
- integer epoch timestamps and composite primary keys, so writing the same rows twice changes
  nothing (idempotent upserts) and back-fill can be repeated safely;
- amounts as integers of a fixed scale per quantity (below), never floats.

Schema (``PRAGMA user_version`` = 1)::

    meters        (meter PK, fuel, unit, first_seen_s, last_seen_s)
    half_hours    (meter, channel, start_s) PK, amount       channel: import | export
    periods       (meter, quantity, period, start_s) PK, amount, complete, recorded_s
                   quantity: energy | volume | cost | export_energy;  period: day | week | month
    tariff_changes(meter, start_s) PK, end_s, unit_price_gbp, rate_label, tier, recorded_s

Amount scales: energy in Wh (kWh × 1000), volume in litres (m³ × 1000), cost in £0.0001. A half
hour's amount is in the meter's unit × 1000 (Wh for an ESME, litres for the gas mirror).

sqlite-utils is synchronous and a connection belongs to the thread that opened it, so
``HistoryStore`` runs every call on one worker thread of its own (a queue of jobs in a single-thread
executor): asyncio code awaits it without ever blocking the Qt loop. ``HistoryDatabase`` is the
synchronous core that runs on that thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import functools
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Any, Final, ParamSpec, TypeVar

import sqlite_utils

from app.history.health import HistoryHealth, is_storage_error
from app.history.set_aside import set_aside_corrupt
from han.private_files import private_file

LOGGER = logging.getLogger(__name__)

SCHEMA_VERSION: Final = 1
HALF_HOUR_S: Final = 1800
DAY_S: Final = 86_400
KEEP_DAYS: Final = 731
"""24 months, as the EU energy-efficiency rules ask."""
SCALE: Final = {"energy": 1000, "volume": 1000, "cost": 10_000, "export_energy": 1000}
"""Integer units per displayed unit, by quantity (Wh per kWh, litres per m³, £0.0001 per £)."""

P = ParamSpec("P")
R = TypeVar("R")


class Channel(enum.StrEnum):
    IMPORT = "import"
    EXPORT = "export"


class Quantity(enum.StrEnum):
    ENERGY = "energy"
    VOLUME = "volume"
    COST = "cost"
    EXPORT_ENERGY = "export_energy"


class Period(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def to_units(amount: Decimal, scale: int) -> int:
    """A displayed amount as the store's integer (rounding half to even, exact for meter data)."""
    return int((amount * scale).to_integral_value(rounding=ROUND_HALF_EVEN))


@dataclass(frozen=True, slots=True)
class HalfHourRow:
    meter: str
    channel: str
    start_s: int
    amount: int


@dataclass(frozen=True, slots=True)
class PeriodRow:
    meter: str
    quantity: str
    period: str
    start_s: int
    amount: int
    complete: bool
    """False for a running period (today, this week, this month): its figure will still grow."""


@dataclass(frozen=True, slots=True)
class TariffRow:
    meter: str
    start_s: int
    end_s: int | None
    unit_price_gbp: Decimal
    rate_label: str
    tier: int | None


_TABLES: Final[dict[str, tuple[dict[str, type], tuple[str, ...], set[str]]]] = {
    # table: (columns, composite primary key, columns that may not be NULL)
    "meters": (
        {"meter": str, "fuel": str, "unit": str, "first_seen_s": int, "last_seen_s": int},
        ("meter",),
        set(),
    ),
    "half_hours": (
        {"meter": str, "channel": str, "start_s": int, "amount": int},
        ("meter", "channel", "start_s"),
        {"amount"},
    ),
    "periods": (
        {"meter": str, "quantity": str, "period": str, "start_s": int, "amount": int}
        | {"complete": int, "recorded_s": int},
        ("meter", "quantity", "period", "start_s"),
        {"amount", "complete"},
    ),
    "tariff_changes": (
        {"meter": str, "start_s": int, "end_s": int, "unit_price_gbp": str, "rate_label": str}
        | {"tier": int, "recorded_s": int},
        ("meter", "start_s"),
        set(),
    ),
}


BUSY_TIMEOUT_MS = 10_000
"""How long a write waits for another display's write to the same file."""


class HistoryDatabase:
    """The store on its own thread: open, write in transactions, read, prune, close."""

    def __init__(self, path: Path | str, *, keep_days: int = KEEP_DAYS) -> None:
        self.path = Path(path)
        self.keep_s = keep_days * DAY_S
        self.set_aside: Path | None = None
        """Where a damaged file found at ``path`` was moved before a fresh one was started."""
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as error:  # not a database, or a damaged one
            if is_storage_error(error):  # a full or read-only folder: the file is not to blame
                raise
            self.set_aside = set_aside_corrupt(self.path)
            LOGGER.error(
                "history %s is damaged (%s): set aside as %s, starting afresh",
                self.path,
                error,
                self.set_aside,
            )
            self.db = self._open()

    def _open(self) -> sqlite_utils.Database:
        private_file(self.path)  # a household's consumption: the owner's alone
        db = sqlite_utils.Database(self.path, execute_plugins=False)
        try:
            db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            db.enable_wal()
            # In WAL mode NORMAL is safe against a killed process (only an OS crash can lose the
            # last transactions, never corrupt the file), and much faster than FULL.
            db.execute("PRAGMA synchronous=NORMAL")
            self.db = db
            self._create_schema()
            # sqlite-utils learns whether SQLite has upserts by writing a scratch table, once per
            # connection: on a full disk that write fails and it falls back, for good, to a way of
            # upserting that loses rows. Asked here, a full disk fails the opening instead (which
            # is tried again), never the rows later.
            if not db.supports_on_conflict:
                raise sqlite3.OperationalError("database or disk is full (cannot write)")
            (verdict,) = db.execute("PRAGMA quick_check(1)").fetchone()
            if verdict != "ok":
                raise sqlite3.DatabaseError(f"quick check: {verdict}")
        except BaseException:
            db.close()
            raise
        return db

    def _create_schema(self) -> None:
        db = self.db
        with self.writing():
            for table, (columns, pk, not_null) in _TABLES.items():
                db[table].create(  # type: ignore[union-attr]
                    columns,
                    pk=pk,
                    not_null=not_null,
                    if_not_exists=True,
                    strict=db.supports_strict,
                )
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction that holds the write lock from its start.

        Two displays of one person on one computer share the file. A deferred transaction that
        reads and then writes cannot wait for the other's lock – SQLite answers "database is
        locked" at once – so a write begins IMMEDIATE, waiting up to the busy timeout instead."""
        connection = self.db.conn
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield
            # The commit too: in WAL mode a full disk is found when the log is written, and a
            # transaction left open would refuse every later write ("within a transaction").
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    # Writing (each call one transaction) ---------------------------------------------------

    def record_meter(self, meter: str, *, fuel: str, unit: str, seen_s: int) -> None:
        with self.writing():
            self.db.execute(
                "INSERT INTO meters (meter, fuel, unit, first_seen_s, last_seen_s) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (meter) DO UPDATE SET fuel = excluded.fuel, "
                "unit = excluded.unit, last_seen_s = MAX(last_seen_s, excluded.last_seen_s)",
                [meter, fuel, unit, seen_s, seen_s],
            )

    def upsert_half_hours(self, rows: Iterable[HalfHourRow]) -> int:
        records = [
            {"meter": r.meter, "channel": r.channel, "start_s": r.start_s, "amount": r.amount}
            for r in rows
        ]
        if records:
            with self.writing():
                self.db["half_hours"].upsert_all(  # type: ignore[union-attr]
                    records, pk=("meter", "channel", "start_s")
                )
        return len(records)

    def upsert_periods(self, rows: Iterable[PeriodRow], *, recorded_s: int) -> int:
        records = [
            {
                "meter": r.meter,
                "quantity": r.quantity,
                "period": r.period,
                "start_s": r.start_s,
                "amount": r.amount,
                "complete": int(r.complete),
                "recorded_s": recorded_s,
            }
            for r in rows
        ]
        if records:
            with self.writing():
                self.db["periods"].upsert_all(  # type: ignore[union-attr]
                    records, pk=("meter", "quantity", "period", "start_s")
                )
        return len(records)

    def record_tariffs(self, rows: Iterable[TariffRow], *, recorded_s: int) -> int:
        rows = [row for row in rows if not self._continues_open_tariff(row)]
        records = [
            {
                "meter": r.meter,
                "start_s": r.start_s,
                "end_s": r.end_s,
                "unit_price_gbp": str(r.unit_price_gbp),
                "rate_label": r.rate_label,
                "tier": r.tier,
                "recorded_s": recorded_s,
            }
            for r in rows
        ]
        if records:
            with self.writing():
                self.db["tariff_changes"].upsert_all(  # type: ignore[union-attr]
                    records, pk=("meter", "start_s")
                )
        return len(records)

    def _continues_open_tariff(self, row: TariffRow) -> bool:
        """Whether an open-ended ``row`` is the tariff already recorded as running (a price with no
        start of its own is stamped with the time it was seen: every app start would add a row)."""
        if row.end_s is not None:
            return False
        latest = self.db.execute(
            "SELECT start_s, unit_price_gbp, rate_label, tier FROM tariff_changes "
            "WHERE meter = ? AND end_s IS NULL ORDER BY start_s DESC LIMIT 1",
            [row.meter],
        ).fetchone()
        if latest is None:
            return False
        start_s, price, label, tier = latest
        return (
            start_s <= row.start_s
            and Decimal(price) == row.unit_price_gbp
            and label == row.rate_label
            and tier == row.tier
        )

    def prune(self, now_s: int) -> int:
        """Forget everything older than the retention (24 months); the number of rows removed."""
        before = now_s - self.keep_s
        removed = 0
        with self.writing():
            for table in ("half_hours", "periods", "tariff_changes"):
                cursor = self.db.execute(f"DELETE FROM {table} WHERE start_s < ?", [before])
                removed += cursor.rowcount
        return removed

    def forget_before(self, start_s: int) -> int:
        """A change of tenancy: forget every half hour and period that began before the move-in
        (prices stay – they are the supplier's, not the household's); the rows removed."""
        removed = 0
        with self.writing():
            for table in ("half_hours", "periods"):
                cursor = self.db.execute(f"DELETE FROM {table} WHERE start_s < ?", [start_s])
                removed += cursor.rowcount
        return removed

    # Reading -------------------------------------------------------------------------------

    def half_hours(self, meter: str, channel: str, start_s: int, end_s: int) -> list[HalfHourRow]:
        """The stored half hours starting in [start_s, end_s), oldest first."""
        rows = self.db.execute(
            "SELECT start_s, amount FROM half_hours WHERE meter = ? AND channel = ? "
            "AND start_s >= ? AND start_s < ? ORDER BY start_s",
            [meter, channel, start_s, end_s],
        ).fetchall()
        return [HalfHourRow(meter, channel, start, amount) for start, amount in rows]

    def missing_half_hours(
        self, meter: str, channel: str, start_s: int, end_s: int
    ) -> list[tuple[int, int]]:
        """The gaps in [start_s, end_s) as (first start, end) runs of whole half hours, oldest first."""
        first = start_s - start_s % HALF_HOUR_S
        present = {row.start_s for row in self.half_hours(meter, channel, first, end_s)}
        runs: list[tuple[int, int]] = []
        run_start: int | None = None
        for slot in range(first, end_s - HALF_HOUR_S + 1, HALF_HOUR_S):
            if slot in present:
                if run_start is not None:
                    runs.append((run_start, slot))
                    run_start = None
            elif run_start is None:
                run_start = slot
        if run_start is not None:
            runs.append((run_start, end_s - (end_s - first) % HALF_HOUR_S))
        return runs

    def sum_half_hours(self, meter: str, channel: str, start_s: int, end_s: int) -> tuple[int, int]:
        """(total amount, number of half hours) stored in [start_s, end_s)."""
        total, count = self.db.execute(
            "SELECT COALESCE(SUM(amount), 0), COUNT(*) FROM half_hours WHERE meter = ? "
            "AND channel = ? AND start_s >= ? AND start_s < ?",
            [meter, channel, start_s, end_s],
        ).fetchone()
        return int(total), int(count)

    def periods(
        self, meter: str, quantity: str, period: str, start_s: int = 0, end_s: int = 2**62
    ) -> list[PeriodRow]:
        rows = self.db.execute(
            "SELECT start_s, amount, complete FROM periods WHERE meter = ? AND quantity = ? "
            "AND period = ? AND start_s >= ? AND start_s < ? ORDER BY start_s",
            [meter, quantity, period, start_s, end_s],
        ).fetchall()
        return [
            PeriodRow(meter, quantity, period, start, amount, bool(complete))
            for start, amount, complete in rows
        ]

    def tariff_changes(self, meter: str) -> list[TariffRow]:
        rows = self.db.execute(
            "SELECT start_s, end_s, unit_price_gbp, rate_label, tier FROM tariff_changes "
            "WHERE meter = ? ORDER BY start_s",
            [meter],
        ).fetchall()
        return [
            TariffRow(meter, start, end, Decimal(price), label, tier)
            for start, end, price, label, tier in rows
        ]

    def meters(self) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM meters ORDER BY meter"))


class HistoryStore:
    """``HistoryDatabase`` for asyncio code: every call runs on the store's own worker thread.

    Use ``await HistoryStore.open(path)`` (or ``async with``) and ``await store.close()``. Calls are
    queued in order, so a read sees every write awaited before it."""

    def __init__(
        self, path: Path | str, *, keep_days: int = KEEP_DAYS, health: HistoryHealth | None = None
    ) -> None:
        self.path = Path(path)
        self._keep_days = keep_days
        self.health = health or HistoryHealth()
        """Told of every write that fails for want of room or permission (and, by whoever
        retries, when writing works again), so the display can say whether history is saved."""
        self._executor: ThreadPoolExecutor | None = None
        self._database: HistoryDatabase | None = None

    @classmethod
    async def open(
        cls, path: Path | str, *, keep_days: int = KEEP_DAYS, health: HistoryHealth | None = None
    ) -> HistoryStore:
        store = cls(path, keep_days=keep_days, health=health)
        await store.start()
        return store

    async def start(self) -> None:
        """Open the file (raises if it cannot be; the store can be started again later)."""
        if self._database is not None:
            return
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="history-store")
        try:
            self._database = await self._run(HistoryDatabase, self.path, keep_days=self._keep_days)
        except Exception as error:
            if is_storage_error(error):
                self.health.write_failed(error)
            raise
        if self._database.set_aside is not None:
            self.health.file_set_aside(self._database.set_aside)

    @property
    def set_aside(self) -> Path | None:
        """Where a damaged file was moved when this store opened (for the display to say so)."""
        return self._database.set_aside if self._database is not None else None

    async def close(self) -> None:
        executor = self._executor
        if executor is None:
            return
        try:
            if self._database is not None:
                await self._run(self._database.close)
        finally:
            self._database = None
            self._executor = None
            # Its queue is empty, so its worker ends at once; waiting for it means no thread of
            # the store outlives the store (nor the app, which closes it on the way out).
            executor.shutdown(wait=True)

    async def __aenter__(self) -> HistoryStore:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def _run(self, function: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        if self._executor is None:
            raise RuntimeError("the history store is not open")
        job = functools.partial(function, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._executor, job)

    async def call(self, job: Callable[[HistoryDatabase], R]) -> R:
        """Run ``job(database)`` on the store's thread (for queries not wrapped below)."""
        database = self._database
        if database is None:
            raise RuntimeError("the history store is not open")
        try:
            return await self._run(job, database)
        except Exception as error:
            # The transaction was rolled back whole: nothing is half-written, and whoever wrote
            # tries again (the recorder), telling the health when a whole pass has worked.
            if is_storage_error(error):
                self.health.write_failed(error)
            raise

    @property
    def is_open(self) -> bool:
        return self._database is not None

    # The database's calls, awaitable --------------------------------------------------------

    async def record_meter(self, meter: str, *, fuel: str, unit: str, seen_s: int) -> None:
        await self.call(lambda db: db.record_meter(meter, fuel=fuel, unit=unit, seen_s=seen_s))

    async def upsert_half_hours(self, rows: Sequence[HalfHourRow]) -> int:
        return await self.call(lambda db: db.upsert_half_hours(rows))

    async def upsert_periods(self, rows: Sequence[PeriodRow], *, recorded_s: int) -> int:
        return await self.call(lambda db: db.upsert_periods(rows, recorded_s=recorded_s))

    async def record_tariffs(self, rows: Sequence[TariffRow], *, recorded_s: int) -> int:
        return await self.call(lambda db: db.record_tariffs(rows, recorded_s=recorded_s))

    async def prune(self, now_s: int) -> int:
        return await self.call(lambda db: db.prune(now_s))

    async def forget_before(self, start_s: int) -> int:
        return await self.call(lambda db: db.forget_before(start_s))

    async def half_hours(
        self, meter: str, channel: str, start_s: int, end_s: int
    ) -> list[HalfHourRow]:
        return await self.call(lambda db: db.half_hours(meter, channel, start_s, end_s))

    async def missing_half_hours(
        self, meter: str, channel: str, start_s: int, end_s: int
    ) -> list[tuple[int, int]]:
        return await self.call(lambda db: db.missing_half_hours(meter, channel, start_s, end_s))

    async def sum_half_hours(
        self, meter: str, channel: str, start_s: int, end_s: int
    ) -> tuple[int, int]:
        return await self.call(lambda db: db.sum_half_hours(meter, channel, start_s, end_s))

    async def periods(
        self, meter: str, quantity: str, period: str, start_s: int = 0, end_s: int = 2**62
    ) -> list[PeriodRow]:
        return await self.call(lambda db: db.periods(meter, quantity, period, start_s, end_s))

    async def tariff_changes(self, meter: str) -> list[TariffRow]:
        return await self.call(lambda db: db.tariff_changes(meter))
