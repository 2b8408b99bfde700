"""Every time the IHD shows is the HAN's, in GB local time – the corner clock's – never the
computer's: here the meters' clock is a month behind the display's and runs 60 times faster."""

from __future__ import annotations

from decimal import Decimal

from app.host.context import DeviceKind, PairedDevice
from app.kiosk.ambient_view import ambient_scene
from app.wording import PLAIN_ENGLISH
from han.model import AmbientLevel, HanClock, HomeModel, Measured, MeterKey
from ihd.view_models.home import HomeViewModel
from ihd.view_models.status import StatusViewModel

NOW = 1_780_000_000.0  # the display's clock: Thu 28 May 2026, 21:26:40 BST
HAN_AT_NOW = 1_768_294_800.0  # the meters': Tue 13 Jan 2026, 09:00:00 GMT
ESME = MeterKey("0d:6f:00:00:00:00:00:01", 1)


def _home(heard_s_ago: float) -> HomeModel:
    model = HomeModel()
    model.han_clock = HanClock(HAN_AT_NOW, NOW, rate=60.0)
    heard = NOW - heard_s_ago
    meter = model.meter(ESME)
    meter.demand_kw = Measured(Decimal("1.2"), heard)
    meter.ambient = Measured(AmbientLevel.LOW, heard)
    model.heard_from(ESME, heard)
    model.mark_connected()
    return model


def test_the_now_screen_says_when_it_was_updated_on_the_meters_clock() -> None:
    screen = HomeViewModel(_home(heard_s_ago=0.5)).screen(NOW, started_at=NOW - 60)
    assert screen.last_updated == "Updated 08:59:30"  # half a second ago at ×60
    assert "08:59" in screen.spoken


def test_out_of_date_says_when_the_meter_was_last_heard_on_the_meters_clock() -> None:
    model = _home(heard_s_ago=3)  # three minutes of the meters' time
    screen = HomeViewModel(model).screen(NOW, started_at=NOW - 60)
    assert screen.demand.stale
    assert screen.ambient_stale
    assert screen.demand.note == "3 min old"
    assert screen.last_updated.startswith("Out of date: last heard from the meter at 08:57:00.")
    scene = ambient_scene(model, NOW, PLAIN_ENGLISH)
    assert (scene.note, scene.clock) == ("Out of date – last heard at 08:57", "09:00")


def test_status_says_when_each_device_was_last_heard_on_the_meters_clock() -> None:
    devices = [PairedDevice(ESME.ieee, DeviceKind.COMMS_HUB, 200, -50, NOW - 20)]
    page = StatusViewModel(_home(heard_s_ago=1), lambda: devices).page(NOW)
    (hub,) = page.devices
    assert hub.last_heard == "08:40:00 – 20 min old"  # quiet: ten minutes is a hub's limit
    assert page.han_time == "Smart meter time: Tue 13 Jan, 09:00"
