"""Home Assistant MQTT discovery: the sensors a Home Assistant user gets with no YAML.

Each sensor is one retained config message on ``homeassistant/sensor/<node>/<key>/config`` that
points at the feed's own Glow topics (``glow_payload``) with a template picking the value out of
the JSON. What a current Home Assistant asks of them:

- only what the home has (``features_of``): no export sensor without export, no gas without gas,
  credit only in prepayment – an entity that never gets a value is an error every message;
- templates that cope with a message lacking the field (another publisher on the topic, an older
  Glow): every key on the path is tested with ``is defined`` and the last number is kept;
  a price of 0 is Glow's "not published yet" and leaves the price unknown, never 0;
- ``default_entity_id`` (``sensor.<id>``), not ``object_id``, deprecated since Home Assistant 2025.10;
- the energy dashboard's requirements: energy entities ``device_class: energy`` in kWh, gas
  ``device_class: gas`` in m³ (or energy in kWh), both ``state_class: total_increasing``;
  prices are ``GBP/kWh`` and standing charges ``GBP/d`` without a device class, because the
  ``monetary`` class accepts only a bare currency (and no ``measurement`` state class); credit is
  money: ``monetary`` in GBP with ``state_class: total``.

Home Assistant greys every sensor out while the feed's availability topic says ``offline``
(``<prefix>-cad/<id>/availability``, see ``mqtt_feed``), so a stale figure is never shown as current there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Final

from cad.feed.glow_payload import ELECTRICITY, GAS, PREPAYMENT, cad_topic, sensor_topic, state_topic
from cad.meters import electricity_meter
from han.model import HomeModel

DISCOVERY_PREFIX: Final = "homeassistant"
STATUS_TOPIC: Final = f"{DISCOVERY_PREFIX}/status"
"""Home Assistant says ``online`` here when it (re)starts: the moment to announce again."""

HomeFeatures = frozenset[str]
"""What the home has: ``electricity``, ``export``, ``gas``, ``credit_electricity``,
``credit_gas`` and ``state`` (the CAD itself)."""


@dataclass(frozen=True)
class SensorSpec:
    key: str
    name: str
    feature: str
    topic: str
    """``electricitymeter``, ``gasmeter``, ``prepayment`` or ``STATE``: which topic carries it."""
    path: tuple[str, ...]
    """Where the value sits in that topic's JSON."""
    unit: str | None
    device_class: str | None
    state_class: str | None
    zero_is_unknown: bool = False
    diagnostic: bool = False


STATE: Final = "STATE"

SENSORS: Final = (
    SensorSpec("electricity_power", "Electricity power", "electricity", ELECTRICITY,
               (ELECTRICITY, "power", "value"), "kW", "power", "measurement"),
    SensorSpec("electricity_import", "Electricity import", "electricity", ELECTRICITY,
               (ELECTRICITY, "energy", "import", "cumulative"), "kWh", "energy",
               "total_increasing"),
    SensorSpec("electricity_import_today", "Electricity today", "electricity", ELECTRICITY,
               (ELECTRICITY, "energy", "import", "day"), "kWh", "energy", "total_increasing"),
    SensorSpec("electricity_unit_rate", "Electricity unit rate", "electricity", ELECTRICITY,
               (ELECTRICITY, "energy", "import", "price", "unitrate"), "GBP/kWh", None,
               "measurement", zero_is_unknown=True),
    SensorSpec("electricity_standing_charge", "Electricity standing charge", "electricity",
               ELECTRICITY, (ELECTRICITY, "energy", "import", "price", "standingcharge"), "GBP/d",
               None, "measurement", zero_is_unknown=True),
    SensorSpec("electricity_export", "Electricity export", "export", ELECTRICITY,
               (ELECTRICITY, "energy", "export", "cumulative"), "kWh", "energy",
               "total_increasing"),
    SensorSpec("gas_import", "Gas import", "gas", GAS, (GAS, "energy", "import", "cumulative"),
               "kWh", "energy", "total_increasing"),
    SensorSpec("gas_volume", "Gas volume", "gas", GAS,
               (GAS, "energy", "import", "cumulativevol"), "m³", "gas", "total_increasing"),
    SensorSpec("gas_import_today", "Gas today", "gas", GAS, (GAS, "energy", "import", "day"),
               "kWh", "energy", "total_increasing"),
    SensorSpec("gas_unit_rate", "Gas unit rate", "gas", GAS,
               (GAS, "energy", "import", "price", "unitrate"), "GBP/kWh", None, "measurement",
               zero_is_unknown=True),
    SensorSpec("gas_standing_charge", "Gas standing charge", "gas", GAS,
               (GAS, "energy", "import", "price", "standingcharge"), "GBP/d", None,
               "measurement", zero_is_unknown=True),
    SensorSpec("electricity_credit", "Electricity credit", "credit_electricity", PREPAYMENT,
               (PREPAYMENT, "electricity", "credit"), "GBP", "monetary", "total"),
    SensorSpec("gas_credit", "Gas credit", "credit_gas", PREPAYMENT,
               (PREPAYMENT, "gas", "credit"), "GBP", "monetary", "total"),
    SensorSpec("han_rssi", "HAN signal", "state", STATE, ("han", "rssi"), "dBm",
               "signal_strength", "measurement", diagnostic=True),
    SensorSpec("han_lqi", "HAN link quality", "state", STATE, ("han", "lqi"), None, None,
               "measurement", diagnostic=True),
)  # fmt: skip


