"""The comms hub's device log: the whitelist of devices allowed on the HAN.

A GB HAN admits a device only if a supplier (or an authorised party) has put its EUI-64 and install
code in the hub's device log; a device not in the log cannot join. Pairing windows limit when a
logged device may join. Entries that leave are kept in a short historic log, so a returning device
reuses its old entry (as real hubs do).
"""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass, field

import zigpy.types as t
from zigpy.util import convert_install_code

from han.formats.install_codes import install_code_with_check

HISTORIC_ENTRIES = 15


class DeviceType(enum.Enum):
    """GBCS device types as the device log records them."""

    ESME = "ESME"
    GSME = "GSME"
    GPF = "GPF"
    PPMID = "PPMID"
    IHD = "IHD"
    CAD = "CAD"
    HCALCS = "HCALCS"


class NotInDeviceLog(PermissionError):
    pass


@dataclass
class DeviceLogEntry:
    eui64: t.EUI64
    install_code: bytes
    device_type: DeviceType
    joined: bool = False


def new_install_code() -> bytes:
    """A random 16-byte install code with its CRC (the form zigpy and SE devices use)."""
    return install_code_with_check(secrets.token_bytes(16))


@dataclass
class DeviceLog:
    entries: dict[t.EUI64, DeviceLogEntry] = field(default_factory=dict)
    historic: list[DeviceLogEntry] = field(default_factory=list)

    def add(self, eui64: t.EUI64, install_code: bytes, device_type: DeviceType) -> DeviceLogEntry:
        convert_install_code(install_code)  # raises ValueError for a bad length or CRC
        returning = next((e for e in self.historic if e.eui64 == eui64), None)
        if returning is not None:
            self.historic.remove(returning)
        entry = DeviceLogEntry(eui64, install_code, device_type)
        self.entries[eui64] = entry
        return entry

    def remove(self, eui64: t.EUI64) -> None:
        entry = self.entries.pop(eui64, None)
        if entry is None:
            raise NotInDeviceLog(f"{eui64} is not in the device log")
        entry.joined = False
        self.historic.insert(0, entry)
        del self.historic[HISTORIC_ENTRIES:]

    def role_of(self, eui64: t.EUI64) -> str | None:
        entry = self.entries.get(eui64)
        return entry.device_type.value if entry is not None else None

    def install_code_of(self, eui64: t.EUI64) -> bytes | None:
        """The install code recorded for a device (None: not in the log) – what a served home
        challenges a display to prove (``air/server.py``)."""
        entry = self.entries.get(eui64)
        return entry.install_code if entry is not None else None

    def admits(self, eui64: t.EUI64) -> bool:
        return eui64 in self.entries

    def check(self, eui64: t.EUI64) -> DeviceLogEntry:
        entry = self.entries.get(eui64)
        if entry is None:
            raise NotInDeviceLog(f"{eui64} is not in the hub's device log: it cannot join")
        return entry
