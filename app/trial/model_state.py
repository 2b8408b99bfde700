"""A display's home model written down and read back, so a session can be replayed from its record.

The model is split in parts – one per meter and one for the home itself (link, messages, the HAN
clock, tenancy, firmware) – each a JSON text, so a recorder writes only the part that moved. The
text names each value's type from a closed list (the model's own dataclasses and enums, ``Decimal``,
tuples, dicts), and reading builds exactly those types: nothing in a record can make the reader
build anything else, unlike a pickle.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from decimal import Decimal
from typing import Any

from han.clusters.prepayment import CreditStatus, PrepaymentAlarm
from han.domain import credit, firmware_status, history, tariff, units
from han.model import (
    AmbientLevel,
    Formatting,
    Fuel,
    HanClock,
    HomeModel,
    LinkState,
    Measured,
    Meter,
    MeterKey,
    SupplierMessage,
)

HOME = "home"
"""The part that is not one meter's."""
METER = "meter:"
"""A meter's part is ``meter:IEEE/ENDPOINT``."""

_TYPES: dict[str, type] = {
    kind.__name__: kind
    for kind in (
        AmbientLevel,
        CreditStatus,
        Formatting,
        Fuel,
        HanClock,
        LinkState,
        Measured,
        Meter,
        MeterKey,
        PrepaymentAlarm,
        SupplierMessage,
        credit.Credit,
        credit.DebtRate,
        credit.PaymentMode,
        credit.Recovery,
        credit.SupplyState,
        firmware_status.FirmwareStatus,
        firmware_status.UpdateFailure,
        firmware_status.UpdateState,
        history.MeterHistory,
        history.PeriodFigures,
        history.PeriodStarts,
        tariff.PricePeriod,
        tariff.Tariff,
        units.MeteringUnit,
    )
}


class ModelStateError(ValueError):
    """A part that is not a model state this version can read."""


def _encode(value: object) -> Any:
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, enum.Enum):
        return {"enum": type(value).__name__, "value": value.value}
    if isinstance(value, int | float):
        return value
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, tuple | list):
        return {"tuple": [_encode(item) for item in value]}
    if isinstance(value, dict):
        return {"dict": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if _TYPES.get(name) is not type(value):
            raise ModelStateError(f"a {name} is not part of a model state")
        fields = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"type": name, "fields": fields}
    raise ModelStateError(f"a {type(value).__name__} is not part of a model state")


def _decode(data: Any) -> Any:
    if data is None or isinstance(data, bool | str | int | float):
        return data
    if not isinstance(data, dict):
        raise ModelStateError(f"unexpected {type(data).__name__} in a model state")
    if "decimal" in data:
        return Decimal(data["decimal"])
    if "tuple" in data:
        return tuple(_decode(item) for item in data["tuple"])
    if "dict" in data:
        return {_decode(k): _decode(v) for k, v in data["dict"]}
    kind = _TYPES.get(str(data.get("enum", data.get("type"))))
    if kind is None:
        raise ModelStateError(
            f"unknown type in a model state: {data.get('enum', data.get('type'))}"
        )
    if "enum" in data:
        return kind(data["value"])
    fields = {name: _decode(value) for name, value in data["fields"].items()}
    return kind(**fields)


def _text(value: object) -> str:
    return json.dumps(_encode(value), sort_keys=True, separators=(",", ":"))


def model_parts(model: HomeModel) -> dict[str, str]:
    """The model as parts: ``home`` and one ``meter:…`` per meter, each a JSON text."""
    parts = {
        HOME: _text(
            {
                "link": model.link,
                "undecodable_frames": model.undecodable_frames,
                "messages": model.messages,
                "han_clock": model.han_clock,
                "tenancy_start_s": model.tenancy_start_s,
                "firmware": model.firmware,
            }
        )
    }
    for key, meter in model.meters.items():
        parts[f"{METER}{key}"] = _text(meter)
    return parts


def restore_model(parts: dict[str, str]) -> HomeModel:
    """A model holding what the parts say (a part missing: that meter, or the home's facts,
    as a display that has heard nothing of them); parts of other kinds are passed over."""
    model = HomeModel()
    try:
        for name, text in parts.items():
            if name != HOME and not name.startswith(METER):
                continue  # another recorder's part (the display's settings)
            value = _decode(json.loads(text))
            if name == HOME:
                model.link = value["link"]
                model.undecodable_frames = value["undecodable_frames"]
                model.messages = dict(value["messages"])
                model.han_clock = value["han_clock"]
                model.tenancy_start_s = value["tenancy_start_s"]
                model.firmware = value["firmware"]
            elif name.startswith(METER) and isinstance(value, Meter):
                value.tier_import_kwh = dict(value.tier_import_kwh)
                model.meters[value.key] = value
    except (KeyError, TypeError, ValueError, json.JSONDecodeError) as error:
        raise ModelStateError(f"not a model state: {error}") from None
    return model