def availability_topic(prefix: str, device_id: str) -> str:
    return cad_topic(prefix, device_id, "availability")


def features_of(model: HomeModel, now: float) -> HomeFeatures:
    """What this home has, as far as its meters have said."""
    found = {"state"}
    electricity = electricity_meter(model)
    if electricity is not None:
        found.add("electricity")
        if electricity.export_total_kwh is not None:
            found.add("export")
        if electricity.credit.in_prepayment:
            found.add("credit_electricity")
    gas = model.gas_meter()
    if gas is not None:
        found.add("gas")
        if gas.credit.in_prepayment:
            found.add("credit_gas")
    return frozenset(found)


def value_template(spec: SensorSpec) -> str:
    """Jinja that reads ``spec.path`` if every key on it is there, else keeps the last number."""
    steps = ["value_json"]
    for key in spec.path:
        steps.append(f"{steps[-1]}['{key}']")
    guards = " and ".join(f"{step} is defined" for step in steps[1:])
    value = steps[-1]
    if spec.zero_is_unknown:
        guards += f" and {value} != 0"
    keep = "this.state if this.state | is_number else None"
    return f"{{{{ {value} if {guards} else ({keep}) }}}}"


def discovery_messages(
    prefix: str, device_id: str, features: HomeFeatures, discovery_prefix: str = DISCOVERY_PREFIX
) -> list[tuple[str, str]]:
    """(topic, JSON) for every sensor of the features the home has."""
    node = f"smets_cad_{device_id.lower()}"
    device = {
        "identifiers": [node],
        "name": "Smart meter (Consumer Access Device)",
        "model": "Consumer Access Device",
        "manufacturer": "SMETS consumer suite",
    }
    messages = []
    for sensor in SENSORS:
        if sensor.feature not in features:
            continue
        if sensor.topic == STATE:
            topic = state_topic(prefix, device_id)
        elif sensor.topic == PREPAYMENT:
            topic = cad_topic(prefix, device_id, PREPAYMENT)
        else:
            topic = sensor_topic(prefix, device_id, sensor.topic)
        config: dict[str, object] = {
            "name": sensor.name,
            "unique_id": f"{node}_{sensor.key}",
            "default_entity_id": f"sensor.smart_meter_{sensor.key}",
            "state_topic": topic,
            "value_template": value_template(sensor),
            "availability_topic": availability_topic(prefix, device_id),
            "payload_available": "online",
            "payload_not_available": "offline",
            "device": device,
        }
        if sensor.unit is not None:
            config["unit_of_measurement"] = sensor.unit
        if sensor.device_class is not None:
            config["device_class"] = sensor.device_class
        if sensor.state_class is not None:
            config["state_class"] = sensor.state_class
        if sensor.diagnostic:
            config["entity_category"] = "diagnostic"
        topic_of_config = f"{discovery_prefix}/sensor/{node}/{sensor.key}/config"
        messages.append((topic_of_config, json.dumps(config, sort_keys=True)))
    return messages
