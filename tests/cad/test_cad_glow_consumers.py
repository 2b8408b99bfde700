"""Our feed read by the consumers of a real Glow feed: the same rules that read every sensor from
real Glow payloads (``tests/fixtures/glow``) read every sensor from ours, through a real Mosquitto,
in credit and prepayment, single and dual fuel, with and without export."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.host.context import DeviceKind, PairedDevice
from cad.feed.glow_payload import (
    Signal,
    electricity_message,
    gas_message,
    state_message,
    station_for,
)
from cad.feed.han_facts import signal_from
from cad.feed.mqtt import MqttFeed
from cad.feed.settings import FeedSettings
from home_emulator.metering.credit_engine import PrepaymentStart, units
from tests.cad.glow_consumers import MEGAKID_GROUPS, Glowprom, Megakid
from tests.cad.mosquitto import running_broker
from tests.cad.test_cad_mqtt_feed import Listener
from tests.conftest import OpenEmulatedHan

FIXTURES = Path(__file__).parent.parent / "fixtures" / "glow"
DEVICE = "70B3D54F00001234"
SUNNY_NOON = 1_781_524_800
ALL_GROUPS = tuple(MEGAKID_GROUPS)


def _fixture(name: str) -> dict[str, Any]:
    payload = json.loads((FIXTURES / name).read_text())
    assert isinstance(payload, dict), name
    return payload


def _shape(document: Any) -> Any:
    """Keys in order, nesting and JSON types – what a consumer depends on – without the values;
    units (the strings that say what a number means) are kept."""
    if isinstance(document, dict):
        return [
            (key, value if key.endswith("units") else _shape(value))
            for key, value in document.items()
        ]
    if isinstance(document, bool):
        return "bool"
    if isinstance(document, int | float):
        return "number"
    return type(document).__name__


def test_the_consumers_rules_read_every_sensor_from_real_glow_payloads() -> None:
    for state in ("state_cad.json", "state_ihd.json"):
        megakid, glowprom = Megakid(), Glowprom()
        for topic, name in (
            (f"glow/{DEVICE}/STATE", state),
            (f"glow/{DEVICE}/SENSOR/electricitymeter", "electricitymeter.json"),
            (f"glow/{DEVICE}/SENSOR/gasmeter", "gasmeter.json"),
        ):
            payload = (FIXTURES / name).read_bytes()
            megakid.receive(topic, payload)
            glowprom.receive(topic, payload)
        assert megakid.failures == []
        assert glowprom.failures == []
        assert set(megakid.values) == megakid.sensors(*ALL_GROUPS)  # 25 of 25
        assert None not in megakid.values.values()
        assert set(glowprom.values) == glowprom.paths("electricitymeter", "gasmeter", "han")


async def test_our_messages_have_the_shape_of_real_glow_payloads(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han(profile="family_of_four", gas=True) as han:
        await han.meter_ready()
        await han.until(lambda: gas_message(han.model, _now()) is not None, 10)
        now = _now()
        electricity = electricity_message(han.model, now)
        gas = gas_message(han.model, now)
        assert gas is not None  # waited for above
        state = state_message(han.model, station_for(DEVICE), now, Signal(-52, 220))
    assert _shape(electricity) == _shape(_fixture("electricitymeter.json"))
    assert _shape(gas) == _shape(_fixture("gasmeter.json"))
    assert _shape(state) == _shape(_fixture("state_cad.json"))
    assert state["eui"] == "70:B3:D5:4F:00:00:12:34"
    assert state["han"] == {"rssi": -52, "status": "joined", "lqi": 220}
    # Rounding as Glow's: kWh and kW to 3 places, prices to 5.
    imported = gas["gasmeter"]["energy"]["import"]
    for key in ("cumulative", "day", "week", "month", "cumulativevol"):
        assert round(imported[key], 3) == imported[key]
    assert imported["dayvol"] == imported["day"]  # Glow repeats the kWh figures
    assert round(imported["price"]["unitrate"], 5) == imported["price"]["unitrate"]


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[int]:
    with running_broker(tmp_path) as port:
        yield port


HOMES: dict[str, dict[str, Any]] = {
    "credit, dual fuel, no export": {"profile": "family_of_four", "gas": True},
    "prepayment, electricity only, with export": {
        "profile": "solar_home",
        "start_epoch_s": SUNNY_NOON,
        "history_days": 20,  # the meter's month so far (from 1 June) is in its history
        "gas": False,
        "electricity_prepayment": PrepaymentStart(balance=units("4.32")),
    },
    "prepayment on both fuels, no export": {
        "profile": "family_of_four",
        "gas": True,
        "electricity_prepayment": PrepaymentStart(balance=units("12.00")),
        "gas_prepayment": PrepaymentStart(balance=units("7.50")),
    },
}


@pytest.mark.parametrize("home", list(HOMES))
async def test_the_consumers_rules_read_every_sensor_from_our_feed(
    emulated_han: OpenEmulatedHan, broker: int, home: str
) -> None:
    spec = HOMES[home]
    dual_fuel = bool(spec.get("gas"))
    listener = Listener(broker)
    async with emulated_han(**spec) as han:
        await han.meter_ready()
        feed = MqttFeed(
            han.model,
            DEVICE,
            FeedSettings("127.0.0.1", broker),
            min_interval_s=0.0,
            gas_settle_s=0.2,
            signal=lambda: Signal(-61, 180),
        )
        feed.start()
        try:
            wanted = [f"glow/{DEVICE}/STATE", f"glow/{DEVICE}/SENSOR/electricitymeter"]
            if dual_fuel:
                wanted.append(f"glow/{DEVICE}/SENSOR/gasmeter")
            for topic in wanted:
                await listener.wait_for(lambda t, _p, w=topic: t == w, 15)
            if "prepayment" in home:
                await listener.wait_for(lambda t, _p: t == f"glow-cad/{DEVICE}/prepayment")
            await asyncio.sleep(0.3)
            seen = listener.last("#") or b""  # drains what has arrived
            del seen
        finally:
            feed.stop()
            listener.close()
    megakid, glowprom = Megakid(), Glowprom()
    for topic, payload, _retained in listener.seen:
        megakid.receive(topic, payload)
        glowprom.receive(topic, payload)
    assert megakid.failures == []
    assert glowprom.failures == []
    assert megakid.devices == {DEVICE}
    groups = ALL_GROUPS if dual_fuel else ("STATE", "electricitymeter")
    assert set(megakid.values) == megakid.sensors(*groups)
    assert None not in megakid.values.values()
    kinds = ("electricitymeter", "gasmeter", "han") if dual_fuel else ("electricitymeter", "han")
    assert set(glowprom.values) == glowprom.paths(*kinds)
    # Every gas message is whole and from one reading: no two with the same timestamp.
    gas_stamps = [
        json.loads(p)["gasmeter"]["timestamp"]
        for t, p, _ in listener.seen
        if t.endswith("/gasmeter")
    ]
    assert len(gas_stamps) == len(set(gas_stamps))
    if "with export" in home:
        assert megakid.values["Electricity: Export"] > 0
    else:
        assert megakid.values["Electricity: Export"] == 0


def test_the_signal_is_the_electricity_meters_or_else_the_hubs() -> None:
    devices = [
        PairedDevice("00:01", DeviceKind.COMMS_HUB, lqi=200, rssi_dbm=-40),
        PairedDevice("00:02", DeviceKind.ELECTRICITY_METER, lqi=120, rssi_dbm=-70),
        PairedDevice("00:03", DeviceKind.GAS_METER, lqi=90, rssi_dbm=-80, via_hub=True),
    ]
    assert signal_from(lambda: devices)() == Signal(-70, 120)
    assert signal_from(lambda: devices[:1])() == Signal(-40, 200)
    assert signal_from(lambda: devices[2:])() is None


def _now() -> float:
    import time

    return time.time()
