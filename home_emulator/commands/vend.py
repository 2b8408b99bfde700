"""Vend a UTRN as a supplier would, for trials and demos: `python -m home_emulator vend …`.

Trial moderators need codes that a real SMETS2 meter (or the emulated home) accepts, made from the
public DCC test keys; the code is printed alone on stdout so scripts can capture it.
"""

from __future__ import annotations

import argparse
import sys

from han.formats.utrn import encode_utrn, load_private_key, load_public_key


class _VendError(ValueError):
    """A mistake in the command line or its files, reported as one line on stderr."""


def add_vend_arguments(parser: argparse.ArgumentParser) -> None:
    # Values stay strings here so run_vend can explain every mistake in the same one-line way.
    parser.add_argument(
        "--supplier-key",
        required=False,
        metavar="KEY.pem",
        help="the supplier's prepayment key-agreement private key (P-256)",
    )
    parser.add_argument(
        "--meter-cert",
        required=False,
        metavar="CERT.pem",
        help="the meter's key-agreement certificate or public key (P-256)",
    )
    parser.add_argument("--originator", metavar="HEX16", help="supplier id, 16 hex digits")
    parser.add_argument("--target", metavar="HEX16", help="meter EUI-64, 16 hex digits")
    parser.add_argument(
        "--home",
        metavar="NAME",
        help="vend for an emulated home (a scenario name) with its own keys, instead of the key "
        "options; the counter comes from a ledger so each code is new",
    )
    parser.add_argument(
        "--fuel",
        default="electricity",
        metavar="FUEL",
        help="with --home: electricity (default) or gas – each meter has its own keys",
    )
    parser.add_argument(
        "--ledger",
        metavar="FILE",
        help="where --home keeps its counters (default: the user's data folder)",
    )
    parser.add_argument(
        "--counter",
        required=False,
        metavar="N",
        help="originator counter, decimal or 0x-hex, a multiple of 2**32 (e.g. 0x400000000)",
    )
    amount = parser.add_mutually_exclusive_group(required=True)
    amount.add_argument("--pennies", metavar="P", help="top-up value in pennies, 0–8191")
    amount.add_argument("--pounds", metavar="L", help="top-up value in whole pounds, 0–8191")


def run_vend(args: argparse.Namespace) -> int:
    """Print the UTRN and return 0, or print one line to stderr and return 2."""
    if args.home is not None:
        return _vend_for_home(args)
    missing = [
        option
        for option, value in (
            ("--supplier-key", args.supplier_key),
            ("--meter-cert", args.meter_cert),
            ("--originator", args.originator),
            ("--target", args.target),
            ("--counter", args.counter),
        )
        if value is None
    ]
    if missing:
        print(f"vend: give --home NAME, or all of {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        originator = _eui64("--originator", args.originator)
        target = _eui64("--target", args.target)
        counter = _whole_number("--counter", args.counter)
        pennies = None if args.pennies is None else _whole_number("--pennies", args.pennies)
        pounds = None if args.pounds is None else _whole_number("--pounds", args.pounds)
        supplier_key = load_private_key(args.supplier_key)
        meter_key = load_public_key(args.meter_cert)
        utrn = encode_utrn(
            supplier_private_key=supplier_key,
            meter_public_key=meter_key,
            originator=originator,
            target=target,
            counter=counter,
            pennies=pennies,
            pounds=pounds,
        )
    except OSError as error:
        where = error.filename if error.filename is not None else "a key file"
        print(f"vend: cannot read {where}: {error.strerror or error}", file=sys.stderr)
        return 2
    except ValueError as error:
        print(f"vend: {error}", file=sys.stderr)
        return 2
    print(utrn)
    return 0


def _vend_for_home(args: argparse.Namespace) -> int:
    from home_emulator.supplier.vending import vend_for_home  # the emulated home's keys and ledger

    try:
        pennies = None if args.pennies is None else _whole_number("--pennies", args.pennies)
        pounds = None if args.pounds is None else _whole_number("--pounds", args.pounds)
        utrn = vend_for_home(
            args.home, pennies=pennies, pounds=pounds, ledger=args.ledger, fuel=args.fuel
        )
    except OSError as error:
        print(f"vend: cannot use the counter ledger: {error.strerror or error}", file=sys.stderr)
        return 2
    except ValueError as error:
        print(f"vend: {error}", file=sys.stderr)
        return 2
    print(utrn)
    return 0


def _eui64(option: str, text: str) -> bytes:
    digits = text.replace(":", "").replace("-", "")
    try:
        identity = bytes.fromhex(digits)
    except ValueError:
        identity = b""
    if len(identity) != 8:
        raise _VendError(f"{option} must be 16 hex digits (an EUI-64), got {text!r}")
    return identity


def _whole_number(option: str, text: str) -> int:
    try:
        return int(text, 16) if text.lower().startswith("0x") else int(text, 10)
    except ValueError:
        raise _VendError(
            f"{option} must be a whole number (decimal or 0x-hex), got {text!r}"
        ) from None
