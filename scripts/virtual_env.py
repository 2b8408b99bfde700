"""Python virtual environments as the project's scripts make them: the developer's ``.venv``
(``dev.py``) and the Debian package's ``/opt/smets-consumer-suite`` (``deb.py``).

A virtual environment is a folder whose ``pyvenv.cfg`` names the Python it runs on, with that
Python and the installed commands in its ``bin`` folder (``Scripts`` on Windows).
"""

from __future__ import annotations

import os
import venv
from pathlib import Path


def bin_dir(environment: Path) -> Path:
    return environment / ("Scripts" if os.name == "nt" else "bin")


def python_in(environment: Path) -> Path:
    return bin_dir(environment) / ("python.exe" if os.name == "nt" else "python")


def create(environment: Path) -> None:
    """A fresh environment of the Python running this, with pip (anything there is cleared)."""
    venv.EnvBuilder(with_pip=True, clear=True).create(environment)


def lay_out_for(environment: Path, *, python: Path, version: str) -> Path:
    """An environment of another system's Python (a Linux one: ``/usr/bin/python3``, ``3.13``),
    written without running it – its packages are put in ``lib/python{version}/site-packages`` by
    whoever builds it. Returns its ``bin`` folder, where its commands go."""
    commands = environment / "bin"
    commands.mkdir(parents=True)
    (environment / "pyvenv.cfg").write_text(
        f"home = {python.parent}\ninclude-system-site-packages = false\nversion = {version}\n",
        encoding="utf-8",
    )
    (commands / "python").symlink_to(python)
    (commands / "python3").symlink_to("python")
    (commands / f"python{version}").symlink_to("python")
    return commands
