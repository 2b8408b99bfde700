"""Home snapshots to rows of the home store's tables and back (the tables: ``home_store_schema``).

A home is written whole: its rows in every table are replaced in one transaction, so saving twice is
the same as saving once, nothing stale survives (a device removed from the log, an event that has
fired), and a failure part-way leaves the previous save untouched.
"""

from __future__ import annotations

import json
import time
from dataclasses import fields
from datetime import time as clock_time
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import sqlite_utils
import zigpy.types as t

from home_emulator.devices.comms_hub import HubEvent, SupplierMessage
from home_emulator.devices.device_log import DeviceLogEntry, DeviceType
from home_emulator.home import HomeSpec
from home_emulator.metering.auxiliary_switch import AuxiliarySwitch
from home_emulator.metering.fuel_registers import MaximumDemand
from home_emulator.scenario.model import parse_scenario
from home_emulator.store.schema import TABLES, HomeStoreError
from home_emulator.store.snapshot import (
    HomeSnapshot,
    HubState,
    MeterState,
    PendingAction,
    RegisterState,
    ScenarioOrigin,
    ServedValue,
)
from home_emulator.store.tariffs import describe_tariff, rebuild_tariff

_READING = np.dtype("<i8")
"""Half-hourly readings are stored as one BLOB of little-endian int64 per register."""
_CHILD_TABLES = [name for name in TABLES if name != "homes"]


# Writing ----------------------------------------------------------------------------------------


def write_home(db: sqlite_utils.Database, name: str, snapshot: HomeSnapshot) -> None:
    """Replace home ``name`` with ``snapshot``, all or nothing."""
    rows = snapshot_rows(name, snapshot)  # before the transaction: a bad value changes nothing
    with db.atomic():
        for table in _CHILD_TABLES:
            db.table(table).delete_where("home = ?", [name])
        db.table("homes").upsert(rows.pop("homes")[0], pk="home")
        for table, table_rows in rows.items():
            if table_rows:
                db.table(table).insert_all(table_rows, batch_size=500)


def delete_home(db: sqlite_utils.Database, name: str) -> bool:
    with db.atomic():
        found = db.execute("SELECT 1 FROM homes WHERE home = ?", [name]).fetchone() is not None
        for table in [*_CHILD_TABLES, "homes"]:
            db.table(table).delete_where("home = ?", [name])
    return found


def snapshot_rows(name: str, snapshot: HomeSnapshot) -> dict[str, list[dict[str, Any]]]:
    origin = snapshot.origin
    hub = snapshot.hub
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    rows["homes"].append(
        {
            "home": name,
            "saved_at": int(time.time()),
            "now_s": snapshot.now_s,
            "next_step_s": snapshot.next_step_s,
            "clock_speed": snapshot.clock_speed,
            "clock_paused": int(snapshot.clock_paused),
            "nodes_powered": int(snapshot.nodes_powered),
            "reports_sent": snapshot.reports_sent,
            "seed": snapshot.spec.seed,
            "profile": snapshot.spec.profile,
            "spec": spec_to_json(snapshot.spec),
            "scenario_name": origin.scenario.name if origin else None,
            "scenario_source": str(origin.scenario.source) if origin else None,
            "scenario_toml": origin.text if origin else None,
            "mains_lost_at_s": _epoch(hub.mains_lost_at_s),
            "next_message_id": hub.next_message_id,
        }
    )
    for meter, state in snapshot.meters.items():
        _meter_rows(rows, name, meter, state)
    for log, entries in (("current", hub.device_log), ("historic", hub.historic_log)):
        rows["device_log"] += [
            {
                "home": name,
                "log": log,
                "position": position,
                "eui64": str(entry.eui64),
                "install_code": bytes(entry.install_code),
                "device_type": entry.device_type.value,
                "joined": int(entry.joined),
            }
            for position, entry in enumerate(entries)
        ]
    rows["messages"] = [
        {
            "home": name,
            "message_id": m.message_id,
            "position": position,
            "text": m.text,
            "importance": m.importance,
            "confirmation_required": int(m.confirmation_required),
            "start_s": _epoch(m.start_s),
            "duration_min": m.duration_min,
            "confirmed_at_s": _epoch(m.confirmed_at_s),
            "cancelled": int(m.cancelled),
        }
        for position, m in enumerate(hub.messages)
    ]
    rows["hub_events"] = [
        {"home": name, "position": n, "at_s": _epoch(e.at_s), "kind": e.kind, "detail": e.detail}
        for n, e in enumerate(hub.events)
    ]
    if origin is not None:
        rows["scenario_events"] = [
            {"home": name, "event_index": n, "at_s": e.at_s, "kind": str(e.kind), "fired": int(f)}
            for n, (e, f) in enumerate(
                zip(origin.scenario.events, snapshot.fired_events(), strict=True)
            )
        ]
    rows["pending_actions"] = [
        {
            "home": name,
            "position": n,
            "at_s": p.at_s,
            "action": p.action,
            "event_index": p.event_index,
        }
        for n, p in enumerate(snapshot.pending)
    ]
    rows["extension_state"] = [
        {"home": name, "section": section, "state": json.dumps(state)}
        for section, state in snapshot.extensions.items()
    ]
    return rows


