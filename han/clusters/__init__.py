"""GB Smart Energy cluster definitions on zigpy.

zigpy 2.4 defines Metering in full but leaves Price, Prepayment, Messaging and Device Management as
empty stubs. Importing
this package registers the GB definitions in zigpy's global cluster registry, so every endpoint zigpy
creates afterwards – on the app side and in the emulated meters alike – speaks the same definitions:
a frame that one side writes, the other side reads.
"""

from han.clusters.device_management import GBDeviceManagement
from han.clusters.ids import (
    BASIC_CLUSTER,
    DEVICE_MANAGEMENT_CLUSTER,
    ELECTRICAL_MEASUREMENT_CLUSTER,
    MESSAGING_CLUSTER,
    METERING_CLUSTER,
    OTA_CLUSTER,
    PREPAYMENT_CLUSTER,
    PRICE_CLUSTER,
    TIME_CLUSTER,
)
from han.clusters.messaging import GBMessaging
from han.clusters.metering import GBMetering
from han.clusters.pairing import PAIRING_CLUSTER_ID, GBCadPairing, PairingStatus
from han.clusters.prepayment import GBPrepayment
from han.clusters.price import GBPrice
from han.clusters.undecodable import UNDECODABLE_FRAME, UndecodableFrame

SE_PROFILE_ID = 0x0109
"""ZigBee Smart Energy application profile: every GB HAN endpoint uses it."""

__all__ = [
    "BASIC_CLUSTER",
    "DEVICE_MANAGEMENT_CLUSTER",
    "ELECTRICAL_MEASUREMENT_CLUSTER",
    "MESSAGING_CLUSTER",
    "METERING_CLUSTER",
    "OTA_CLUSTER",
    "PAIRING_CLUSTER_ID",
    "PREPAYMENT_CLUSTER",
    "PRICE_CLUSTER",
    "SE_PROFILE_ID",
    "TIME_CLUSTER",
    "UNDECODABLE_FRAME",
    "GBCadPairing",
    "GBDeviceManagement",
    "GBMessaging",
    "GBMetering",
    "GBPrepayment",
    "GBPrice",
    "PairingStatus",
    "UndecodableFrame",
]
