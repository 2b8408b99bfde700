"""The vending tool, driven as its command line would be, with the public DCC test keys."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from home_emulator.commands.vend import add_vend_arguments, run_vend

TEST_KEYS = Path(__file__).resolve().parents[2] / "fixtures" / "gbcs-test-keys"

SUPPLIER_KEY = str(TEST_KEYS / "90b3d51f30010000-pp-ka.key")
METER_CERT = str(TEST_KEYS / "00db1234567890a0-ka.pem")


def vend_arguments(**overrides: str | None) -> list[str]:
    """The known-answer command line, with options replaced (or dropped when None)."""
    options = {
        "supplier-key": SUPPLIER_KEY,
        "meter-cert": METER_CERT,
        "originator": "90B3D51F30010000",
        "target": "00DB1234567890A0",
        "counter": "0x400000000",
        "pennies": "1234",
        **overrides,
    }
    return [
        part
        for name, value in options.items()
        if value is not None
        for part in (f"--{name}", value)
    ]


def vend(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="vend")
    add_vend_arguments(parser)
    exit_code = run_vend(parser.parse_args(arguments))
    captured = capsys.readouterr()
    return exit_code, captured.out, captured.err


def test_prints_the_published_utrn(capsys: pytest.CaptureFixture[str]) -> None:
    assert vend(vend_arguments(), capsys) == (0, "73947252416745201637\n", "")


def test_counter_may_be_decimal_and_amount_in_pounds(capsys: pytest.CaptureFixture[str]) -> None:
    arguments = vend_arguments(counter=str(1 << 32), pennies=None, pounds="100")

    assert vend(arguments, capsys) == (0, "73943333457189043313\n", "")


def test_pennies_and_pounds_are_mutually_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        vend([*vend_arguments(), "--pounds", "1"], capsys)

    assert exited.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"originator": "90B3D51F3001000"}, "--originator must be 16 hex digits"),
        ({"target": "00DB1234567890AZ"}, "--target must be 16 hex digits"),
        ({"counter": "lots"}, "--counter must be a whole number"),
        ({"counter": "0x400000001"}, "counter must be a multiple of 2**32"),
        ({"pennies": "8192"}, "8192 pennies does not fit"),
        ({"pennies": "-5"}, "-5 pennies does not fit"),
        ({"pennies": "12.34"}, "--pennies must be a whole number"),
        ({"supplier-key": METER_CERT}, "not a readable unencrypted private key"),
        ({"meter-cert": SUPPLIER_KEY}, "not a readable public key or certificate"),
        ({"supplier-key": "/nonexistent/supplier.key"}, "cannot read /nonexistent/supplier.key"),
    ],
)
def test_mistakes_are_explained_in_one_line(
    overrides: dict[str, str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    exit_code, out, err = vend(vend_arguments(**overrides), capsys)

    assert (exit_code, out) == (2, "")
    assert err.startswith("vend: ")
    assert message in err
    assert err.count("\n") == 1


def test_key_on_another_curve_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p384 = tmp_path / "p384.pem"
    p384.write_bytes(
        ec.generate_private_key(ec.SECP384R1()).private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )

    exit_code, _, err = vend(vend_arguments(**{"supplier-key": str(p384)}), capsys)

    assert exit_code == 2
    assert "not a P-256 (secp256r1) private key" in err
