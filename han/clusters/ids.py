"""The cluster ids of a GB HAN by name: the one place the wire's cluster numbers are written.

Each is taken from the cluster definition that serialises it – zigpy's for the general and Home
Automation clusters, ours for the Smart Energy ones – so a name and the frames it labels cannot
disagree.
"""

from __future__ import annotations

from typing import Final

from zigpy.zcl.clusters.general import Basic, Ota, Time
from zigpy.zcl.clusters.homeautomation import ElectricalMeasurement

from han.clusters.device_management import GBDeviceManagement
from han.clusters.messaging import GBMessaging
from han.clusters.metering import GBMetering
from han.clusters.prepayment import GBPrepayment
from han.clusters.price import GBPrice

BASIC_CLUSTER: Final = int(Basic.cluster_id)
"""0x0000: who made a device and what it is."""
TIME_CLUSTER: Final = int(Time.cluster_id)
"""0x000A: the comms hub's clock, the HAN's time."""
OTA_CLUSTER: Final = int(Ota.cluster_id)
"""0x0019: the comms hub serves consumer devices their firmware."""
PRICE_CLUSTER: Final = int(GBPrice.cluster_id)
"""0x0700"""
METERING_CLUSTER: Final = int(GBMetering.cluster_id)
"""0x0702"""
MESSAGING_CLUSTER: Final = int(GBMessaging.cluster_id)
"""0x0703"""
PREPAYMENT_CLUSTER: Final = int(GBPrepayment.cluster_id)
"""0x0705"""
DEVICE_MANAGEMENT_CLUSTER: Final = int(GBDeviceManagement.cluster_id)
"""0x0708"""
ELECTRICAL_MEASUREMENT_CLUSTER: Final = int(ElectricalMeasurement.cluster_id)
"""0x0B04: a Home Automation power sensor's active power (the CAD's pulse reader)."""
