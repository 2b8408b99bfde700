"""The CAD's local MQTT feed against a real Mosquitto: Glow-style topics carrying the meters'
values, Home Assistant discovery whose templates find those values, availability that goes
``offline`` when readings are stale, and a plain reason when the broker cannot be reached."""

from __future__ import annotations

import asyncio
import json
import queue
import re
import socket
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
import pytest

from cad.feed.glow_payload import FRESH_PERIODS
from cad.feed.mqtt import FeedStatus, MqttFeed
from cad.feed.settings import FeedSettings
from han.measured import Measured
from han.model import Field, Fuel, ModelChange
from tests.cad.mosquitto import running_broker
from tests.cad.mqtt_listener import Listener
from tests.conftest import OpenEmulatedHan
from tests.value_of import value_of

DEVICE = "70B3D54F00001234"


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[int]:
    with running_broker(tmp_path) as port:
        yield port


def _walk(document: dict[str, Any], path: list[str]) -> Any:
    value: Any = document
    for part in path:
        value = value[part]
    return value


def _path(config: dict[str, Any]) -> list[str]:
    """The JSON path a discovery template reads (``value_json['a']['b'] if … else …``)."""
    return re.findall(r"\['([^']+)'\]", config["value_template"].split(" if ")[0])


async def test_the_feed_publishes_what_the_meters_said_and_home_assistant_finds_it(
    emulated_han: OpenEmulatedHan, broker: int
) -> None:
    listener = Listener(broker)
    async with emulated_han(profile="family_of_four", gas=True) as han:
        await han.meter_ready()
        await han.until(lambda: han.model.gas_meter() is not None, 10)
        feed = MqttFeed(
            han.model,
            DEVICE,
            FeedSettings("127.0.0.1", broker),
            min_interval_s=0.0,
            gas_settle_s=0.2,
        )
        feed.start()
        try:
            electricity_topic = f"glow/{DEVICE}/SENSOR/electricitymeter"
            _, payload, _ = await listener.wait_for(lambda t, _p: t == electricity_topic)
            meter = han.model.electricity_import_meter()
            assert meter is not None
            body = json.loads(payload)["electricitymeter"]
            assert body["power"] == {
                "value": _rounded(meter.demand_kw, 3),
                "units": "kW",
            }
            assert body["energy"]["import"]["cumulative"] == _rounded(meter.import_total_kwh, 3)
            assert body["energy"]["import"]["units"] == "kWh"
            assert body["energy"]["import"]["price"]["unitrate"] == _rounded(
                meter.tariff.unit_price_gbp_per_kwh, 5
            )
            assert body["timestamp"].endswith("Z")

            gas_topic = f"glow/{DEVICE}/SENSOR/gasmeter"
            _, gas_payload, _ = await listener.wait_for(lambda t, _p: t == gas_topic)
            gas = han.model.gas_meter()
            assert gas is not None
            gas_body = json.loads(gas_payload)["gasmeter"]["energy"]["import"]
            assert gas_body["cumulativevol"] == _rounded(gas.volume_total_m3, 3)
            assert gas_body["cumulativevolunits"] == "m3"

            availability = f"glow-cad/{DEVICE}/availability"
            await listener.wait_for(lambda t, p: t == availability and p == b"online")

            # Every announced sensor's template finds a number in the topic it points at, and a
            # Home Assistant started later still finds them (retained on the broker).
            late = Listener(broker, "home-assistant")
            configs = []
            for wanted in ("electricity_power", "electricity_import", "gas_volume"):
                _, config, retained = await late.wait_for(
                    lambda t, _p, k=wanted: (
                        t.startswith("homeassistant/sensor/") and t.endswith(f"/{k}/config")
                    )
                )
                assert retained
                configs.append(json.loads(config))
            state = {electricity_topic: json.loads(payload), gas_topic: json.loads(gas_payload)}
            for config in configs:
                assert config["availability_topic"] == availability
                assert isinstance(_walk(state[config["state_topic"]], _path(config)), float)
            assert {c["device_class"] for c in configs} == {"power", "energy", "gas"}
            late.close()

            # A new reading is a new message with the new value.
            before = value_of(meter.import_total_kwh)
            for _ in range(6):
                han.home.step()
            await han.until(
                lambda: (
                    meter.import_total_kwh is not None and meter.import_total_kwh.value != before
                ),
                10,
            )
            expected = _rounded(meter.import_total_kwh, 3)
            await listener.wait_for(
                lambda t, p: (
                    t == electricity_topic
                    and json.loads(p)["electricitymeter"]["energy"]["import"]["cumulative"]
                    == expected
                )
            )
        finally:
            feed.stop()
            listener.close()
    assert feed.status is FeedStatus.OFF


