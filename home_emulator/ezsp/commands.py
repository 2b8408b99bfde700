"""The EZSP commands and callbacks bellows uses with an EmberZNet 6.10 NCP (EZSP protocol 8), with
their frame ids and parameter layouts.

Only what a host needs to agree a protocol version, configure the stack, form or resume a network,
read its parameters and keys, permit joining, exchange application frames and keep its watchdog
fed; any other frame id is answered with ``invalidCommand`` (EZSP_ERROR_INVALID_FRAME_ID), as the
NCP does. Layouts follow Silicon Labs' UG100 (EZSP Reference Guide) for protocol version 8.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from home_emulator.ezsp.layouts import (
    APS_FRAME,
    BYTES,
    CHILD_DATA,
    CURRENT_SECURITY_STATE,
    EUI64,
    INITIAL_SECURITY_STATE,
    KEY,
    KEY_STRUCT,
    MULTICAST_TABLE_ENTRY,
    NETWORK_PARAMETERS,
    S8,
    U8,
    U16,
    U32,
    ZIGBEE_NETWORK,
    Counted,
    Kind,
    Layout,
)


@dataclass(frozen=True)
class Command:
    name: str
    id: int
    request: Layout = field(default_factory=Layout)
    response: Layout = field(default_factory=Layout)
    """What the NCP sends: a command's response, or a callback's parameters."""

    def encode_response(self, **values: Any) -> bytes:
        return self.response.encode(values)


def _command(
    name: str, id_: int, request: tuple[Any, ...] = (), response: tuple[Any, ...] = ()
) -> Command:
    return Command(name, id_, Layout(request), Layout(response))


STATUS = (("status", U8),)

VERSION = _command(
    "version",
    0x00,
    (("desiredProtocolVersion", U8),),
    (("protocolVersion", U8), ("stackType", U8), ("stackVersion", U16)),
)
ADD_ENDPOINT = _command(
    "addEndpoint",
    0x02,
    (
        ("endpoint", U8),
        ("profileId", U16),
        ("deviceId", U16),
        ("deviceVersion", U8),
        ("inputClusterCount", U8),
        ("outputClusterCount", U8),
        ("inputClusterList", Counted("inputClusterCount")),
        ("outputClusterList", Counted("outputClusterCount")),
    ),
    STATUS,
)
NOP = _command("nop", 0x05)
GET_MFG_TOKEN = _command("getMfgToken", 0x0B, (("tokenId", U8),), (("tokenData", BYTES),))
SET_CONCENTRATOR = _command(
    "setConcentrator",
    0x10,
    (
        ("on", U8),
        ("concentratorType", U16),
        ("minTime", U16),
        ("maxTime", U16),
        ("routeErrorThreshold", U8),
        ("deliveryFailureThreshold", U8),
        ("maxHops", U8),
    ),
    STATUS,
)
SET_MANUFACTURER_CODE = _command("setManufacturerCode", 0x15, (("code", U16),))
NETWORK_INIT = _command("networkInit", 0x17, (("networkInitBitmask", U16),), STATUS)
NETWORK_STATE = _command("networkState", 0x18, (), STATUS)
STACK_STATUS_HANDLER = _command("stackStatusHandler", 0x19, (), STATUS)
START_SCAN = _command(
    "startScan", 0x1A, (("scanType", U8), ("channelMask", U32), ("duration", U8)), STATUS
)
NETWORK_FOUND_HANDLER = _command(
    "networkFoundHandler",
    0x1B,
    (),
    (("networkFound", ZIGBEE_NETWORK), ("lastHopLqi", U8), ("lastHopRssi", S8)),
)
SCAN_COMPLETE_HANDLER = _command("scanCompleteHandler", 0x1C, (), (("channel", U8), ("status", U8)))
FORM_NETWORK = _command("formNetwork", 0x1E, (("parameters", NETWORK_PARAMETERS),), STATUS)
LEAVE_NETWORK = _command("leaveNetwork", 0x20, (), STATUS)
PERMIT_JOINING = _command("permitJoining", 0x22, (("duration", U8),), STATUS)
CHILD_JOIN_HANDLER = _command(
    "childJoinHandler",
    0x23,
    (),
    (
        ("index", U8),
        ("joining", U8),
        ("childId", U16),
        ("childEui64", EUI64),
        ("childType", U8),
    ),
)
TRUST_CENTER_JOIN_HANDLER = _command(
    "trustCenterJoinHandler",
    0x24,
    (),
    (
        ("newNodeId", U16),
        ("newNodeEui64", EUI64),
        ("status", U8),
        ("policyDecision", U8),
        ("parentOfNewNodeId", U16),
    ),
)
GET_EUI64 = _command("getEui64", 0x26, (), (("eui64", EUI64),))
GET_NODE_ID = _command("getNodeId", 0x27, (), (("nodeId", U16),))
GET_NETWORK_PARAMETERS = _command(
    "getNetworkParameters",
    0x28,
    (),
    (("status", U8), ("nodeType", U8), ("parameters", NETWORK_PARAMETERS)),
)
SENT = (("status", U8), ("sequence", U8))
SEND_UNICAST = _command(
    "sendUnicast",
    0x34,
    (
        ("type", U8),
        ("indexOrDestination", U16),
        ("apsFrame", APS_FRAME),
        ("messageTag", U8),
        ("messageContents", BYTES),
    ),
    SENT,
)
SEND_BROADCAST = _command(
    "sendBroadcast",
    0x36,
    (
        ("destination", U16),
        ("apsFrame", APS_FRAME),
        ("radius", U8),
        ("messageTag", U8),
        ("messageContents", BYTES),
    ),
    SENT,
)
SEND_MULTICAST = _command(
    "sendMulticast",
    0x38,
    (
        ("apsFrame", APS_FRAME),
        ("hops", U8),
        ("nonmemberRadius", U8),
        ("messageTag", U8),
        ("messageContents", BYTES),
    ),
    SENT,
)
SEND_REPLY = _command(
    "sendReply",
    0x39,
    (("sender", U16), ("apsFrame", APS_FRAME), ("messageContents", BYTES)),
    STATUS,
)
MESSAGE_SENT_HANDLER = _command(
    "messageSentHandler",
    0x3F,
    (),
    (
        ("type", U8),
        ("indexOrDestination", U16),
        ("apsFrame", APS_FRAME),
        ("messageTag", U8),
        ("status", U8),
        ("messageContents", BYTES),
    ),
)
INCOMING_MESSAGE_HANDLER = _command(
    "incomingMessageHandler",
    0x45,
    (),
    (
        ("type", U8),
        ("apsFrame", APS_FRAME),
        ("lastHopLqi", U8),
        ("lastHopRssi", S8),
        ("sender", U16),
        ("bindingIndex", U8),
        ("addressIndex", U8),
        ("messageContents", BYTES),
    ),
)
CUSTOM_FRAME = _command(
    "customFrame", 0x47, (("payload", BYTES),), (("status", U8), ("reply", BYTES))
)
ENERGY_SCAN_RESULT_HANDLER = _command(
    "energyScanResultHandler", 0x48, (), (("channel", U8), ("maxRssiValue", S8))
)
GET_CHILD_DATA = _command(
    "getChildData", 0x4A, (("index", U8),), (("status", U8), ("childData", CHILD_DATA))
)
GET_CONFIGURATION_VALUE = _command(
    "getConfigurationValue", 0x52, (("configId", U8),), (("status", U8), ("value", U16))
)
SET_CONFIGURATION_VALUE = _command(
    "setConfigurationValue", 0x53, (("configId", U8), ("value", U16)), STATUS
)
SET_POLICY = _command("setPolicy", 0x55, (("policyId", U8), ("decisionId", U8)), STATUS)
INVALID_COMMAND = _command("invalidCommand", 0x58, (), STATUS)
SET_SOURCE_ROUTE_DISCOVERY_MODE = _command(
    "setSourceRouteDiscoveryMode", 0x5A, (("mode", U8),), (("remainingTime", U32),)
)
GET_ADDRESS_TABLE_REMOTE_EUI64 = _command(
    "getAddressTableRemoteEui64", 0x5E, (("addressTableIndex", U8),), (("eui64", EUI64),)
)
GET_ADDRESS_TABLE_REMOTE_NODE_ID = _command(
    "getAddressTableRemoteNodeId", 0x5F, (("addressTableIndex", U8),), (("nodeId", U16),)
)
LOOKUP_NODE_ID_BY_EUI64 = _command(
    "lookupNodeIdByEui64", 0x60, (("eui64", EUI64),), (("nodeId", U16),)
)
LOOKUP_EUI64_BY_NODE_ID = _command(
    "lookupEui64ByNodeId", 0x61, (("nodeId", U16),), (("status", U8), ("eui64", EUI64))
)
GET_MULTICAST_TABLE_ENTRY = _command(
    "getMulticastTableEntry",
    0x63,
    (("index", U8),),
    (("status", U8), ("value", MULTICAST_TABLE_ENTRY)),
)
SET_MULTICAST_TABLE_ENTRY = _command(
    "setMulticastTableEntry", 0x64, (("index", U8), ("value", MULTICAST_TABLE_ENTRY)), STATUS
)
READ_AND_CLEAR_COUNTERS = _command("readAndClearCounters", 0x65, (), (("values", Kind.U16_REST),))
ADD_OR_UPDATE_KEY_TABLE_ENTRY = _command(
    "addOrUpdateKeyTableEntry",
    0x66,
    (("address", EUI64), ("linkKey", U8), ("keyData", KEY)),
    STATUS,
)
SET_INITIAL_SECURITY_STATE = _command(
    "setInitialSecurityState", 0x68, (("state", INITIAL_SECURITY_STATE),), STATUS
)
GET_CURRENT_SECURITY_STATE = _command(
    "getCurrentSecurityState", 0x69, (), (("status", U8), ("state", CURRENT_SECURITY_STATE))
)
GET_KEY = _command("getKey", 0x6A, (("keyType", U8),), (("status", U8), ("keyStruct", KEY_STRUCT)))
GET_KEY_TABLE_ENTRY = _command(
    "getKeyTableEntry", 0x71, (("index", U8),), (("status", U8), ("keyStruct", KEY_STRUCT))
)
SET_EXTENDED_TIMEOUT = _command(
    "setExtendedTimeout", 0x7E, (("remoteEui64", EUI64), ("extendedTimeout", U8))
)
GET_EXTENDED_TIMEOUT = _command(
    "getExtendedTimeout", 0x7F, (("remoteEui64", EUI64),), (("extendedTimeout", U8),)
)
REPLACE_ADDRESS_TABLE_ENTRY = _command(
    "replaceAddressTableEntry",
    0x82,
    (
        ("addressTableIndex", U8),
        ("newEui64", EUI64),
        ("newId", U16),
        ("newExtendedTimeout", U8),
    ),
    (("status", U8), ("oldEui64", EUI64), ("oldId", U16), ("oldExtendedTimeout", U8)),
)
SET_RADIO_POWER = _command("setRadioPower", 0x99, (("power", S8),), STATUS)
GET_VALUE = _command("getValue", 0xAA, (("valueId", U8),), (("status", U8), ("value", BYTES)))
SET_VALUE = _command("setValue", 0xAB, (("valueId", U8), ("value", BYTES)), STATUS)
ADD_TRANSIENT_LINK_KEY = _command(
    "addTransientLinkKey", 0xAF, (("partner", EUI64), ("transientKey", KEY)), STATUS
)
CLEAR_KEY_TABLE = _command("clearKeyTable", 0xB1, (), STATUS)
GP_SINK_TABLE_CLEAR_ALL = _command("gpSinkTableClearAll", 0xE2)
READ_COUNTERS = _command("readCounters", 0xF1, (), (("values", Kind.U16_REST),))

ALL = (
    VERSION,
    ADD_ENDPOINT,
    NOP,
    GET_MFG_TOKEN,
    SET_CONCENTRATOR,
    SET_MANUFACTURER_CODE,
    NETWORK_INIT,
    NETWORK_STATE,
    STACK_STATUS_HANDLER,
    START_SCAN,
    NETWORK_FOUND_HANDLER,
    SCAN_COMPLETE_HANDLER,
    FORM_NETWORK,
    LEAVE_NETWORK,
    PERMIT_JOINING,
    CHILD_JOIN_HANDLER,
    TRUST_CENTER_JOIN_HANDLER,
    GET_EUI64,
    GET_NODE_ID,
    GET_NETWORK_PARAMETERS,
    SEND_UNICAST,
    SEND_BROADCAST,
    SEND_MULTICAST,
    SEND_REPLY,
    MESSAGE_SENT_HANDLER,
    INCOMING_MESSAGE_HANDLER,
    CUSTOM_FRAME,
    ENERGY_SCAN_RESULT_HANDLER,
    GET_CHILD_DATA,
    GET_CONFIGURATION_VALUE,
    SET_CONFIGURATION_VALUE,
    SET_POLICY,
    INVALID_COMMAND,
    SET_SOURCE_ROUTE_DISCOVERY_MODE,
    GET_ADDRESS_TABLE_REMOTE_EUI64,
    GET_ADDRESS_TABLE_REMOTE_NODE_ID,
    LOOKUP_NODE_ID_BY_EUI64,
    LOOKUP_EUI64_BY_NODE_ID,
    GET_MULTICAST_TABLE_ENTRY,
    SET_MULTICAST_TABLE_ENTRY,
    READ_AND_CLEAR_COUNTERS,
    ADD_OR_UPDATE_KEY_TABLE_ENTRY,
    SET_INITIAL_SECURITY_STATE,
    GET_CURRENT_SECURITY_STATE,
    GET_KEY,
    GET_KEY_TABLE_ENTRY,
    SET_EXTENDED_TIMEOUT,
    GET_EXTENDED_TIMEOUT,
    REPLACE_ADDRESS_TABLE_ENTRY,
    SET_RADIO_POWER,
    GET_VALUE,
    SET_VALUE,
    ADD_TRANSIENT_LINK_KEY,
    CLEAR_KEY_TABLE,
    GP_SINK_TABLE_CLEAR_ALL,
    READ_COUNTERS,
)
BY_ID = {command.id: command for command in ALL}