def _meter_rows(
    rows: dict[str, list[dict[str, Any]]], home: str, meter: str, state: MeterState
) -> None:
    key = {"home": home, "meter": meter}
    import_j, export_j = state.half_hour_so_far_j
    rows["meters"].append(
        key
        | {
            "time_s": state.time_s,
            "synced_s": state.synced_s,
            "mains_on": int(state.mains_on),
            "tariff": json.dumps(describe_tariff(state.tariff), sort_keys=True),
            "half_hour_import_j": import_j,
            "half_hour_export_j": export_j,
            "block_period_joules": state.block_period_joules,
            "extra_loads": json.dumps(state.extra_loads),
        }
    )
    for register, saved in state.registers.items():
        try:
            readings = np.asarray(saved.readings, dtype=_READING)
        except OverflowError as error:
            raise HomeStoreError(f"{meter} {register} readings outgrow 64 bits") from error
        rows["registers"].append(
            key
            | {
                "register": register,
                "scale": saved.scale,
                "accumulator": str(saved.accumulator),
                "first_boundary_s": saved.first_boundary_s,
                "reading_count": readings.size,
                "readings": readings.tobytes(),
            }
        )
    rows["tier_registers"] += [
        key | {"tier": tier, "joules": str(joules)} for tier, joules in state.tier_joules.items()
    ]
    rows["max_demand"] += [
        key
        | {
            "direction": direction,
            "any_half_hour_w": demand.any_half_hour_w,
            "window_w": demand.window_w,
            "window_start_s": demand.window[0],
            "window_end_s": demand.window[1],
        }
        for direction, demand in state.demand.items()
    ]
    rows["served_attributes"] += [
        key | {"cluster": cluster, "attribute": attribute, "value": _served_to_json(value)}
        for cluster, values in state.served.items()
        for attribute, value in values.items()
    ]


# Reading ----------------------------------------------------------------------------------------


