"""``python -m home_emulator``: subcommands and their errors, run as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

KEYS = Path(__file__).resolve().parents[3] / "shared" / "gbcs-test-keys"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "home_emulator", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(
    not KEYS.is_dir(), reason="the public DCC test keys are not beside the repository"
)
def test_vend_prints_the_known_answer() -> None:
    result = _run(
        "vend",
        "--supplier-key", str(KEYS / "90b3d51f30010000-pp-ka.key"),
        "--meter-cert", str(KEYS / "00db1234567890a0-ka.pem"),
        "--originator", "90B3D51F30010000",
        "--target", "00DB1234567890A0",
        "--counter", "0x400000000",
        "--pennies", "1234",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "73947252416745201637"


def test_a_subcommand_is_required() -> None:
    result = _run()
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_help_lists_vend() -> None:
    result = _run("--help")
    assert result.returncode == 0
    assert "vend" in result.stdout
