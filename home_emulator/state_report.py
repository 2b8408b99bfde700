"""The emulated home's state in plain data: what ``run`` prints, and what tests and trials read."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from home_emulator.home import EmulatedHome
from home_emulator.zigbee.zcl_server import ServerCluster


def _attributes(cluster: ServerCluster) -> dict[str, Any]:
    values = {}
    for name, attribute in cluster.definition.attributes_by_name.items():
        if attribute.id in cluster.values:
            value = cluster.values[attribute.id]
            values[name] = (
                value.decode(errors="replace")
                if isinstance(value, bytes)
                else int(value)
                if isinstance(value, int)
                else str(value)
            )
    return values


def home_state(home: EmulatedHome) -> dict[str, Any]:
    zone = ZoneInfo("Europe/London")
    esme = home.esme
    state: dict[str, Any] = {
        "time": datetime.fromtimestamp(home.now_s, zone).isoformat(),
        "epoch_s": home.now_s,
        "household": home.spec.profile,
        "devices": {
            "ESME": {
                "ieee": str(esme.node.ieee),
                "tariff": getattr(esme.tariff, "name", type(esme.tariff).__name__),
                "registers": {
                    "import_wh": esme.registers.imported.reading,
                    "export_wh": esme.registers.exported.reading
                    if esme.registers.exported
                    else None,
                    "cost_gbp": esme.registers.cost.reading / 10_000,
                    "tiers_wh": {
                        str(tier): esme.registers.tier_wh(tier)
                        for tier in sorted(esme.registers.tier_joules)
                    },
                    "max_half_hour_import_w": esme.registers.import_demand.any_half_hour_w,
                    "max_window_import_w": esme.registers.import_demand.window_w,
                    "max_half_hour_export_w": esme.registers.export_demand.any_half_hour_w,
                },
                "metering": _attributes(esme.metering),
                "prepayment": _attributes(esme.prepayment),
            },
            "CHF": {
                "ieee": str(home.hub.node.ieee),
                "device_log": [
                    {"eui64": str(entry.eui64), "type": entry.device_type.value}
                    for entry in home.hub.device_log.entries.values()
                ],
                "messages": [
                    {
                        "id": m.message_id,
                        "text": m.text,
                        "confirmation_required": m.confirmation_required,
                        "confirmed": m.confirmed_at_s is not None,
                        "cancelled": m.cancelled,
                    }
                    for m in home.hub.messages.values()
                ],
                "events": [
                    {
                        "time": datetime.fromtimestamp(e.at_s, zone).isoformat(),
                        "kind": e.kind,
                        "detail": e.detail,
                    }
                    for e in home.hub.events
                ],
            },
        },
    }
    gas = home.gas
    if gas is not None:
        state["devices"]["GPF"] = {
            "calorific_value_mj_m3": str(gas.calorific_value),
            "registers": {
                "volume_l": gas.volume.reading,
                "energy_wh": gas.registers.imported.reading,
                "cost_gbp": gas.registers.cost.reading / 10_000,
            },
            "mirror_synced": datetime.fromtimestamp(gas.synced_s, zone).isoformat(),
            "metering": _attributes(gas.metering),
            "prepayment": _attributes(gas.prepayment),
            "valve": ["closed", "closed, armed", "open"][gas.supply_status],
        }
    return state
