"""This display's own firmware as the model holds it: its version, an update under way (with its
progress) and how the last one ended – so a screen can show "Updating… 42 %" and then the new
version without knowing anything of ZigBee. No zigpy here: the model stays plain data
(``han/formats/firmware.py`` reads and writes the OTA images themselves)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

EMULATED_MANUFACTURER: int = 0x1234
"""The manufacturer code of the emulated devices (and of this suite's displays)."""
PPMID_IMAGE_TYPE: int = 0x0005
"""Image type of a PPMID's firmware (the GBCS device type of a PPMID, 0x05)."""
FIRST_VERSION: int = 0x01000000
"""The version a display starts with: 1.0.0.0."""


def version_text(version: int) -> str:
    """A file version as people read it: 0x01020003 → "1.2.0.3" (trailing ".0" dropped)."""
    parts = [(version >> shift) & 0xFF for shift in (24, 16, 8, 0)]
    while len(parts) > 3 and parts[-1] == 0:
        parts.pop()
    return ".".join(str(part) for part in parts)


class UpdateState(enum.Enum):
    CURRENT = "current"
    DOWNLOADING = "downloading"
    INSTALLED = "installed"
    FAILED = "failed"


class UpdateFailure(enum.Enum):
    ANOTHER_UPDATE = "another update"
    """The hub stopped this transfer (ABORT) because another update started on the HAN – a SMETS1
    HAN enrolled in the DCC takes one at a time (S1SR 18.63–18.65)."""
    DAMAGED = "damaged"
    NO_ANSWER = "no answer"


@dataclass(frozen=True)
class FirmwareStatus:
    version: int = FIRST_VERSION
    state: UpdateState = UpdateState.CURRENT
    progress: float = 0.0
    """0…1 while downloading."""
    new_version: int | None = None
    """The version on offer (downloading, failed) or just installed."""
    failure: UpdateFailure | None = None

    @property
    def percent(self) -> int:
        return int(self.progress * 100)
