"""A SMETS1 gas meter's summer day stops at 23:00 (it says so in DailyFreezeTime): the History
totals say how many hours yesterday's figure holds, so a short day is not read as a day of low use;
a meter whose days are whole says nothing of the kind."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from han.domain.history import MeterHistory, PeriodStarts
from han.domain.local_calendar import LocalCalendar
from han.links.history_link import day_ends_at_s
from ihd.view_models.history_summary import HistorySummaryViewModel
from tests.conftest import OpenEmulatedHan
from tests.ihd.conftest import dual_fuel_home

LONDON = ZoneInfo("Europe/London")
CALENDAR = LocalCalendar()


def _just_after_midnight(day: dt.date) -> int:
    return int(dt.datetime.combine(day, dt.time(0, 5), LONDON).timestamp())


async def test_the_ihd_says_a_summer_gas_day_of_a_smets1_meter_is_23_hours(
    emulated_han: OpenEmulatedHan,
) -> None:
    start = _just_after_midnight(dt.date(2026, 6, 16))
    async with emulated_han(start_epoch_s=start, history_days=10, smets1_foc=True) as han:
        await han.meter_ready()
        gas = han.model.gas_meter()
        electricity = han.model.electricity_import_meter()
        assert gas is not None
        assert electricity is not None
        await han.until(lambda: gas.history.starts is not None, 10)
        assert gas.history.day_ends_at_s == 23 * 3600
        assert electricity.history.day_ends_at_s is None
        words = HistorySummaryViewModel(han.model)
        assert (
            words.short_day_note(gas) == "This meter ends its day at 23:00: yesterday is 23 hours"
        )
        assert words.short_day_note(electricity) == ""
        assert words.comparison(gas).endswith("yesterday is 23 hours")


async def test_a_smets2_gas_meter_keeps_whole_days(emulated_han: OpenEmulatedHan) -> None:
    start = _just_after_midnight(dt.date(2026, 6, 16))
    async with emulated_han(start_epoch_s=start, history_days=10) as han:
        await han.meter_ready()
        gas = han.model.gas_meter()
        assert gas is not None
        await han.until(lambda: gas.history.starts is not None, 10)
        assert gas.history.day_ends_at_s is None
        assert HistorySummaryViewModel(han.model).short_day_note(gas) == ""


def test_the_day_the_clocks_go_forward_is_22_hours_on_such_a_meter() -> None:
    model = dual_fuel_home()
    gas = model.gas_meter()
    assert gas is not None
    today = CALENDAR.midnight(dt.date(2026, 3, 30))
    days = tuple(CALENDAR.days_before(today, n) for n in range(9))
    gas.history = MeterHistory(starts=PeriodStarts(days, (), ()), day_ends_at_s=23 * 3600)
    note = HistorySummaryViewModel(model).short_day_note(gas)
    assert note == "This meter ends its day at 23:00: yesterday is 22 hours"


def test_the_freeze_time_is_read_as_hours_and_minutes() -> None:
    assert day_ends_at_s(0x1700) == 23 * 3600
    assert day_ends_at_s(0x0000) is None
    assert day_ends_at_s(None) is None
    assert day_ends_at_s(0x2500) is None  # not a time of day
