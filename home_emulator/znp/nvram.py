"""The stick's non-volatile memory: Z-Stack 3.x's OSAL items and its extended item tables.

Z-Stack keeps everything that survives a reset here – the network information base, the keys, the
address manager and key tables – and the host reads and writes it item by item. Two namespaces:

- OSAL items, by a 16-bit id (``OSAL_NV_*`` commands);
- extended items, by (system, item, sub-item) (``NV_*`` commands), where each row of a table (the
  address manager, the trust-centre link keys …) is one sub-item. Extended item 0 of the Z-Stack
  system ("legacy") is the OSAL namespace seen through the new commands.

A fresh stick comes with the items Z-Stack creates at first boot (``factory_items``): settings with
their defaults and empty tables of a fixed capacity, so a host can write into them. The memory
lives as long as the server: a host that reconnects finds the network it formed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import zigpy.types as t

ZSTACK_SYSTEM = 0x01
LEGACY_ITEM = 0x0000


class OsalId:
    """The OSAL item ids the emulated Z-Stack itself reads or writes."""

    EXTADDR = 0x0001
    STARTUP_OPTION = 0x0003
    NIB = 0x0021
    POLL_RATE_OLD16 = 0x0024
    POLL_RATE = 0x0035
    EXTENDED_PAN_ID = 0x002D
    CONCENTRATOR_ENABLE = 0x0032
    CONCENTRATOR_DISCOVERY = 0x0033
    CONCENTRATOR_RC = 0x0036
    NWK_ACTIVE_KEY_INFO = 0x003A
    NWK_ALTERN_KEY_INFO = 0x003B
    BCAST_DELIVERY_TIME = 0x0030
    SRC_RTG_EXPIRY_TIME = 0x0038
    APS_USE_EXT_PANID = 0x0047
    APS_LINK_KEY_TABLE = 0x004C
    BDB_NODE_IS_ON_A_NETWORK = 0x0055
    NWK_CHILD_AGE_ENABLE = 0x003E
    PRECFGKEY = 0x0062
    PRECFGKEYS_ENABLE = 0x0063
    PANID = 0x0083
    CHANLIST = 0x0084
    LOGICAL_TYPE = 0x0087
    ZDO_DIRECT_CB = 0x008F
    TCLK_SEED = 0x0101


class TableId:
    """Extended item ids of the Z-Stack system's tables."""

    ADDRMGR = 0x0001
    TCLK_TABLE = 0x0004
    APS_KEY_DATA_TABLE = 0x0006
    NWK_SEC_MATERIAL_TABLE = 0x0007


class StartupOption:
    CLEAR_CONFIG = 0x01
    CLEAR_STATE = 0x02


TABLE_ROWS = 16
"""Rows in each table (a CC2652 build has more; the host reads until the first missing row)."""
_EMPTY_ADDRESS_ENTRY = b"\xff" * 12  # user type, NWK, EUI-64 all ones: an unused row
_TABLE_ROWS_OF = {
    TableId.ADDRMGR: _EMPTY_ADDRESS_ENTRY,
    TableId.TCLK_TABLE: bytes(20),  # frame counters, EUI-64, attributes, type, seed shift
    TableId.APS_KEY_DATA_TABLE: bytes(24),  # key and its two frame counters
    TableId.NWK_SEC_MATERIAL_TABLE: bytes(12),  # frame counter and extended PAN id
}
NETWORK_STATE_ITEMS = (
    OsalId.NIB,
    OsalId.NWK_ACTIVE_KEY_INFO,
    OsalId.NWK_ALTERN_KEY_INFO,
    OsalId.BDB_NODE_IS_ON_A_NETWORK,
)
"""What a reset with "clear state" forgets: the network this stick formed."""


def factory_items(ieee: t.EUI64) -> dict[int, bytes]:
    """OSAL items present on a freshly flashed stick whose hardware address is ``ieee``."""
    return {
        OsalId.EXTADDR: ieee.serialize(),
        OsalId.STARTUP_OPTION: b"\x00",
        OsalId.LOGICAL_TYPE: b"\x00",  # coordinator
        OsalId.CONCENTRATOR_ENABLE: b"\x00",
        OsalId.CONCENTRATOR_DISCOVERY: b"\x78",
        OsalId.CONCENTRATOR_RC: b"\x00",
        OsalId.SRC_RTG_EXPIRY_TIME: b"\x3c",
        OsalId.NWK_CHILD_AGE_ENABLE: b"\x01",
        OsalId.BCAST_DELIVERY_TIME: b"\x1e",
        OsalId.ZDO_DIRECT_CB: b"\x00",
        OsalId.POLL_RATE: (3000).to_bytes(4, "little"),  # ms between a sleepy child's polls
        OsalId.PANID: b"\xff\xff",
        OsalId.CHANLIST: (0x00000800).to_bytes(4, "little"),  # channel 11
        OsalId.PRECFGKEYS_ENABLE: b"\x00",
        # A count of zero entries, then room for the table's capacity of 6-byte entries.
        OsalId.APS_LINK_KEY_TABLE: bytes(2 + 6 * TABLE_ROWS),
    }