async def test_stale_readings_take_the_feed_offline_and_are_not_republished(
    emulated_han: OpenEmulatedHan, broker: int
) -> None:
    listener = Listener(broker)
    clock = {"offset": 0.0}
    async with emulated_han(profile="family_of_four", gas=False) as han:
        await han.meter_ready()
        feed = MqttFeed(
            han.model,
            DEVICE,
            FeedSettings("127.0.0.1", broker, prefix="home/meters"),
            now=lambda: time.time() + clock["offset"],
            min_interval_s=0.0,
        )
        feed.start()
        availability = f"home/meters-cad/{DEVICE}/availability"
        topic = f"home/meters/{DEVICE}/SENSOR/electricitymeter"
        try:
            await listener.wait_for(lambda t, p: t == availability and p == b"online")
            await listener.wait_for(lambda t, _p: t == topic)
            meter = han.model.meters_of(Fuel.ELECTRICITY)[0]
            clock["offset"] = FRESH_PERIODS * meter.expected_update_s + 60
            feed.check()
            await listener.wait_for(lambda t, p: t == availability and p == b"offline")
            published = feed.published
            han.model.announce(ModelChange(meter.key, frozenset({Field.DEMAND_KW})))
            await asyncio.sleep(0.2)
            assert feed.published == published  # nothing old passed off as new
        finally:
            feed.stop()
            listener.close()


async def test_a_broker_that_is_not_there_is_reported_plainly(
    emulated_han: OpenEmulatedHan, tmp_path: Path
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    seen: list[tuple[FeedStatus, str]] = []
    async with emulated_han() as han:
        feed = MqttFeed(
            han.model,
            DEVICE,
            FeedSettings("127.0.0.1", closed_port),
            on_status=lambda status, why: seen.append((status, why)),
        )
        feed.start()
        try:
            await han.until(lambda: feed.status is FeedStatus.UNREACHABLE, 10)
        finally:
            feed.stop()
    why = next(why for status, why in seen if status is FeedStatus.UNREACHABLE)
    assert f"127.0.0.1:{closed_port}" in why
    assert "trying again" in why


# paho-mqtt 2.x drops the socket of a failed TLS handshake without closing it (the garbage
# collector closes it); that is the library's, and only the refused connection below triggers it.
@pytest.mark.filterwarnings("ignore:unclosed <ssl.SSLSocket:ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
async def test_the_feed_speaks_tls_and_checks_the_brokers_certificate(
    emulated_han: OpenEmulatedHan, tmp_path: Path
) -> None:
    with running_broker(tmp_path, tls=True) as port:
        ca = str(tmp_path / "ca.pem")
        received: queue.SimpleQueue[str] = queue.SimpleQueue()
        reader = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="test-tls-reader")
        reader.tls_set(ca_certs=ca)
        reader.on_message = lambda _c, _u, m: received.put(m.topic)
        reader.connect("127.0.0.1", port)
        reader.subscribe("#", qos=1)
        reader.loop_start()
        async with emulated_han(profile="family_of_four", gas=False) as han:
            await han.meter_ready()
            # Without the home's own CA the broker's certificate is not trusted: nothing is sent.
            untrusting = MqttFeed(
                han.model, DEVICE, FeedSettings("127.0.0.1", port, tls=True), min_interval_s=0.0
            )
            untrusting.start()
            try:
                await han.until(lambda: untrusting.status is FeedStatus.UNREACHABLE, 10)
                assert untrusting.published == 0
            finally:
                untrusting.stop()

            feed = MqttFeed(
                han.model,
                DEVICE,
                FeedSettings("127.0.0.1", port, tls=True, ca_file=ca),
                min_interval_s=0.0,
            )
            feed.start()
            try:
                await han.until(lambda: feed.status is FeedStatus.CONNECTED, 10)
                topic = f"glow/{DEVICE}/SENSOR/electricitymeter"
                async with asyncio.timeout(10):
                    while topic not in _drain(received):  # noqa: ASYNC110 - paho's own thread
                        await asyncio.sleep(0.02)
            finally:
                feed.stop()
                reader.disconnect()
                reader.loop_stop()


def _drain(messages: queue.SimpleQueue[str]) -> set[str]:
    seen = set()
    while not messages.empty():
        seen.add(messages.get())
    return seen


def _rounded(reading: Measured[Decimal] | None, places: int) -> float:
    """A reading as the feed sends it: rounded, as a JSON number."""
    value: Decimal = value_of(reading)
    return float(round(value, places))
