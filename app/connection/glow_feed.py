"""A Glow display's or CAD's local MQTT feed, read into the home model.

Hildebrand's Glow devices publish, for device ``ID`` (shapes in ``tests/fixtures/glow``):

    glow/ID/SENSOR/electricitymeter   power (kW), import cumulative/day/week/month (kWh),
                                      export cumulative, unit rate and standing charge
    glow/ID/SENSOR/gasmeter           import cumulative/day/week/month (kWh), cumulativevol (m³),
                                      unit rate and standing charge
    glow/ID/STATE                     the device itself and how it hears the HAN

The rules here keep a wrong figure off the screen:

- a message is taken whole or not at all: one that is not JSON, is not Glow's shape, or lacks a
  figure the screens show (demand, any of the import figures, the timestamp) is refused with the
  reason – nothing from it reaches the model;
- a price of 0 is Glow's "not known yet" and leaves the price unknown, never free;
- an export register of 0 in a home without export is no export meter at all, as on the HAN;
- ``dayvol``/``weekvol``/``monthvol`` are kWh on Glow (``dayweekmonthvolunits``), so only
  ``cumulativevol`` becomes a volume.

Every value keeps the time it arrived on this display (``Measured``), so it ages like any other
source's; the HAN clock follows the meters' timestamps. Qt-free and radio-free.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from han.domain.history import MeterHistory, PeriodFigures, PeriodStarts
from han.domain.local_calendar import LocalCalendar
from han.domain.units import ELECTRICITY_UPDATE_S, GAS_UPDATE_S, MeteringUnit
from han.links.han_clock import next_clock
from han.measured import Measured
from han.model import Field, Fuel, HomeModel, Meter, MeterKey, ModelChange

ELECTRICITY: Final = "electricitymeter"
GAS: Final = "gasmeter"
STATE: Final = "STATE"

ELECTRICITY_ENDPOINT: Final = 1
GAS_ENDPOINT: Final = 2
"""The model's meters of a Glow feed: one key per device id and fuel."""

HISTORY_EVERY_S: Final = 300.0
"""How often the running day/week/month figures go to the history store (and at every new day)."""


class NotGlow(ValueError):
    """A feed message that cannot be taken: the text says why, for the log."""


@dataclass(frozen=True)
class GlowReading:
    """One meter message, whole: every figure the screens need, checked."""

    fuel: Fuel
    meter_time_s: float
    """The message's ``timestamp``: the meters' clock."""
    cumulative_kwh: Decimal
    day_kwh: Decimal
    week_kwh: Decimal
    month_kwh: Decimal
    demand_kw: Decimal | None = None
    """Electricity only."""
    export_kwh: Decimal | None = None
    """Electricity with an export register that has counted something."""
    volume_m3: Decimal | None = None
    """Gas only."""
    unit_price_gbp_per_kwh: Decimal | None = None
    standing_charge_gbp_per_day: Decimal | None = None


def topic_filter(prefix: str, device_id: str) -> str:
    return f"{prefix}/{device_id}/#"


def message_kind(topic: str, prefix: str, device_id: str) -> str | None:
    """``electricitymeter``, ``gasmeter`` or ``STATE`` for a topic of this device; None otherwise."""
    base = f"{prefix}/{device_id}/"
    if not topic.startswith(base):
        return None
    rest = topic[len(base) :]
    if rest == STATE:
        return STATE
    if rest in (f"SENSOR/{ELECTRICITY}", f"SENSOR/{GAS}"):
        return rest.removeprefix("SENSOR/")
    return None


def parse_reading(kind: str, payload: bytes) -> GlowReading:
    """The reading in an ``electricitymeter`` or ``gasmeter`` message; NotGlow if it has none."""
    document = _json(payload)
    body = _object(document, kind)
    meter_time_s = _timestamp(body)
    energy = _object(body, "energy")
    imported = _object(energy, "import")
    _unit(imported, "units", "kWh")
    figures = {name: _number(imported, name) for name in ("cumulative", "day", "week", "month")}
    price = imported.get("price")
    unit_price = standing = None
    if isinstance(price, dict):  # without prices the figures are still right; cost waits
        unit_price = _price(price, "unitrate")
        standing = _price(price, "standingcharge")
    common = {
        "meter_time_s": meter_time_s,
        "cumulative_kwh": figures["cumulative"],
        "day_kwh": figures["day"],
        "week_kwh": figures["week"],
        "month_kwh": figures["month"],
        "unit_price_gbp_per_kwh": unit_price,
        "standing_charge_gbp_per_day": standing,
    }
    if kind == ELECTRICITY:
        power = _object(body, "power")
        _unit(power, "units", "kW")
        return GlowReading(
            Fuel.ELECTRICITY,
            demand_kw=_number(power, "value"),
            export_kwh=_export(energy),
            **common,  # type: ignore[arg-type]
        )
    if kind == GAS:
        volume = None
        if "cumulativevol" in imported:
            _unit(imported, "cumulativevolunits", "m3")
            volume = _number(imported, "cumulativevol")
        return GlowReading(Fuel.GAS, volume_m3=volume, **common)  # type: ignore[arg-type]
    raise NotGlow(f"not a meter message: {kind}")


