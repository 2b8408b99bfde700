"""Z-Stack status codes the emulated network processor answers with (a subset of TI's list)."""

SUCCESS = 0x00
FAILURE = 0x01
INVALID_PARAMETER = 0x02
NV_ITEM_UNINIT = 0x09
NV_OPER_FAILED = 0x0A
NV_BAD_ITEM_LEN = 0x0C
APS_DUPLICATE_ENTRY = 0xB8
MAC_NO_ACK = 0xE9
"""A unicast the addressed node never acknowledged: switched off, or not on the HAN."""

ROUTE_SUCCESS = 0x00
ROUTE_NO_ENTRY = 0x04
