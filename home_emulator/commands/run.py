"""``python -m home_emulator run``: a scenario, headless, for a while; then its final state."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from han.clock_speed import MAX_SPEED, MIN_SPEED
from home_emulator.air.pcap import record
from home_emulator.clock import check_speed
from home_emulator.home import EmulatedHome
from home_emulator.scenario.home_builder import build_home
from home_emulator.scenario.model import Scenario, ScenarioError, open_scenario
from home_emulator.scenario.times import parse_duration
from home_emulator.state_report import home_state
from home_emulator.store.home_store import HomeStore, HomeStoreError, build_storable_home

DEFAULT_SCENARIO = "family-dual-fuel"


def add_home_arguments(
    parser: argparse.ArgumentParser, *, saves: str, unpaced: str = "the scenario's"
) -> None:
    """What every command that runs a home takes: which home, how fast, where it is kept and
    recorded. ``saves`` says when --store writes the home back; ``unpaced`` how fast it runs
    when no --speed is given."""
    parser.add_argument(
        "--scenario",
        default=DEFAULT_SCENARIO,
        metavar="NAME|FILE",
        help=f"a shipped scenario's name or a .toml file (default {DEFAULT_SCENARIO})",
    )
    parser.add_argument(
        "--speed",
        type=float,
        metavar="N",
        help=f"emulated seconds per real second, {MIN_SPEED:g} to {MAX_SPEED:,.0f} (default: {unpaced})",
    )
    parser.add_argument(
        "--pcap", type=Path, metavar="FILE", help="record every frame on the HAN as a pcap"
    )
    parser.add_argument(
        "--store",
        type=Path,
        metavar="FILE",
        help=f"keep the home in this SQLite file: resume it if it is there, save it {saves}",
    )
    parser.add_argument(
        "--name",
        metavar="NAME",
        help="the home's name in --store (default: the scenario's file name)",
    )
    parser.add_argument(
        "--history-days",
        type=int,
        metavar="N",
        help="days of past the home comes with (default 731, i.e. 24 months)",
    )


def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    # Nobody watches a headless run, so nothing needs it paced: it goes as fast as it can.
    add_home_arguments(parser, saves="at the end", unpaced="as fast as it can")
    parser.add_argument(
        "--for",
        dest="duration",
        default="1h",
        metavar="DURATION",
        help="how much emulated time to run, e.g. 90s, 30m, 1d12h (default 1h)",
    )
    parser.add_argument("--json", action="store_true", help="print the final state as JSON")


def run_run(args: argparse.Namespace) -> int:  # noqa: C901 - the command's steps in the order a person reads them
    try:
        scenario = open_scenario(args.scenario)
        duration_s = parse_duration(args.duration)
        if args.speed is not None:
            check_speed(args.speed)
        if args.history_days is not None and not 0 <= args.history_days <= 3660:
            raise ValueError("--history-days must be between 0 and 3660")
        store = HomeStore(args.store) if args.store is not None else None
    except (ScenarioError, ValueError) as error:
        print(f"run: {error}", file=sys.stderr)
        return 2
    except HomeStoreError as error:
        print(f"run: {error}", file=sys.stderr)
        return 2
    name = args.name or scenario.source.stem
    try:
        if store is not None and name in store:
            home = store.load(name)
            if args.speed is not None:
                home.clock.set_speed(args.speed)
            print(f"resumed {name!r} at {home_state(home)['time']}", file=sys.stderr)
        elif store is not None:
            home = build_storable_home(scenario, speed=args.speed, history_days=args.history_days)
        else:
            home = build_home(scenario, speed=args.speed, history_days=args.history_days)
    except (HomeStoreError, ValueError) as error:
        print(f"run: {error}", file=sys.stderr)
        return 2
    try:
        with contextlib.ExitStack() as stack:
            if args.pcap is not None:
                stack.enter_context(record(home.air, args.pcap, clock=lambda: home.now_s))
            if args.speed is None:
                asyncio.run(_run_flat_out(home, duration_s))
            else:
                asyncio.run(_run_for(home, duration_s))
    except OSError as error:
        print(f"run: {error}", file=sys.stderr)
        return 1
    finally:
        if store is not None:
            try:
                store.save(home, name)
            except HomeStoreError as error:
                print(f"run: the home was not saved: {error}", file=sys.stderr)
            store.close()
        home.close()
    state = home_state(home)
    if args.json:
        print(json.dumps(state, indent=2))
    else:
        _print_summary(scenario, state)
    return 0


async def _run_for(home: EmulatedHome, duration_s: float) -> None:
    home.power_on()
    await home.run_until(home.now_s + duration_s)


async def _run_flat_out(home: EmulatedHome, duration_s: float) -> None:
    home.power_on()
    progress = _Progress(home.now_s, duration_s) if sys.stderr.isatty() else None
    await home.run_flat_out(home.now_s + duration_s, progress)
    if progress is not None:
        progress.done(home.now_s)


class _Progress:
    """How far a run has got, on one terminal line redrawn a few times a second."""

    EVERY_S = 0.2

    def __init__(self, start_s: float, duration_s: float) -> None:
        self._start_s = start_s
        self._duration_s = max(duration_s, 1.0)
        self._drawn_at = 0.0

    def __call__(self, now_s: float) -> None:
        wall = time.monotonic()
        if wall - self._drawn_at < self.EVERY_S:
            return
        self._drawn_at = wall
        share = min(1.0, (now_s - self._start_s) / self._duration_s)
        when = datetime.fromtimestamp(now_s, UTC).strftime("%Y-%m-%d %H:%M UTC")
        print(f"\rrun: {when}  {share:4.0%}", end="", file=sys.stderr, flush=True)

    def done(self, now_s: float) -> None:
        """The last line, always drawn: the run's end is what the person waits for."""
        self._drawn_at = 0.0
        self(now_s)
        print(file=sys.stderr)


def _print_summary(scenario: Scenario, state: dict[str, Any]) -> None:
    esme = state["devices"]["ESME"]["registers"]
    print(f"{scenario.name} — {state['time']}")
    print(f"  electricity import {esme['import_wh'] / 1000:,.3f} kWh", end="")
    if esme["export_wh"] is not None:
        print(f", export {esme['export_wh'] / 1000:,.3f} kWh", end="")
    print()
    gas = state["devices"].get("GPF")
    if gas:
        print(
            f"  gas {gas['registers']['volume_l'] / 1000:,.3f} m³ ({gas['registers']['energy_wh'] / 1000:,.1f} kWh)"
        )
    for event in state["devices"]["CHF"]["events"][-5:]:
        print(f"  {event['time']}  {event['kind']}  {event['detail']}")
