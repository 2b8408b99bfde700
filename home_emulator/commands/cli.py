"""The emulated home's command line. Subcommands:

- ``run``: run a scenario headless for a while and print its final state (``--json`` for machines);
- ``serve``: keep a scenario's home running for displays on other processes to attach (TCP);
- ``vend``: print a GBCS top-up code (UTRN) for a meter, from the supplier's key and the meter's
  certificate – for usability trials and demos;
- ``swap-ppmid``: the supplier replaces a stored home's PPMID in the hub's device log.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from han.program_name import program_name
from han.version import version_line
from home_emulator.commands.run import add_run_arguments, run_run
from home_emulator.commands.serve import add_serve_arguments, run_serve
from home_emulator.commands.swap import add_swap_arguments, run_swap
from home_emulator.commands.vend import add_vend_arguments, run_vend


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog=program_name("home_emulator"),
        description="Tools of the emulated SMETS2 home.",
    )
    parser.add_argument("--version", action="version", version=version_line())
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_OneLineParser)
    run = commands.add_parser(
        "run",
        help="run a scenario headless and print the final state",
        description="Run an emulated home from a scenario, without displays, and print its state.",
    )
    add_run_arguments(run)
    run.set_defaults(handler=run_run)
    serve = commands.add_parser(
        "serve",
        help="keep a scenario's home running for several displays to attach",
        description="Run an emulated home in real time × speed until interrupted; displays attach "
        "over TCP (python -m app --source tcp://HOST:PORT).",
    )
    add_serve_arguments(serve)
    serve.set_defaults(handler=run_serve)
    vend = commands.add_parser(
        "vend",
        help="print a 20-digit top-up code (UTRN) for a meter",
        description="Print a GBCS top-up code (UTRN): 20 digits, signed for one meter.",
    )
    add_vend_arguments(vend)
    vend.set_defaults(handler=run_vend)
    swap = commands.add_parser(
        "swap-ppmid",
        help="replace a stored home's PPMID: the new one joins, the old one is refused",
        description="The supplier swaps a PPMID (2021 SMETS1 uplift): the replacement is added to "
        "the hub's device log and the old one removed, in a home kept with run/serve --store.",
    )
    add_swap_arguments(swap)
    swap.set_defaults(handler=run_swap)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args))
