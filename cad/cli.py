"""The CAD's command line (``python -m cad``): export the log."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from cad import export
from cad.pairing_memory import default_db_path


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(prog="python -m cad", description="The Consumer Access Device's log.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_OneLineParser)
    out = commands.add_parser("export", help="write logged half hours as CSV or JSON to stdout")
    out.add_argument(
        "--from", dest="first", required=True, metavar="DATE", help="first UTC day, YYYY-MM-DD"
    )
    out.add_argument(
        "--to", dest="last", required=True, metavar="DATE", help="last UTC day (included)"
    )
    out.add_argument("--format", choices=export.FORMATS, default="csv")
    out.add_argument("--fuel", choices=export.FUELS, default="electricity")
    out.add_argument("--db", type=Path, help=f"the log (default {default_db_path()})")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return _export(args)


def _export(args: argparse.Namespace) -> int:
    path: Path = args.db or default_db_path()
    try:
        request = export.request_for(args.first, args.last, fuel=args.fuel, format=args.format)
        export.check_is_log(path)
        from app.history.store import HistoryDatabase

        database = HistoryDatabase(path)
        try:
            text = export.render(database, request)
        finally:
            database.close()
    except export.ExportError as error:
        print(f"python -m cad export: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(text)
    return 0
