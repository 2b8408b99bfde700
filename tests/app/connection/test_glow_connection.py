"""The display on a Glow feed through a real Mosquitto: readings flow into the model, bad
messages are counted and never shown, a broker that vanishes leaves the model out of date and is
found again, and one that refuses or is not there says so."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest

from app.connection.base import SourceUnavailable
from app.connection.glow_address import parse_glow
from app.connection.glow_connection import GlowConnection
from app.connection.han_connection import Backoff, ConnectionState
from app.host.han_wiring import han_access_for
from han.model import HomeModel, LinkState
from tests.cad.mosquitto import running_broker

FIXTURES = Path(__file__).parents[2] / "fixtures" / "glow"
DEVICE = "70B3D521E0001234"
FAST = Backoff(first_s=1.0, longest_s=1.0)


def publish(port: int, topic: str, payload: bytes) -> None:
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="test-glow-device")
    client.connect("127.0.0.1", port)
    client.loop_start()
    client.publish(topic, payload, qos=1).wait_for_publish(5)
    client.disconnect()
    client.loop_stop()


def electricity() -> bytes:
    return (FIXTURES / "electricitymeter.json").read_bytes()


async def until(condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - paho's thread has no event to wait on
            await asyncio.sleep(0.02)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_readings_flow_and_bad_messages_are_counted_once_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    model = HomeModel()
    with running_broker(tmp_path) as port:
        connection = GlowConnection(parse_glow(f"glow://127.0.0.1:{port}/{DEVICE}"), model)
        states: list[ConnectionState] = []
        connection.subscribe(states.append)
        await connection.open()
        connection.start()
        try:
            assert connection.state is ConnectionState.LIVE
            assert connection.links == {}
            assert connection.session is None
            await asyncio.sleep(0.2)  # the subscription is on the broker
            topic = f"glow/{DEVICE}/SENSOR/electricitymeter"
            publish(port, topic, electricity())
            await until(lambda: model.electricity_import_meter() is not None)
            meter = model.electricity_import_meter()
            assert meter is not None
            assert meter.demand_kw is not None
            assert str(meter.demand_kw.value) == "0.617"
            assert model.link is LinkState.CONNECTED

            with caplog.at_level(logging.WARNING):
                for _ in range(3):
                    publish(port, topic, b"online")
                publish(port, topic, electricity().replace(b'"day"', b'"dag"'))
                publish(port, f"glow/{DEVICE}/STATE", b"offline")
                publish(port, f"glow/{DEVICE}/STATE", (FIXTURES / "state_cad.json").read_bytes())
                publish(port, f"glow/{DEVICE}/something/else", b"not ours")
                await until(lambda: sum(connection.bad_messages.values()) == 5)
                await asyncio.sleep(0.2)
            assert connection.bad_messages["electricitymeter: not JSON"] == 3
            assert (
                connection.bad_messages["electricitymeter: 'day' is missing or not a number"] == 1
            )
            assert connection.bad_messages["STATE: not JSON"] == 1
            assert model.undecodable_frames == 5
            ignored = [r for r in caplog.records if "Ignored a Glow feed message" in r.message]
            assert len(ignored) == 3  # once per reason
            assert meter.today_import_kwh is not None
            assert str(meter.today_import_kwh.value) == "9.318"  # nothing from the bad one
            assert connection.readings == 1
        finally:
            await connection.close()
    assert states == [ConnectionState.LIVE]


@pytest.mark.logs_warning(r"Glow feed")
async def test_a_broker_that_vanishes_leaves_values_out_of_date_and_is_found_again(
    tmp_path: Path,
) -> None:
    model = HomeModel()
    with running_broker(tmp_path) as port:
        connection = GlowConnection(
            parse_glow(f"glow://127.0.0.1:{port}/{DEVICE}"), model, backoff=FAST
        )
        await connection.open()
        await asyncio.sleep(0.2)
        publish(port, f"glow/{DEVICE}/SENSOR/electricitymeter", electricity())
        await until(lambda: model.link is LinkState.CONNECTED)
    try:
        # The broker is gone: the link is lost, the figures keep the time they arrived.
        await until(lambda: connection.state is ConnectionState.RECONNECTING)
        assert model.link is LinkState.LOST
        meter = model.electricity_import_meter()
        assert meter is not None
        assert meter.demand_kw is not None
        with running_broker(tmp_path, port=port):
            await until(lambda: connection.state is ConnectionState.LIVE, 20)
            assert connection.attempts == 0
            await asyncio.sleep(0.3)
            publish(port, f"glow/{DEVICE}/SENSOR/electricitymeter", electricity())
            await until(lambda: model.link is LinkState.CONNECTED)
            assert connection.readings == 2
    finally:
        await connection.close()


@pytest.mark.logs_warning(r"Glow feed")
async def test_no_broker_there_is_said_at_once_and_a_kiosk_keeps_trying(tmp_path: Path) -> None:
    port = free_port()
    address = parse_glow(f"glow://127.0.0.1:{port}/{DEVICE}")
    desktop = GlowConnection(address, HomeModel())
    with pytest.raises(SourceUnavailable, match=f"127.0.0.1:{port}"):
        await desktop.open()
    await desktop.close()

    kiosk = GlowConnection(address, HomeModel(), backoff=FAST)
    await kiosk.open_or_keep_trying()
    try:
        await until(lambda: kiosk.attempts >= 1)
        assert kiosk.state is ConnectionState.RECONNECTING
        with running_broker(tmp_path, port=port):
            await until(lambda: kiosk.state is ConnectionState.LIVE, 20)
    finally:
        await kiosk.close()


@pytest.mark.logs_warning(r"Glow feed")
async def test_a_broker_that_refuses_is_said_and_counted() -> None:
    model = HomeModel()
    connection = GlowConnection(parse_glow(f"glow://127.0.0.1:1/{DEVICE}"), model)
    connection._client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2)  # never connected
    connection._loop = asyncio.get_running_loop()
    connection._on_connected("Not authorized")
    connection._on_connected("Not authorized")
    assert connection.state is ConnectionState.RECONNECTING
    assert connection.attempts == 2
    assert "refused" in connection.last_error
    assert model.link is LinkState.LOST
    connection._client = None


@pytest.mark.logs_warning(r"Glow feed")
@pytest.mark.filterwarnings("ignore:unclosed <ssl.SSLSocket:ResourceWarning")  # paho's, on refusal
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
async def test_tls_with_the_home_brokers_own_ca(tmp_path: Path) -> None:
    model = HomeModel()
    with running_broker(tmp_path, tls=True) as port:
        address = parse_glow(f"glows://127.0.0.1:{port}/{DEVICE}?ca={tmp_path / 'ca.pem'}")
        connection = GlowConnection(address, model)
        await connection.open()
        await connection.close()
        unchecked = GlowConnection(parse_glow(f"glows://127.0.0.1:{port}/{DEVICE}"), model)
        with pytest.raises(SourceUnavailable):  # not signed by a CA the system trusts
            await unchecked.open()
        await unchecked.close()


def test_a_feed_has_no_pairing() -> None:
    from app.host import experiences

    cad = experiences.load("cad")
    address = parse_glow(f"glow://h/{DEVICE}")
    assert han_access_for(cad, address, GlowConnection(address, HomeModel())) is None
