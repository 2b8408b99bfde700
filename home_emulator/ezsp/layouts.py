"""How EZSP lays out a command's parameters (``home_emulator/zigbee/layout.py``, shared with the
emulated Z-Stack), and the EmberZNet structures built from its kinds.
"""

from __future__ import annotations

from home_emulator.zigbee.layout import Counted, Field, Kind, Layout, Struct

__all__ = ["Counted", "Field", "Kind", "Layout", "Struct"]

U8, S8, U16, U32 = Kind.U8, Kind.S8, Kind.U16, Kind.U32
EUI64, KEY, BYTES = Kind.EUI64, Kind.KEY, Kind.BYTES

# The EmberZNet structures the emulated NCP reads or writes ------------------------------

NETWORK_PARAMETERS = Struct(
    "EmberNetworkParameters",
    (
        ("extendedPanId", EUI64),
        ("panId", U16),
        ("radioTxPower", U8),
        ("radioChannel", U8),
        ("joinMethod", U8),
        ("nwkManagerId", U16),
        ("nwkUpdateId", U8),
        ("channels", U32),
    ),
)
APS_FRAME = Struct(
    "EmberApsFrame",
    (
        ("profileId", U16),
        ("clusterId", U16),
        ("sourceEndpoint", U8),
        ("destinationEndpoint", U8),
        ("options", U16),
        ("groupId", U16),
        ("sequence", U8),
    ),
)
KEY_STRUCT = Struct(
    "EmberKeyStruct",
    (
        ("bitmask", U16),
        ("type", U8),
        ("key", KEY),
        ("outgoingFrameCounter", U32),
        ("incomingFrameCounter", U32),
        ("sequenceNumber", U8),
        ("partnerEUI64", EUI64),
    ),
)
INITIAL_SECURITY_STATE = Struct(
    "EmberInitialSecurityState",
    (
        ("bitmask", U16),
        ("preconfiguredKey", KEY),
        ("networkKey", KEY),
        ("networkKeySequenceNumber", U8),
        ("preconfiguredTrustCenterEui64", EUI64),
    ),
)
CURRENT_SECURITY_STATE = Struct(
    "EmberCurrentSecurityState", (("bitmask", U16), ("trustCenterLongAddress", EUI64))
)
MULTICAST_TABLE_ENTRY = Struct(
    "EmberMulticastTableEntry", (("multicastId", U16), ("endpoint", U8), ("networkIndex", U8))
)
CHILD_DATA = Struct(
    "EmberChildData",
    (
        ("eui64", EUI64),
        ("type", U8),
        ("id", U16),
        ("phy", U8),
        ("power", U8),
        ("timeout", U8),
    ),
)
ZIGBEE_NETWORK = Struct(
    "EmberZigbeeNetwork",
    (
        ("channel", U8),
        ("panId", U16),
        ("extendedPanId", EUI64),
        ("allowingJoin", U8),
        ("stackProfile", U8),
        ("nwkUpdateId", U8),
    ),
)
