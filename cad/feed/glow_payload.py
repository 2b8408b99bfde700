"""The CAD's readings as the JSON GB users already automate against: the Glow CAD's local MQTT.

Topics and shapes are Glow's (``tests/fixtures/glow`` keeps the shapes of real published samples):

    <prefix>/<id>/SENSOR/electricitymeter
        {"electricitymeter": {"timestamp": "2026-11-21T14:30:05Z",
          "energy": {"export": {"cumulative": 0.0, "units": "kWh"},
                     "import": {"cumulative": 1234.567, "day": 5.2, "week": 31.4, "month": 120.9,
                                "units": "kWh", "mpan": "1900012345678", "supplier": "---",
                                "price": {"unitrate": 0.245, "standingcharge": 0.61}}},
          "power": {"value": 0.432, "units": "kW"}}}
    <prefix>/<id>/SENSOR/gasmeter
        {"gasmeter": {"timestamp": …, "energy": {"import": {"cumulative", "day", "week", "month",
          "units": "kWh", "cumulativevol": 1107.678, "cumulativevolunits": "m3",
          "dayvol", "weekvol", "monthvol", "dayweekmonthvolunits": "kWh", "mprn", "supplier",
          "price": {…}}}}}
    <prefix>/<id>/STATE
        {"software": "v…", "timestamp": …, "hardware": …, "ethmac": …, "smetsversion": "SMETS2",
         "eui": "70:B3:…", "zigbee": "1.2.5", "han": {"rssi": -52, "status": "joined", "lqi": 220}}

Glow's own rules, kept because consumers depend on them:
- every key is always there: a consumer reads fixed JSON paths and gives up on the whole message
  at the first missing one. So ``export`` is ``{"cumulative": 0, …}`` in a home without export, and
  a price the meter has not published yet is 0 – Glow's "not known", which consumers skip.
- ``dayvol``/``weekvol``/``monthvol`` repeat the kWh figures with ``dayweekmonthvolunits: "kWh"``
  (real Glow does exactly that; consumers label them kWh).
- kWh and kW to 3 decimal places, prices to 5, timestamps to the second in UTC.
- ``supplier`` is ``"---"`` when the supplier's name is not known (a HAN does not carry it).

Our own rules: a reading is never invented. A message is written only when its meter has told us
every figure in it (cumulative, day, week, month, and demand for electricity) and the hub has told
us the time – every timestamp is the meters' clock, never the computer's – and a meter silent for
a few of its update periods of the meters' time is not published at all (``is_fresh``).

Prepayment credit has no place in Glow's messages; it goes beside the Glow tree, to
``<prefix>-cad/<id>/prepayment`` (``cad_topic``), with the feed's availability: consumers of a
Glow feed subscribe to ``<prefix>/#`` and parse everything there as Glow JSON, so the Glow tree
carries nothing else.
Qt-free: the feed, the headless CAD and the tests use these functions without a display.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Final

from cad.meters import electricity_meter
from han.freshness import out_of_date
from han.measured import Measured
from han.model import Fuel, HomeModel, LinkState, Meter

ELECTRICITY: Final = "electricitymeter"
GAS: Final = "gasmeter"
PREPAYMENT: Final = "prepayment"
UNKNOWN_SUPPLIER: Final = "---"
UNKNOWN_SITE: Final = "EMPTY"
"""What a Glow CAD writes for an MPAN/MPRN it has not been told."""

FRESH_PERIODS: Final = 3
"""A meter's readings count as live for this many of its update periods (10 s electricity, 30 min
gas): one missed report is normal on a radio link, three are not."""

GB_VOLUME_CORRECTION: Final = Decimal("1.02264")
"""The conversion factor GB suppliers use when the meter has not published its own."""
MJ_PER_KWH: Final = Decimal("3.6")

ENERGY_PLACES: Final = 3
PRICE_PLACES: Final = 5


@dataclass(frozen=True)
class Station:
    """What the CAD says about itself in ``STATE``."""

    eui: str
    """Its EUI-64 on the HAN, as the hub's device log knows it."""
    software: str
    hardware: str = "SMETS-CAD-1"
    mac: str = ""
    """The network interface's MAC (Glow's ``ethmac``); empty: this computer's."""


