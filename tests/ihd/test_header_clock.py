"""The display's clock shows the smart meters' time once the hub has said it (as a real IHD does),
so on a home emulated faster than real time "today" on the clock is the home's today."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot

from han.model import Field, HanClock, MeterKey, ModelChange
from tests.ihd.conftest import NOW, Display

LONDON = ZoneInfo("Europe/London")


def test_the_clock_follows_the_hubs_time(display: Display, qtbot: QtBot) -> None:
    shell = display.shell
    shell._tick()
    assert shell.clock.text() == datetime.fromtimestamp(NOW, LONDON).strftime("%H:%M")
    han_s = NOW + 5 * 3600 + 17 * 60  # the hub is five hours and 17 minutes ahead of the display
    display.model.han_clock = HanClock(han_s, NOW, rate=60.0)
    display.model.announce(ModelChange(None, frozenset({Field.HAN_CLOCK})))
    shell._tick()
    assert shell.clock.text() == datetime.fromtimestamp(han_s, LONDON).strftime("%H:%M")


def test_the_clock_is_told_again_with_the_screens_when_a_meter_reports(
    display: Display, qtbot: QtBot
) -> None:
    """On a home run fast, the screens redraw for a meter's report with the HAN's time of that
    moment; the corner must not wait for its once-a-second tick to agree with them."""
    shell = display.shell
    shell._ticker.stop()  # no tick can tell the time in its place
    shell._tick()
    han_s = NOW + 42 * 60
    display.model.han_clock = HanClock(han_s, NOW, rate=60.0)
    display.model.announce(ModelChange(MeterKey("00:11", 1), frozenset({Field.DEMAND_KW})))
    expected = datetime.fromtimestamp(han_s, LONDON).strftime("%H:%M")
    qtbot.waitUntil(lambda: shell.clock.text() == expected, timeout=500)


def test_the_clock_is_told_again_when_a_screen_is_shown(display: Display) -> None:
    shell = display.shell
    shell._tick()
    han_s = NOW + 3 * 3600
    display.model.han_clock = HanClock(han_s, NOW, rate=60.0)
    shell.go_to("status")
    assert shell.clock.text() == datetime.fromtimestamp(han_s, LONDON).strftime("%H:%M")
