"""What the home screen says, for every state the model can be in."""

from __future__ import annotations

from decimal import Decimal

from app.wording import PlainWording
from han.model import AmbientLevel, Fuel, HomeModel, Measured, MeterKey, SupplierMessage
from ihd.view_models.home import (
    DEMAND_STALE_AFTER_S,
    SEARCH_HINT_AFTER_S,
    HomeViewModel,
    format_kw,
    format_money,
)


def _live_model(at: float) -> HomeModel:
    model = HomeModel()
    meter = model.meter(MeterKey("0d:6f:00:00:00:00:00:01", 1))
    meter.demand_kw = Measured(Decimal("1.234"), at)
    meter.today_import_kwh = Measured(Decimal("7.5"), at)
    meter.ambient = Measured(AmbientLevel.MEDIUM, at)
    meter.tariff.unit_price_gbp_per_kwh = Measured(Decimal("0.2450"), at)
    meter.tariff.standing_charge_gbp_per_day = Measured(Decimal("0.6012"), at)
    model.mark_connected()
    return model


def test_before_any_meter_is_heard_it_says_so_instead_of_showing_zeros() -> None:
    screen = HomeViewModel(HomeModel()).screen(now=1010.0, started_at=1000.0)
    assert screen.searching
    assert screen.search_message == "Looking for your meter…"
    assert "0" not in screen.demand.text


def test_after_30_seconds_without_a_meter_it_says_what_to_check() -> None:
    screen = HomeViewModel(HomeModel()).screen(now=1000.0 + SEARCH_HINT_AFTER_S, started_at=1000.0)
    assert screen.search_message.startswith("Looking for your meter…")
    assert "Check" in screen.search_message


def test_live_values_in_kw_and_pounds() -> None:
    screen = HomeViewModel(_live_model(at=500.0)).screen(now=505.0, started_at=0.0)
    assert not screen.searching
    assert (screen.demand.text, screen.demand.unit, screen.demand.stale) == ("1.23", "kW", False)
    assert (screen.cost_per_hour.text, screen.cost_per_hour.unit) == ("£0.30", "per hour")
    (electricity,) = screen.today
    assert electricity.caption == "Electricity today"
    assert (electricity.energy.text, electricity.energy.unit) == ("7.50", "kWh")
    assert electricity.cost.text == "£1.84"
    assert electricity.standing_charge == "plus standing charge £0.60 a day"
    assert screen.ambient is AmbientLevel.MEDIUM
    assert screen.last_updated.startswith("Updated ")


def test_old_demand_is_marked_stale_with_its_age() -> None:
    screen = HomeViewModel(_live_model(at=500.0)).screen(
        now=500.0 + DEMAND_STALE_AFTER_S + 60, started_at=0.0
    )
    assert screen.demand.stale
    assert screen.demand.text == "1.23"  # the last good value, not a blank
    assert screen.demand.note == "2 min old"
    assert screen.cost_per_hour.stale
    assert screen.ambient_stale
    assert screen.last_updated.startswith("Out of date: last heard from the meter at ")


def test_without_a_price_costs_are_not_guessed() -> None:
    model = _live_model(at=500.0)
    meter = model.electricity_import_meter()
    assert meter is not None
    meter.tariff.unit_price_gbp_per_kwh = None
    screen = HomeViewModel(model).screen(now=501.0, started_at=0.0)
    assert screen.cost_per_hour.text == "–"
    assert screen.cost_per_hour.note == "price not known yet"
    assert screen.today[0].cost.text == "–"


def test_number_formats() -> None:
    assert format_kw(Decimal("0.456")) == "0.46"
    assert format_kw(Decimal("12.34")) == "12.3"
    assert format_kw(Decimal("-2.5")) == "-2.50"
    assert format_money(Decimal("0.125")) == "£0.13"
    assert format_money(Decimal("1234.5")) == "£1,234.50"
    assert format_money(Decimal("-0.5")) == "−£0.50"


def test_gas_is_shown_beside_electricity_once_the_home_has_a_gas_meter() -> None:
    model = _live_model(at=500.0)
    gas = model.meter(MeterKey("0d:6f:00:00:00:00:00:10", 2))
    gas.fuel = Fuel.GAS
    gas.expected_update_s = 1800.0
    gas.today_import_kwh = Measured(Decimal("12.5"), 500.0)
    gas.tariff.unit_price_gbp_per_kwh = Measured(Decimal("0.0634"), 500.0)
    gas.tariff.standing_charge_gbp_per_day = Measured(Decimal("0.3143"), 500.0)
    screen = HomeViewModel(model).screen(now=505.0, started_at=0.0)
    assert [today.fuel for today in screen.today] == [Fuel.ELECTRICITY, Fuel.GAS]
    gas_today = screen.today[1]
    assert gas_today.caption == "Gas today"
    assert (gas_today.cost.text, gas_today.energy.text) == ("£0.79", "12.50")
    assert gas_today.standing_charge == "plus standing charge £0.31 a day"
    # Gas moves in half-hour steps: 40 minutes without news is normal, not out of date.
    later = HomeViewModel(model).screen(now=500.0 + 40 * 60, started_at=0.0)
    assert not later.today[1].cost.stale


def test_the_meters_own_cost_for_today_wins_over_units_times_price() -> None:
    model = _live_model(at=500.0)
    meter = model.electricity_import_meter()
    assert meter is not None
    meter.today_cost_gbp = Measured(Decimal("2.01"), 500.0)  # e.g. several time-of-use rates
    screen = HomeViewModel(model).screen(now=505.0, started_at=0.0)
    assert screen.today[0].cost.text == "£2.01"


def test_unread_messages_are_counted_for_the_home_screen() -> None:
    model = _live_model(at=500.0)
    model.messages[1] = SupplierMessage(1, "Hello", "medium", False, 400.0)
    model.messages[2] = SupplierMessage(2, "Read", "medium", False, 410.0, read=True)
    assert HomeViewModel(model).screen(now=505.0, started_at=0.0).unread_messages == 1


def test_words_come_from_the_wording_it_is_given() -> None:
    class Shouting(PlainWording):
        def translate(
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
        ) -> str:
            return source.upper()

    screen = HomeViewModel(_live_model(at=500.0), Shouting()).screen(now=505.0, started_at=0.0)
    assert screen.today[0].caption == "ELECTRICITY TODAY"
    assert screen.cost_per_hour.unit == "PER HOUR"
    assert screen.last_updated.startswith("UPDATED ")


def test_without_the_meters_cost_a_time_of_use_day_is_not_costed_at_the_rate_of_now() -> None:
    from han.domain.tariff import PricePeriod

    model = _live_model(at=500.0)
    meter = model.electricity_import_meter()
    assert meter is not None
    meter.tariff.schedule = (
        PricePeriod(Decimal("0.3000"), "Day", 1, 2, None, None),
        PricePeriod(Decimal("0.1300"), "Night", 2, 2, None, None),
    )
    electricity = HomeViewModel(model).screen(now=505.0, started_at=0.0).today[0]
    assert electricity.cost.text == "–"
    assert electricity.energy.text == "7.50"
