"""A trial's replay draws the History chart a participant saw: the range they chose and the bars
the display read from its history store, given back from the record without that store."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
from pytestqt.qtbot import QtBot

from app.history.store import HistoryStore, PeriodRow
from app.host.context import ExperienceContext
from app.host.recorded_screen import RecordedScreen
from han.model import Fuel
from ihd.history.screen import HistoryScreen
from ihd.view_models.history import Measure, Series, Span, Windows
from ihd.view_models.history_record import ChartShown
from tests.ihd.conftest import ESME, NOW, dual_fuel_home


async def test_the_chart_a_person_chose_is_drawn_again_from_its_record(
    qtbot: QtBot, tmp_path: Path
) -> None:
    week = Windows().window(Span.WEEK, NOW)
    async with HistoryStore(tmp_path / "history.sqlite3") as store:
        days = week.edges[:-2]  # today has no figure yet: a bar with no record
        await store.upsert_periods(
            [PeriodRow(str(ESME), "energy", "day", start, 12_000, True) for start in days],
            recorded_s=int(NOW),
        )
        live = HistoryScreen(ExperienceContext(dual_fuel_home(), now=lambda: NOW, history=store))
        qtbot.addWidget(live)
        live.span_buttons[Span.WEEK].click()
        await live.loaded()
        assert isinstance(live, RecordedScreen)
        text = live.recorded_state()
        live_words = (live.title.text(), live.total.text(), live.chart_page.summary.text())

    # The replay's screen: the same model, no store (its own reading would give other bars).
    replayed = HistoryScreen(ExperienceContext(dual_fuel_home(), now=lambda: NOW))
    qtbot.addWidget(replayed)
    assert not replayed.span_buttons[Span.WEEK].isChecked()
    replayed.show_recorded_state(text)
    assert replayed.span_buttons[Span.WEEK].isChecked()
    assert replayed.chart.bar_count == 7
    assert replayed.total.text() == "Total 72.00 kWh"
    words = (replayed.title.text(), replayed.total.text(), replayed.chart_page.summary.text())
    assert words == live_words
    assert replayed.recorded_state() == text
    live.close()
    replayed.close()


def test_a_bar_with_no_record_stays_without_one_and_the_text_is_small() -> None:
    week = Windows().window(Span.WEEK, NOW)
    values = np.array([1.5, np.nan, 2.0, 0.0, np.nan, 3.25, np.nan])
    series = Series(Fuel.GAS, Measure.COST, week, np.array(week.edges, dtype=float), values)
    shown = ChartShown(Span.WEEK, Fuel.GAS, Measure.COST, 2, True, series, None, NOW)
    text = shown.text()
    again = ChartShown.read(text)
    assert json.loads(text)["series"]["values"][1] is None
    assert again.series is not None
    assert [math.isnan(v) for v in again.series.values] == [math.isnan(v) for v in values]
    assert list(np.nan_to_num(again.series.values)) == list(np.nan_to_num(values))
    assert (again.span, again.fuel, again.measure, again.back, again.totals) == (
        Span.WEEK, Fuel.GAS, Measure.COST, 2, True,
    )  # fmt: skip
    assert again.text() == text
    assert len(text) < 1000
