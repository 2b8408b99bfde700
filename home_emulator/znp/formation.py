"""Network formation and resumption, as Z-Stack's base device behaviour does them on a coordinator.

Formation reads what the host prepared in memory (PAN id, extended PAN id, pre-configured key, the
primary channel mask), picks what is left open (a random PAN id for 0xFFFF, the lowest channel of
the mask – an emulated HAN has no interference to scan for) and writes the network information
base, the active key and the "on a network" flag. A stick that already has a network resumes it:
the host may have rewritten the NIB with the settings it wants, and those are what run.
"""

from __future__ import annotations

import os
import random
import struct

import zigpy.types as t

from home_emulator.znp.nib import NetworkInfoBase
from home_emulator.znp.nvram import ZSTACK_SYSTEM, Nvram, OsalId, TableId

DEFAULT_CHANNEL_MASK = 0x07FFF800
"""Channels 11 to 26, Z-Stack's default primary mask."""
_NO_EXTENDED_PAN_ID = t.EUI64(bytes(8))


def network(nvram: Nvram) -> NetworkInfoBase | None:
    """The network in memory, if the stick has formed one and knows it is on it."""
    data = nvram.item(OsalId.NIB)
    if data is None or nvram.item(OsalId.BDB_NODE_IS_ON_A_NETWORK) != b"\x01":
        return None
    try:
        nib = NetworkInfoBase.decode(data)
    except ValueError:
        return None
    return nib if nib.formed else None


def form(nvram: Nvram, channel_mask: int, *, rng: random.Random | None = None) -> NetworkInfoBase:
    """Form a new network from the host's settings; returns its NIB (also written to memory)."""
    rng = rng or random.Random(os.urandom(8))
    pan_id = _u16(nvram.item(OsalId.PANID), 0xFFFF)
    if pan_id >= 0xFFFE:
        pan_id = rng.randint(0x0001, 0xFFF7)
    extended = nvram.item(OsalId.APS_USE_EXT_PANID)
    extended_pan_id = t.EUI64(extended) if extended and len(extended) == 8 else _NO_EXTENDED_PAN_ID
    if extended_pan_id == _NO_EXTENDED_PAN_ID:
        extended_pan_id = t.EUI64(nvram.item(OsalId.EXTADDR) or nvram.hardware_ieee.serialize())
    mask = channel_mask or DEFAULT_CHANNEL_MASK
    channel = next(number for number in range(11, 27) if mask & (1 << number))
    key = nvram.item(OsalId.PRECFGKEY)
    if key is None or len(key) != 16:
        key = rng.randbytes(16)
    nib = NetworkInfoBase(
        short_address=0x0000,
        channel=channel,
        pan_id=pan_id,
        extended_pan_id=extended_pan_id,
        channel_mask=mask,
        key_loaded=True,
    )
    key_descriptor = b"\x00" + key  # key sequence number 0, then the key
    nvram.put(OsalId.NIB, nib.encode())
    nvram.put(OsalId.NWK_ACTIVE_KEY_INFO, key_descriptor)
    nvram.put(OsalId.NWK_ALTERN_KEY_INFO, key_descriptor)
    nvram.put(OsalId.EXTENDED_PAN_ID, extended_pan_id.serialize())
    nvram.put(OsalId.BDB_NODE_IS_ON_A_NETWORK, b"\x01")
    if nvram.item(OsalId.TCLK_SEED) is None:
        nvram.put(OsalId.TCLK_SEED, rng.randbytes(16))
    # The network's outgoing frame counter starts at zero, in the first security material row.
    nvram.write(
        (ZSTACK_SYSTEM, TableId.NWK_SEC_MATERIAL_TABLE, 0),
        0,
        struct.pack("<I", 0) + extended_pan_id.serialize(),
    )
    return nib


def _u16(data: bytes | None, default: int) -> int:
    return struct.unpack("<H", data)[0] if data is not None and len(data) == 2 else default
