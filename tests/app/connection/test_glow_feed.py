"""Reading a Glow feed into the home model: real payload shapes in, right figures out, and
nothing at all from a message that is not whole."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.connection.glow_address import parse_glow
from app.connection.glow_feed import (
    ELECTRICITY,
    GAS,
    STATE,
    GlowHome,
    NotGlow,
    check_state,
    message_kind,
    parse_reading,
)
from app.connection.source_names import check_source, is_radio
from han.domain.local_calendar import LocalCalendar
from han.model import Fuel, HomeModel, LinkState, ModelChange

FIXTURES = Path(__file__).parents[2] / "fixtures" / "glow"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def edited(name: str, change: Any) -> bytes:
    document = json.loads(fixture(name))
    change(document)
    return json.dumps(document).encode()


def test_electricity_fixture_gives_every_figure() -> None:
    reading = parse_reading(ELECTRICITY, fixture("electricitymeter.json"))
    assert reading.fuel is Fuel.ELECTRICITY
    assert reading.demand_kw == Decimal("0.617")
    assert reading.cumulative_kwh == Decimal("8121.774")
    assert (reading.day_kwh, reading.week_kwh, reading.month_kwh) == (
        Decimal("9.318"),
        Decimal("22.604"),
        Decimal("101.447"),
    )
    assert reading.unit_price_gbp_per_kwh == Decimal("0.3371")
    assert reading.standing_charge_gbp_per_day == Decimal("0.4636")
    assert reading.export_kwh is None  # 0 is Glow's "no export", not an export meter
    assert reading.meter_time_s == 1678819330.0  # 2023-03-14T18:42:10Z


def test_gas_fixture_reads_kwh_and_only_cumulativevol_as_volume() -> None:
    reading = parse_reading(GAS, fixture("gasmeter.json"))
    assert reading.fuel is Fuel.GAS
    assert reading.cumulative_kwh == Decimal("30412.086")
    assert reading.day_kwh == Decimal("21.904")  # dayvol repeats it in kWh: not a volume
    assert reading.volume_m3 == Decimal("2693.207")
    assert reading.demand_kw is None
    assert reading.unit_price_gbp_per_kwh == Decimal("0.1029")


@pytest.mark.parametrize("name", ["state_cad.json", "state_ihd.json"])
def test_state_fixtures_are_glow_status(name: str) -> None:
    assert check_state(fixture(name)) == "joined"


def test_topics_of_the_device_only() -> None:
    assert message_kind("glow/ABC/SENSOR/electricitymeter", "glow", "ABC") == ELECTRICITY
    assert message_kind("glow/ABC/SENSOR/gasmeter", "glow", "ABC") == GAS
    assert message_kind("glow/ABC/STATE", "glow", "ABC") == STATE
    assert message_kind("glow/OTHER/SENSOR/gasmeter", "glow", "ABC") is None
    assert message_kind("glow/ABC/STATE/availability", "glow", "ABC") is None


def _no_power(d: Any) -> None:
    del d["electricitymeter"]["power"]


def _no_day(d: Any) -> None:
    del d["electricitymeter"]["energy"]["import"]["day"]


def _text_figure(d: Any) -> None:
    d["electricitymeter"]["energy"]["import"]["week"] = "22.6"


def _no_timestamp(d: Any) -> None:
    del d["electricitymeter"]["timestamp"]


def _watts(d: Any) -> None:
    d["electricitymeter"]["power"]["units"] = "W"


def _bad_time(d: Any) -> None:
    d["electricitymeter"]["timestamp"] = "yesterday"


@pytest.mark.parametrize(
    ("payload", "why"),
    [
        (b"online", "not JSON"),
        (b"\xff\xfe", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"gasmeter": {}}', "'electricitymeter'"),
        (edited("electricitymeter.json", _no_power), "'power'"),
        (edited("electricitymeter.json", _no_day), "'day'"),
        (edited("electricitymeter.json", _text_figure), "'week'"),
        (edited("electricitymeter.json", _no_timestamp), "timestamp"),
        (edited("electricitymeter.json", _watts), "'W'"),
        (edited("electricitymeter.json", _bad_time), "not a time"),
        (b'{"electricitymeter": {"timestamp": "2023-03-14T18:42:10Z", "energy": NaN}}', "energy"),
    ],
)
def test_a_message_that_is_not_whole_is_refused_with_its_reason(payload: bytes, why: str) -> None:
    with pytest.raises(NotGlow, match=why):
        parse_reading(ELECTRICITY, payload)


def test_a_price_of_zero_is_not_known_rather_than_free() -> None:
    def unknown(d: Any) -> None:
        d["electricitymeter"]["energy"]["import"]["price"] = {"unitrate": 0, "standingcharge": 0}

    reading = parse_reading(ELECTRICITY, edited("electricitymeter.json", unknown))
    assert reading.unit_price_gbp_per_kwh is None
    assert reading.standing_charge_gbp_per_day is None


def test_readings_fill_the_model_with_arrival_times_and_announce_them() -> None:
    model = HomeModel()
    changes: list[ModelChange] = []
    model.subscribe(changes.append)
    home = GlowHome(model, "ABC")
    home.apply(parse_reading(ELECTRICITY, fixture("electricitymeter.json")), received_at=1000.0)
    home.apply(parse_reading(GAS, fixture("gasmeter.json")), received_at=1001.0)

    assert model.link is LinkState.CONNECTED
    meter = model.electricity_import_meter()
    assert meter is not None
    assert meter.demand_kw is not None
    assert meter.demand_kw.value == Decimal("0.617")
    assert meter.demand_kw.updated_at == 1000.0
    assert meter.today_import_kwh is not None
    assert meter.today_import_kwh.value == Decimal("9.318")
    assert meter.tariff.unit_price_gbp_per_kwh is not None
    assert meter.tariff.standing_charge_gbp_per_day is not None
    assert meter.today_cost_gbp is None  # Glow carries no cost: the screens work it from the price
    assert meter.export_total_kwh is None
    gas = model.gas_meter()
    assert gas is not None
    assert gas.volume_total_m3 is not None
    assert gas.volume_total_m3.value == Decimal("2693.207")
    assert gas.expected_update_s == 1800.0
    assert model.han_clock is not None
    assert model.han_clock.han_s == 1678818621.0  # the gas message's own time
    first = next(c for c in changes if c.meter == meter.key)
    assert {"identity", "demand_kw", "tariff", "history"} <= first.fields


def test_history_keeps_running_figures_and_the_day_that_ended() -> None:
    model = HomeModel()
    calendar = LocalCalendar()
    home = GlowHome(model, "ABC", calendar=calendar, history_every_s=300)
    announced: list[frozenset[str]] = []
    model.subscribe(lambda change: announced.append(change.fields))

    def at(stamp: str, day: float, received: float) -> None:
        def change(d: Any) -> None:
            d["electricitymeter"]["timestamp"] = stamp
            d["electricitymeter"]["energy"]["import"]["day"] = day

        home.apply(parse_reading(ELECTRICITY, edited("electricitymeter.json", change)), received)

    at("2023-03-14T23:59:50Z", 12.5, 0.0)
    at("2023-03-14T23:59:55Z", 12.6, 5.0)  # within five minutes: not written again
    at("2023-03-15T00:00:05Z", 0.01, 15.0)  # a new day: yesterday's last figure is yesterday's
    assert ["history" in fields for fields in announced if "demand_kw" in fields] == [
        True,
        False,
        True,
    ]
    meter = model.electricity_import_meter()
    assert meter is not None
    assert meter.history.energy_kwh is not None
    figures = meter.history.energy_kwh.value
    assert figures.today == Decimal("0.01")
    assert figures.previous_days == (Decimal("12.6"),)
    starts = meter.history.starts
    assert starts is not None
    assert starts.days[1] == calendar.day_start(1678838395.0)  # 14 March


def test_glow_addresses() -> None:
    plain = parse_glow("glow://me:p%40ss@broker.local/70B3D521E0001234")
    assert (plain.host, plain.port, plain.tls) == ("broker.local", 1883, False)
    assert (plain.username, plain.password) == ("me", "p@ss")
    assert plain.device_id == "70B3D521E0001234"
    assert "p@ss" not in str(plain)
    secure = parse_glow("glows://broker.local/ABC")
    assert (secure.port, secure.tls, secure.ca_file) == (8883, True, None)
    own_ca = parse_glow("glow://broker.local:8884/ABC?ca=/etc/home-ca.pem")
    assert (own_ca.port, own_ca.tls, own_ca.ca_file) == (8884, True, "/etc/home-ca.pem")
    assert parse_glow("glow://h/ABC?tls=1").tls
    assert parse_glow("glow://h/ABC?prefix=home/glow").prefix == "home/glow"
    assert check_source("glows://h:8883/ABC") == "glows://h:8883/ABC"
    assert not is_radio("glow://h/ABC")
    for wrong, why in (
        ("glow://broker.local", "names no device"),
        ("glow:///ABC", "names no broker"),
        ("glow://h:99999/ABC", "port"),
        ("glow://h/ABC?colour=red", "unknown option"),
        ("glow://h/AB+C", "names no device"),
    ):
        with pytest.raises(ValueError, match=why):
            check_source(wrong)
