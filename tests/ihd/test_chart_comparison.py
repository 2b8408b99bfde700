"""Charts in words against the range before: "This week 35.00 kWh, 17% less than last week by this
time" – the running week compared day for day with the same finished days of the last – on screen,
as the chart's description, said when a person picks a range with speech on, read again by the
repeat key, and in Welsh; the chosen bar is in the focused chart's accessible name."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.history.store import HistoryStore, PeriodRow
from app.host.context import ExperienceContext
from app.settings.display_settings import DisplaySettings, SoundMode
from app.ui import i18n
from app.ui.i18n import QT_WORDING
from app.wording import PLAIN_ENGLISH
from han.model import Fuel
from ihd.history.screen import HistoryScreen
from ihd.shell import IhdShell
from ihd.view_models.chart_words import comparison, history_summary
from ihd.view_models.history import Measure, Series, Span, Windows
from tests.ihd.conftest import ESME, NOW, Display, dual_fuel_home
from tests.kept_voice import KeptVoice

KEY = str(ESME)
MONDAY_NOON = 1_733_140_800.0  # Mon 2 Dec 2024 12:00 GMT


def _week(back: int, values: list[float], now: float = MONDAY_NOON) -> Series:
    window = Windows().window(Span.WEEK, now, back)
    return Series(
        Fuel.ELECTRICITY, Measure.ENERGY, window, np.array(window.edges, float), np.array(values)
    )


def test_a_finished_week_is_compared_with_the_week_before() -> None:
    this = _week(0, [11.0, 14.0, 12.5, 10.0, 6.0, 9.0, 10.0])
    before = _week(1, [12.0, 14.0, 13.5, 11.0, 8.0, 9.0, 12.0])
    assert history_summary(this, PLAIN_ENGLISH, before) == (
        "Total 72.50 kWh, 9% less than the week before; most on Tue 3 Dec, 14.00 kWh; "
        "least on Fri 6 Dec, 6.00 kWh"
    )
    more = _week(0, [13.0, 14.0, 13.5, 11.0, 8.0, 9.0, 12.0])
    assert comparison(more, before, PLAIN_ENGLISH) == "1% more than the week before"
    assert comparison(before, before, PLAIN_ENGLISH) == "about the same as the week before"


def test_the_running_week_is_compared_only_over_its_finished_days() -> None:
    nan = float("nan")
    this = _week(0, [10.0, 10.0, 10.0, 5.0, nan, nan, nan])
    before = _week(1, [12.0] * 7)
    thursday_morning = MONDAY_NOON + 3 * 86_400 - 3600
    assert history_summary(this, PLAIN_ENGLISH, before, thursday_morning).startswith(
        "This week 35.00 kWh, 17% less than last week by this time; most on Mon 2 Dec"
    )


def test_nothing_to_compare_says_no_comparison() -> None:
    nan = float("nan")
    this = _week(0, [11.0, 14.0, 12.5, 10.0, 6.0, 9.0, 10.0])
    assert comparison(this, _week(1, [nan] * 7), PLAIN_ENGLISH) == ""
    assert comparison(this, _week(1, [0.0] * 7), PLAIN_ENGLISH) == ""
    assert history_summary(this, PLAIN_ENGLISH, _week(1, [nan] * 7)).startswith("Total 72.50 kWh;")


def test_in_welsh(qtbot: QtBot) -> None:
    i18n.use_language("cy")
    this = _week(0, [11.0, 14.0, 12.5, 10.0, 6.0, 9.0, 10.0])
    before = _week(1, [12.0, 14.0, 13.5, 11.0, 8.0, 9.0, 12.0])
    assert comparison(this, before, QT_WORDING) == "9% yn llai na'r wythnos cynt"
    running = history_summary(this, QT_WORDING, before, MONDAY_NOON + 86_400 * 2)
    assert running.startswith("Yr wythnos hon 72.50 kWh, 4% yn llai na'r wythnos diwethaf")


async def test_the_history_screen_says_the_week_against_the_last(
    qtbot: QtBot, tmp_path: Path
) -> None:
    windows = Windows()
    weeks = [windows.window(Span.WEEK, NOW, back) for back in range(3)]
    amounts = [[10_000, 10_000, 10_000, 5_000], [12_000] * 7, [14_000] * 7]  # Wh, newest first
    voice, settings = KeptVoice(), DisplaySettings(sound=SoundMode.SPEAK)
    async with HistoryStore(tmp_path / "history.sqlite3") as store:
        await store.upsert_periods(
            [
                PeriodRow(KEY, "energy", "day", start, amount, True)
                for week, days in zip(weeks, amounts, strict=True)
                for start, amount in zip(week.edges, days, strict=False)
            ],
            recorded_s=int(NOW),
        )
        context = ExperienceContext(
            dual_fuel_home(), now=lambda: NOW, history=store, settings=settings, sound=voice
        )
        screen = HistoryScreen(context)
        qtbot.addWidget(screen)
        await screen.loaded()
        screen.span_buttons[Span.WEEK].click()
        await screen.loaded()
        # Thursday 28 May 2026: Monday to Wednesday are over, compared with last week's.
        words = (
            "This week 35.00 kWh, 17% less than last week by this time; "
            "most on Mon 25 May, 10.00 kWh; least on Thu 28 May, 5.00 kWh"
        )
        assert screen.chart_page.summary.text() == words
        assert screen.chart.accessibleDescription().startswith(words)
        assert voice.said == [words]  # the person chose the week: its words are said
        assert screen.spoken == words
        screen.earlier.click()
        await screen.loaded()
        assert screen.chart_page.summary.text().startswith(
            "Total 84.00 kWh, 14% less than the week before; most on Mon 18 May, 12.00 kWh"
        )
        assert len(voice.said) == 2
        screen.reload()  # new readings, not a choice: not said again
        await screen.loaded()
        assert len(voice.said) == 2

        screen.chart.setFocus()
        qtbot.keyClick(screen.chart, Qt.Key.Key_Right)
        assert screen.chart.accessibleName() == (
            "Chart of your energy use: Electricity, Mon 18 May: 12.00 kWh"
        )
        qtbot.keyClick(screen.chart, Qt.Key.Key_Right)
        assert screen.chart.accessibleName().endswith("Tue 19 May: 12.00 kWh")
        screen.close()


def test_the_repeat_key_on_a_chart_says_its_words(display: Display, qtbot: QtBot) -> None:
    voice = KeptVoice()
    context = dataclasses.replace(display.shell.context, sound=voice)
    shell = IhdShell(context)
    qtbot.addWidget(shell)
    shell.go_to("history")
    history = shell.screens["history"]
    assert isinstance(history, HistoryScreen)
    shell.repeat_or_interrupt()
    assert voice.said == [history.spoken]
    assert voice.said[0].startswith("No record for this time yet.")  # the meter kept no day yet
    shell.close()
