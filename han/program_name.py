"""The name a person typed to start one of the suite's programs, for its error and help lines.

Installed, the programs are commands of their own (``smets``, ``smets-home``, ``smets-cad``, from
pyproject.toml's ``[project.scripts]``); from a checkout they are ``python -m app`` and so on. A
line that names the program names it as it was typed, so it can be typed again.
"""

from __future__ import annotations

import functools
import sys
from importlib.metadata import entry_points
from pathlib import Path


def program_name(package: str) -> str:
    """``smets`` when the installed command for ``package`` (``app``) started this process,
    ``python -m app`` otherwise."""
    return _program_name(package, Path(sys.argv[0]).name if sys.argv else "")


@functools.cache
def _program_name(package: str, typed: str) -> str:
    if typed and not typed.endswith(".py"):  # ``python -m`` gives the module's file
        for command in entry_points(group="console_scripts", name=typed):
            if command.module.partition(".")[0] == package:
                return typed
    return f"python -m {package}"
