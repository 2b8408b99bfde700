"""The domain model: values carry their age; changes say what moved."""

from __future__ import annotations

from decimal import Decimal

from han.model import Field, Formatting, HomeModel, LinkState, Measured, MeterKey, ModelChange


def test_measured_knows_its_age_and_staleness() -> None:
    reading = Measured(Decimal("1.2"), updated_at=100.0)
    assert reading.age_s(130.0) == 30.0
    assert not reading.is_stale(130.0, max_age_s=60)
    assert reading.is_stale(161.0, max_age_s=60)
    assert reading.age_s(90.0) == 0.0  # a clock that steps back never gives a negative age


def test_formatting_scales_raw_registers() -> None:
    assert Formatting(multiplier=1, divisor=1000).scale(12_345_678) == Decimal("12345.678")
    assert Formatting(multiplier=3, divisor=10).scale(7) == Decimal("2.1")


def test_listeners_hear_what_changed_and_can_leave() -> None:
    model = HomeModel()
    heard: list[ModelChange] = []
    unsubscribe = model.subscribe(heard.append)
    model.mark_connected()
    model.mark_connected()  # no news the second time
    model.count_undecodable_frame()
    unsubscribe()
    model.count_undecodable_frame()
    assert heard == [
        ModelChange(None, frozenset({Field.LINK})),
        ModelChange(None, frozenset({Field.UNDECODABLE_FRAMES})),
    ]
    assert model.link is LinkState.CONNECTED
    assert model.undecodable_frames == 2


def test_the_home_screen_meter_is_the_first_electricity_meter_with_a_reading() -> None:
    model = HomeModel()
    silent = model.meter(MeterKey("aa", 1))
    talking = model.meter(MeterKey("bb", 1))
    assert model.electricity_import_meter() is None
    talking.demand_kw = Measured(Decimal(1), 5.0)
    assert model.electricity_import_meter() is talking
    assert not silent.has_reading
