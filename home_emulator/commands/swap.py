"""`python -m home_emulator swap-ppmid`: the supplier replaces a home's PPMID (2021 SMETS1 uplift).

Works on a home kept in a store (``run --store`` / ``serve --store``): the replacement is added to
the hub's device log, the old PPMID removed (kept in the historic log), and the home saved, so the
next run or serve admits the new one and refuses the old.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from home_emulator.store.home_store import HomeStore, HomeStoreError
from home_emulator.supplier.wan import SupplierWan


def add_swap_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", type=Path, required=True, metavar="FILE", help="the home store")
    parser.add_argument("--name", required=True, metavar="NAME", help="the home's name in it")
    parser.add_argument("--old", required=True, metavar="EUI64", help="the PPMID taken away")
    parser.add_argument("--new", required=True, metavar="EUI64", help="its replacement")
    parser.add_argument(
        "--install-code",
        metavar="HEX",
        help="the replacement's install code with its CRC (default: a new random one)",
    )


def run_swap(args: argparse.Namespace) -> int:
    try:
        install_code = bytes.fromhex(args.install_code) if args.install_code else None
    except ValueError:
        print("swap-ppmid: --install-code must be hex digits", file=sys.stderr)
        return 2
    if not args.store.exists():
        print(f"swap-ppmid: no home store at {args.store}", file=sys.stderr)
        return 2
    try:
        with HomeStore(args.store) as store:
            if args.name not in store:
                print(f"swap-ppmid: no home called {args.name!r} in {args.store}", file=sys.stderr)
                return 2
            home = store.load(args.name)
            try:
                entry = SupplierWan(home).swap_ppmid(args.old, args.new, install_code)
                store.save(home, args.name)
            finally:
                home.close()
    except (HomeStoreError, ValueError) as error:
        print(f"swap-ppmid: {error}", file=sys.stderr)
        return 2
    print(f"{args.old} removed; {entry.eui64} added (install code {entry.install_code.hex()})")
    return 0
