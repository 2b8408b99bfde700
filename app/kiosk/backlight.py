"""The screen's brightness: the panel's backlight where Linux offers one we may write
(``/sys/class/backlight/*/brightness`` – the Raspberry Pi 7" display's is ``rpi_backlight`` or
``10-0045``), otherwise nothing: the kiosk then dims in software with a shade over the window.

Never fails for lack of a backlight; a write that is refused is logged once and software dimming
takes over.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Final

LOGGER = logging.getLogger(__name__)

SYSFS: Final = Path("/sys/class/backlight")


class Backlight:
    def __init__(self, root: Path = SYSFS) -> None:
        self.device: Path | None = None
        self._maximum = 0
        for candidate in sorted(root.glob("*")) if root.is_dir() else ():
            try:
                maximum = int((candidate / "max_brightness").read_text().strip())
            except (OSError, ValueError):
                continue
            if maximum > 0 and _writable(candidate / "brightness"):
                self.device, self._maximum = candidate, maximum
                break

    @property
    def available(self) -> bool:
        return self.device is not None

    def set_percent(self, percent: float) -> bool:
        """Set the panel to ``percent`` (0 blank … 100); False if there is no panel to set."""
        if self.device is None:
            return False
        level = round(self._maximum * max(0.0, min(100.0, percent)) / 100)
        try:
            (self.device / "brightness").write_text(f"{level}\n")
        except OSError as error:
            LOGGER.warning(
                "Cannot set the backlight at %s (%s); dimming in software", self.device, error
            )
            self.device = None
            return False
        return True


def _writable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.W_OK)
