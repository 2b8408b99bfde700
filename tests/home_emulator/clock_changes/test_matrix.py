"""Every shipped scenario across both 2026 GB clock changes and a leap day that ends a month, checked
on the meters (registers, history attributes, half-hourly profile, standing charge, prices) and on
what the IHD's history chart and the CAD's CSV export make of them. The rules are in
docs/clock-changes.md; the runs are made once and shared (``runs.py``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from app.history.store import HalfHourRow, HistoryDatabase, HistoryStore
from cad.log import export
from han.domain.local_calendar import LocalCalendar
from home_emulator.metering import smets1
from home_emulator.metering.profile import MAX_PERIODS, profile_reply
from home_emulator.metering.registers import HALF_HOUR_S, CumulativeRegister
from home_emulator.scenario.model import available_scenarios
from home_emulator.tariffs import ZIGBEE_EPOCH_S, Block, TimeOfUse
from home_emulator.tariffs.half_hourly import Agile
from ihd.view_models.history import Measure, Span, Windows, load_series
from tests.home_emulator.clock_changes.runs import LONDON, MOMENTS, Moment, Run, run
from tests.ihd.conftest import ESME, dual_fuel_home

PAIRS = [
    pytest.param(name, moment, id=f"{name}-{moment.name}")
    for name in available_scenarios()
    for moment in MOMENTS
]


def _day_registers(case: Run) -> dict[str, CumulativeRegister]:
    registers = {"electricity": case.home.esme.registers.imported}
    if case.home.gas is not None:
        registers["gas"] = case.home.gas.volume
    return registers


def _local(epoch_s: int) -> str:
    return dt.datetime.fromtimestamp(epoch_s, LONDON).strftime("%H:%M %Z")


@pytest.mark.parametrize(("scenario", "moment"), PAIRS)
def test_the_local_day_has_its_half_hours_and_the_meter_served_every_one(
    scenario: str, moment: Moment
) -> None:
    case = run(scenario, moment)
    assert len(case.boundaries) - 1 == moment.half_hours
    for fuel, register in _day_registers(case).items():
        halves = [register.between(a, b) for a, b in pairwise(case.boundaries)]
        assert None not in halves, f"{fuel}: a half hour of the day is missing"
        # The profile the displays read (GetProfile), newest first in answers of 24 periods.
        served: list[int] = []
        end = case.day_end_s
        while len(served) < moment.half_hours:
            wanted = min(MAX_PERIODS, moment.half_hours - len(served))
            request = SimpleNamespace(
                interval_channel=0, end_time=end - ZIGBEE_EPOCH_S, number_of_periods=wanted
            )
            reply = profile_reply(register, None, request, now_s=case.home.now_s)
            assert isinstance(reply, tuple)
            answer: dict[str, Any] = reply[1]
            assert answer["end_time"] + ZIGBEE_EPOCH_S == end
            served.extend(answer["intervals"])
            end -= wanted * HALF_HOUR_S
        assert end == case.day_start_s
        assert list(reversed(served)) == halves


@pytest.mark.parametrize(("scenario", "moment"), PAIRS)
def test_today_resets_at_local_midnight_and_yesterday_is_the_whole_local_day(
    scenario: str, moment: Moment
) -> None:
    case = run(scenario, moment)
    for fuel, register in _day_registers(case).items():
        start, end = case.midnights[fuel]
        assert start.after, f"{fuel}: the run saw the day begin"
        assert end.after, f"{fuel}: the run saw the day end"
        whole_day = register.between(case.day_start_s, case.day_end_s)
        expected_yesterday = _day_figure(case, fuel, whole_day)
        assert end.after["previousday_consumption_delivered"] == expected_yesterday
        # Ten seconds into the new day "today" holds only those seconds (the gas mirror: nothing
        # yet, its first wake is at 00:30), so it was reset at local midnight, not at 00:00 UTC.
        today_after = end.after["currentday_consumption_delivered"]
        assert today_after is not None
        assert today_after <= register.between(case.day_end_s, case.day_end_s + HALF_HOUR_S)
        assert today_after < end.before["currentday_consumption_delivered"] or whole_day == 0
        new_day = dt.datetime.fromtimestamp(case.day_end_s, LONDON).date()
        if new_day.weekday() == 0:
            assert end.after["current_week_consumption_delivered"] == today_after
        if new_day.day == 1:
            assert end.after["current_month_consumption_delivered"] == today_after


def _day_figure(case: Run, fuel: str, whole_day: int | None) -> int | None:
    """What the meter's "yesterday" holds for the run's local day: the whole day, except on a
    SMETS1 gas meter whose day ends in summer time, which stops counting at 23:00."""
    gas = case.home.gas
    if fuel == "gas" and gas is not None and gas.smets1_foc:
        end = smets1.snapshot_end(LONDON, case.day_end_s)
        assert (end < case.day_end_s) == (case.moment.name == "clocks-forward-2026")
        return gas.volume.between(case.day_start_s, end)
    return whole_day


@pytest.mark.parametrize(("scenario", "moment"), PAIRS)
def test_the_standing_charge_is_taken_once_per_local_day(scenario: str, moment: Moment) -> None:
    case = run(scenario, moment)
    for fuel, calls in case.standing_charged_at.items():
        if fuel == "gas" and case.home.gas is None:
            continue
        # Every meter closes its day at each local midnight of the run, once: the day under test
        # is charged once whether it has 23, 24 or 25 hours.
        assert calls == [case.day_start_s, case.day_end_s], fuel


@pytest.mark.parametrize(("scenario", "moment"), PAIRS)
def test_each_half_hour_costs_its_own_price_across_the_change(
    scenario: str, moment: Moment
) -> None:
    case = run(scenario, moment)
    energy, cost = case.home.esme.registers.imported, case.home.esme.registers.cost
    for a, b in pairwise(case.boundaries):
        wh, units = energy.between(a, b), cost.between(a, b)
        assert wh is not None
        assert units is not None
        tariff = case.tariff_of_half_hour[a]
        if isinstance(tariff, Block):
            prices = [rate.price_units for rate in tariff.rates]
            low, high = min(prices), max(prices)
        else:
            low = high = tariff.rate_at(a).price_units
        slack = high / 1000 + 2  # both registers show floored readings
        assert low * wh / 1000 - slack <= units <= high * wh / 1000 + slack, _local(a)


@pytest.mark.parametrize(("scenario", "moment"), PAIRS)
def test_bands_fall_in_their_local_hours_on_both_sides_of_the_change(
    scenario: str, moment: Moment
) -> None:
    case = run(scenario, moment)
    day = case.boundaries[:-1]
    for tariff in {id(t): t for t in case.tariff_of_half_hour.values()}.values():
        if isinstance(tariff, TimeOfUse) and tariff.name.startswith("Economy 7"):
            night = [a for a in day if tariff.rate_at(a).label == "Night"]
            # An Economy 7 meter on GMT keeps 7 night hours on every day, changes included; on the
            # clock the window starts an hour later in summer (00:30–07:30 GMT = 01:30–08:30 BST).
            assert len(night) == 14
            first, last = night[0], night[-1] + HALF_HOUR_S
            assert (_local(first), _local(last)) == _EXPECTED_NIGHT[moment.name]
        elif isinstance(tariff, Agile):
            # The agile price follows the meter's day profile on the local clock: 48 clock
            # half hours, the skipped hour's prices not used and the repeated hour's used twice.
            clock = [dt.datetime.fromtimestamp(a, LONDON).strftime("%H:%M") for a in day]
            labels = [tariff.rate_at(a).label for a in day]
            assert labels == [f"Agile {hhmm}" for hhmm in clock]


_EXPECTED_NIGHT = {
    "clocks-forward-2026": ("00:30 GMT", "08:30 BST"),
    "clocks-back-2026": ("01:30 BST", "07:30 GMT"),
    "leap-day-2028": ("00:30 GMT", "07:30 GMT"),
}


@pytest.mark.parametrize(("scenario", "moment"), PAIRS)
async def test_the_ihd_chart_and_the_cad_export_show_each_half_hour_once(
    scenario: str, moment: Moment, tmp_path: Path
) -> None:
    case = run(scenario, moment)
    register = case.home.esme.registers.imported
    key = str(ESME)
    rows = [
        HalfHourRow(key, "import", a, register.between(a, b) or 0)
        for a, b in pairwise(case.boundaries)
    ]
    # The IHD: the Day range of that date is its 46, 48 or 50 half hours, each bar from the store.
    model = dual_fuel_home(at=case.home.now_s)
    meter = model.electricity_import_meter()
    assert meter is not None
    window = Windows(LocalCalendar()).window(Span.DAY, case.day_start_s + 12 * 3600)
    assert window.edges == tuple(case.boundaries)
    async with HistoryStore(tmp_path / "ihd.sqlite3") as store:
        await store.upsert_half_hours(rows)
        series = await load_series(store, meter, Measure.ENERGY, window)
    assert len(series.values) == moment.half_hours
    assert np.isfinite(series.values).all()
    assert series.total is not None
    assert Decimal(str(round(series.total, 3))) == Decimal(sum(r.amount for r in rows)) / 1000
    # The CAD: the export stamps each half hour in UTC, so the repeated hour is two distinct
    # stamps and the skipped hour none; every half hour of the local day appears exactly once.
    database = HistoryDatabase(tmp_path / "cad.sqlite3")
    try:
        database.record_meter(key, fuel="electricity", unit="kWh", seen_s=case.day_end_s)
        database.upsert_half_hours(rows)
        first = dt.datetime.fromtimestamp(case.day_start_s, dt.UTC).date()
        last = dt.datetime.fromtimestamp(case.day_end_s - 1, dt.UTC).date()
        _, table = export.rows(database, export.request_for(str(first), str(last)))
    finally:
        database.close()
    stamps = [line[0] for line in table]
    assert len(stamps) == len(set(stamps)) == moment.half_hours
    seconds = [int(dt.datetime.fromisoformat(s).timestamp()) for s in stamps]
    assert seconds == case.boundaries[:-1]
