"""Where the suite keeps things for the user: the platform's per-user config, data and cache
folders (XDG on Linux: ~/.config, ~/.local/share and ~/.cache), all under one name."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import platformdirs

APP_DIR_NAME: Final = "smets-consumer-suite"


def config_dir() -> Path:
    return platformdirs.user_config_path(APP_DIR_NAME, appauthor=False)


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_DIR_NAME, appauthor=False)


def cache_dir() -> Path:
    return platformdirs.user_cache_path(APP_DIR_NAME, appauthor=False)
