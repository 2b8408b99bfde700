"""Today's energy carries the week, the month and the costs with it, so a screen never shows
today's energy beside costs or totals of another moment."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from han.links.history_link import HistoryLink
from han.model import Field, HomeModel, Measured, MeterKey

KEY = MeterKey("0d:6f:00:00:00:00:00:01", 1)
PRICE = Decimal("0.2450")


def _link() -> tuple[HomeModel, HistoryLink]:
    model = HomeModel()
    meter = model.meter(KEY)
    meter.today_import_kwh = Measured(Decimal("4.000"), 0.0)
    meter.week_import_kwh = Measured(Decimal("20.000"), 0.0)
    meter.month_import_kwh = Measured(Decimal("90.000"), 0.0)
    meter.today_cost_gbp = Measured(Decimal("0.9800"), 0.0)
    meter.week_cost_gbp = Measured(Decimal("4.9000"), 0.0)
    meter.tariff.unit_price_gbp_per_kwh = Measured(PRICE, 0.0)
    clusters = cast(Any, None)  # the figures move without a word on the air
    return model, HistoryLink(model, KEY, clusters, None, now=lambda: 10.0)


def test_energy_used_since_is_added_to_the_week_and_month_and_costed_at_the_price_of_now() -> None:
    model, link = _link()
    meter = model.meter(KEY)
    meter.today_import_kwh = Measured(Decimal("5.000"), 10.0)
    changed = link.follow_today(Decimal("4.000"), 10.0)
    assert meter.week_import_kwh is not None
    assert meter.week_import_kwh.value == Decimal("21.000")
    assert meter.month_import_kwh is not None
    assert meter.month_import_kwh.value == Decimal("91.000")
    assert meter.today_cost_gbp is not None
    assert meter.today_cost_gbp.value == Decimal("0.9800") + PRICE
    assert meter.week_cost_gbp is not None
    assert meter.week_cost_gbp.value == Decimal("4.9000") + PRICE
    assert {Field.WEEK_IMPORT_KWH, Field.TODAY_COST_GBP, Field.TOTALS} <= changed


def test_a_fall_in_todays_energy_is_a_new_day_whose_cost_starts_from_its_energy() -> None:
    model, link = _link()
    meter = model.meter(KEY)
    meter.today_import_kwh = Measured(Decimal("0.500"), 10.0)
    link.follow_today(Decimal("4.000"), 10.0)
    assert meter.today_cost_gbp is not None
    assert meter.today_cost_gbp.value == Decimal("0.500") * PRICE
    assert meter.week_import_kwh is not None
    assert meter.week_import_kwh.value >= meter.today_import_kwh.value


def test_no_use_moves_nothing() -> None:
    model, link = _link()
    assert link.follow_today(Decimal("4.000"), 10.0) == set()
    assert model.meter(KEY).today_cost_gbp == Measured(Decimal("0.9800"), 0.0)


def test_without_a_price_a_new_day_starts_its_cost_at_nothing_used() -> None:
    # A display still attaching has read the costs but not yet the price; midnight passes (at
    # ×100,000 it does, during the attach): yesterday's cost must not stand beside 0 kWh.
    model, link = _link()
    meter = model.meter(KEY)
    meter.tariff.unit_price_gbp_per_kwh = None
    meter.today_import_kwh = Measured(Decimal("0.000"), 10.0)
    changed = link.follow_today(Decimal("4.000"), 10.0)
    assert meter.today_cost_gbp == Measured(Decimal(0), 10.0)
    assert Field.TODAY_COST_GBP in changed


def test_without_a_price_costs_the_energy_moved_past_are_no_longer_known() -> None:
    model, link = _link()
    meter = model.meter(KEY)
    meter.tariff.unit_price_gbp_per_kwh = None
    meter.today_import_kwh = Measured(Decimal("5.000"), 10.0)
    changed = link.follow_today(Decimal("4.000"), 10.0)
    assert meter.today_cost_gbp is None
    assert meter.week_cost_gbp is None
    assert meter.week_import_kwh == Measured(Decimal("21.000"), 10.0)  # energy still follows
    assert {Field.TODAY_COST_GBP, Field.WEEK_COST_GBP} <= changed