def check_state(payload: bytes) -> str:
    """The HAN status a ``STATE`` message gives (``joined`` when all is well); NotGlow if the
    message is not Glow's status JSON."""
    document = _json(payload)
    han = _object(document, "han")
    status = han.get("status")
    if not isinstance(status, str):
        raise NotGlow("STATE without han.status")
    return status


# Into the model ----------------------------------------------------------------------------


class GlowHome:
    """Writes checked readings of one Glow device into the model, and announces what moved."""

    def __init__(
        self,
        model: HomeModel,
        device_id: str,
        *,
        calendar: LocalCalendar | None = None,
        history_every_s: float = HISTORY_EVERY_S,
    ) -> None:
        self.model = model
        self.device_id = device_id
        self.calendar = calendar or LocalCalendar()
        self._history_every_s = history_every_s
        self._history_written: dict[Fuel, float] = {}
        self._last: dict[Fuel, GlowReading] = {}

    def key(self, fuel: Fuel) -> MeterKey:
        endpoint = GAS_ENDPOINT if fuel is Fuel.GAS else ELECTRICITY_ENDPOINT
        return MeterKey(f"glow:{self.device_id}", endpoint)

    def apply(self, reading: GlowReading, received_at: float) -> None:
        model = self.model
        model.han_clock = next_clock(model.han_clock, reading.meter_time_s, received_at)
        meter, changed = self._meter(reading.fuel)

        def put(field: Field, value: Decimal | None) -> None:
            if value is None:
                return
            previous = getattr(meter, field.value)
            if previous is None or previous.value != value:
                meter.value_changed_han_s = reading.meter_time_s
            setattr(meter, field.value, Measured(value, received_at))
            changed.add(field)

        put(Field.DEMAND_KW, reading.demand_kw)
        put(Field.IMPORT_TOTAL_KWH, reading.cumulative_kwh)
        put(Field.TODAY_IMPORT_KWH, reading.day_kwh)
        put(Field.WEEK_IMPORT_KWH, reading.week_kwh)
        put(Field.MONTH_IMPORT_KWH, reading.month_kwh)
        put(Field.VOLUME_TOTAL_M3, reading.volume_m3)
        if reading.export_kwh is not None:
            put(Field.EXPORT_TOTAL_KWH, reading.export_kwh)
            changed.add(Field.EXPORT)
        changed.add(Field.TOTALS)
        if reading.fuel is Fuel.GAS:
            changed.add(Field.GAS_TODAY)
        changed |= self._prices(meter, reading, received_at)
        if self._history_due(reading, received_at):
            changed.add(Field.HISTORY)
        self._last[reading.fuel] = reading
        model.heard_from(meter.key, received_at)
        model.mark_connected()
        model.announce(ModelChange(meter.key, frozenset(changed)))

    def _meter(self, fuel: Fuel) -> tuple[Meter, set[Field]]:
        key = self.key(fuel)
        known = key in self.model.meters
        meter = self.model.meter(key)
        if known:
            return meter, set()
        meter.fuel = fuel
        if fuel is Fuel.GAS:
            meter.device_type = 128  # the hub's mirror of a gas meter, as displays see it
            meter.unit = MeteringUnit.CUBIC_METRES
            meter.alternative_unit = MeteringUnit.KWH
            meter.expected_update_s = GAS_UPDATE_S
        else:
            meter.device_type = 0
            meter.unit = MeteringUnit.KWH
            meter.expected_update_s = ELECTRICITY_UPDATE_S
        return meter, {Field.IDENTITY, Field.FUEL, Field.UNIT}

    @staticmethod
    def _prices(meter: Meter, reading: GlowReading, received_at: float) -> set[Field]:
        tariff = meter.tariff
        changed: set[Field] = set()
        if reading.unit_price_gbp_per_kwh is not None:
            old = tariff.unit_price_gbp_per_kwh
            tariff.unit_price_gbp_per_kwh = Measured(reading.unit_price_gbp_per_kwh, received_at)
            tariff.as_of_s = reading.meter_time_s
            if old is None or old.value != reading.unit_price_gbp_per_kwh:
                changed |= {Field.TARIFF, Field.UNIT_PRICE}
        if reading.standing_charge_gbp_per_day is not None:
            old = tariff.standing_charge_gbp_per_day
            tariff.standing_charge_gbp_per_day = Measured(
                reading.standing_charge_gbp_per_day, received_at
            )
            if old is None or old.value != reading.standing_charge_gbp_per_day:
                changed |= {Field.TARIFF, Field.STANDING_CHARGE}
        return changed

    def _history_due(self, reading: GlowReading, received_at: float) -> bool:
        """Keep the meter's history (what the recorder stores) as the feed tells it: today, this
        week and this month as they run, and – when a new day, week or month begins – the one that
        just ended, as the last message before the change said it."""
        meter = self.model.meters[self.key(reading.fuel)]
        before = self._last.get(reading.fuel)
        days, previous_days = self._periods(self.calendar.day_start, reading, before, "day_kwh")
        weeks, previous_weeks = self._periods(self.calendar.week_start, reading, before, "week_kwh")
        months, previous_months = self._periods(
            self.calendar.month_start, reading, before, "month_kwh"
        )
        meter.history = MeterHistory(
            energy_kwh=Measured(
                PeriodFigures(
                    today=reading.day_kwh,
                    previous_days=previous_days,
                    this_week=reading.week_kwh,
                    previous_weeks=previous_weeks,
                    this_month=reading.month_kwh,
                    previous_months=previous_months,
                ),
                received_at,
            ),
            starts=PeriodStarts(days=days, weeks=weeks, months=months),
        )
        rolled = bool(previous_days or previous_weeks or previous_months)
        last = self._history_written.get(reading.fuel)
        if rolled or last is None or received_at - last >= self._history_every_s:
            self._history_written[reading.fuel] = received_at
            return True
        return False

    @staticmethod
    def _periods(
        start_of: Callable[[float], int],
        reading: GlowReading,
        before: GlowReading | None,
        figure: str,
    ) -> tuple[tuple[int, ...], tuple[Decimal | None, ...]]:
        """The starts of the running period (and of the one just ended, if the feed's previous
        message was in it) and the ended one's figure."""
        current = start_of(reading.meter_time_s)
        if before is None:
            return (current,), ()
        then = start_of(before.meter_time_s)
        if then >= current:
            return (current,), ()
        return (current, then), (getattr(before, figure),)


