"""The Debian package's own rules, checked without building it: one version, and an install on a
release it was not built for stops in preinst with one line saying why."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))  # the project's build scripts are not a package
from deb import PACKAGING, PYTHON, debian_version, project_version  # noqa: E402


def test_the_changelog_speaks_of_pyprojects_version() -> None:
    assert debian_version(project_version()).startswith(f"{project_version()}-")


def _preinst(tmp_path: Path, *, glibc: str, python: str) -> subprocess.CompletedProcess[str]:
    """Run the package's preinst as dpkg would, on a system that reports these versions."""
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "getconf").write_text(f"#!/bin/sh\necho 'glibc {glibc}'\n", encoding="utf-8")
    (fake / "python3").write_text(f"#!/bin/sh\necho '{python}'\n", encoding="utf-8")
    for tool in fake.iterdir():
        tool.chmod(0o755)
    script = (PACKAGING / "preinst").read_text(encoding="utf-8")
    script = script.replace("@GLIBC@", "2.39").replace("@PYTHON@", PYTHON)
    (tmp_path / "preinst").write_text(script, encoding="utf-8")
    return subprocess.run(
        ["sh", str(tmp_path / "preinst"), "install"],
        env={**os.environ, "PATH": f"{fake}{os.pathsep}{os.environ['PATH']}"},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_preinst_lets_trixie_install(tmp_path: Path) -> None:
    result = _preinst(tmp_path, glibc="2.41", python=PYTHON)
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize(
    ("glibc", "python", "why"),
    [
        ("2.36", "3.11", "needs glibc 2.39 or newer for its Qt (PySide6), this system has 2.36"),
        ("2.41", "3.11", f"built for Python {PYTHON}, this system's python3 is 3.11"),
    ],
)
def test_preinst_stops_an_unsupported_release_in_one_line(
    tmp_path: Path, glibc: str, python: str, why: str
) -> None:
    result = _preinst(tmp_path, glibc=glibc, python=python)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1
    assert why in result.stderr
    assert "Debian 13 (Trixie)" in result.stderr
