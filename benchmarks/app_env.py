"""The environment a benchmarked ``python -m app`` runs in: user folders of its own, headless Qt, and
Python's bytecode cache as an installed app has it.

An installed app (``pip install``, a Debian package) has its modules compiled once at install time.
A developer's or a sandbox's shell may set ``PYTHONDONTWRITEBYTECODE``; inherited by the measured
process, it would have every start compile the project's few hundred modules from source again
(about a second of CPU here, three on a Pi-class core) – a cost no installed display pays. So the
variable is dropped for the app, and ``compile_project`` writes the caches before the clock starts.
"""

from __future__ import annotations

import compileall
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
_PACKAGES = ("app", "han", "home_emulator", "ihd", "ppmid", "cad")


def app_env(home: Path, cache: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(cache),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_project() -> None:
    """Write the bytecode caches of the project's packages, as installing it would."""
    for package in _PACKAGES:
        compileall.compile_dir(PROJECT_ROOT / package, quiet=1)