# Checking the JSON -------------------------------------------------------------------------


def _json(payload: bytes) -> dict[str, Any]:
    try:
        document = json.loads(payload)
    except (UnicodeDecodeError, ValueError):
        raise NotGlow("not JSON") from None
    if not isinstance(document, dict):
        raise NotGlow("not a JSON object")
    return document


def _object(parent: dict[str, Any], key: str) -> dict[str, Any]:
    value = parent.get(key)
    if not isinstance(value, dict):
        raise NotGlow(f"no {key!r} object")
    return value


def _number(parent: dict[str, Any], key: str) -> Decimal:
    value = parent.get(key)
    # bool is an int to Python, never a figure to Glow
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise NotGlow(f"{key!r} is missing or not a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise NotGlow(f"{key!r} is not a finite number")
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise NotGlow(f"{key!r} is not a number") from None


def _price(price: dict[str, Any], key: str) -> Decimal | None:
    """A price, or None while Glow does not know it (0, or absent)."""
    if key not in price:
        return None
    value = _number(price, key)
    if value < 0:
        raise NotGlow(f"{key!r} is negative")
    return value if value > 0 else None


def _unit(parent: dict[str, Any], key: str, expected: str) -> None:
    """A figure in another unit would be a wrong figure: refuse it (an absent unit is Glow's)."""
    unit = parent.get(key, expected)
    if unit != expected:
        raise NotGlow(f"{key!r} is {unit!r}, not {expected!r}")


def _export(energy: dict[str, Any]) -> Decimal | None:
    exported = energy.get("export")
    if not isinstance(exported, dict) or "cumulative" not in exported:
        return None
    _unit(exported, "units", "kWh")
    value = _number(exported, "cumulative")
    return value if value > 0 else None


def _timestamp(body: dict[str, Any]) -> float:
    text = body.get("timestamp")
    if not isinstance(text, str):
        raise NotGlow("no timestamp")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise NotGlow(f"timestamp {text!r} is not a time") from None
    if moment.tzinfo is None:
        raise NotGlow(f"timestamp {text!r} has no time zone")
    return moment.timestamp()
