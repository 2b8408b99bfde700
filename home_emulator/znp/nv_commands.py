"""The SYS commands that read and write the stick's memory, as Z-Stack 3.x answers them.

Each handler takes a request's decoded fields and returns its response's fields. Reads hand back
at most ``CHUNK`` bytes at a time (the host asks again from the next offset); an item that does
not exist reads as length 0, and writing to one fails with NV_ITEM_UNINIT, as on the chip.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from home_emulator.znp import commands as mt
from home_emulator.znp import status
from home_emulator.znp.commands import Command
from home_emulator.znp.nvram import LEGACY_ITEM, ZSTACK_SYSTEM, Nvram, OsalId

CHUNK = 244
"""Bytes per read answer: what fits in one MT frame beside the status and length."""

Fields = dict[str, Any]


def _legacy(osal_id: int) -> tuple[int, int, int]:
    return ZSTACK_SYSTEM, LEGACY_ITEM, osal_id


def _item(fields: Fields) -> tuple[int, int, int]:
    return int(fields["SysId"]), int(fields["ItemId"]), int(fields["SubId"])


def osal_length(nvram: Nvram, fields: Fields) -> Fields:
    value = nvram.get(_legacy(fields["Id"]))
    return {"ItemLen": len(value) if value is not None else 0}


def osal_item_init(nvram: Nvram, fields: Fields) -> Fields:
    created = nvram.create(_legacy(fields["Id"]), fields["ItemLen"], fields["Value"])
    # Z-Stack's osal_nv_item_init: "uninitialised" means it was just created.
    return {"Status": status.NV_ITEM_UNINIT if created else status.SUCCESS}


def osal_read(nvram: Nvram, fields: Fields) -> Fields:
    if fields["Id"] == OsalId.POLL_RATE_OLD16:
        proxied = nvram.poll_rate_old16()
        return _read(bytearray(proxied) if proxied is not None else None, fields["Offset"], CHUNK)
    return _read(nvram.get(_legacy(fields["Id"])), fields["Offset"], CHUNK)


def osal_write(nvram: Nvram, fields: Fields) -> Fields:
    if fields["Id"] == OsalId.POLL_RATE_OLD16:  # written through to the 32-bit poll rate
        return _write(nvram, _legacy(OsalId.POLL_RATE), fields["Offset"], fields["Value"])
    return _write(nvram, _legacy(fields["Id"]), fields["Offset"], fields["Value"])


def osal_delete(nvram: Nvram, fields: Fields) -> Fields:
    key = _legacy(fields["Id"])
    value = nvram.get(key)
    if value is None:
        return {"Status": status.NV_ITEM_UNINIT}
    if len(value) != fields["ItemLen"]:
        return {"Status": status.NV_BAD_ITEM_LEN}
    nvram.delete(key)
    return {"Status": status.SUCCESS}


def nv_create(nvram: Nvram, fields: Fields) -> Fields:
    created = nvram.create(_item(fields), fields["Length"])
    return {"Status": status.NV_ITEM_UNINIT if created else status.SUCCESS}


def nv_delete(nvram: Nvram, fields: Fields) -> Fields:
    deleted = nvram.delete(_item(fields))
    return {"Status": status.SUCCESS if deleted else status.NV_ITEM_UNINIT}


def nv_length(nvram: Nvram, fields: Fields) -> Fields:
    value = nvram.get(_item(fields))
    return {"Length": len(value) if value is not None else 0}


def nv_read(nvram: Nvram, fields: Fields) -> Fields:
    return _read(nvram.get(_item(fields)), fields["Offset"], min(fields["Length"], CHUNK))


def nv_write(nvram: Nvram, fields: Fields) -> Fields:
    return _write(nvram, _item(fields), fields["Offset"], fields["Value"])


def _read(value: bytearray | None, offset: int, most: int) -> Fields:
    if value is None:
        return {"Status": status.NV_ITEM_UNINIT, "Value": b""}
    if offset > len(value):
        return {"Status": status.INVALID_PARAMETER, "Value": b""}
    return {"Status": status.SUCCESS, "Value": bytes(value[offset : offset + most])}


def _write(nvram: Nvram, key: tuple[int, int, int], offset: int, data: bytes) -> Fields:
    if nvram.get(key) is None:
        return {"Status": status.NV_ITEM_UNINIT}
    if not nvram.write(key, offset, data):
        return {"Status": status.NV_OPER_FAILED}
    return {"Status": status.SUCCESS}


HANDLERS: dict[Command, tuple[Command, Callable[[Nvram, Fields], Fields]]] = {
    mt.OSAL_NV_LENGTH: (mt.OSAL_NV_LENGTH_RSP, osal_length),
    mt.OSAL_NV_ITEM_INIT: (mt.OSAL_NV_ITEM_INIT_RSP, osal_item_init),
    mt.OSAL_NV_READ: (mt.OSAL_NV_READ_RSP, osal_read),
    mt.OSAL_NV_READ_EXT: (mt.OSAL_NV_READ_EXT_RSP, osal_read),
    mt.OSAL_NV_WRITE: (mt.OSAL_NV_WRITE_RSP, osal_write),
    mt.OSAL_NV_WRITE_EXT: (mt.OSAL_NV_WRITE_EXT_RSP, osal_write),
    mt.OSAL_NV_DELETE: (mt.OSAL_NV_DELETE_RSP, osal_delete),
    mt.NV_CREATE: (mt.NV_CREATE_RSP, nv_create),
    mt.NV_DELETE: (mt.NV_DELETE_RSP, nv_delete),
    mt.NV_LENGTH: (mt.NV_LENGTH_RSP, nv_length),
    mt.NV_READ: (mt.NV_READ_RSP, nv_read),
    mt.NV_WRITE: (mt.NV_WRITE_RSP, nv_write),
}
"""Request → (its response, the handler)."""
