"""Freshness from the meter, on the meters' clock: a value is out of date when its meter has gone
quiet for long enough – in HAN time, never less than a couple of wall seconds – or did not answer
a poll; never because the value stayed the same."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from han.freshness import HEARD_WITHIN_WALL_S, out_of_date, quiet_after_wall_s, silence_han_s
from han.model import AmbientLevel, HanClock, HomeModel, Measured, MeterKey
from tests.conftest import OpenEmulatedHan

NOW = 1_000_000.0
ESME = MeterKey("0d:6f:00:00:00:00:00:01", 1)


def _home(rate: float) -> HomeModel:
    model = HomeModel()
    model.han_clock = HanClock(1_768_294_800.0, NOW, rate=rate)
    model.mark_connected()
    return model


@pytest.mark.parametrize(
    ("rate", "quiet_after_s"),
    [(1.0, 60.0), (30.0, 2.0), (10_000.0, HEARD_WITHIN_WALL_S), (0.0, float("inf"))],
)
def test_a_minute_of_the_meters_time_but_never_less_than_two_wall_seconds(
    rate: float, quiet_after_s: float
) -> None:
    assert quiet_after_wall_s(_home(rate)) == quiet_after_s


def test_a_level_that_has_not_changed_for_an_hour_is_live_while_its_meter_is_heard() -> None:
    model = _home(1.0)
    meter = model.meter(ESME)
    meter.ambient = Measured(AmbientLevel.LOW, NOW - 3600)
    model.heard_from(ESME, NOW - 5)  # a demand report five seconds ago
    assert not out_of_date(model, meter, NOW, value=meter.ambient)
    assert out_of_date(model, meter, NOW + 60, value=meter.ambient)
    assert silence_han_s(model, meter, NOW + 60) == 65.0


async def test_a_poll_the_meter_does_not_answer_puts_its_values_out_of_date_at_once(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han() as han:
        await han.meter_ready()
        meter = han.model.electricity_import_meter()
        assert meter is not None
        link = han.session.links[meter.key]
        assert not out_of_date(han.model, meter, time.time())
        han.home.power_cut(600)
        await link.poll()
        assert meter.unanswered
        assert out_of_date(han.model, meter, time.time())
        for _ in range(61):  # the power comes back; the meter reports again
            han.home.step()
        await han.until(lambda: not meter.unanswered)
        assert not out_of_date(han.model, meter, time.time())
        assert meter.demand_kw is not None
        assert meter.demand_kw.value >= Decimal(0)
