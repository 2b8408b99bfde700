"""Vend a UTRN as a supplier would, for trials and demos: `python -m home_emulator vend …`.

Trial moderators need codes that a real SMETS2 meter (or the emulated home) accepts, made from the
public DCC test keys; the code is printed alone on stdout so scripts can capture it.
"""

from __future__ import annotations

import argparse
import sys

from han.utrn import encode_utrn, load_private_key, load_public_key


class _VendError(ValueError):
    """A mistake in the command line or its files, reported as one line on stderr."""


def add_vend_arguments(parser: argparse.ArgumentParser) -> None:
    # Values stay strings here so run_vend can explain every mistake in the same one-line way.
    parser.add_argument(
        "--supplier-key",
        required=True,
        metavar="KEY.pem",
        help="the supplier's prepayment key-agreement private key (P-256)",
    )
    parser.add_argument(
        "--meter-cert",
        required=True,
        metavar="CERT.pem",
        help="the meter's key-agreement certificate or public key (P-256)",
    )
    parser.add_argument(
        "--originator", required=True, metavar="HEX16", help="supplier id, 16 hex digits"
    )
    parser.add_argument(
        "--target", required=True, metavar="HEX16", help="meter EUI-64, 16 hex digits"
    )
    parser.add_argument(
        "--counter",
        required=True,
        metavar="N",
        help="originator counter, decimal or 0x-hex, a multiple of 2**32 (e.g. 0x400000000)",
    )
    amount = parser.add_mutually_exclusive_group(required=True)
    amount.add_argument("--pennies", metavar="P", help="top-up value in pennies, 0–8191")
    amount.add_argument("--pounds", metavar="L", help="top-up value in whole pounds, 0–8191")


def run_vend(args: argparse.Namespace) -> int:
    """Print the UTRN and return 0, or print one line to stderr and return 2."""
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
