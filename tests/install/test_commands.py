"""The installed commands: smets, smets-home and smets-cad, each with --version from pyproject."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.metadata import entry_points
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = {
    "smets": "app.cli:main",  # python -m app
    "smets-home": "home_emulator.commands.cli:main",  # python -m home_emulator
    "smets-cad": "cad.cli:main",  # python -m cad
}


def _pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def test_each_command_runs_what_python_dash_m_runs() -> None:
    scripts = {point.name: point.value for point in entry_points(group="console_scripts")}
    assert {name: scripts.get(name) for name in COMMANDS} == COMMANDS


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_version_comes_from_pyproject(command: str) -> None:
    executable = Path(sys.executable).parent / command
    result = subprocess.run(
        [str(executable), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"smets-consumer-suite {_pyproject_version()}\n"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_error_line_names_the_command_as_typed(command: str) -> None:
    """``smets-home --bogus`` says ``smets-home: …``, so the person can type it again."""
    executable = Path(sys.executable).parent / command
    result = subprocess.run(
        [str(executable), "--bogus"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"{command}: "), result.stderr


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_from_a_checkout_an_error_line_names_python_dash_m(command: str) -> None:
    package = COMMANDS[command].partition(".")[0]
    result = subprocess.run(
        [sys.executable, "-m", package, "--bogus"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"python -m {package}: "), result.stderr


def test_a_subcommand_is_named_after_the_command_as_typed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.trial_ui.report_command import build_parser

    monkeypatch.setattr(sys, "argv", [str(Path(sys.executable).parent / "smets"), "trial"])
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--bogus"])
    assert capsys.readouterr().err.startswith("smets trial: ")
