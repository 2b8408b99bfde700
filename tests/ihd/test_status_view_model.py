"""The Status screen in words: link, devices with kind, signal and last heard, HAN clock, bad frames."""

from __future__ import annotations

from decimal import Decimal

from app.host.context import DeviceKind, PairedDevice
from han.model import Fuel, HanClock, HomeModel, Measured, MeterKey
from ihd.view_models.status import StatusViewModel, signal_bars

NOW = 1_780_000_000.0
ESME = MeterKey("0d:6f:00:00:00:00:00:01", 1)
GAS = MeterKey("0d:6f:00:00:00:00:00:10", 2)


def _home() -> HomeModel:
    model = HomeModel()
    model.meter(ESME).demand_kw = Measured(Decimal("1"), NOW - 2)
    gas = model.meter(GAS)
    gas.fuel = Fuel.GAS
    gas.today_import_kwh = Measured(Decimal("3"), NOW - 2 * 3600)
    model.mark_connected()
    return model


def _devices() -> list[PairedDevice]:
    return [
        PairedDevice(GAS.ieee, DeviceKind.COMMS_HUB, lqi=230, rssi_dbm=-50, last_heard=NOW - 1),
        PairedDevice(ESME.ieee, DeviceKind.ELECTRICITY_METER, 90, -88, NOW - 30, ESME),
        PairedDevice(GAS.ieee, DeviceKind.GAS_METER, 230, -50, NOW - 1, GAS, via_hub=True),
    ]


def test_each_device_has_its_kind_signal_and_last_heard() -> None:
    page = StatusViewModel(_home(), _devices).page(NOW)
    assert page.connected
    assert page.connection == "Connected to your smart meters"
    hub, electricity, gas = page.devices
    assert (hub.kind, hub.signal, hub.signal_detail, hub.bars) == (
        "Communications hub",
        "Strong",
        "LQI 230, −50 dBm",
        3,
    )
    assert (electricity.kind, electricity.signal, electricity.bars) == (
        "Electricity meter",
        "Weak",
        1,
    )
    assert not electricity.quiet  # its last reading (2 s ago) counts, not its last frame
    assert (gas.kind, gas.signal, gas.bars) == ("Gas meter", "Through the hub", 0)
    assert gas.quiet  # two hours without a gas reading
    assert gas.last_heard.endswith("2 h old")
    assert hub.identity == "00:00:10"


def test_signal_words_come_from_lqi_or_else_rssi() -> None:
    assert [signal_bars(lqi, None) for lqi in (255, 170, 169, 100, 99, 0)] == [3, 3, 2, 2, 1, 1]
    assert [signal_bars(None, rssi) for rssi in (-40, -70, -71, -85, -86)] == [3, 3, 2, 2, 1]
    assert signal_bars(None, None) == 0


def test_a_device_never_heard_says_so() -> None:
    devices = [PairedDevice("0d:6f:00:00:00:00:00:99", DeviceKind.OTHER)]
    (row,) = StatusViewModel(HomeModel(), lambda: devices).page(NOW).devices
    assert (row.kind, row.signal, row.last_heard, row.quiet) == (
        "Other device",
        "Not known",
        "Not heard yet",
        True,
    )


def test_the_han_clock_and_its_speed_and_the_unreadable_frames() -> None:
    model = _home()
    model.undecodable_frames = 3
    page = StatusViewModel(model, list).page(NOW)
    assert page.han_time_note == "The hub has not told the time yet."
    model.han_clock = HanClock(han_s=NOW + 3600, read_at=NOW, rate=60.0)
    page = StatusViewModel(model, list).page(NOW)
    assert page.han_time.startswith("Smart meter time: ")
    assert page.han_time_note == "The meters' clock runs 60 times faster than real time."
    assert page.unreadable_frames == "Radio messages that could not be read: 3"
    assert page.devices == ()


def test_before_any_meter_is_heard_the_link_is_searching() -> None:
    page = StatusViewModel(HomeModel(), list).page(NOW)
    assert not page.connected
    assert page.connection == "Looking for your meter…"
