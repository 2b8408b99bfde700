"""The home store's SQLite file: its tables, how a file is recognised, and snapshots ↔ rows.

One file holds any number of homes, keyed by a name. Tables are STRICT; times are integer epoch
seconds; every table's primary key starts with the home's name. Large integers that only need to be
exact (accumulators: price units × joules outgrow 64 bits for long enough) are decimal TEXT; each
register's half-hourly readings are one BLOB of little-endian int64 (24 months ≈ 35,000 readings
≈ 280 kB), which writes and reads in milliseconds where a row per reading would take a second.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import sqlite_utils

from han.private_files import private_file

SCHEMA_VERSION = 1
APPLICATION_ID = 0x534D_4853  # "SMHS" in the SQLite header: a file this store wrote
_SQLITE_MAGIC = b"SQLite format 3\x00"

# name: (columns, primary key, nullable columns) – every table starts with the home's name.
# fmt: off
TABLES: dict[str, tuple[dict[str, type], tuple[str, ...], frozenset[str]]] = {
    "homes": (
        {
            "home": str, "saved_at": int, "now_s": int, "next_step_s": int, "clock_speed": float,
            "clock_paused": int, "nodes_powered": int, "reports_sent": int, "seed": int,
            "profile": str, "spec": str, "scenario_name": str, "scenario_source": str,
            "scenario_toml": str, "mains_lost_at_s": int, "next_message_id": int,
        },
        ("home",),
        frozenset({"scenario_name", "scenario_source", "scenario_toml", "mains_lost_at_s"}),
    ),
    "meters": (
        {
            "home": str, "meter": str, "time_s": int, "synced_s": int, "mains_on": int,
            "tariff": str, "half_hour_import_j": int, "half_hour_export_j": int,
            "block_period_joules": int, "extra_loads": str,
        },
        ("home", "meter"),
        frozenset({"synced_s", "block_period_joules"}),
    ),
    "registers": (
        {
            "home": str, "meter": str, "register": str, "scale": int, "accumulator": str,
            "first_boundary_s": int, "reading_count": int, "readings": bytes,
        },
        ("home", "meter", "register"),
        frozenset(),
    ),
    "tier_registers": (
        {"home": str, "meter": str, "tier": int, "joules": str},
        ("home", "meter", "tier"),
        frozenset(),
    ),
    "max_demand": (
        {
            "home": str, "meter": str, "direction": str, "any_half_hour_w": int, "window_w": int,
            "window_start_s": int, "window_end_s": int,
        },
        ("home", "meter", "direction"),
        frozenset(),
    ),
    "served_attributes": (
        {"home": str, "meter": str, "cluster": int, "attribute": int, "value": str},
        ("home", "meter", "cluster", "attribute"),
        frozenset(),
    ),
    "device_log": (
        {
            "home": str, "log": str, "position": int, "eui64": str, "install_code": bytes,
            "device_type": str, "joined": int,
        },
        ("home", "log", "position"),
        frozenset(),
    ),
    "messages": (
        {
            "home": str, "message_id": int, "position": int, "text": str, "importance": str,
            "confirmation_required": int, "start_s": int, "duration_min": int,
            "confirmed_at_s": int, "cancelled": int,
        },
        ("home", "message_id"),
        frozenset({"confirmed_at_s"}),
    ),
    "hub_events": (
        {"home": str, "position": int, "at_s": int, "kind": str, "detail": str},
        ("home", "position"),
        frozenset(),
    ),
    "scenario_events": (
        {"home": str, "event_index": int, "at_s": int, "kind": str, "fired": int},
        ("home", "event_index"),
        frozenset(),
    ),
    "pending_actions": (
        {"home": str, "position": int, "at_s": int, "action": str, "event_index": int},
        ("home", "position"),
        frozenset({"event_index"}),
    ),
    "extension_state": (
        {"home": str, "section": str, "state": str},
        ("home", "section"),
        frozenset(),
    ),
}
# fmt: on


class HomeStoreError(Exception):
    """Anything that stops the store from keeping or giving back a home; the message says what."""


class NotAHomeStore(HomeStoreError):
    pass


class HomeNotFound(HomeStoreError, KeyError):
    __str__ = HomeStoreError.__str__  # the message as written, not KeyError's quoted repr


# Opening ----------------------------------------------------------------------------------------


def open_database(path: Path) -> sqlite_utils.Database:
    """The store at ``path``, created if missing; refuses – without writing – anything else."""
    _check_header(path)
    try:
        private_file(path)  # a home's registers and history are a household's, even emulated
        db = sqlite_utils.Database(sqlite3.connect(path), strict=True)
    except sqlite3.Error as error:
        raise HomeStoreError(f"{path} cannot be opened ({error})") from error
    try:
        _check_contents(db, path)
        db.enable_wal()
        _create_tables(db)
    except sqlite3.Error as error:  # e.g. a read-only file or folder: nothing was written
        db.close()
        raise HomeStoreError(f"{path} cannot be used as a home store ({error})") from error
    except BaseException:
        db.close()
        raise
    return db


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as file:
            header = file.read(len(_SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except OSError as error:
        raise HomeStoreError(f"{path} cannot be read ({error.strerror})") from error
    if header and header != _SQLITE_MAGIC:
        raise NotAHomeStore(f"{path} is not a home store (not an SQLite database)")


def _check_contents(db: sqlite_utils.Database, path: Path) -> None:
    try:
        tables = set(db.table_names())
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        problems = [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as error:
        raise NotAHomeStore(f"{path} is not a home store ({error})") from error
    if problems != ["ok"]:
        raise NotAHomeStore(f"{path} is not a home store (damaged: {'; '.join(problems[:3])})")
    if not tables and application_id == 0:
        return  # a new, empty database: this store's to shape
    if application_id != APPLICATION_ID or "schema_version" not in tables:
        listed = ", ".join(sorted(tables)[:5]) or "no tables"
        raise NotAHomeStore(f"{path} is not a home store (it is another SQLite file: {listed})")
    row = db.execute("SELECT version FROM schema_version WHERE component = 'home_store'").fetchone()
    if row is None or row[0] > SCHEMA_VERSION:
        found = "no version" if row is None else f"version {row[0]}"
        raise HomeStoreError(
            f"{path} is a home store of {found}; this program reads version {SCHEMA_VERSION}"
        )


def _create_tables(db: sqlite_utils.Database) -> None:
    if "schema_version" in db.table_names():
        return
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    with db.atomic():
        db.table("schema_version").create(
            {"component": str, "version": int, "created_at": int}, pk="component"
        )
        db.table("schema_version").insert(
            {"component": "home_store", "version": SCHEMA_VERSION, "created_at": int(time.time())}
        )
        for name, (columns, pk, nullable) in TABLES.items():
            db.table(name).create(columns, pk=pk, not_null=set(columns) - nullable)
