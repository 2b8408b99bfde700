"""The suite's version, from one place: ``version`` in pyproject.toml, as the installed package's
metadata says at run time (so a wheel, the Debian package and a checkout never disagree)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Final

DISTRIBUTION: Final = "smets-consumer-suite"


def suite_version() -> str:
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed)"


def version_line() -> str:
    """What every command's ``--version`` prints."""
    return f"{DISTRIBUTION} {suite_version()}"
