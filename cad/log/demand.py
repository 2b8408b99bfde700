"""Live demand as the CAD hears it, kept beside the history store's half hours.

The history store (``app/history/store.py``) keeps what the meters record; live demand is the CAD's
own: one row per reading at the meter's cadence, in the store's file and on the store's worker
thread (``HistoryStore.call``), so one connection writes everything and a killed process loses at
most the batch it was writing. Schema::

    demand_readings (meter, at_s) PK, demand_w      at_s: the HAN's clock, whole seconds

Watts are integers (the meter's resolution is 1 W); an upsert of the same reading changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from app.history.store import HistoryDatabase, HistoryStore

TABLE: Final = "demand_readings"


@dataclass(frozen=True, slots=True)
class DemandRow:
    meter: str
    at_s: int
    demand_w: int


def create_table(database: HistoryDatabase) -> None:
    with database.writing():
        database.db[TABLE].create(  # type: ignore[union-attr]
            {"meter": str, "at_s": int, "demand_w": int},
            pk=("meter", "at_s"),
            not_null={"demand_w"},
            if_not_exists=True,
            strict=database.db.supports_strict,
        )


def upsert(database: HistoryDatabase, rows: Sequence[DemandRow]) -> int:
    records = [{"meter": r.meter, "at_s": r.at_s, "demand_w": r.demand_w} for r in rows]
    if records:
        with database.writing():
            database.db[TABLE].upsert_all(records, pk=("meter", "at_s"))  # type: ignore[union-attr]
    return len(records)


def forget_before(database: HistoryDatabase, at_s: int) -> int:
    with database.writing():
        return database.db.execute(f"DELETE FROM {TABLE} WHERE at_s < ?", [at_s]).rowcount


def between(database: HistoryDatabase, meter: str, start_s: int, end_s: int) -> list[DemandRow]:
    rows = database.db.execute(
        f"SELECT at_s, demand_w FROM {TABLE} WHERE meter = ? AND at_s >= ? AND at_s < ? "
        "ORDER BY at_s",
        [meter, start_s, end_s],
    ).fetchall()
    return [DemandRow(meter, at, watts) for at, watts in rows]


class DemandLog:
    """The table above, awaited through an open ``HistoryStore``."""

    def __init__(self, store: HistoryStore) -> None:
        self.store = store

    async def start(self) -> None:
        await self.store.call(create_table)

    async def record(self, rows: Sequence[DemandRow]) -> int:
        return await self.store.call(lambda db: upsert(db, rows))

    async def forget_before(self, at_s: int) -> int:
        return await self.store.call(lambda db: forget_before(db, at_s))

    async def between(self, meter: str, start_s: int, end_s: int) -> list[DemandRow]:
        return await self.store.call(lambda db: between(db, meter, start_s, end_s))
