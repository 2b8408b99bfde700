"""Where the suite's installed files are: scenarios, studies, translations, the kiosk's units, icons.

They are installed as the package ``smets_resources`` (the checkout's ``resources/`` folder, mapped
by ``setup.py``), so a wheel, a Debian package and an editable checkout all find them through the
import system – never by walking up from a module's own file, which only works in a checkout.
Standard library only: the emulator and the host both ask it, before any heavy import.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Final

PACKAGE: Final = "smets_resources"


class MissingResources(RuntimeError):
    """The installation lacks its resources: reinstalling is the only cure."""


def resource_dir(name: str) -> Path:
    """The installed folder ``name`` (``scenarios``, ``studies``, ``translations``, …)."""
    try:
        root = files(PACKAGE)
    except ModuleNotFoundError:
        raise MissingResources(
            f"the suite's resources ({PACKAGE}) are not installed: reinstall smets-consumer-suite"
        ) from None
    # Installed as plain files (pip, pipx and the Debian package never zip a package), so this is
    # a real folder that Qt's file-based loaders can read too.
    return Path(str(root)) / name
