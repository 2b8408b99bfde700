"""Totals: today … this year per fuel, yesterday against the weekday before, stale figures dimmed."""

from __future__ import annotations

from decimal import Decimal

from han.domain.history import MeterHistory, PeriodFigures, PeriodStarts
from han.domain.local_calendar import LocalCalendar
from han.model import HomeModel, Measured
from ihd.view_models.history_summary import HistorySummaryViewModel
from tests.ihd.conftest import NOW, dual_fuel_home

CALENDAR = LocalCalendar()


def _with_costs(model: HomeModel) -> None:
    meter = model.electricity_import_meter()
    assert meter is not None
    meter.today_cost_gbp = Measured(Decimal("1.20"), NOW - 5)
    today = CALENDAR.day_start(NOW)
    days = tuple(CALENDAR.days_before(today, n) for n in range(9))
    costs = PeriodFigures(
        Decimal("1.20"),
        (Decimal("2.10"), *[Decimal("2.00")] * 6, Decimal("2.52")),
        None,
        (),
        None,
        (),
    )
    meter.history = MeterHistory(cost_gbp=Measured(costs, NOW), starts=PeriodStarts(days, (), ()))


def test_yesterday_is_set_against_the_same_weekday_a_week_before() -> None:
    model = dual_fuel_home()
    _with_costs(model)
    summary = HistorySummaryViewModel(model).summary(NOW)
    electricity = summary.fuels[0]
    assert electricity.comparison == "Yesterday £2.10: £0.42 less than the Wednesday before"
    assert electricity.figures[0].cost == "£1.20"
    assert electricity.figures[0].energy == "9.4 kWh"
    assert electricity.standing_charge == "Standing charge £0.60 a day, not in the totals above"
    assert summary.vat_note == "Prices include VAT at 5 %."
    assert summary.combined[0].energy == "33.1 kWh"  # 9.41 + 23.7


def test_figures_dim_and_say_their_age_after_the_timeout() -> None:
    model = dual_fuel_home()
    _with_costs(model)
    view_model = HistorySummaryViewModel(model)
    assert not view_model.summary(NOW).fuels[0].figures[0].stale
    later = NOW + 20 * 60
    today = view_model.summary(later).fuels[0].figures[0]
    assert today.stale
    assert today.note == "20 min old"


def test_yesterday_says_the_energy_used_before_its_cost() -> None:
    model = dual_fuel_home()
    _with_costs(model)
    meter = model.electricity_import_meter()
    assert meter is not None
    energy = PeriodFigures(
        Decimal("4.0"), (Decimal("8.64"), *[Decimal("8")] * 7), None, (), None, ()
    )
    meter.history = MeterHistory(
        energy_kwh=Measured(energy, NOW),
        cost_gbp=meter.history.cost_gbp,
        starts=meter.history.starts,
    )
    comparison = HistorySummaryViewModel(model).summary(NOW).fuels[0].comparison
    assert comparison == "Yesterday 8.6 kWh, £2.10: £0.42 less than the Wednesday before"
