"""Home Assistant discovery that a current Home Assistant takes as it is: only the sensors the home
has, each reading a value from the feed, templates that survive a missing field, no deprecated
keys, the energy dashboard's classes and units – announced again when the broker comes back and
when Home Assistant says it is online."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from cad.feed.glow_payload import Signal
from cad.feed.ha_discovery import SENSORS, discovery_messages
from cad.feed.mqtt import FeedStatus, MqttFeed
from cad.feed.settings import FeedSettings
from home_emulator.metering.credit_engine import PrepaymentStart, units
from tests.cad.mosquitto import running_broker
from tests.cad.test_cad_mqtt_feed import Listener
from tests.conftest import OpenEmulatedHan

DEVICE = "70B3D54F00001234"


def _configs(features: set[str]) -> dict[str, dict[str, Any]]:
    return {
        json.loads(payload)["unique_id"].rsplit(DEVICE.lower() + "_", 1)[1]: json.loads(payload)
        for _topic, payload in discovery_messages("glow", DEVICE, frozenset(features))
    }


def _path(config: dict[str, Any]) -> list[str]:
    return re.findall(r"\['([^']+)'\]", config["value_template"].split(" if ")[0])


def test_only_the_sensors_the_home_has_are_announced() -> None:
    plain = _configs({"state", "electricity"})
    assert not any(key.startswith(("gas", "electricity_export")) for key in plain)
    assert "electricity_credit" not in plain
    everything = _configs(
        {"state", "electricity", "export", "gas", "credit_electricity", "credit_gas"}
    )
    assert set(everything) == {sensor.key for sensor in SENSORS}


def test_the_configs_meet_home_assistants_current_rules() -> None:
    configs = _configs(
        {"state", "electricity", "export", "gas", "credit_electricity", "credit_gas"}
    )
    for key, config in configs.items():
        assert "object_id" not in config  # deprecated since Home Assistant 2025.10
        assert config["default_entity_id"] == f"sensor.smart_meter_{key}"
        assert config["availability_topic"] == f"glow-cad/{DEVICE}/availability"
        path = _path(config)
        for depth in range(1, len(path) + 1):  # every key on the path tested before it is read
            step = "value_json" + "".join(f"['{k}']" for k in path[:depth])
            assert f"{step} is defined" in config["value_template"]
        if config.get("device_class") == "monetary":  # a bare currency, total or nothing
            assert config["unit_of_measurement"] == "GBP"
            assert config.get("state_class") in (None, "total")
    for key in (
        "electricity_import",
        "electricity_import_today",
        "electricity_export",
        "gas_import",
    ):
        assert configs[key]["device_class"] == "energy"
        assert configs[key]["unit_of_measurement"] == "kWh"
        assert configs[key]["state_class"] == "total_increasing"
    assert configs["gas_volume"]["device_class"] == "gas"
    assert configs["gas_volume"]["unit_of_measurement"] == "m³"
    assert configs["gas_volume"]["state_class"] == "total_increasing"
    for fuel in ("electricity", "gas"):
        charge = configs[f"{fuel}_standing_charge"]
        assert charge["unit_of_measurement"] == "GBP/d"
        assert "device_class" not in charge
        assert configs[f"{fuel}_unit_rate"]["unit_of_measurement"] == "GBP/kWh"
        # A price of 0 is Glow's "not published yet": the entity stays unknown instead.
        assert "!= 0" in configs[f"{fuel}_unit_rate"]["value_template"]


async def test_every_announced_entity_gets_a_value_and_is_announced_again(
    emulated_han: OpenEmulatedHan, tmp_path: Path
) -> None:
    first_broker = running_broker(tmp_path)
    port = first_broker.__enter__()
    listener = Listener(port)
    async with emulated_han(
        profile="family_of_four",
        gas=True,
        electricity_prepayment=PrepaymentStart(balance=units("12.00")),
        gas_prepayment=PrepaymentStart(balance=units("7.50")),
    ) as han:
        await han.meter_ready()
        feed = MqttFeed(
            han.model,
            DEVICE,
            FeedSettings("127.0.0.1", port),
            min_interval_s=0.0,
            gas_settle_s=0.2,
            signal=lambda: Signal(-61, 180),
        )
        feed.start()
        try:
            for name in ("electricitymeter", "gasmeter"):
                await listener.wait_for(lambda t, _p, n=name: t.endswith(f"/SENSOR/{n}"), 15)
            await listener.wait_for(lambda t, _p: t.endswith("/prepayment"))
            await listener.wait_for(lambda t, _p: t.endswith("/gas_credit/config"))
            configs = {
                t: json.loads(p) for t, p, _ in listener.seen if t.startswith("homeassistant/")
            }
            expected = {sensor.key for sensor in SENSORS} - {"electricity_export"}
            assert {t.split("/")[-2] for t in configs} == expected
            for config in configs.values():
                value = json.loads(listener.last(config["state_topic"]) or b"{}")
                for key in _path(config):
                    value = value[key]
                assert isinstance(value, int | float), config["name"]
                if "!= 0" in config["value_template"]:
                    assert value != 0, config["name"]

            # Home Assistant restarts and says so: everything is announced again.
            announced = _count_configs(listener)
            listener.client.publish("homeassistant/status", "online", qos=1)
            await listener.wait_for(lambda _t, _p: _count_configs(listener) >= 2 * announced)
            listener.close()

            # The broker restarts and has forgotten everything retained: once the feed is back
            # it says it all again.
            first_broker.__exit__(None, None, None)
            await han.until(lambda: feed.status is FeedStatus.UNREACHABLE, 10)
            with running_broker(tmp_path, port=port):
                late = Listener(port, "after-restart")
                try:
                    await han.until(lambda: feed.status is FeedStatus.CONNECTED, 20)
                    await late.wait_for(lambda t, _p: t.endswith("/electricity_power/config"), 15)
                    later = Listener(port, "home-assistant-started-later")
                    try:
                        _, _payload, retained = await later.wait_for(
                            lambda t, _p: t.endswith("/electricity_power/config")
                        )
                    finally:
                        later.close()
                    assert retained
                    await late.wait_for(lambda t, p: t.endswith("/availability") and p == b"online")
                finally:
                    feed.stop()
                    late.close()
        finally:
            feed.stop()
            listener.close()


def _count_configs(listener: Listener) -> int:
    listener.last("")  # take in what has arrived
    return sum(1 for topic, _p, _r in listener.seen if topic.endswith("/config"))