@dataclass
class Nvram:
    hardware_ieee: t.EUI64
    osal: dict[int, bytearray] = field(default_factory=dict)
    extended: dict[tuple[int, int, int], bytearray] = field(default_factory=dict)
    writes: int = 0
    """Every change counted: a host that resumes a network writes little, one that forms writes
    a lot (tests and the log use it)."""

    def __post_init__(self) -> None:
        if not self.osal and not self.extended:
            self.osal = {
                key: bytearray(value) for key, value in factory_items(self.hardware_ieee).items()
            }
            for item, row in _TABLE_ROWS_OF.items():
                for sub in range(TABLE_ROWS):
                    self.extended[(ZSTACK_SYSTEM, item, sub)] = bytearray(row)

    # Either namespace, by an extended key: the legacy item is the OSAL namespace ----------------

    def _store(self, key: tuple[int, int, int]) -> tuple[dict[Any, bytearray], Any]:
        system, item, sub = key
        if system == ZSTACK_SYSTEM and item == LEGACY_ITEM:
            return self.osal, sub
        return self.extended, key

    def get(self, key: tuple[int, int, int]) -> bytearray | None:
        store, index = self._store(key)
        return store.get(index)

    def create(self, key: tuple[int, int, int], length: int, initial: bytes = b"") -> bool:
        """Create an item of ``length`` bytes; False (and no change) if it exists already."""
        store, index = self._store(key)
        if index in store:
            return False
        value = bytearray(length)
        value[: len(initial)] = initial[:length]
        store[index] = value
        self.writes += 1
        return True

    def delete(self, key: tuple[int, int, int]) -> bool:
        store, index = self._store(key)
        self.writes += 1
        return store.pop(index, None) is not None

    def write(self, key: tuple[int, int, int], offset: int, data: bytes) -> bool:
        """Write inside an existing item; False if it does not exist or ``data`` overruns it."""
        value = self.get(key)
        if value is None or offset + len(data) > len(value):
            return False
        value[offset : offset + len(data)] = data
        self.writes += 1
        return True

    def put(self, osal_id: int, data: bytes) -> None:
        """Z-Stack's own write: create or replace a whole OSAL item."""
        self.osal[osal_id] = bytearray(data)
        self.writes += 1

    def item(self, osal_id: int) -> bytes | None:
        value = self.osal.get(osal_id)
        return bytes(value) if value is not None else None

    def clear_network_state(self) -> None:
        for osal_id in NETWORK_STATE_ITEMS:
            self.osal.pop(osal_id, None)
        for (system, item, _row), value in self.extended.items():
            if system == ZSTACK_SYSTEM and item in _TABLE_ROWS_OF:
                value[:] = _TABLE_ROWS_OF[item]
        self.writes += 1

    def restore_hardware_address(self) -> None:
        """At boot: a deleted EXTADDR comes back as the chip's own address."""
        if OsalId.EXTADDR not in self.osal:
            self.put(OsalId.EXTADDR, self.hardware_ieee.serialize())

    def restore_factory_items(self) -> None:
        """At boot, as Z-Stack's ``osal_nv_item_init`` calls do: every item the stack needs and a
        host deleted (``nvram_reset`` deletes them all) comes back with its default, and each
        table its empty rows, so the stick can form a network again."""
        for osal_id, value in factory_items(self.hardware_ieee).items():
            if osal_id not in self.osal:
                self.put(osal_id, value)
        for item, row in _TABLE_ROWS_OF.items():
            for sub in range(TABLE_ROWS):
                self.extended.setdefault((ZSTACK_SYSTEM, item, sub), bytearray(row))

    def poll_rate_old16(self) -> bytes | None:
        """Z-Stack 3.x keeps the poll rate as 32 bits and answers a read of the old 16-bit item
        from it (the item itself does not exist: its length reads 0)."""
        value = self.osal.get(OsalId.POLL_RATE)
        return bytes(value[:2]) if value is not None else None
