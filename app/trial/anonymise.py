"""An anonymised copy of a trial record, to share beyond the trial team.

The copy is a trial record like the original (the report, the exports and a replay read it), in
which people are known by their participant ids only:

- **participant ids** stay as they are: a study's ids are codes (P01 …), never names;
- **observers' names** become ``observer 1``, ``observer 2`` … in order of first observation;
- **free text that may identify someone** is removed: observers' notes, participants' free-text
  answers (their ratings stay), and a researcher's own note on a task's outcome (the product's
  fixed wording – "time limit 180 s", "session ended" … – stays);
- **codes are masked** in every text the copy keeps: a top-up code (a UTRN, 20 digits), an
  install code or a device's EUI-64 – or any part of one – is what a participant types or a
  display shows that opens a meter or names a home. Every run of 6 or more digits (as people
  group them, with spaces or hyphens) and every run of 12 or more hexadecimal digits in groups
  (with spaces, colons or hyphens) has each of its digits replaced by ``•``;
- anything a table holds as bytes is emptied.

The copy is written whole and then vacuumed, so nothing removed survives in its free pages, and
it is owner-only, like the record.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from pathlib import Path

from han.private_files import private_file, private_folder

MASK = "•"
NOTE_REMOVED = "[note removed]"
TEXT_REMOVED = "[free text removed]"
_DIGITS = re.compile(r"\d(?:[ -]?\d){5,}")
_HEX_GROUPS = re.compile(
    r"(?<![0-9A-Za-z])[0-9A-Fa-f]{2,}(?:[ :-]?[0-9A-Fa-f]{2,})*(?![0-9A-Za-z])"
)
_PRODUCT_NOTES = re.compile(
    r"|session replaced|session ended|participant finished|marked by the researcher"
    r"|skipped by the researcher|time limit \d+ s"
)


def mask_codes(text: str) -> str:
    """``text`` with every code-like run of digits masked (see the module's description)."""

    def hex_run(match: re.Match[str]) -> str:
        run = match.group(0)
        digits = sum(ch.isalnum() for ch in run)
        if digits >= 12 and any(ch.isdigit() for ch in run):
            return _masked(run)
        return run

    return _DIGITS.sub(lambda m: _masked(m.group(0)), _HEX_GROUPS.sub(hex_run, text))


def _masked(run: str) -> str:
    return "".join(MASK if ch.isalnum() else ch for ch in run)


def anonymise(record: Path, out: Path) -> Path:
    """Write the anonymised copy of ``record`` to ``out`` (replaced whole, or not at all)."""
    if out.resolve() == record.resolve():
        raise ValueError("the anonymised copy cannot replace the record itself")
    source = sqlite3.connect(f"file:{record}?mode=ro", uri=True)
    private_folder(out.parent)
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.")
    os.close(handle)
    try:
        copy = sqlite3.connect(temporary, isolation_level=None)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            copy.execute("BEGIN")
            _anonymise(copy)
            copy.execute("COMMIT")
            copy.execute("VACUUM")
        finally:
            copy.close()
        private_file(temporary)
        os.replace(temporary, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    finally:
        source.close()
    return out


def _anonymise(db: sqlite3.Connection) -> None:
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    if "observations" in tables:
        observers: dict[str, str] = {}
        rows = list(db.execute("SELECT id, observer FROM observations ORDER BY recorded_at, id"))
        for row_id, name in rows:
            alias = observers.setdefault(name, f"observer {len(observers) + 1}")
            db.execute("UPDATE observations SET observer = ? WHERE id = ?", (alias, row_id))
        db.execute("UPDATE observations SET note = ? WHERE note != ''", (NOTE_REMOVED,))
    if "responses" in tables:
        db.execute("UPDATE responses SET text = ? WHERE text != ''", (TEXT_REMOVED,))
    if "task_runs" in tables:
        for run_id, note in list(db.execute("SELECT id, note FROM task_runs")):
            if not _PRODUCT_NOTES.fullmatch(note):
                db.execute("UPDATE task_runs SET note = ? WHERE id = ?", (NOTE_REMOVED, run_id))
    for table in tables:
        _mask_table(db, table)


def _mask_table(db: sqlite3.Connection, table: str) -> None:
    """Codes masked in every text column, bytes dropped, whatever the table."""
    quoted = '"' + table.replace('"', '""') + '"'
    columns = [row[1] for row in db.execute(f"PRAGMA table_info({quoted})")]
    for column in columns:
        name = '"' + column.replace('"', '""') + '"'
        rows = list(
            db.execute(
                f"SELECT rowid, {name} FROM {quoted} WHERE typeof({name}) IN ('text', 'blob')"
            )
        )
        for rowid, value in rows:
            if isinstance(value, bytes):
                db.execute(f"UPDATE {quoted} SET {name} = X'' WHERE rowid = ?", (rowid,))
            elif (masked := mask_codes(value)) != value:
                db.execute(f"UPDATE {quoted} SET {name} = ? WHERE rowid = ?", (masked, rowid))
