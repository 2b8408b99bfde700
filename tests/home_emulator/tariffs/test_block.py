"""Block tariffs: price by consumption so far in the local day, week or month – exactly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from home_emulator.tariffs import Block, BlockPeriod, cost_of, tiers_for, total_cost_gbp

LONDON = ZoneInfo("Europe/London")
PRICES = ("0.3000", "0.2500", "0.2000")


def at(day: dt.date, hour: int = 0, minute: int = 0) -> float:
    return dt.datetime.combine(day, dt.time(hour, minute), LONDON).timestamp()


def monthly(period: BlockPeriod = "month") -> Block:
    return Block("Stepped", [100, 200], PRICES, period)


def reference_costs(
    tariff: Block, slot_starts_s: list[float], kwh: list[float], already_kwh: float = 0.0
) -> list[Decimal]:
    """Slot by slot in time order with Decimal arithmetic: what a meter's block counters do."""
    thresholds = [Decimal(t) for t in tariff.thresholds_kwh]
    prices = [r.unit_price_gbp_per_kwh for r in tariff.rates]
    costs: dict[int, Decimal] = {}
    period: tuple[float, float] | None = None
    used = Decimal(0)
    order = sorted(range(len(slot_starts_s)), key=lambda i: slot_starts_s[i])
    for n, i in enumerate(order):
        bounds = tariff.period_bounds(slot_starts_s[i])
        if bounds != period:
            period = bounds
            used = Decimal(round(already_kwh * 1000)) / 1000 if n == 0 else Decimal(0)
        left = Decimal(round(kwh[i] * 1000)) / 1000
        cost = Decimal(0)
        while left > 0:
            block = sum(1 for t in thresholds if used >= t)
            room = thresholds[block] - used if block < len(thresholds) else left
            taken = min(left, room)
            cost += taken * prices[block]
            used += taken
            left -= taken
        costs[i] = cost
    return [costs[i] for i in range(len(slot_starts_s))]


def test_rate_for_consumption_so_far() -> None:
    tariff = monthly()
    assert [tariff.rate_for(kwh).label for kwh in (0, 99.999, 100, 150, 200, 5000)] == [
        "Block 1",
        "Block 1",
        "Block 2",
        "Block 2",
        "Block 3",
        "Block 3",
    ]
    assert [r.block for r in tariff.rates] == [1, 2, 3]
    assert {r.tier for r in tariff.rates} == {1}
    assert tariff.rate_for(Decimal("100")).unit_price_gbp_per_kwh == Decimal("0.25")


def test_crossing_a_threshold_mid_period_splits_the_slot() -> None:
    tariff = monthly()
    day = dt.date(2026, 1, 10)
    slots = [at(day, 1), at(day, 2), at(day, 3), at(day, 4)]
    kwh = [60.0, 60.0, 60.0, 60.0]
    split = tariff.split_by_block(slots, kwh)
    assert split.tolist() == [
        [60_000, 0, 0],
        [40_000, 20_000, 0],
        [0, 60_000, 0],
        [0, 20_000, 40_000],
    ]
    expected = [
        Decimal("18.0000"),
        Decimal("12.0000") + Decimal("5.0000"),
        Decimal("15.0000"),
        Decimal("5.0000") + Decimal("8.0000"),
    ]
    assert total_cost_gbp(tariff, slots, kwh) == sum(expected)
    assert cost_of(tariff, slots, kwh).tolist() == [int(c * 10**7) for c in expected]


@pytest.mark.parametrize(
    ("period", "last_of_old", "first_of_new"),
    [
        # Summer: local midnight is 23:00 UTC, and that is when a daily block resets.
        (
            "day",
            dt.datetime(2026, 7, 15, 22, 30, tzinfo=dt.UTC),
            dt.datetime(2026, 7, 15, 23, tzinfo=dt.UTC),
        ),
        # Sunday 23:30 then Monday 00:00, London time.
        (
            "week",
            dt.datetime(2026, 3, 8, 23, 30, tzinfo=LONDON),
            dt.datetime(2026, 3, 9, tzinfo=LONDON),
        ),
        # 1 July 00:00 BST is 30 June 23:00 UTC.
        (
            "month",
            dt.datetime(2026, 6, 30, 22, 30, tzinfo=dt.UTC),
            dt.datetime(2026, 6, 30, 23, tzinfo=dt.UTC),
        ),
    ],
)
def test_block_counters_reset_at_the_local_period_start(
    period: BlockPeriod, last_of_old: dt.datetime, first_of_new: dt.datetime
) -> None:
    tariff = monthly(period)
    slots = [last_of_old.timestamp() - 1800, last_of_old.timestamp(), first_of_new.timestamp()]
    split = tariff.split_by_block(slots, [150.0, 10.0, 10.0])
    assert split[1].tolist() == [0, 10_000, 0]  # still in the old period, past 100 kWh
    assert split[2].tolist() == [10_000, 0, 0]  # a new period: back to block 1
    assert tariff.period_bounds(first_of_new.timestamp())[0] == first_of_new.timestamp()
    assert tariff.period_bounds(last_of_old.timestamp())[1] == first_of_new.timestamp()


