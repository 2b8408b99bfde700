"""What a user gets from ``pipx install``: the wheel built from this checkout, installed into a fresh
environment outside it, run from another folder. It proves the wheel carries everything – code,
data files, dependencies and commands – and finds nothing through the checkout.

About two minutes (a wheel build and a full install, dependencies from pip's cache).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from han.version import version_line

# Slow, and the real programs in other processes: with the end-to-end tests (-m "not e2e" leaves them out).
pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))  # the project's build scripts are not a package
from build_wheel import build_wheel  # noqa: E402

INSTALL_TIMEOUT_S = 900
"""A cold pip cache downloads PySide6 (≈100 MB) and numpy; a warm one takes about a minute."""
RUN_TIMEOUT_S = 180


@dataclass(frozen=True)
class Installed:
    bin_dir: Path
    """Where pipx put the commands (its PIPX_BIN_DIR)."""
    python: Path
    """The interpreter of the environment pipx made for the suite."""
    prefix: Path
    workdir: Path
    env: dict[str, str]
    """A user's environment: the commands on PATH, an empty home, nothing of the checkout's."""

    def run(
        self, *command: str, timeout: float = RUN_TIMEOUT_S
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.bin_dir / command[0]), *command[1:]],
            cwd=self.workdir,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def _clean_environment(home: Path, path: str) -> dict[str, str]:
    kept = {name: value for name, value in os.environ.items() if name.startswith(("PIP_", "LANG"))}
    return {
        **kept,
        "PATH": path,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "QT_QPA_PLATFORM": "offscreen",
    }


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("pipx")
    wheels, pipx_home, bin_dir = base / "wheels", base / "pipx", base / "bin"
    wheel = build_wheel(wheels)
    pipx_env = {
        **os.environ,
        "PIPX_HOME": str(pipx_home),
        "PIPX_BIN_DIR": str(bin_dir),
        "PIPX_MAN_DIR": str(base / "man"),
    }
    for leaking in ("PYTHONPATH", "VIRTUAL_ENV"):
        pipx_env.pop(leaking, None)
    result = subprocess.run(
        [sys.executable, "-m", "pipx", "install", str(wheel)],
        cwd=base,
        env=pipx_env,
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    prefix = pipx_home / "venvs" / "smets-consumer-suite"
    workdir = base / "elsewhere"
    workdir.mkdir()
    return Installed(
        bin_dir=bin_dir,
        python=prefix / "bin" / "python",
        prefix=prefix,
        workdir=workdir,
        env=_clean_environment(base / "home", f"{bin_dir}{os.pathsep}{os.defpath}"),
    )


def test_the_commands_are_installed_with_the_version(installed: Installed) -> None:
    for command in ("smets", "smets-home", "smets-cad"):
        result = installed.run(command, "--version")
        assert (result.returncode, result.stdout, result.stderr) == (0, version_line() + "\n", "")


def test_code_and_data_come_from_the_install_not_the_checkout(installed: Installed) -> None:
    probe = (
        "import app, han, smets_resources\n"
        "from han.resources import resource_dir\n"
        "print(app.__file__); print(han.__file__); print(smets_resources.__file__)\n"
        "for folder, name in [('scenarios', 'family-dual-fuel.toml'), ('studies', 'prepay-basics.toml'),"
        " ('translations', 'smets_cy.qm'), ('kiosk', 'smets-ihd.service'), ('desktop', 'smets-ihd.svg')]:\n"
        "    print(resource_dir(folder) / name if (resource_dir(folder) / name).is_file() else 'missing ' + name)\n"
    )
    result = subprocess.run(
        [str(installed.python), "-c", probe],
        cwd=installed.workdir,
        env=installed.env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=True,
    )
    places = [Path(line) for line in result.stdout.splitlines()]
    assert len(places) == 8
    assert all(place.is_relative_to(installed.prefix) for place in places), places


def test_smets_screenshot_renders_the_ihd(installed: Installed) -> None:
    shot = installed.workdir / "ihd.png"
    result = installed.run("smets", "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (800, 480)
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 20) for y in range(0, image.height(), 20)
    }
    assert len(colours) > 10, "a blank or single-colour picture, not a rendered display"


def test_smets_home_runs_a_scenario_and_prints_its_state(installed: Installed) -> None:
    # The scenario runs at ×1 by its own settings: flat out, its hour takes a second or two.
    result = installed.run(
        "smets-home",
        "run",
        "--scenario",
        "family-dual-fuel",
        "--for",
        "1h",
        "--speed",
        "100000",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout)
    assert state["household"] == "family_of_four"
    assert {"ESME", "GPF", "CHF"} <= set(state["devices"])  # the meters behind the hub
    assert state["devices"]["ESME"]["registers"]["import_wh"] > 0


def test_smets_cad_explains_its_export(installed: Installed) -> None:
    result = installed.run("smets-cad", "export", "--help")
    assert result.returncode == 0, result.stderr
    assert "--from" in result.stdout
    assert "--format" in result.stdout