def station_for(device_id: str) -> Station:
    """This CAD as ``STATE`` describes it: its EUI-64 from the feed's device id, this software's
    version."""
    try:
        software = "v" + version("smets-consumer-suite")
    except PackageNotFoundError:  # run from a source tree that was never installed
        software = "unknown"
    pairs = [device_id[i : i + 2] for i in range(0, len(device_id), 2)]
    return Station(eui=":".join(pairs).upper(), software=software)


@dataclass(frozen=True)
class Signal:
    """How well the CAD hears the HAN (the meter it reads, or the hub)."""

    rssi_dbm: int | None
    lqi: int | None


def sensor_topic(prefix: str, device_id: str, meter_name: str) -> str:
    return f"{prefix}/{device_id}/SENSOR/{meter_name}"


def cad_topic(prefix: str, device_id: str, name: str) -> str:
    """A topic of ours that is not Glow's, outside ``<prefix>/#``."""
    return f"{prefix}-cad/{device_id}/{name}"


def state_topic(prefix: str, device_id: str) -> str:
    return f"{prefix}/{device_id}/STATE"


def is_fresh(model: HomeModel, meter: Meter, now: float) -> bool:
    """Whether the meter is heard and has a reading: silence of a few update periods of the
    meters' time makes it stale, as on the CAD's own screens (``han.freshness``)."""
    if meter.last_updated is None:
        return False
    return not out_of_date(model, meter, now, FRESH_PERIODS * meter.expected_update_s)


def electricity_message(
    model: HomeModel, now: float, site_ids: dict[str, str] | None = None
) -> dict[str, Any] | None:
    """The ``electricitymeter`` message, or None until there is a complete, live reading."""
    meter = electricity_meter(model)
    if meter is None or model.han_clock is None or not is_fresh(model, meter, now):
        return None
    if meter.demand_kw is None:
        return None
    imported = _imported(meter, meter.import_total_kwh)
    if imported is None:
        return None
    imported["mpan"] = (site_ids or {}).get(str(meter.key), UNKNOWN_SITE)
    imported["supplier"] = UNKNOWN_SUPPLIER
    imported["price"] = _price(meter)
    exported = meter.export_total_kwh.value if meter.export_total_kwh is not None else Decimal(0)
    return {
        ELECTRICITY: {
            "timestamp": _timestamp(model, meter),
            "energy": {
                "export": {"cumulative": _number(exported, ENERGY_PLACES), "units": "kWh"},
                "import": imported,
            },
            "power": {"value": _number(meter.demand_kw.value, ENERGY_PLACES), "units": "kW"},
        }
    }


def gas_message(
    model: HomeModel, now: float, site_ids: dict[str, str] | None = None
) -> dict[str, Any] | None:
    """The ``gasmeter`` message (energy in kWh, volume in m³), or None without a complete, live
    reading."""
    meter = model.gas_meter()
    if meter is None or model.han_clock is None or not is_fresh(model, meter, now):
        return None
    if meter.volume_total_m3 is None:
        return None
    imported = _imported(meter, _gas_kwh(meter))
    if imported is None:
        return None
    imported["cumulativevol"] = _number(meter.volume_total_m3.value, ENERGY_PLACES)
    imported["cumulativevolunits"] = "m3"
    imported["dayvol"] = imported["day"]
    imported["weekvol"] = imported["week"]
    imported["monthvol"] = imported["month"]
    imported["dayweekmonthvolunits"] = "kWh"
    imported["mprn"] = (site_ids or {}).get(str(meter.key), UNKNOWN_SITE)
    imported["supplier"] = UNKNOWN_SUPPLIER
    imported["price"] = _price(meter)
    return {GAS: {"timestamp": _timestamp(model, meter), "energy": {"import": imported}}}


