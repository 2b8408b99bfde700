"""``python -m benchmarks [--quick] [--json]``: every figure in one run, as a table or one JSON object.

Exit status 0 when every benchmark ran to the end – missed targets are reported, not failures – 1 when
any raised, 2 for a bad command line.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.figures import Results
from benchmarks.plan import FULL, QUICK, Plan


@dataclass(frozen=True)
class Options:
    quick: bool = False
    json: bool = False

    @property
    def plan(self) -> Plan:
        return QUICK if self.quick else FULL


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description=(
            "Measure HAN throughput (end to end and zigpy alone), report-to-pixel latency on the "
            "IHD and start-up time, side by side in one run."
        ),
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smaller samples: finishes within about 3 minutes on 2 cores",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object of figures keyed by name, and nothing else, on stdout",
    )
    return parser


def parse_args(argv: Sequence[str] | None = None) -> Options:
    args = build_parser().parse_args(argv)
    return Options(quick=args.quick, json=args.json)


def exit_status(results: Results) -> int:
    return 1 if results.failures else 0


def render(results: Results, options: Options) -> str:
    from benchmarks.render import render_json, render_table

    return render_json(results) if options.json else render_table(results)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from benchmarks.qt_loop import headless_qt

    headless_qt()
    from benchmarks.runner import run_all

    # Whatever the code under test prints must not end up in the JSON on stdout.
    with contextlib.redirect_stdout(sys.stderr):
        results = run_all(options.plan)
    print(render(results, options))
    return exit_status(results)
