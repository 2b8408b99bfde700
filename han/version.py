"""The suite's version, from one place: ``version`` in pyproject.toml, as the installed package's
metadata says at run time (so a wheel, the Debian package and a checkout never disagree)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Final

DISTRIBUTION: Final = "smets-consumer-suite"


def suite_version() -> str:
    # importlib.metadata only when asked: it costs a start more than the answer does.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown (not installed)"


def version_line() -> str:
    """What every command's ``--version`` prints."""
    return f"{DISTRIBUTION} {suite_version()}"


class VersionAction(argparse.Action):
    """``--version``: prints :func:`version_line` and exits, reading the version only then (argparse's
    own ``version`` action wants the text when the parser is built, on every start)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="show program's version number and exit",  # argparse's own words
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[object] | None,
        option_string: str | None = None,
    ) -> None:
        sys.stdout.write(version_line() + "\n")  # stdout, as argparse's own action
        parser.exit()