def state_message(
    model: HomeModel, station: Station, now: float, signal: Signal | None = None
) -> dict[str, Any]:
    """Glow's ``STATE``: the CAD itself and how it hears the HAN."""
    han: dict[str, Any] = {}
    if signal is not None and signal.rssi_dbm is not None:
        han["rssi"] = signal.rssi_dbm
    han["status"] = "joined" if model.link is LinkState.CONNECTED else "not joined"
    if signal is not None and signal.lqi is not None:
        han["lqi"] = signal.lqi
    return {
        "software": station.software,
        "timestamp": _utc(model.han_now(now)),
        "hardware": station.hardware,
        "ethmac": station.mac or f"{uuid.getnode():012X}",
        "smetsversion": "SMETS2",
        "eui": station.eui.upper(),
        "zigbee": "1.2.5",
        "han": han,
    }


def prepayment_message(model: HomeModel, now: float) -> dict[str, Any] | None:
    """Credit of every live meter in prepayment, by fuel (None when no meter is in prepayment)."""
    by_fuel: dict[str, Any] = {}
    newest: float | None = None
    for fuel, meter in (
        (Fuel.ELECTRICITY, electricity_meter(model)),
        (Fuel.GAS, model.gas_meter()),
    ):
        if meter is None or not meter.credit.in_prepayment or not is_fresh(model, meter, now):
            continue
        credit = meter.credit
        if credit.balance_gbp is None:
            continue
        entry: dict[str, Any] = {"credit": _number(credit.balance_gbp.value, 2)}
        for key, measured in (
            ("emergencycredit", credit.emergency_credit_gbp),
            ("debt", credit.debt_gbp),
        ):
            entry[key] = _number(measured.value if measured else Decimal(0), 2)
        entry["units"] = "GBP"
        by_fuel[fuel.value] = entry
        newest = max(newest or 0.0, credit.balance_gbp.updated_at)
    if not by_fuel or newest is None or model.han_clock is None:
        return None
    return {PREPAYMENT: {"timestamp": _utc(model.han_now(newest)), **by_fuel}}


def _gas_kwh(meter: Meter) -> Measured[Decimal] | None:
    """The gas meter's kWh register: the mirror's own if it has one, else its volume converted
    the way GB bills convert it (m³ × volume correction × calorific value ÷ 3.6), with the
    calorific value the meter's Price server published – never a guessed one."""
    if meter.import_total_kwh is not None:
        return meter.import_total_kwh
    volume = meter.volume_total_m3
    calorific = meter.tariff.calorific_value_mj_per_m3
    if volume is None or calorific is None:
        return None
    correction = meter.tariff.volume_correction
    factor = correction.value if correction is not None else GB_VOLUME_CORRECTION
    return Measured(volume.value * factor * calorific.value / MJ_PER_KWH, volume.updated_at)


def _imported(meter: Meter, cumulative: Measured[Decimal] | None) -> dict[str, Any] | None:
    """Energy in kWh (for gas, the mirror's alternative-unit figures); None if one is not known."""
    figures = (
        ("cumulative", cumulative),
        ("day", meter.today_import_kwh),
        ("week", meter.week_import_kwh),
        ("month", meter.month_import_kwh),
    )
    imported: dict[str, Any] = {}
    for key, measured in figures:
        if measured is None:
            return None
        imported[key] = _number(measured.value, ENERGY_PLACES)
    imported["units"] = "kWh"
    return imported


def _price(meter: Meter) -> dict[str, Any]:
    return {
        "unitrate": _known(meter.tariff.unit_price_gbp_per_kwh),
        "standingcharge": _known(meter.tariff.standing_charge_gbp_per_day),
    }


def _known(measured: Measured[Decimal] | None) -> float:
    return _number(measured.value if measured is not None else Decimal(0), PRICE_PLACES)


def _timestamp(model: HomeModel, meter: Meter) -> str:
    """When the meter's latest reading was taken, on the HAN's clock (the meters' time), in UTC."""
    updated = meter.last_updated
    assert updated is not None  # is_fresh checked it
    return _utc(model.han_now(updated))


def _utc(han_s: float) -> str:
    return datetime.fromtimestamp(int(han_s), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _number(value: Decimal, places: int) -> float:
    return float(round(value, places))
