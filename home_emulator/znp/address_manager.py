"""The coordinator's address manager table in memory: who joined its network, by EUI-64 and NWK.

Z-Stack records every device that joins through it (its children) in the address manager, a table
of 12-byte rows: user type, a padding byte (a 32-bit build aligns the short address), NWK, EUI-64.
A host's network backup reads the table back as the network's children; the emulation also uses
it to tell a device that joined before (it may rejoin any time) from a new one (it waits for the
host to permit joining).
"""

from __future__ import annotations

import struct

import zigpy.types as t

from home_emulator.znp.nvram import ZSTACK_SYSTEM, Nvram, TableId

_ASSOCIATED_WITH_SECURITY = 0x01 | 0x02
_UNUSED = b"\xff" * 8


def _rows(nvram: Nvram) -> list[bytes]:
    rows: list[bytes] = []
    while (row := nvram.get((ZSTACK_SYSTEM, TableId.ADDRMGR, len(rows)))) is not None:
        rows.append(bytes(row))
    return rows


def knows(nvram: Nvram, ieee: t.EUI64) -> bool:
    wanted = t.EUI64(ieee).serialize()
    return any(row[4:12] == wanted for row in _rows(nvram))


def remember(nvram: Nvram, nwk: int, ieee: t.EUI64) -> bool:
    """Record a joined device (its row is updated if it joined before); False if the table is full."""
    wanted = t.EUI64(ieee).serialize()
    entry = bytes((_ASSOCIATED_WITH_SECURITY, 0xFF)) + struct.pack("<H", nwk) + wanted
    rows = _rows(nvram)
    place = next((sub for sub, row in enumerate(rows) if row[4:12] == wanted), None)
    if place is None:
        place = next((sub for sub, row in enumerate(rows) if row[4:12] == _UNUSED), None)
    if place is None:
        return False
    return nvram.write((ZSTACK_SYSTEM, TableId.ADDRMGR, place), 0, entry)
