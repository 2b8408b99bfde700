"""The command line: documented options, and one clear line for anything wrong."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import parse


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_help_documents_every_option() -> None:
    result = _run("--help")
    assert result.returncode == 0
    for option in (
        "--mode",
        "--source",
        "--speed",
        "--screenshot",
        "--quit-after",
        "--theme",
        "--lang",
        "ihd",
        "emulator",
        "contrast",
        "cy",
    ):
        assert option in result.stdout


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--speed", "0"], "speed must be between 1 and 100,000"),
        (["--speed", "100001"], "speed must be between 1 and 100,000"),
        (["--speed", "fast"], "speed must be a number"),
        (["--seed", "-5"], "seed must be 0 or more"),
        (["--seed", "five"], "seed must be a whole number"),
        (["--mode", "toaster"], "invalid choice: 'toaster'"),
        (["--source", "zigbee"], "invalid choice: 'zigbee'"),
        (["--quit-after", "-3"], "seconds must be more than 0"),
        (["--screenshot", "shot.jpg"], "screenshot must be a .png file"),
        (["--screenshot", "/no/such/folder/shot.png"], "does not exist"),
        (["--size", "huge"], "expected WIDTHxHEIGHT"),
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["--lang", "fr"], "argument --lang: invalid choice: 'fr'"),
        (["--theme", "neon"], "argument --theme: invalid choice: 'neon'"),
    ],
)
def test_bad_input_exits_nonzero_with_one_line(args: list[str], complaint: str) -> None:
    result = _run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert complaint in lines[0]


def test_defaults_are_the_ihd_on_the_emulator_in_real_time() -> None:
    options = parse([])
    assert (options.mode, options.source, options.speed, options.size) == (
        "ihd",
        "emulator",
        1.0,
        (800, 480),
    )


def test_language_and_theme_default_to_english_standard_and_parse() -> None:
    assert (parse([]).language, parse([]).theme) == ("en", "standard")
    options = parse(["--lang", "cy", "--theme", "contrast"])
    assert (options.language, options.theme) == ("cy", "contrast")
    assert parse(["--theme", "large"]).theme == "large"


def test_values_are_parsed(tmp_path: Path) -> None:
    shot = tmp_path / "ihd.png"
    options = parse(
        ["--speed", "600", "--screenshot", str(shot), "--quit-after", "2.5", "--size", "1024x600"]
    )
    assert options.speed == 600
    assert options.screenshot == shot
    assert options.quit_after_s == 2.5
    assert options.size == (1024, 600)


def test_screenshot_renders_offscreen_and_exits_zero(tmp_path: Path) -> None:
    shot = tmp_path / "ihd.png"
    result = _run("--screenshot", str(shot), "--speed", "50")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_scenario_is_checked_when_the_command_line_is_read() -> None:
    result = _run("--scenario", "no-such-home")
    assert result.returncode == 2
    assert "no-such-home" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_ppmid_opens_on_a_prepayment_home_by_default() -> None:
    options = parse(["--mode", "ppmid"])
    assert options.scenario == "pensioner-prepay"
    assert parse([]).scenario is None
