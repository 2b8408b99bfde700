"""Budget: green, amber and red with words and shapes at 89 %, 95 % and 105 %; an alert once."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext
from app.settings.display_settings import DisplaySettings, SoundMode
from app.ui.theme import STANDARD
from han.domain.history import MeterHistory, PeriodFigures, PeriodStarts
from han.domain.local_calendar import LocalCalendar
from han.model import HomeModel, Measured
from ihd.pages.budget import BudgetScreen
from ihd.view_models.budget import BudgetLevel, BudgetViewModel
from tests.ihd.conftest import ESME, GAS, NOW, dual_fuel_home

STANDING = Decimal("0.6012") + Decimal("0.3143")
"""Both fuels' standing charges for today, counted in the spending."""


class Sounds:
    speech_available = False

    def __init__(self) -> None:
        self.beeps = 0

    def beep(self) -> None:
        self.beeps += 1

    def speak(self, text: str, language: str) -> None:
        pass


def _spend(model: HomeModel, total: Decimal, at: float = NOW - 5) -> None:
    model.meter(ESME).today_cost_gbp = Measured(total - STANDING, at)
    model.meter(GAS).today_cost_gbp = Measured(Decimal(0), at)


@pytest.mark.parametrize(
    ("spent", "level", "words", "colour"),
    [
        ("8.90", BudgetLevel.ON_TRACK, "On track", STANDARD.ambient_low),
        ("9.50", BudgetLevel.NEARLY, "Nearly at your budget", STANDARD.ambient_medium),
        ("10.50", BudgetLevel.OVER, "Over budget", STANDARD.ambient_high),
    ],
)
def test_the_ring_says_its_level_in_colour_shape_and_words(
    qtbot: QtBot, spent: str, level: BudgetLevel, words: str, colour: str
) -> None:
    model = dual_fuel_home()
    _spend(model, Decimal(spent))
    settings = DisplaySettings(sound=SoundMode.BEEP)
    settings.set_budget("day", Decimal("10.00"))
    sounds = Sounds()
    screen = BudgetScreen(
        ExperienceContext(model, now=lambda: NOW, settings=settings, sound=sounds)
    )
    qtbot.addWidget(screen)
    assert screen.page is not None, "the screen shows a page once built"
    assert screen.page.level is level
    assert screen.level.text() == words
    assert screen.ring.level is level  # the ring draws the level's shape as well as its colour
    assert screen.ring.colour() == QColor(colour)
    assert screen.percent.text() == f"{round(float(spent) * 10)} %"
    assert screen.budget.text() == "£10.00 a day"
    assert screen.spent.text() == f"£{spent} spent"
    assert screen.alert.isVisibleTo(screen) is (level is BudgetLevel.OVER)
    assert sounds.beeps == (1 if level is BudgetLevel.OVER else 0)


def test_crossing_the_budget_alerts_once(qtbot: QtBot) -> None:
    model = dual_fuel_home()
    _spend(model, Decimal("9.00"))
    settings = DisplaySettings(sound=SoundMode.BEEP)
    settings.set_budget("day", Decimal("10.00"))
    sounds = Sounds()
    screen = BudgetScreen(
        ExperienceContext(model, now=lambda: NOW, settings=settings, sound=sounds)
    )
    qtbot.addWidget(screen)
    assert not screen.alert.isVisibleTo(screen)
    _spend(model, Decimal("10.20"))
    screen.refresh()
    assert screen.alert.text() == "You have gone over your budget for today."
    screen.refresh()
    assert sounds.beeps == 1


def test_plus_and_minus_set_the_budget_in_the_display_settings(qtbot: QtBot) -> None:
    model = dual_fuel_home()
    settings = DisplaySettings()
    screen = BudgetScreen(ExperienceContext(model, now=lambda: NOW, settings=settings))
    qtbot.addWidget(screen)
    assert screen.budget.text() == "No budget set – press + to set one"
    screen.more.click()
    assert settings.budget_gbp("day") == Decimal("5.00")
    screen.more.click()
    screen.less.click()
    screen.less.click()
    assert settings.budget_gbp("day") == Decimal("4.50")
    assert screen.budget.text() == "£4.50 a day"


def test_stale_spending_is_dimmed_and_says_its_age() -> None:
    model = dual_fuel_home()
    _spend(model, Decimal("5.00"), at=NOW - 1800)
    settings = DisplaySettings()
    settings.set_budget("day", Decimal("10.00"))
    page = BudgetViewModel(model, settings).page("day", NOW)
    assert page.stale
    assert page.note == "30 min old"
    assert page.alert == ""


def test_the_over_budget_banner_follows_a_switch_of_language(qtbot: QtBot) -> None:
    from app.ui import i18n

    model = dual_fuel_home()
    _spend(model, Decimal("10.20"))
    settings = DisplaySettings(sound=SoundMode.BEEP)
    settings.set_budget("day", Decimal("10.00"))
    sounds = Sounds()
    screen = BudgetScreen(
        ExperienceContext(model, now=lambda: NOW, settings=settings, sound=sounds)
    )
    qtbot.addWidget(screen)
    assert screen.alert.text() == "You have gone over your budget for today."
    i18n.use_language("cy")
    qtbot.waitUntil(lambda: screen.level.text() != "Over budget")
    assert screen.alert.text().startswith("Rydych wedi mynd dros eich cyllideb")
    assert screen.alert.accessibleName() == screen.alert.text()
    assert sounds.beeps == 1  # put into words again, not raised again


def _history(model: HomeModel, previous_week_gbp: dict[str, str]) -> None:
    """Each meter's own history, read this week: last week's cost as given."""
    calendar = LocalCalendar()
    han_now = model.han_now(NOW)
    week = calendar.week_start(han_now)
    starts = PeriodStarts((calendar.day_start(han_now),), (week, week - 7 * 86400), ())
    for key, cost in ((ESME, previous_week_gbp["electricity"]), (GAS, previous_week_gbp["gas"])):
        figures = PeriodFigures(None, (), None, (Decimal(cost),), None, ())
        model.meter(key).history = MeterHistory(cost_gbp=Measured(figures, NOW), starts=starts)


def test_the_ring_says_this_week_so_far_against_the_whole_week_before(qtbot: QtBot) -> None:
    model = dual_fuel_home()
    model.meter(ESME).week_cost_gbp = Measured(Decimal("7.00"), NOW - 5)
    model.meter(GAS).week_cost_gbp = Measured(Decimal("3.00"), NOW - 5)
    before = Decimal("14.00") + Decimal("6.00") + 7 * STANDING  # last week, standing charges in
    _history(model, {"electricity": "14.00", "gas": "6.00"})
    view_model = BudgetViewModel(model, DisplaySettings())
    spent = view_model.spent("week", NOW)[0]
    assert spent is not None
    percent = round(spent / before * 100)
    expected = f"So far this week {percent}% of last week's £{before:.2f}"
    assert view_model.page("week", NOW).compared == expected
    assert view_model.page("month", NOW).compared == ""  # no month in the history: nothing said
    screen = BudgetScreen(ExperienceContext(model, now=lambda: NOW, settings=DisplaySettings()))
    qtbot.addWidget(screen)
    screen.show_period("week")
    assert screen.compared.text() == expected
    assert screen.ring.accessibleDescription().endswith(expected)
