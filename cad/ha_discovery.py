"""Home Assistant MQTT discovery: the sensors a Home Assistant user gets with no YAML.

Each sensor is one retained config message on ``homeassistant/sensor/<node>/<object>/config``
that points at the feed's own state topics (``glow_payload``) with a template picking the value
out of the JSON. Home Assistant greys every sensor out while the feed's availability topic says
``offline`` – the CAD says so when its link is lost or its readings are old, so a stale figure is
never shown as current there either.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Final

from cad.glow_payload import ELECTRICITY, GAS, sensor_topic

DISCOVERY_PREFIX: Final = "homeassistant"


@dataclass(frozen=True)
class SensorSpec:
    key: str
    name: str
    meter: str
    """``electricitymeter`` or ``gasmeter``: which state topic carries it."""
    path: str
    """Where the value sits in that topic's JSON, dotted."""
    unit: str
    device_class: str | None
    state_class: str | None


SENSORS: Final = (
    SensorSpec(
        "electricity_power", "Electricity power", ELECTRICITY, "power.value", "kW", "power",
        "measurement",
    ),
    SensorSpec(
        "electricity_import", "Electricity import", ELECTRICITY, "energy.import.cumulative",
        "kWh", "energy", "total_increasing",
    ),
    SensorSpec(
        "electricity_import_today", "Electricity today", ELECTRICITY, "energy.import.day", "kWh",
        "energy", "total_increasing",
    ),
    SensorSpec(
        "electricity_export", "Electricity export", ELECTRICITY, "energy.export.cumulative",
        "kWh", "energy", "total_increasing",
    ),
    SensorSpec(
        "electricity_unit_rate", "Electricity unit rate", ELECTRICITY,
        "energy.import.price.unitrate", "GBP/kWh", None, "measurement",
    ),
    SensorSpec(
        "electricity_standing_charge", "Electricity standing charge", ELECTRICITY,
        "energy.import.price.standingcharge", "GBP", None, "measurement",
    ),
    SensorSpec(
        "gas_import", "Gas import", GAS, "energy.import.cumulative", "kWh", "energy",
        "total_increasing",
    ),
    SensorSpec(
        "gas_import_today", "Gas today", GAS, "energy.import.day", "kWh", "energy",
        "total_increasing",
    ),
    SensorSpec(
        "gas_volume", "Gas volume", GAS, "energy.import.cumulativevol", "m³", "gas",
        "total_increasing",
    ),
    SensorSpec(
        "gas_unit_rate", "Gas unit rate", GAS, "energy.import.price.unitrate", "GBP/kWh", None,
        "measurement",
    ),
)  # fmt: skip


def availability_topic(prefix: str, device_id: str) -> str:
    return f"{prefix}/{device_id}/STATE/availability"


def discovery_messages(
    prefix: str, device_id: str, meters: frozenset[str]
) -> list[tuple[str, str]]:
    """(topic, JSON) for every sensor of the meters the home has (``glow_payload`` names).

    A sensor whose meter is absent (no gas) is not announced: Home Assistant would show it as
    unavailable for ever.
    """
    node = f"smets_cad_{device_id.lower()}"
    device = {
        "identifiers": [node],
        "name": "Smart meter (Consumer Access Device)",
        "model": "Consumer Access Device",
        "manufacturer": "SMETS consumer suite",
    }
    messages = []
    for sensor in SENSORS:
        if sensor.meter not in meters:
            continue
        path = ".".join([sensor.meter, sensor.path])
        config: dict[str, object] = {
            "name": sensor.name,
            "unique_id": f"{node}_{sensor.key}",
            "object_id": f"smart_meter_{sensor.key}",
            "state_topic": sensor_topic(prefix, device_id, sensor.meter),
            # A message without this figure (the meter never sent it) leaves the state as it was.
            "value_template": f"{{{{ value_json.{path} | default(this.state) }}}}",
            "unit_of_measurement": sensor.unit,
            "availability_topic": availability_topic(prefix, device_id),
            "device": device,
        }
        if sensor.device_class is not None:
            config["device_class"] = sensor.device_class
        if sensor.state_class is not None:
            config["state_class"] = sensor.state_class
        topic = f"{DISCOVERY_PREFIX}/sensor/{node}/{sensor.key}/config"
        messages.append((topic, json.dumps(config, sort_keys=True)))
    return messages
