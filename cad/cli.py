"""The CAD's command line (``python -m cad``): run it with no screen, say how it is, set its feed,
export its log."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from cad.feed.settings import (
    DEFAULT_PORT,
    DEFAULT_PREFIX,
    FeedSettings,
    FeedSettingsError,
    FeedSettingsFile,
)
from cad.log import export
from cad.pairing_memory import default_db_path
from cad.status_file import StatusFile, default_status_path, process_alive
from han.program_name import program_name
from han.version import version_line

NOT_RUNNING = 3
"""``status``'s exit status when no CAD is running (as a service manager's status says)."""


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(prog=program_name("cad"), description="The Consumer Access Device.")
    parser.add_argument("--version", action="version", version=version_line())
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_OneLineParser)
    _add_run(commands.add_parser("run", help="log the meters and publish the feed, no screen"))
    status = commands.add_parser("status", help="say whether the CAD runs, is paired, is live")
    status.add_argument("--status-file", type=Path, help=f"default {default_status_path()}")
    _add_feed(commands.add_parser("feed", help="set, show or turn off the MQTT feed"))
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


def _add_run(run: argparse.ArgumentParser) -> None:
    run.add_argument(
        "--source",
        default="emulator",
        help="the HAN: emulator (the embedded demo home, default), tcp://HOST:PORT (a served "
        "home) or RADIO:PATH (a USB coordinator) – as python -m app --source",
    )
    run.add_argument("--display-ieee", metavar="EUI64", help="this CAD's EUI-64 on a served home")
    run.add_argument(
        "--install-code",
        metavar="HEX",
        help="the install code it proves its identity with to a served home, as serve --admit"
        " printed it (default: the code on its label)",
    )
    run.add_argument("--scenario", metavar="NAME|FILE", help="the embedded home's scenario")
    run.add_argument("--speed", metavar="N", help="the embedded home's clock speed")
    pairing = run.add_mutually_exclusive_group()
    pairing.add_argument(
        "--passkey",
        metavar="DIGITS",
        help="if not paired: pair with the hub's ten-digit passkey (press its button first)",
    )
    pairing.add_argument(
        "--supplier",
        action="store_true",
        help="if not paired: the supplier's way (it prints the EUI-64 and install code to quote)",
    )
    run.add_argument("--status-file", type=Path, help=f"default {default_status_path()}")
    run.add_argument("-v", "--verbose", action="store_true", help="log HAN traffic")


def _add_feed(feed: argparse.ArgumentParser) -> None:
    feed.add_argument("--broker", metavar="HOST[:PORT]", help=f"default port {DEFAULT_PORT}")
    feed.add_argument("--prefix", default=DEFAULT_PREFIX, help=f"topic prefix ({DEFAULT_PREFIX})")
    feed.add_argument("--username", default="")
    feed.add_argument(
        "--password-file", type=Path, help="a file holding the broker password (not on argv)"
    )
    feed.add_argument("--tls", action="store_true", help="encrypt; check the broker's certificate")
    feed.add_argument("--ca-file", default="", help="the CA that signed the broker's certificate")
    feed.add_argument(
        "--no-discovery", action="store_true", help="do not announce sensors to Home Assistant"
    )
    feed.add_argument("--off", action="store_true", help="turn the feed off")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "run":
        return _run(args)
    if args.command == "status":
        return _status(args)
    if args.command == "feed":
        return _feed(args)
    return _export(args)


def host_command(args: argparse.Namespace) -> list[str]:
    """The host's command line for a headless CAD. The host finds the CAD by its entry point and
    owns the HAN source (the emulator among them), which the CAD may not import."""
    command = [sys.executable, "-m", "app", "--mode", "cad", "--headless", "--source", args.source]
    for flag, value in (
        ("--display-ieee", args.display_ieee),
        ("--install-code", args.install_code),
        ("--scenario", args.scenario),
        ("--speed", args.speed),
        ("--status-file", args.status_file),
    ):
        if value is not None:
            command += [flag, str(value)]
    if args.passkey is not None:
        command += ["--pair", f"passkey:{''.join(ch for ch in args.passkey if ch.isdigit())}"]
    if args.supplier:
        command += ["--pair", "supplier"]
    if args.verbose:
        command.append("--verbose")
    return command


def _run(args: argparse.Namespace) -> int:
    command = host_command(args)
    if os.name == "posix":  # become the host: signals and the exit status are its own
        sys.stdout.flush()
        os.execv(sys.executable, command)
    return subprocess.call(command)


def _when(at_s: float) -> str:
    # The computer's clock, on purpose: `cad status` is the operator checking that the logging
    # process is alive (when it last wrote, when a frame last came), not a screen of the device.
    ago = max(0, int(time.time() - at_s))
    return f"{datetime.fromtimestamp(at_s).isoformat(sep=' ', timespec='seconds')} ({ago} s ago)"


def _status(args: argparse.Namespace) -> int:
    status = StatusFile(args.status_file).read()
    if status is None:
        print("CAD: no status (it has not run here, or its status file cannot be read)")
        return NOT_RUNNING
    running = status.running and process_alive(status.pid)
    if running:
        print(f"CAD: running (pid {status.pid}), EUI-64 {status.display_ieee}")
    elif status.running:
        print(
            f"CAD: not running – it ended without stopping (last status {_when(status.written_at_s)})"
        )
    else:
        print(f"CAD: stopped at {_when(status.written_at_s)}")
    if status.paired:
        hub = status.hub_ieee or "not heard yet"
        print(f"paired: yes, with hub {hub} ({status.pairing_method or 'remembered'})")
    else:
        print("paired: no")
    reading = _when(status.last_reading_s) if status.last_reading_s is not None else "none yet"
    print(f"last reading: {reading}")
    feed = "connected" if status.feed == "connected" and running else status.feed
    if not running:
        feed = "off"
    print(f"feed: {feed}" + (f" – {status.feed_why}" if status.feed_why and running else ""))
    print(f"log: {status.log_path}")
    return 0 if running else NOT_RUNNING


def _feed(args: argparse.Namespace) -> int:
    file = FeedSettingsFile()
    if args.off:
        file.turn_off()
        print("feed: off")
        return 0
    if args.broker is None:
        settings = file.load()
        if settings is None:
            print(f"feed: off{(' – ' + file.problem) if file.problem else ''}")
        else:
            secure = " with TLS" if settings.tls else ""
            print(f"feed: {settings.host}:{settings.port}{secure}, topics {settings.prefix}/…")
        return 0
    host, _, port = args.broker.rpartition(":") if ":" in args.broker else (args.broker, "", "")
    try:
        password = args.password_file.read_text().strip() if args.password_file else ""
        settings = file.save(
            FeedSettings(
                host=host,
                port=int(port) if port else DEFAULT_PORT,
                prefix=args.prefix,
                username=args.username,
                password=password,
                discovery=not args.no_discovery,
                tls=args.tls,
                ca_file=args.ca_file,
            )
        )
    except (FeedSettingsError, ValueError, OSError) as error:
        print(f"{program_name('cad')} feed: {error}", file=sys.stderr)
        return 2
    print(
        f"feed: {settings.host}:{settings.port}, topics {settings.prefix}/… (a running CAD "
        "uses it when it next starts)"
    )
    return 0


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
        print(f"{program_name('cad')} export: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(text)
    return 0
