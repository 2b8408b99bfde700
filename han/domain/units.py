"""What the integers on a GB HAN mean: units, device types, times and money.

Meters send integers; these helpers turn them into the domain's words and Decimals, in one place, so
that a link never guesses at a scale. Ids and enumerations follow ZigBee Smart Energy 1.4.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Final

ZIGBEE_EPOCH_S: Final = 946_684_800
"""2000-01-01 00:00 UTC in Unix seconds: ZigBee UTC time counts from there."""

HALF_HOUR_S: Final = 1800


def from_zigbee_time(raw: int) -> float:
    """ZigBee UTC time (seconds since 2000) as Unix epoch seconds."""
    return float(int(raw) + ZIGBEE_EPOCH_S)


def to_zigbee_time(epoch_s: float) -> int:
    """Unix epoch seconds as ZigBee UTC time (never before 2000: 0 would mean "now" in requests)."""
    return max(1, int(epoch_s) - ZIGBEE_EPOCH_S)


class MeteringUnit(enum.IntEnum):
    """Metering UnitOfMeasure (0x0300) and AlternativeUnitOfMeasure (0x0312), binary forms."""

    KWH = 0
    CUBIC_METRES = 1
    CUBIC_FEET = 2
    CCF = 3
    US_GALLONS = 4
    IMPERIAL_GALLONS = 5
    BTU = 6
    LITRES = 7

    @property
    def symbol(self) -> str:
        return _SYMBOLS[self]


_SYMBOLS: Final = {
    MeteringUnit.KWH: "kWh",
    MeteringUnit.CUBIC_METRES: "m³",
    MeteringUnit.CUBIC_FEET: "ft³",
    MeteringUnit.CCF: "ccf",
    MeteringUnit.US_GALLONS: "US gal",
    MeteringUnit.IMPERIAL_GALLONS: "gal",
    MeteringUnit.BTU: "BTU",
    MeteringUnit.LITRES: "l",
}

_BCD_FLAG: Final = 0x80
"""Units from 0x80 up are the same units with BCD-coded registers: the unit is the low 7 bits."""


def metering_unit(raw: object) -> MeteringUnit | None:
    """The unit a meter declares, or None for a unit this project does not know."""
    try:
        return MeteringUnit(int(raw) & ~_BCD_FLAG)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


class DeviceType(enum.IntEnum):
    """The MeteringDeviceType values a GB home has (0x0306)."""

    ELECTRIC = 0
    GAS = 1
    PV_GENERATION = 8
    WIND_TURBINE = 9
    WATER_TURBINE = 10
    MICRO_GENERATION = 11
    MIRRORED_ELECTRIC = 127
    MIRRORED_GAS = 128


GAS_DEVICE_TYPES: Final = frozenset({DeviceType.GAS, DeviceType.MIRRORED_GAS})
GENERATION_DEVICE_TYPES: Final = frozenset(
    {
        DeviceType.PV_GENERATION,
        DeviceType.WIND_TURBINE,
        DeviceType.WATER_TURBINE,
        DeviceType.MICRO_GENERATION,
    }
)

ELECTRICITY_UPDATE_S: Final = 10.0
"""An ESME measures and reports demand every few seconds (real ones: 6–10 s, some 30 s)."""
GAS_UPDATE_S: Final = 1800.0
"""A battery GSME wakes and syncs the hub's mirror every 30 minutes; so does everything read from it."""


def is_gas(device_type: int | None) -> bool:
    return device_type is not None and device_type in GAS_DEVICE_TYPES


def expected_update_s(device_type: int | None) -> float:
    """How often a meter of this type has news: what a view may call "live" for it."""
    # Every mirror (gas, water, heat: 128 on) is fed by a battery meter that wakes in batches.
    mirrored = device_type is not None and device_type >= DeviceType.MIRRORED_GAS
    return GAS_UPDATE_S if is_gas(device_type) or mirrored else ELECTRICITY_UPDATE_S


def scaled(raw: int, decimal_places: int) -> Decimal:
    """An integer with a count of digits after the point: 2450 with 4 places is 0.2450."""
    return Decimal(int(raw)).scaleb(-decimal_places)


def trailing_digits(high_nibble_byte: object) -> int:
    """Price attributes carry their count of trailing digits in the high nibble of a byte."""
    digits: int = (int(high_nibble_byte) >> 4) & 0x0F  # type: ignore[call-overload]
    return digits


def decimal_places(formatting: object) -> int:
    """ZSE formatting bytes (e.g. HistoricalCostConsumptionFormatting): bits 0–2 count the digits
    to the right of the decimal point."""
    places: int = int(formatting) & 0x07  # type: ignore[call-overload]
    return places


COST_DECIMAL_PLACES: Final = 4
"""GB meters keep cost in £0.0001 when they do not say otherwise."""