def saved_homes(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT home, saved_at, now_s, scenario_name FROM homes ORDER BY home"))


def read_home(db: sqlite_utils.Database, name: str) -> HomeSnapshot | None:
    home = next(db.query("SELECT * FROM homes WHERE home = ?", [name]), None)
    if home is None:
        return None

    def rows(table: str, order: str = "") -> list[dict[str, Any]]:
        sql = f"SELECT * FROM {table} WHERE home = ?" + (f" ORDER BY {order}" if order else "")
        return list(db.query(sql, [name]))

    origin = None
    if home["scenario_toml"] is not None:
        scenario = parse_scenario(home["scenario_toml"], Path(home["scenario_source"]))
        origin = ScenarioOrigin(scenario, home["scenario_toml"])
        _check_scenario_events(origin, rows("scenario_events", "event_index"))
    log = rows("device_log", "log, position")
    return HomeSnapshot(
        spec=spec_from_json(home["spec"]),
        now_s=home["now_s"],
        next_step_s=home["next_step_s"],
        clock_speed=home["clock_speed"],
        clock_paused=bool(home["clock_paused"]),
        nodes_powered=bool(home["nodes_powered"]),
        reports_sent=home["reports_sent"],
        meters={row["meter"]: _meter(db, name, row) for row in rows("meters")},
        hub=HubState(
            device_log=[_log_entry(row) for row in log if row["log"] == "current"],
            historic_log=[_log_entry(row) for row in log if row["log"] == "historic"],
            messages=[_message(row) for row in rows("messages", "position")],
            events=[
                HubEvent(float(row["at_s"]), row["kind"], row["detail"])
                for row in rows("hub_events", "position")
            ],
            mains_lost_at_s=_float_or_none(home["mains_lost_at_s"]),
            next_message_id=home["next_message_id"],
        ),
        origin=origin,
        pending=[
            PendingAction(row["at_s"], row["action"], row["event_index"])
            for row in rows("pending_actions", "position")
        ],
        extensions={row["section"]: json.loads(row["state"]) for row in rows("extension_state")},
    )


def _meter(db: sqlite_utils.Database, home: str, row: dict[str, Any]) -> MeterState:
    key = [home, row["meter"]]

    def rows(table: str) -> list[dict[str, Any]]:
        return list(db.query(f"SELECT * FROM {table} WHERE home = ? AND meter = ?", key))

    registers = {}
    for saved in rows("registers"):
        readings = np.frombuffer(saved["readings"], dtype=_READING)
        if readings.size != saved["reading_count"]:
            raise HomeStoreError(f"{home}: the {saved['register']} readings are truncated")
        registers[saved["register"]] = RegisterState(
            saved["scale"], int(saved["accumulator"]), saved["first_boundary_s"], readings.tolist()
        )
    served: dict[int, dict[int, ServedValue]] = {}
    for saved in rows("served_attributes"):
        served.setdefault(saved["cluster"], {})[saved["attribute"]] = _served_from_json(
            saved["value"]
        )
    return MeterState(
        time_s=row["time_s"],
        mains_on=bool(row["mains_on"]),
        tariff=rebuild_tariff(json.loads(row["tariff"])),
        registers=registers,
        tier_joules={saved["tier"]: int(saved["joules"]) for saved in rows("tier_registers")},
        demand={
            saved["direction"]: MaximumDemand(
                saved["any_half_hour_w"],
                saved["window_w"],
                (saved["window_start_s"], saved["window_end_s"]),
            )
            for saved in rows("max_demand")
        },
        half_hour_so_far_j=(row["half_hour_import_j"], row["half_hour_export_j"]),
        block_period_joules=row["block_period_joules"],
        served=served,
        synced_s=row["synced_s"],
        extra_loads=[tuple(load) for load in json.loads(row["extra_loads"])],
    )


def _check_scenario_events(origin: ScenarioOrigin, stored: list[dict[str, Any]]) -> None:
    events = origin.scenario.events
    same = len(stored) == len(events) and all(
        row["at_s"] == event.at_s and row["kind"] == str(event.kind)
        for row, event in zip(stored, events, strict=False)
    )
    if not same:
        raise HomeStoreError(
            f"the stored scenario {origin.scenario.name!r} now reads as different events"
        )


def _log_entry(row: dict[str, Any]) -> DeviceLogEntry:
    return DeviceLogEntry(
        t.EUI64.convert(row["eui64"]),
        row["install_code"],
        DeviceType(row["device_type"]),
        bool(row["joined"]),
    )


def _message(row: dict[str, Any]) -> SupplierMessage:
    return SupplierMessage(
        message_id=row["message_id"],
        text=row["text"],
        importance=row["importance"],
        confirmation_required=bool(row["confirmation_required"]),
        start_s=float(row["start_s"]),
        duration_min=row["duration_min"],
        confirmed_at_s=_float_or_none(row["confirmed_at_s"]),
        cancelled=bool(row["cancelled"]),
    )


# Values -----------------------------------------------------------------------------------------


_KEPT_ELSEWHERE = {"electricity_prepayment", "gas_prepayment"}
"""Starting credit matters only when a home is built; the prepayment section keeps the credit now."""


def spec_to_json(spec: HomeSpec) -> str:
    """Every field of the spec; tariffs by their settings, amounts as decimal strings."""
    return json.dumps(
        {
            f.name: _value_to_json(getattr(spec, f.name))
            for f in fields(spec)
            if f.name not in _KEPT_ELSEWHERE
        }
    )


def spec_from_json(text: str) -> HomeSpec:
    known = {f.name for f in fields(HomeSpec)}
    stored = json.loads(text)
    return HomeSpec(**{k: _value_from_json(v) for k, v in stored.items() if k in known})


def _value_to_json(value: object) -> object:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, AuxiliarySwitch):
        return {
            "auxiliary_switch": {
                "on_periods": [
                    [start.isoformat(), end.isoformat()] for start, end in value.on_periods
                ],
                "load_w": value.load_w,
                "offset_s": value.offset_s,
            }
        }
    return {"tariff": describe_tariff(value)}  # raises UnstorableTariff for anything else


def _value_from_json(value: Any) -> Any:
    if isinstance(value, dict):
        if "decimal" in value:
            return Decimal(value["decimal"])
        if "auxiliary_switch" in value:
            switch = value["auxiliary_switch"]
            return AuxiliarySwitch(
                on_periods=tuple(
                    (clock_time.fromisoformat(start), clock_time.fromisoformat(end))
                    for start, end in switch["on_periods"]
                ),
                load_w=switch["load_w"],
                offset_s=switch["offset_s"],
            )
        return rebuild_tariff(value["tariff"])
    return value


def _served_to_json(value: ServedValue) -> str:
    if isinstance(value, int):
        return json.dumps(int(value))  # zigpy enums and bitmaps are ints underneath
    if isinstance(value, bytes):
        return json.dumps({"hex": value.hex()})
    if isinstance(value, str):
        return json.dumps({"text": value})
    raise HomeStoreError(f"cannot store an attribute value of type {type(value).__name__}")


def _served_from_json(text: str) -> ServedValue:
    value = json.loads(text)
    if isinstance(value, int):
        return value
    return bytes.fromhex(value["hex"]) if "hex" in value else str(value["text"])


def _epoch(epoch_s: float | None) -> int | None:
    if epoch_s is None:
        return None
    if epoch_s != int(epoch_s):
        raise HomeStoreError(f"time {epoch_s} is not a whole second")
    return int(epoch_s)


def _float_or_none(epoch_s: int | None) -> float | None:
    return None if epoch_s is None else float(epoch_s)
