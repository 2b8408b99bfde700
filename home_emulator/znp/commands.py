"""The MT commands a zigpy radio library uses with Z-Stack 3.x, with their byte layouts.

Only what a host needs to form or resume a network, keep the stick's memory, register endpoints,
interview devices and exchange application frames; a request outside this table is answered with
RPC_ERROR "invalid command", as the network processor does. Layouts follow TI's Z-Stack Monitor
and Test API: little-endian integers, EUI-64s least significant byte first.

Each ``Command`` is one direction of one exchange (a request and its synchronous response are two
entries sharing CMD0's subsystem and CMD1). ``decode`` gives a dict of field values, ``frame``
builds the frame from keyword values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from home_emulator.zigbee.layout import Kind, Layout
from home_emulator.znp.frames import CommandType, Frame, Subsystem

__all__ = ["Command", "Kind"]


@dataclass(frozen=True)
class Command:
    name: str
    type: CommandType
    subsystem: Subsystem
    id: int
    fields: tuple[tuple[str, Kind], ...] = ()
    layout: Layout = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "layout", Layout(self.fields))

    @property
    def key(self) -> tuple[int, int]:
        return (int(self.type) << 5) | self.subsystem, self.id

    def frame(self, **values: Any) -> Frame:
        try:
            data = self.layout.encode(values)
        except TypeError as error:
            raise TypeError(f"{self.name}: {error}") from None
        return Frame(self.type, self.subsystem, self.id, data)

    def decode(self, data: bytes) -> dict[str, Any]:
        """Field values of ``data``; ValueError if it is too short or has bytes left over."""
        return self.layout.decode(data)


U8, S8, U16, U32 = Kind.U8, Kind.S8, Kind.U16, Kind.U32
_SREQ, _SRSP, _AREQ = CommandType.SREQ, CommandType.SRSP, CommandType.AREQ
_SYS, _AF, _ZDO, _UTIL, _CNF = (
    Subsystem.SYS,
    Subsystem.AF,
    Subsystem.ZDO,
    Subsystem.UTIL,
    Subsystem.APP_CNF,
)
_STATUS = (("Status", U8),)
_NV_ITEM = (("SysId", U8), ("ItemId", U16), ("SubId", U16))


def _pair(
    name: str,
    subsystem: Subsystem,
    command_id: int,
    request: tuple[tuple[str, Kind], ...],
    response: tuple[tuple[str, Kind], ...] = _STATUS,
) -> tuple[Command, Command]:
    return (
        Command(name, _SREQ, subsystem, command_id, request),
        Command(f"{name} response", _SRSP, subsystem, command_id, response),
    )


# SYS ---------------------------------------------------------------------------------------
RESET_REQ = Command("SYS reset request", _AREQ, _SYS, 0x00, (("Type", U8),))
RESET_IND = Command(
    "SYS reset indication",
    _AREQ,
    _SYS,
    0x80,
    (
        ("Reason", U8),
        ("TransportRev", U8),
        ("ProductId", U8),
        ("MajorRel", U8),
        ("MinorRel", U8),
        ("MaintRel", U8),
    ),
)
PING, PING_RSP = _pair("SYS ping", _SYS, 0x01, (), (("Capabilities", U16),))
VERSION, VERSION_RSP = _pair(
    "SYS version",
    _SYS,
    0x02,
    (),
    (
        ("TransportRev", U8),
        ("ProductId", U8),
        ("MajorRel", U8),
        ("MinorRel", U8),
        ("MaintRel", U8),
        ("CodeRevision", U32),
        ("BootloaderBuildType", U8),
        ("BootloaderRevision", U32),
    ),
)
OSAL_NV_ITEM_INIT, OSAL_NV_ITEM_INIT_RSP = _pair(
    "SYS OSAL NV item init",
    _SYS,
    0x07,
    (("Id", U16), ("ItemLen", U16), ("Value", Kind.SHORT_BYTES)),
)
OSAL_NV_READ, OSAL_NV_READ_RSP = _pair(
    "SYS OSAL NV read",
    _SYS,
    0x08,
    (("Id", U16), ("Offset", U8)),
    (("Status", U8), ("Value", Kind.SHORT_BYTES)),
)
OSAL_NV_WRITE, OSAL_NV_WRITE_RSP = _pair(
    "SYS OSAL NV write", _SYS, 0x09, (("Id", U16), ("Offset", U8), ("Value", Kind.SHORT_BYTES))
)
OSAL_NV_DELETE, OSAL_NV_DELETE_RSP = _pair(
    "SYS OSAL NV delete", _SYS, 0x12, (("Id", U16), ("ItemLen", U16))
)
OSAL_NV_LENGTH, OSAL_NV_LENGTH_RSP = _pair(
    "SYS OSAL NV length", _SYS, 0x13, (("Id", U16),), (("ItemLen", U16),)
)
SET_TX_POWER, SET_TX_POWER_RSP = _pair(
    "SYS set TX power", _SYS, 0x14, (("TXPower", S8),), (("StatusOrPower", S8),)
)
OSAL_NV_READ_EXT, OSAL_NV_READ_EXT_RSP = _pair(
    "SYS OSAL NV read ext",
    _SYS,
    0x1C,
    (("Id", U16), ("Offset", U16)),
    (("Status", U8), ("Value", Kind.SHORT_BYTES)),
)
OSAL_NV_WRITE_EXT, OSAL_NV_WRITE_EXT_RSP = _pair(
    "SYS OSAL NV write ext",
    _SYS,
    0x1D,
    (("Id", U16), ("Offset", U16), ("Value", Kind.LONG_BYTES)),
)
NV_CREATE, NV_CREATE_RSP = _pair("SYS NV create", _SYS, 0x30, (*_NV_ITEM, ("Length", U32)))
NV_DELETE, NV_DELETE_RSP = _pair("SYS NV delete", _SYS, 0x31, _NV_ITEM)
NV_LENGTH, NV_LENGTH_RSP = _pair("SYS NV length", _SYS, 0x32, _NV_ITEM, (("Length", U32),))
NV_READ, NV_READ_RSP = _pair(
    "SYS NV read",
    _SYS,
    0x33,
    (*_NV_ITEM, ("Offset", U16), ("Length", U8)),
    (("Status", U8), ("Value", Kind.SHORT_BYTES)),
)
NV_WRITE, NV_WRITE_RSP = _pair(
    "SYS NV write", _SYS, 0x34, (*_NV_ITEM, ("Offset", U16), ("Value", Kind.SHORT_BYTES))
)

# AF ----------------------------------------------------------------------------------------
AF_REGISTER, AF_REGISTER_RSP = _pair(
    "AF register",
    _AF,
    0x00,
    (
        ("Endpoint", U8),
        ("ProfileId", U16),
        ("DeviceId", U16),
        ("DeviceVersion", U8),
        ("LatencyReq", U8),
        ("InputClusters", Kind.CLUSTERS),
        ("OutputClusters", Kind.CLUSTERS),
    ),
)
AF_DATA_REQUEST_EXT, AF_DATA_REQUEST_EXT_RSP = _pair(
    "AF data request ext",
    _AF,
    0x02,
    (
        ("Dst", Kind.ADDRESS),
        ("DstEndpoint", U8),
        ("DstPanId", U16),
        ("SrcEndpoint", U8),
        ("ClusterId", U16),
        ("TSN", U8),
        ("Options", U8),
        ("Radius", U8),
        ("Data", Kind.LONG_BYTES),
    ),
)
AF_DATA_CONFIRM = Command(
    "AF data confirm", _AREQ, _AF, 0x80, (("Status", U8), ("Endpoint", U8), ("TSN", U8))
)
AF_INCOMING_MSG = Command(
    "AF incoming message",
    _AREQ,
    _AF,
    0x81,
    (
        ("GroupId", U16),
        ("ClusterId", U16),
        ("SrcAddr", U16),
        ("SrcEndpoint", U8),
        ("DstEndpoint", U8),
        ("WasBroadcast", U8),
        ("LQI", U8),
        ("SecurityUse", U8),
        ("TimeStamp", U32),
        ("TSN", U8),
        ("Data", Kind.SHORT_BYTES),
        ("MacSrcAddr", U16),
        ("MsgResultRadius", U8),
    ),
)
AF_INCOMING_MSG_EXT = Command(
    "AF incoming message ext",
    _AREQ,
    _AF,
    0x82,
    (
        ("GroupId", U16),
        ("ClusterId", U16),
        ("SrcAddr", Kind.ADDRESS),
        ("SrcEndpoint", U8),
        ("SrcPanId", U16),
        ("DstEndpoint", U8),
        ("WasBroadcast", U8),
        ("LQI", U8),
        ("SecurityUse", U8),
        ("TimeStamp", U32),
        ("TSN", U8),
        ("Data", Kind.LONG_BYTES),
        ("MacSrcAddr", U16),
        ("MsgResultRadius", U8),
    ),
)
"""A message too long for AF incoming message. When even this frame cannot carry it, the data
is left out and the length stays: ``callbacks.held_message``."""
AF_DATA_RETRIEVE, AF_DATA_RETRIEVE_RSP = _pair(
    "AF data retrieve",
    _AF,
    0x12,
    (("TimeStamp", U32), ("Index", U16), ("Length", U8)),
    (("Status", U8), ("Data", Kind.SHORT_BYTES)),
)

# ZDO ---------------------------------------------------------------------------------------
MGMT_PERMIT_JOIN_REQ, MGMT_PERMIT_JOIN_REQ_RSP = _pair(
    "ZDO management permit join",
    _ZDO,
    0x36,
    (("AddrMode", U8), ("Dst", U16), ("Duration", U8), ("TCSignificance", U8)),
)
NETWORK_DISCOVERY_REQ, NETWORK_DISCOVERY_REQ_RSP = _pair(
    "ZDO network discovery", _ZDO, 0x26, (("Channels", U32), ("ScanDuration", U8))
)
MGMT_NWK_UPDATE_REQ, MGMT_NWK_UPDATE_REQ_RSP = _pair(
    "ZDO management network update",
    _ZDO,
    0x37,
    (
        ("Dst", U16),
        ("DstAddrMode", U8),
        ("Channels", U32),
        ("ScanDuration", U8),
        ("ScanCount", U8),
        ("NwkManagerAddr", U16),
    ),
)
MSG_CALLBACK_REGISTER, MSG_CALLBACK_REGISTER_RSP = _pair(
    "ZDO message callback register", _ZDO, 0x3E, (("ClusterId", U16),)
)
STARTUP_FROM_APP, STARTUP_FROM_APP_RSP = _pair(
    "ZDO startup from app", _ZDO, 0x40, (("StartDelay", U16),), (("State", U8),)
)
EXT_ROUTE_DISC, EXT_ROUTE_DISC_RSP = _pair(
    "ZDO ext route discovery", _ZDO, 0x45, (("Dst", U16), ("Options", U8), ("Radius", U8))
)
EXT_ROUTE_CHK, EXT_ROUTE_CHK_RSP = _pair(
    "ZDO ext route check", _ZDO, 0x46, (("Dst", U16), ("RtStatus", U8), ("Options", U8))
)
MGMT_PERMIT_JOIN_RSP = Command(
    "ZDO management permit join response", _AREQ, _ZDO, 0xB6, (("Src", U16), ("Status", U8))
)
STATE_CHANGE_IND = Command("ZDO state change", _AREQ, _ZDO, 0xC0, (("State", U8),))
BEACON_NOTIFY_IND = Command("ZDO beacon notification", _AREQ, _ZDO, 0xC5, (("Beacons", Kind.REST),))
"""Beacons: a count, then 21 bytes each (source, PAN id, channel, permit joining, router and
device capacity, protocol version, stack profile, LQI, depth, update id, extended PAN id)."""
NWK_DISCOVERY_CNF = Command("ZDO network discovery done", _AREQ, _ZDO, 0xC7, (("Status", U8),))
LEAVE_IND = Command(
    "ZDO leave indication",
    _AREQ,
    _ZDO,
    0xC9,
    (("NWK", U16), ("IEEE", Kind.EUI64), ("Request", U8), ("Remove", U8), ("Rejoin", U8)),
)
TC_DEV_IND = Command(
    "ZDO trust centre device indication",
    _AREQ,
    _ZDO,
    0xCA,
    (("SrcNwk", U16), ("SrcIEEE", Kind.EUI64), ("ParentNwk", U16)),
)
PERMIT_JOIN_IND = Command("ZDO permit join indication", _AREQ, _ZDO, 0xCB, (("Duration", U8),))
MSG_CB_INCOMING = Command(
    "ZDO message callback incoming",
    _AREQ,
    _ZDO,
    0xFF,
    (
        ("Src", U16),
        ("IsBroadcast", U8),
        ("ClusterId", U16),
        ("SecurityUse", U8),
        ("TSN", U8),
        ("MacDst", U16),
        ("Data", Kind.REST),
    ),
)

# UTIL --------------------------------------------------------------------------------------
LED_CONTROL, LED_CONTROL_RSP = _pair("UTIL LED control", _UTIL, 0x0A, (("LED", U8), ("Mode", U8)))
ASSOC_FIND_DEVICE, ASSOC_FIND_DEVICE_RSP = _pair(
    "UTIL association find device", _UTIL, 0x49, (("Index", U8),), (("Device", Kind.REST),)
)

# APP_CNF (base device behaviour) -----------------------------------------------------------
BDB_ADD_INSTALL_CODE, BDB_ADD_INSTALL_CODE_RSP = _pair(
    "APP_CNF BDB add install code",
    _CNF,
    0x04,
    (("InstallCodeFormat", U8), ("IEEE", Kind.EUI64), ("InstallCode", Kind.REST)),
)
BDB_START_COMMISSIONING, BDB_START_COMMISSIONING_RSP = _pair(
    "APP_CNF BDB start commissioning", _CNF, 0x05, (("Mode", U8),)
)
BDB_SET_JOIN_USES_INSTALL_CODE_KEY, BDB_SET_JOIN_USES_INSTALL_CODE_KEY_RSP = _pair(
    "APP_CNF BDB join uses install code key", _CNF, 0x06, (("BdbJoinUsesInstallCodeKey", U8),)
)
BDB_SET_CHANNEL, BDB_SET_CHANNEL_RSP = _pair(
    "APP_CNF BDB set channel", _CNF, 0x08, (("IsPrimary", U8), ("Channel", U32))
)
BDB_COMMISSIONING_NOTIFICATION = Command(
    "APP_CNF BDB commissioning notification",
    _AREQ,
    _CNF,
    0x80,
    (("Status", U8), ("Mode", U8), ("RemainingModes", U8)),
)

# RPC error ---------------------------------------------------------------------------------
COMMAND_NOT_RECOGNIZED = Command(
    "RPC error",
    _SRSP,
    Subsystem.RPC_ERROR,
    0x00,
    (("ErrorCode", U8), ("RequestHeader", Kind.HEADER)),
)
INVALID_SUBSYSTEM = 0x01
INVALID_COMMAND_ID = 0x02
INVALID_PARAMETER = 0x03

REQUESTS: dict[tuple[int, int], Command] = {
    command.key: command
    for command in (
        RESET_REQ,
        PING,
        VERSION,
        OSAL_NV_ITEM_INIT,
        OSAL_NV_READ,
        OSAL_NV_WRITE,
        OSAL_NV_DELETE,
        OSAL_NV_LENGTH,
        SET_TX_POWER,
        OSAL_NV_READ_EXT,
        OSAL_NV_WRITE_EXT,
        NV_CREATE,
        NV_DELETE,
        NV_LENGTH,
        NV_READ,
        NV_WRITE,
        AF_REGISTER,
        AF_DATA_REQUEST_EXT,
        AF_DATA_RETRIEVE,
        MGMT_PERMIT_JOIN_REQ,
        NETWORK_DISCOVERY_REQ,
        MGMT_NWK_UPDATE_REQ,
        MSG_CALLBACK_REGISTER,
        STARTUP_FROM_APP,
        EXT_ROUTE_DISC,
        EXT_ROUTE_CHK,
        LED_CONTROL,
        ASSOC_FIND_DEVICE,
        BDB_ADD_INSTALL_CODE,
        BDB_START_COMMISSIONING,
        BDB_SET_JOIN_USES_INSTALL_CODE_KEY,
        BDB_SET_CHANNEL,
    )
}
"""What the emulated network processor understands, by (CMD0, CMD1)."""
