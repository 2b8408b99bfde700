"""The display's clock shows the smart meters' time once the hub has said it (as a real IHD does),
so on a home emulated faster than real time "today" on the clock is the home's today."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot

from han.model import Field, HanClock, ModelChange
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
