"""The Debian package's environment is a virtual environment of the target's Python, laid out
without running that Python: pyvenv.cfg names it, and bin/ holds it under each of its names."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))  # the project's build scripts are not a package
from virtual_env import lay_out_for  # noqa: E402


def test_an_environment_of_another_systems_python(tmp_path: Path) -> None:
    environment = tmp_path / "opt" / "smets-consumer-suite"
    commands = lay_out_for(environment, python=Path("/usr/bin/python3"), version="3.13")
    assert commands == environment / "bin"
    assert (environment / "pyvenv.cfg").read_text(encoding="utf-8") == (
        "home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.13\n"
    )
    assert os.readlink(commands / "python") == "/usr/bin/python3"
    assert os.readlink(commands / "python3") == "python"
    assert os.readlink(commands / "python3.13") == "python"
