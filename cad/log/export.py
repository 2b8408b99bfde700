"""Exporting the CAD's log: half hours of a date range as CSV or JSON, timestamps in UTC.

Electricity: ``start_utc,import_kwh,export_kwh`` (export empty where the meter has none);
gas: ``start_utc,volume_m3``. Dates are whole UTC days, ``--to`` included.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from app.history.store import DAY_S, Channel, HistoryDatabase

FORMATS: Final = ("csv", "json")
FUELS: Final = ("electricity", "gas")


class ExportError(ValueError):
    """Nothing to export, or a request that cannot be met: one line for the user."""


@dataclass(frozen=True)
class ExportRequest:
    start_s: int
    end_s: int
    """Exclusive."""
    fuel: str = "electricity"
    format: str = "csv"


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ExportError(f"not a date: {text!r} (expected YYYY-MM-DD)") from None


def request_for(
    first: str, last: str, *, fuel: str = "electricity", format: str = "csv"
) -> ExportRequest:
    start, end = parse_date(first), parse_date(last)
    if end < start:
        raise ExportError(f"--to {last} is before --from {first}")
    start_s = int(dt.datetime.combine(start, dt.time(), dt.UTC).timestamp())
    end_s = int(dt.datetime.combine(end, dt.time(), dt.UTC).timestamp()) + DAY_S
    return ExportRequest(start_s, end_s, fuel, format)


def _utc(seconds: int) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _amount(units: int) -> str:
    return str(Decimal(units) / 1000)


def rows(database: HistoryDatabase, request: ExportRequest) -> tuple[list[str], list[list[str]]]:
    """The header and rows of an export, oldest first; ExportError when there is nothing."""
    meters = [m["meter"] for m in database.meters() if m["fuel"] == request.fuel]
    if not meters:
        raise ExportError(f"no {request.fuel} meter in the log")
    meter = meters[0]
    if request.fuel == "gas":
        header = ["start_utc", "volume_m3"]
        channels = [Channel.IMPORT]
    else:
        header = ["start_utc", "import_kwh", "export_kwh"]
        channels = [Channel.IMPORT, Channel.EXPORT]
    by_start: dict[int, list[str]] = {}
    for index, channel in enumerate(channels):
        for row in database.half_hours(meter, channel, request.start_s, request.end_s):
            values = by_start.setdefault(row.start_s, [""] * len(channels))
            values[index] = _amount(row.amount)
    if not by_start:
        first, last = _utc(request.start_s)[:10], _utc(request.end_s - DAY_S)[:10]
        raise ExportError(f"no {request.fuel} half hours logged from {first} to {last}")
    return header, [[_utc(start), *by_start[start]] for start in sorted(by_start)]


def render(database: HistoryDatabase, request: ExportRequest) -> str:
    header, table = rows(database, request)
    if request.format == "json":
        records = [
            {name: _json_value(name, value) for name, value in zip(header, line, strict=True)}
            for line in table
        ]
        return json.dumps(records, indent=1) + "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(table)
    return buffer.getvalue()


def _json_value(name: str, value: str) -> str | float | None:
    if name == "start_utc":
        return value
    return None if value == "" else float(value)
