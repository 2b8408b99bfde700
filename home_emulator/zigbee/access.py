"""What each kind of consumer device may do on the HAN, enforced by the emulated hub and meters.

A Consumer Access Device is strictly read-only: it may read consumption, export and tariff data
(and ask to be told about them), and nothing else. Every write and every command that changes a
meter – top-up, emergency credit, supply, payment mode, message confirmation – is refused with
NOT_AUTHORIZED, and the hub logs the refusal. IHDs and PPMIDs keep their usual rights (the meters'
own rules still apply: an IHD cannot switch a supply on that is not armed, and so on).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from zigpy.zcl import foundation as f

from han.clusters import (
    BASIC_CLUSTER,
    METERING_CLUSTER,
    PREPAYMENT_CLUSTER,
    PRICE_CLUSTER,
    TIME_CLUSTER,
)

if TYPE_CHECKING:
    from home_emulator.zigbee.zcl_server import RequestHeader

CAD: Final = "CAD"

_READ_COMMANDS: Final = frozenset(
    {
        f.GeneralCommand.Read_Attributes,
        f.GeneralCommand.Configure_Reporting,  # only decides what is reported to the CAD itself
        f.GeneralCommand.Read_Reporting_Configuration,
        f.GeneralCommand.Discover_Attributes,
        f.GeneralCommand.Discover_Attribute_Extended,
        f.GeneralCommand.Default_Response,
    }
)
_CAD_READABLE_CLUSTERS: Final = frozenset(
    {BASIC_CLUSTER, TIME_CLUSTER, PRICE_CLUSTER, METERING_CLUSTER, PREPAYMENT_CLUSTER}
)
"""Prepayment only for its cost histories (``cad_may_read``)."""
_CAD_CLUSTER_COMMANDS: Final = frozenset(
    {
        (METERING_CLUSTER, 0x00),  # GetProfile: the half-hourly consumption
        (PRICE_CLUSTER, 0x00),  # GetCurrentPrice
        (PRICE_CLUSTER, 0x01),  # GetScheduledPrices
    }
)


def cad_may_run(cluster_id: int, header: f.ZCLHeader | RequestHeader) -> bool:
    """Whether a CAD may send this frame at all."""
    if cluster_id not in _CAD_READABLE_CLUSTERS:
        return False
    if header.frame_control.is_general:
        return header.command_id in _READ_COMMANDS
    return (cluster_id, int(header.command_id)) in _CAD_CLUSTER_COMMANDS


def cad_may_read(cluster_id: int, attribute_name: str) -> bool:
    """A CAD reads a prepayment meter's cost histories, not its credit, debt or settings."""
    if cluster_id != PREPAYMENT_CLUSTER:
        return True
    return "cost_consumption" in attribute_name or attribute_name in {
        "historical_cost_consumption_formatting",
        "consumption_unit_of_measurement",
        "currency_scaling_factor",
        "currency",
    }
