"""The CAD's readings as the JSON GB users already automate against (the Glow CAD's local MQTT).

Topics are ``<prefix>/<cad id>/SENSOR/electricitymeter`` and ``…/gasmeter``; each message nests the
readings under the meter's name, with units beside the numbers:

    {"electricitymeter": {"timestamp": "2026-11-21T14:30:05Z",
                          "energy": {"import": {"cumulative": 1234.567, "day": 5.2, "week": …,
                                                "month": …, "units": "kWh",
                                                "price": {"unitrate": 0.245, "standingcharge": 0.61}},
                                     "export": {"cumulative": 0.0, "units": "kWh"}},
                          "power": {"value": 0.432, "units": "kW"}}}

Only what the meter has told us is written – a figure it never sent is left out rather than
invented – and a meter whose readings are older than a few of its update periods is not
published at all: a feed must never pass an old reading off as a live one (``is_fresh``).
Qt-free: the feed and its tests use these functions without a display.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Final

from cad.meters import electricity_meter
from han.measured import Measured
from han.model import HomeModel, Meter

ELECTRICITY: Final = "electricitymeter"
GAS: Final = "gasmeter"

FRESH_PERIODS: Final = 3
"""A meter's readings count as live for this many of its update periods (10 s electricity, 30 min
gas): one missed report is normal on a radio link, three are not."""


def sensor_topic(prefix: str, device_id: str, meter_name: str) -> str:
    return f"{prefix}/{device_id}/SENSOR/{meter_name}"


def is_fresh(meter: Meter, now: float) -> bool:
    updated = meter.last_updated
    return updated is not None and now - updated <= FRESH_PERIODS * meter.expected_update_s


def electricity_message(model: HomeModel, now: float) -> dict[str, Any] | None:
    """The ``electricitymeter`` message, or None when there is no live electricity reading."""
    meter = electricity_meter(model)
    if meter is None or not is_fresh(meter, now):
        return None
    energy: dict[str, Any] = {"import": _imported(meter)}
    if meter.export_total_kwh is not None:
        energy["export"] = {"cumulative": _number(meter.export_total_kwh.value, 3), "units": "kWh"}
    body: dict[str, Any] = {"timestamp": _timestamp(model, meter), "energy": energy}
    if meter.demand_kw is not None:
        body["power"] = {"value": _number(meter.demand_kw.value, 3), "units": "kW"}
    return {ELECTRICITY: body}


def gas_message(model: HomeModel, now: float) -> dict[str, Any] | None:
    """The ``gasmeter`` message (energy in kWh, volume in m³), or None without a live reading."""
    meter = model.gas_meter()
    if meter is None or not is_fresh(meter, now):
        return None
    imported = _imported(meter)
    if meter.volume_total_m3 is not None:
        imported["cumulativevol"] = _number(meter.volume_total_m3.value, 3)
        imported["cumulativevolunits"] = "m3"
    _put(imported, "dayvol", meter.today_volume_m3, 3)
    return {GAS: {"timestamp": _timestamp(model, meter), "energy": {"import": imported}}}


def _imported(meter: Meter) -> dict[str, Any]:
    """Energy in kWh (for gas, the mirror's alternative-unit figures) and the price."""
    imported: dict[str, Any] = {}
    _put(imported, "cumulative", meter.import_total_kwh, 3)
    _put(imported, "day", meter.today_import_kwh, 3)
    _put(imported, "week", meter.week_import_kwh, 3)
    _put(imported, "month", meter.month_import_kwh, 3)
    imported["units"] = "kWh"
    price = _price(meter)
    if price:
        imported["price"] = price
    return imported


def _price(meter: Meter) -> dict[str, Any]:
    price: dict[str, Any] = {}
    _put(price, "unitrate", meter.tariff.unit_price_gbp_per_kwh, 5)
    _put(price, "standingcharge", meter.tariff.standing_charge_gbp_per_day, 5)
    return price


def _timestamp(model: HomeModel, meter: Meter) -> str:
    """When the meter's latest reading was taken, on the HAN's clock (the meters' time), in UTC."""
    updated = meter.last_updated
    assert updated is not None  # is_fresh checked it
    han_s = model.han_now(updated)
    return datetime.fromtimestamp(int(han_s), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _put(into: dict[str, Any], key: str, measured: Measured[Decimal] | None, places: int) -> None:
    if measured is not None:
        into[key] = _number(measured.value, places)


def _number(value: Decimal, places: int) -> float:
    return float(round(value, places))