def test_period_bounds_across_a_clock_change() -> None:
    march = monthly().period_bounds(at(dt.date(2026, 3, 29), 12))
    assert march == (at(dt.date(2026, 3, 1)), at(dt.date(2026, 4, 1)))
    assert march[1] - march[0] == 31 * 86_400 - 3600
    day = monthly("day").period_bounds(at(dt.date(2026, 10, 25), 12))
    assert day[1] - day[0] == 25 * 3600
    week = monthly("week").period_bounds(at(dt.date(2026, 10, 25), 12))  # a Sunday
    assert week == (at(dt.date(2026, 10, 19)), at(dt.date(2026, 10, 26)))


def test_already_consumed_energy_counts_towards_the_first_period() -> None:
    tariff = monthly()
    slots = [at(dt.date(2026, 1, 30)), at(dt.date(2026, 2, 1))]
    split = tariff.split_by_block(slots, [10.0, 10.0], already_consumed_kwh=95)
    assert split.tolist() == [[5_000, 5_000, 0], [10_000, 0, 0]]


@settings(max_examples=40, deadline=None)
@given(
    period=st.sampled_from(["day", "week", "month"]),
    thresholds=st.lists(st.integers(1, 40_000), min_size=0, max_size=3, unique=True).map(sorted),
    slots=st.lists(
        st.tuples(st.integers(0, 120 * 48), st.integers(0, 5_000)), min_size=1, max_size=300
    ),
    already_wh=st.integers(0, 20_000),
)
def test_vectorised_cost_equals_the_loop_reference_exactly(
    period: BlockPeriod, thresholds: list[int], slots: list[tuple[int, int]], already_wh: int
) -> None:
    tariff = Block(
        "Random",
        [Decimal(t) / 1000 for t in thresholds],
        ["0.3117", "0.2509", "0.1999", "0.1234"][: len(thresholds) + 1],
        period,
    )
    start = at(dt.date(2026, 2, 20))
    starts = [start + half_hour * 1800.0 for half_hour, _ in slots]  # not in time order
    kwh = [wh / 1000 for _, wh in slots]
    costs = cost_of(tariff, np.array(starts), np.array(kwh))
    already = already_wh / 1000
    expected = reference_costs(tariff, starts, kwh, already)
    got = tariff.cost_of_slots(starts, kwh, already_consumed_kwh=already)
    assert [Decimal(int(c)) / 10**7 for c in got] == expected
    if already_wh == 0:
        assert costs.tolist() == got.tolist()
    assert tariff.split_by_block(starts, kwh).sum(axis=1).tolist() == [wh for _, wh in slots]


def test_a_block_tariff_has_one_tier_register() -> None:
    tariff = monthly()
    assert tiers_for(tariff, [0.0, 1e9]).tolist() == [1, 1]
    assert tariff.kind == "block"
    assert tariff.number_of_blocks == 3


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Block("x", [200, 100], PRICES), "thresholds must increase"),
        (lambda: Block("x", [100, 100], PRICES), "thresholds must increase"),
        (lambda: Block("x", [1, 2, 3, 4], ["1"] * 5), "at most 3 block thresholds"),
        (lambda: Block("x", [-5], ["1", "2"]), "must be positive"),
        (lambda: Block("x", ["100.0005"], ["1", "2"]), "whole Wh"),
        (lambda: Block("x", [100], PRICES), "1 thresholds need 2 block prices"),
        (lambda: Block("x", [100], ["1", "2"], "year"), "day, week or month"),  # type: ignore[arg-type]
        (lambda: Block("x", [100], ["1", "2"], standing_charge="-1"), "must not be negative"),
        (lambda: monthly().rate_for(-1), "cannot be negative"),
        (lambda: monthly().split_by_block([0.0], [-1.0]), "must not be negative"),
        (lambda: monthly().split_by_block([0.0, 1.0], [1.0]), "one length"),
    ],
)
def test_invalid_block_tariffs_are_refused(build: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()  # type: ignore[operator]
