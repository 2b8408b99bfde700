"""How the popular consumers of a Glow feed read it, re-expressed as data, and a replay of MQTT
messages through those rules.

megakid/ha_hildebrand_glow_ihd_mqtt (the Home Assistant integration for Glow's local MQTT), as its
``sensor.py`` describes it: it subscribes to ``<prefix>/#`` and takes the device id from the
topic's second level; three groups of sensors are updated by the messages whose topic *contains*
``STATE``, ``electricitymeter`` or ``gasmeter`` (a regex search); the payload is ``json.loads``-ed
(a failure drops the message), then each sensor of the group reads a fixed JSON path in order –
the first missing key ends the message for the rest of the group. Some sensors skip a value of 0,
and the power sensor treats -8388.608 as an error value. Two "cost today" sensors combine
standing charge + day × unit rate.

glowprom (a Prometheus exporter for the feed), as its ``local_message.py`` describes it: every
message under the topic it listens on is ``json.loads``-ed and dispatched on the top key –
``electricitymeter``, ``gasmeter``, or ``han`` for the status – then fixed paths are read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

E = ("electricitymeter", "energy", "import")
G = ("gasmeter", "energy", "import")


@dataclass(frozen=True)
class Rule:
    name: str
    paths: tuple[tuple[str, ...], ...]
    """One path: the value. Three: standing charge + day × unit rate (the cost sensors)."""
    ignore_zero: bool = False
    error_values: tuple[float, ...] = ()


def _one(name: str, *path: str, ignore_zero: bool = False, errors: tuple[float, ...] = ()) -> Rule:
    return Rule(name, (tuple(path),), ignore_zero, errors)


MEGAKID_GROUPS: dict[str, tuple[Rule, ...]] = {
    "STATE": (
        _one("IHD Software Version", "software"),
        _one("IHD Hardware", "hardware"),
        _one("IHD HAN Status", "han", "status"),
        _one("IHD HAN RSSI", "han", "rssi"),
        _one("IHD HAN LQI", "han", "lqi"),
    ),
    "electricitymeter": (
        _one("Electricity: Export", "electricitymeter", "energy", "export", "cumulative"),
        _one("Electricity: Import", *E, "cumulative", ignore_zero=True),
        _one("Electricity: Import (Today)", *E, "day"),
        _one("Electricity: Import (This week)", *E, "week"),
        _one("Electricity: Import (This month)", *E, "month"),
        _one("Electricity: Import Unit Rate", *E, "price", "unitrate", ignore_zero=True),
        _one("Electricity: Import Standing Charge", *E, "price", "standingcharge",
             ignore_zero=True),
        _one("Electricity: Power", "electricitymeter", "power", "value", errors=(-8388.608,)),
        Rule("Electricity: Cost (Today)",
             ((*E, "price", "standingcharge"), (*E, "day"), (*E, "price", "unitrate"))),
    ),
    "gasmeter": (
        _one("Gas: Import", *G, "cumulative", ignore_zero=True),
        _one("Gas: Import Vol", *G, "cumulativevol", ignore_zero=True),
        _one("Gas: Import Vol (Today)", *G, "dayvol"),
        _one("Gas: Import Vol (This week)", *G, "weekvol"),
        _one("Gas: Import Vol (This month)", *G, "monthvol"),
        _one("Gas: Import (Today)", *G, "day"),
        _one("Gas: Import (This week)", *G, "week"),
        _one("Gas: Import (This month)", *G, "month"),
        _one("Gas: Import Unit Rate", *G, "price", "unitrate", ignore_zero=True),
        _one("Gas: Import Standing Charge", *G, "price", "standingcharge", ignore_zero=True),
        Rule("Gas: Cost (Today)",
             ((*G, "price", "standingcharge"), (*G, "day"), (*G, "price", "unitrate"))),
    ),
}  # fmt: skip

GLOWPROM: dict[str, tuple[tuple[str, ...], ...]] = {
    "electricitymeter": (
        ("electricitymeter", "timestamp"),
        (*E, "mpan"),
        ("electricitymeter", "energy", "export", "cumulative"),
        ("electricitymeter", "energy", "export", "units"),
        *((*E, key) for key in ("cumulative", "day", "week", "month", "units")),
        (*E, "price", "unitrate"),
        (*E, "price", "standingcharge"),
        ("electricitymeter", "power", "value"),
        ("electricitymeter", "power", "units"),
    ),
    "gasmeter": (
        ("gasmeter", "timestamp"),
        (*G, "mprn"),
        *((*G, key) for key in ("cumulative", "day", "week", "month", "units")),
        *((*G, key) for key in ("cumulativevol", "cumulativevolunits", "dayvol", "weekvol")),
        *((*G, key) for key in ("monthvol", "dayweekmonthvolunits")),
        (*G, "price", "unitrate"),
        (*G, "price", "standingcharge"),
    ),
    "han": (
        ("timestamp",),
        ("software",),
        ("hardware",),
        ("smetsversion",),
        ("zigbee",),
        ("han", "rssi"),
        ("han", "lqi"),
    ),
}


def _walk(document: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        document = document[key]
    return document


@dataclass
class Megakid:
    """The integration's state after a replay: every sensor's value, and what went wrong."""

    prefix: str = "glow"
    values: dict[str, Any] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    devices: set[str] = field(default_factory=set)

    def receive(self, topic: str, payload: bytes) -> None:
        if not re.match(rf"^{re.escape(self.prefix)}/", topic):
            return  # not subscribed
        self.devices.add(topic.split("/")[1])
        for pattern, rules in MEGAKID_GROUPS.items():
            if not re.search(pattern, topic):
                continue
            try:
                document = json.loads(payload)
            except ValueError as error:
                self.failures.append(f"{topic}: not JSON ({error})")
                continue
            for rule in rules:
                try:
                    values = [_walk(document, path) for path in rule.paths]
                except (KeyError, TypeError) as error:
                    self.failures.append(f"{topic}: {rule.name} has no {error}")
                    break
                value = values[0] if len(values) == 1 else values[0] + values[1] * values[2]
                if rule.ignore_zero and value == 0:
                    continue
                if value in rule.error_values:
                    value = None
                self.values[rule.name] = value

    def sensors(self, *groups: str) -> set[str]:
        return {rule.name for group in groups for rule in MEGAKID_GROUPS[group]}


@dataclass
class Glowprom:
    prefix: str = "glow"
    values: dict[tuple[str, ...], Any] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def receive(self, topic: str, payload: bytes) -> None:
        if not topic.startswith(f"{self.prefix}/"):
            return
        try:
            document = json.loads(payload)
        except ValueError as error:
            self.failures.append(f"{topic}: not JSON ({error})")
            return
        kind = next((key for key in GLOWPROM if key in document), None)
        if kind is None:
            self.failures.append(f"{topic}: unknown payload {sorted(document)}")
            return
        for path in GLOWPROM[kind]:
            try:
                self.values[path] = _walk(document, path)
            except (KeyError, TypeError) as error:
                self.failures.append(f"{topic}: no {error}")
                return

    def paths(self, *kinds: str) -> set[tuple[str, ...]]:
        return {path for kind in kinds for path in GLOWPROM[kind]}
