"""Tariffs as plain data, so a stored home comes back on the tariff it was on when it was saved.

The store keeps the *settings* of the tariff in force rather than the scenario's opening tariff plus
the list of changes since: a tariff can also change outside a scenario (``Esme.change_tariff`` from
a test, a UI or a future supplier command), and the registers' past is already costed, so only the
tariff in force matters from the restart on. A description names its kind and carries exactly what
that kind's constructor needs; prices stay decimal strings, so nothing is rounded on the way.

Only the tariff engine's own classes are described (matched by exact type: a subclass may hold
more than its parent's settings); anything else is refused with a clear error instead of being
stored half-remembered.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from home_emulator.tariffs import (
    Agile,
    AnyTariff,
    Block,
    Rate,
    SingleRate,
    SwitchOffset,
    TimeOfUse,
    with_switch_offset,
)
from home_emulator.tariffs.day_profile import DayProfile

Description = dict[str, Any]


class UnstorableTariff(TypeError):
    pass


def tariff_to_json(tariff: AnyTariff) -> str:
    return json.dumps(describe_tariff(tariff), sort_keys=True)


def tariff_from_json(text: str) -> AnyTariff:
    return rebuild_tariff(json.loads(text))


def describe_tariff(tariff: object) -> Description:
    """The tariff's settings, checked to rebuild a tariff with the very same settings."""
    description = _describe(tariff)
    if _describe(rebuild_tariff(description)) != description:
        raise UnstorableTariff(f"{tariff!r} does not survive being stored and rebuilt")
    return description


def _describe(tariff: object) -> Description:
    if type(tariff) is SingleRate:
        return {
            "kind": "single",
            "name": tariff.name,
            "label": tariff.rate.label,
            "unit_price": str(tariff.unit_price_gbp_per_kwh),
            "standing_charge": str(tariff.standing_charge_gbp_per_day),
        }
    if type(tariff) is TimeOfUse:
        weekend = tariff.weekend_profile
        return {
            "kind": "time_of_use",
            "name": tariff.name,
            "standing_charge": str(tariff.standing_charge_gbp_per_day),
            "timezone": tariff.zone.key,
            "rates": [_rate(rate) for rate in tariff.rates.values()],
            "weekdays": _switches(tariff.weekday_profile),
            # None: weekends follow the weekday profile (the constructor's own default).
            "weekends": None if weekend is tariff.weekday_profile else _switches(weekend),
        }
    if type(tariff) is Agile:
        return {
            "kind": "agile",
            "name": tariff.name,
            "seed": tariff.seed,
            "cap": str(tariff.cap),
            "standing_charge": str(tariff.standing_charge_gbp_per_day),
            "timezone": tariff.zone.key,
        }
    if type(tariff) is Block:
        return {
            "kind": "block",
            "name": tariff.name,
            "thresholds_kwh": [str(threshold) for threshold in tariff.thresholds_kwh],
            "prices": [str(rate.unit_price_gbp_per_kwh) for rate in tariff.rates],
            "period": tariff.block_period,
            "standing_charge": str(tariff.standing_charge_gbp_per_day),
            "timezone": tariff.zone.key,
        }
    if type(tariff) is SwitchOffset:
        return {
            "kind": "switch_offset",
            "offset_s": tariff.offset_s,
            "base": _describe(tariff.base),
        }
    raise UnstorableTariff(f"the home store cannot keep a tariff of type {type(tariff).__name__}")


def rebuild_tariff(description: Description) -> AnyTariff:
    kind = description["kind"]
    standing = Decimal(description.get("standing_charge", "0"))
    if kind == "single":
        return SingleRate(
            Decimal(description["unit_price"]),
            standing,
            description["name"],
            label=description["label"],
        )
    if kind == "time_of_use":
        weekends = description["weekends"]
        return TimeOfUse(
            description["name"],
            [
                Rate(rate["tier"], rate["label"], Decimal(rate["price"]))
                for rate in description["rates"]
            ],
            _schedule(description["weekdays"]),
            standing,
            None if weekends is None else _schedule(weekends),
            timezone=description["timezone"],
        )
    if kind == "agile":
        return Agile(
            description["seed"],
            name=description["name"],
            standing_charge=standing,
            cap=Decimal(description["cap"]),
            timezone=description["timezone"],
        )
    if kind == "block":
        return Block(
            description["name"],
            [Decimal(threshold) for threshold in description["thresholds_kwh"]],
            [Decimal(price) for price in description["prices"]],
            description["period"],
            standing,
            timezone=description["timezone"],
        )
    if kind == "switch_offset":
        base = rebuild_tariff(description["base"])
        if isinstance(base, Block):
            raise UnstorableTariff("a block tariff cannot have a switching offset")
        return with_switch_offset(base, description["offset_s"])
    raise UnstorableTariff(f"unknown stored tariff kind {kind!r}")


def _rate(rate: Rate) -> Description:
    return {"tier": rate.tier, "label": rate.label, "price": str(rate.unit_price_gbp_per_kwh)}


def _switches(profile: DayProfile) -> list[list[int]]:
    """(seconds after local midnight, tier) switch points of a day profile."""
    return [[entry.start_s, entry.rate.tier] for entry in profile]


def _schedule(switches: list[list[int]]) -> list[tuple[dt.time, int]]:
    return [
        (dt.time(start_s // 3600, start_s // 60 % 60, start_s % 60), tier)
        for start_s, tier in switches
    ]
