"""Costing history exactly, switching offsets, and prices on the air through the real zigpy schema."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pytest
import zigpy.types as t

from han.clusters import GBPrice
from home_emulator.tariffs import (
    MAX_SWITCH_OFFSET_S,
    ZIGBEE_EPOCH_S,
    Block,
    PricePeriod,
    Rate,
    SingleRate,
    Tariff,
    agile,
    cost_of,
    cost_units_to_gbp,
    economy7,
    energy_wh,
    price_on_air,
    publish_price_fields,
    random_switch_offset,
    standing_charge_for_days,
    tiers_for,
    total_cost_gbp,
    with_switch_offset,
    zigbee_time,
)

LONDON = ZoneInfo("Europe/London")
MARCH = dt.datetime(2026, 3, 1, tzinfo=LONDON).timestamp()  # a month with a clock change
PUBLISH_PRICE = GBPrice.ClientCommandDefs.publish_price.schema


def half_hours(start: float, count: int) -> np.ndarray:
    return start + np.arange(count) * 1800.0


def random_kwh(count: int, seed: int = 1) -> np.ndarray:
    """Half-hourly kWh with up to 3 decimals, a few of them export (negative)."""
    rng = np.random.default_rng(seed)
    return np.round(rng.uniform(-0.2, 3.0, count), 3)


# Costing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tariff",
    [
        SingleRate(),
        economy7(),
        economy7(follows_gmt=False),
        agile(4),
        with_switch_offset(economy7(), 900),
    ],
    ids=["single", "e7 gmt", "e7 clock", "agile", "offset"],
)
def test_cost_of_equals_per_slot_decimal_arithmetic(tariff: Tariff) -> None:
    slots = half_hours(MARCH, 31 * 48)
    kwh = random_kwh(slots.size)
    per_slot = [
        tariff.rate_at(s).unit_price_gbp_per_kwh * Decimal(str(k))
        for s, k in zip(slots, kwh, strict=True)
    ]
    costs = cost_of(tariff, slots, kwh)
    assert costs.dtype == np.int64
    assert [cost_units_to_gbp(c) for c in costs] == per_slot
    assert total_cost_gbp(tariff, slots, kwh) == sum(per_slot)


def test_energy_is_costed_in_whole_wh() -> None:
    assert energy_wh([0.0004, 0.0006, 1.2345, -0.0016]).tolist() == [0, 1, 1234, -2]
    with pytest.raises(ValueError, match="finite"):
        energy_wh([math.nan])
    # 0.1 kWh is not exact in binary, but it is exactly 100 Wh of cost.
    assert total_cost_gbp(SingleRate("0.3000"), [0.0] * 3, [0.1] * 3) == Decimal("0.09")


def test_cost_of_refuses_mismatched_or_huge_inputs() -> None:
    with pytest.raises(ValueError, match="differ in shape"):
        cost_of(economy7(), half_hours(MARCH, 3), [1.0, 2.0])
    with pytest.raises(ValueError, match="too large"):
        cost_of(SingleRate("9000"), [MARCH], [1e12])


def test_tiers_for_economy7_follow_the_night_window() -> None:
    day = dt.datetime(2026, 1, 15, tzinfo=LONDON).timestamp()
    tiers = tiers_for(economy7(), half_hours(day, 48))
    assert tiers.dtype == np.int8
    assert tiers.tolist() == [1] + [2] * 14 + [1] * 33  # night 00:30–07:30


def test_standing_charge_for_days() -> None:
    assert standing_charge_for_days(SingleRate(), 30) == Decimal("18.0360")
    assert standing_charge_for_days(Block("b", [], ["0.2"], standing_charge="0.5"), 7) == Decimal(
        "3.5"
    )
    assert standing_charge_for_days(economy7(), 0) == 0
    for bad in (-1, 1.5, True):
        with pytest.raises(ValueError, match="whole number"):
            standing_charge_for_days(SingleRate(), bad)  # type: ignore[arg-type]


# Switching offset --------------------------------------------------------------------------


@pytest.mark.parametrize("offset_s", [0, 1, 754, MAX_SWITCH_OFFSET_S])
def test_an_offset_shifts_every_switch(offset_s: int) -> None:
    base = economy7(follows_gmt=False)
    shifted = with_switch_offset(base, offset_s)
    week = (MARCH + 26 * 86_400, MARCH + 33 * 86_400)  # includes the spring clock change
    base_periods = base.schedule(*week)
    shifted_periods = shifted.schedule(week[0] + offset_s, week[1] + offset_s)
    assert [(p.start_s + offset_s, p.end_s + offset_s, p.rate) for p in base_periods] == [
        (p.start_s, p.end_s, p.rate) for p in shifted_periods
    ]
    for change in (p.start_s for p in base_periods[1:]):
        assert shifted.next_change_after(change + offset_s - 1) == change + offset_s
        assert shifted.last_change_at_or_before(change + offset_s) == change + offset_s
        assert shifted.rate_at(change + offset_s) == base.rate_at(change)
    slots = half_hours(week[0], 7 * 48) + 60
    assert shifted.unit_prices(slots + offset_s).tolist() == base.unit_prices(slots).tolist()
    assert shifted.tiers_at(slots + offset_s).tolist() == base.tiers_at(slots).tolist()
    assert (shifted.kind, shifted.name, shifted.number_of_tiers) == ("time_of_use", "Economy 7", 2)
    assert shifted.standing_charge_gbp_per_day == base.standing_charge_gbp_per_day


@pytest.mark.parametrize("offset_s", [-1, 1800, 1.5, True, "60"])
def test_offsets_out_of_range_are_refused(offset_s: Any) -> None:
    with pytest.raises(ValueError, match="switch offset must be"):
        with_switch_offset(economy7(), offset_s)


def test_offsets_do_not_stack_and_blocks_have_none() -> None:
    with pytest.raises(ValueError, match="already has a switch offset of 10 s"):
        with_switch_offset(with_switch_offset(economy7(), 10), 10)
    with pytest.raises(ValueError, match="block tariffs switch on consumption"):
        with_switch_offset(Block("b", [], ["0.2"]), 10)  # type: ignore[arg-type]


def test_random_switch_offsets_are_per_meter_and_in_range() -> None:
    offsets = [random_switch_offset(f"00:0d:6f:00:00:00:00:{i:02x}") for i in range(200)]
    assert all(0 <= o <= MAX_SWITCH_OFFSET_S for o in offsets)
    assert len(set(offsets)) > 150
    assert random_switch_offset(42) == random_switch_offset("42") == random_switch_offset(b"42")
    assert random_switch_offset(42) != random_switch_offset(43)


# On the air --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pounds", "units"),
    [
        ("0.2450", 2450),
        ("0.24505", 2451),
        ("0.245049", 2450),
        ("1", 10_000),
        ("-0.00005", -1),
        ("0", 0),
    ],
)
def test_price_on_air_rounds_half_up(pounds: str, units: int) -> None:
    assert price_on_air(Decimal(pounds)) == units


def round_trip(fields: dict[str, Any]) -> Any:
    frame = PUBLISH_PRICE(**fields).serialize()
    decoded, rest = PUBLISH_PRICE.deserialize(frame)
    assert rest == b""
    return decoded


def test_publish_price_round_trips_an_economy7_night() -> None:
    tariff = economy7()
    now = dt.datetime(2026, 1, 15, 3, tzinfo=LONDON).timestamp()
    [night] = tariff.schedule(now, now + 1)
    fields = publish_price_fields(
        night, now, provider_id=0xABCD, issuer_event_id=77, number_of_tiers=2
    )
    decoded = round_trip(fields)
    assert decoded.rate_label == b"Night"
    assert decoded.price == 1500
    assert decoded.price_trailing_digit_and_tier >> 4 == 4
    assert decoded.price_trailing_digit_and_tier & 0x0F == 2
    assert decoded.number_of_tiers_and_register_tier == (2 << 4) | 2
    assert decoded.currency == 826
    assert decoded.unit_of_measure == 0
    assert (decoded.provider_id, decoded.issuer_event_id) == (0xABCD, 77)
    assert decoded.current_time == now - ZIGBEE_EPOCH_S
    assert decoded.start_time == night.start_s - ZIGBEE_EPOCH_S  # 00:30
    assert decoded.duration_in_minutes == 7 * 60
    assert decoded.price_ratio is None


def test_publish_price_for_a_single_rate_is_now_until_changed() -> None:
    now = dt.datetime(2026, 5, 1, 12, tzinfo=LONDON).timestamp()
    [period] = SingleRate().schedule(now, now + 1)
    decoded = round_trip(publish_price_fields(period, now, 1, 1, 1))
    assert (decoded.start_time, decoded.duration_in_minutes) == (0, 0xFFFF)
    assert decoded.price == 2450
    assert decoded.price_trailing_digit_and_tier == 0x41
    assert decoded.number_of_tiers_and_register_tier == 0x11


def test_publish_price_with_an_offset_keeps_whole_seconds_and_minutes() -> None:
    tariff = with_switch_offset(economy7(), 1234)
    now = dt.datetime(2026, 1, 15, 3, tzinfo=LONDON).timestamp()
    [night] = tariff.schedule(now, now + 1)
    decoded = round_trip(publish_price_fields(night, now, 1, 1, 2))
    assert decoded.start_time == zigbee_time(
        dt.datetime(2026, 1, 15, 0, 30, tzinfo=LONDON).timestamp() + 1234
    )
    assert decoded.duration_in_minutes == 420


def test_publish_price_for_agile_is_tier_less_and_never_negative() -> None:
    negative = PricePeriod(
        0.0 + ZIGBEE_EPOCH_S, 1800.0 + ZIGBEE_EPOCH_S, Rate(7, "Agile 03:00", Decimal("-0.0421"))
    )
    decoded = round_trip(publish_price_fields(negative, ZIGBEE_EPOCH_S + 60, 1, 1, 48))
    assert decoded.price == 0
    assert decoded.price_trailing_digit_and_tier == 0x40
    assert decoded.number_of_tiers_and_register_tier == 0x00
    assert decoded.rate_label == b"Agile 03:00"
    assert decoded.duration_in_minutes == 30
    tariff = agile(2)
    now = dt.datetime(2026, 1, 15, 17, 10, tzinfo=LONDON).timestamp()
    [peak] = tariff.schedule(now, now + 1)
    decoded = round_trip(publish_price_fields(peak, now, 1, 1, tariff.number_of_tiers))
    assert decoded.price == peak.rate.price_units > 0
    assert decoded.duration_in_minutes == 30


def test_publish_price_refuses_bad_fields() -> None:
    period = PricePeriod(-math.inf, math.inf, Rate(3, "Peak", Decimal("0.4")))
    with pytest.raises(ValueError, match="not among the tariff's 2 tiers"):
        publish_price_fields(period, ZIGBEE_EPOCH_S, 1, 1, 2)
    with pytest.raises(ValueError, match="32-bit"):
        publish_price_fields(period, ZIGBEE_EPOCH_S, -1, 1, 3)
    with pytest.raises(ValueError, match="outside ZigBee UTC time"):
        zigbee_time(ZIGBEE_EPOCH_S - 1)
    with pytest.raises(ValueError, match="must end after it starts"):
        PricePeriod(10, 10, period.rate)


def test_long_periods_are_published_until_changed() -> None:
    rate = Rate(1, "Day", Decimal("0.3"))
    start = ZIGBEE_EPOCH_S + 10.0
    month = PricePeriod(start, start + 31 * 86_400, rate)
    assert publish_price_fields(month, start, 1, 1, 1)["duration_in_minutes"] == 31 * 1440
    year = PricePeriod(start, start + 366 * 86_400, rate)
    assert publish_price_fields(year, start, 1, 1, 1)["duration_in_minutes"] == 0xFFFF
    assert isinstance(publish_price_fields(year, start, 1, 1, 1)["rate_label"], t.LVBytes)
