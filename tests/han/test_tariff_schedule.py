"""The tariff model on its own: what is current, what is next, and what a publication replaces."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import zigpy.types as t

from han.clusters import GBPrice
from han.domain.tariff import PricePeriod, Tariff
from han.domain.units import ZIGBEE_EPOCH_S
from han.links.price_link import UNTIL_CHANGED, price_period
from tests.value_of import value_of

T0 = 1_781_481_600


def _period(
    label: str, price: str, start: float | None, end: float | None, tier: int = 1
) -> PricePeriod:
    return PricePeriod(Decimal(price), label, tier, 2, start, end)


def test_a_future_period_is_next_until_its_start_passes() -> None:
    tariff = Tariff()
    day = _period("Day", "0.30", T0 - 3600, T0 + 1800)
    night = _period("Night", "0.15", T0 + 1800, T0 + 27000, tier=2)
    assert tariff.publish(day, meter_time_s=T0, received_at=5.0)
    assert not tariff.publish(night, meter_time_s=T0, received_at=5.0)
    assert (tariff.current, tariff.next) == (day, night)
    price = tariff.unit_price_gbp_per_kwh
    assert price is not None
    assert (price.value, price.updated_at) == (Decimal("0.30"), 5.0)
    assert tariff.price_at(T0 + 1799) == day
    assert tariff.price_at(T0 + 1800) == night  # no new frame needed
    assert tariff.next_after(T0 + 1800) is None
    assert tariff.price_at(T0 + 27000) is None  # beyond what the meter has said
    assert (tariff.rate_label, tariff.tier) == ("Day", 1)


def test_a_newer_publication_replaces_what_it_overlaps_and_periods_ended_a_day_ago_are_dropped() -> (
    None
):
    tariff = Tariff()
    tariff.publish(_period("Day", "0.30", T0 - 3600, T0 + 1800), meter_time_s=T0, received_at=1)
    tariff.publish(_period("Night", "0.15", T0 + 1800, T0 + 9000), meter_time_s=T0, received_at=1)
    # The supplier revises the night price before it starts.
    revised = _period("Night", "0.12", T0 + 1800, T0 + 9000)
    tariff.publish(revised, meter_time_s=T0 + 60, received_at=2)
    assert tariff.next == revised
    before_the_switch = tariff.schedule
    assert len(before_the_switch) == 2
    # The switch: the meter pushes the night as current; the day has ended but is kept for a day,
    # so a chart of today still has it.
    assert tariff.publish(revised, meter_time_s=T0 + 1800, received_at=3)
    assert [period.rate_label for period in tariff.schedule] == ["Day", "Night"]
    assert tariff.current == revised
    assert value_of(tariff.unit_price_gbp_per_kwh) == Decimal("0.12")
    # A day after it ended, the next publication forgets it.
    later = _period("Day", "0.30", T0 + 9000, T0 + 24 * 3600 + 2000)
    tariff.publish(later, meter_time_s=T0 + 1800 + 24 * 3600, received_at=4)
    assert [period.rate_label for period in tariff.schedule] == ["Night", "Day"]


def test_a_price_published_as_starting_now_holds_until_changed() -> None:
    tariff = Tariff()
    single = _period("Standard", "0.2450", None, None)
    assert tariff.publish(single, meter_time_s=T0, received_at=1)
    assert tariff.price_at(T0 - 10**6) == single  # in force since before the meter said
    assert tariff.price_at(T0 + 10**6) == single
    assert tariff.next is None
    # A new tariff starting now replaces it everywhere.
    block = _period("Block 2", "0.2800", None, None)
    tariff.publish(block, meter_time_s=T0 + 100, received_at=2)
    assert tariff.schedule == (block,)


def test_publish_price_fields_become_a_price_period() -> None:
    schema = GBPrice.ClientCommandDefs.publish_price.schema
    args = schema(
        provider_id=1,
        rate_label=t.LVBytes(b"Night"),
        issuer_event_id=7,
        current_time=T0 - ZIGBEE_EPOCH_S,
        unit_of_measure=0,
        currency=826,
        price_trailing_digit_and_tier=(4 << 4) | 2,
        number_of_tiers_and_register_tier=(2 << 4) | 2,
        start_time=T0 + 1800 - ZIGBEE_EPOCH_S,
        duration_in_minutes=420,
        price=1500,
    )
    period, meter_time = price_period(args)
    assert meter_time == T0
    assert period == PricePeriod(Decimal("0.1500"), "Night", 2, 2, T0 + 1800, T0 + 1800 + 25200, 7)
    # zigpy annotates each keyword of ``replace`` as a dict; they are field values.
    forever: dict[str, Any] = {"start_time": 0, "duration_in_minutes": UNTIL_CHANGED}
    now_and_forever = args.replace(**forever)
    period, _ = price_period(now_and_forever)
    assert (period.start_s, period.end_s) == (None, None)
    no_tier: dict[str, Any] = {
        "price_trailing_digit_and_tier": 4 << 4,
        "number_of_tiers_and_register_tier": 0,
    }
    tierless = args.replace(**no_tier)
    period, _ = price_period(tierless)
    assert (period.tier, period.number_of_tiers) == (None, None)
