"""The emulated home and what a host does with it: build it (from a spec or a scenario), put
displays on its air (the in-process virtual radio, or the air server for other processes), act on
it as its supplier and its household would, and read its devices' public constants. Building one
from a scenario is :mod:`home_emulator.api.from_scenario`: the embedded home needs no scenario, and
the app starts without reading any."""

from __future__ import annotations

from typing import TYPE_CHECKING

from home_emulator.air.link_errors import LinkRefused
from home_emulator.air.virtual_radio import COORDINATOR_IEEE, VirtualRadio
from home_emulator.devices.device_log import DeviceType, NotInDeviceLog, new_install_code
from home_emulator.devices.esme import SUPPLIER_ORIGINATOR, SUPPLY_ON, supplier_key
from home_emulator.devices.pairing import PortalOutcome
from home_emulator.home import METER_STEP_S, EmulatedHome, HomeSpec
from home_emulator.metering.credit_engine import (
    UNITS_PER_PENNY,
    CreditSettings,
    EmergencyCredit,
    PrepaymentStart,
    units,
)
from home_emulator.metering.past_cache import PastCache
from home_emulator.supplier.wan import SupplierWan
from home_emulator.tariffs import economy7
from home_emulator.zigbee.node import Binding
from home_emulator.zigbee.zcl_server import ReportingRule

if TYPE_CHECKING:
    from home_emulator.air.server import AirServer

__all__ = [
    "COORDINATOR_IEEE",
    "METER_STEP_S",
    "SUPPLIER_ORIGINATOR",
    "SUPPLY_ON",
    "UNITS_PER_PENNY",
    "AirServer",
    "Binding",
    "CreditSettings",
    "DeviceType",
    "EmergencyCredit",
    "EmulatedHome",
    "HomeSpec",
    "LinkRefused",
    "NotInDeviceLog",
    "PastCache",
    "PortalOutcome",
    "PrepaymentStart",
    "ReportingRule",
    "SupplierWan",
    "VirtualRadio",
    "economy7",
    "new_install_code",
    "supplier_key",
    "units",
]


def __getattr__(name: str) -> object:
    """``AirServer`` when first asked for: the served air's protocol is for a home that serves
    displays in other processes (the trial console, ``serve``), which a display's start is not."""
    if name == "AirServer":
        from home_emulator.air.server import AirServer

        return AirServer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
