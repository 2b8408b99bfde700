"""The home screen honours a study's design variant (``Presentation``): which figure leads and
whether the ambient indicator is there – changed while it runs, as a study's next block does."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext
from app.settings.display_settings import DisplaySettings, Presentation
from han.model import Fuel
from ihd.pages.home import HomeScreenView
from tests.ihd.conftest import NOW, dual_fuel_home


def test_the_home_screen_leads_with_money_or_energy_and_hides_the_ambient_card(
    qtbot: QtBot,
) -> None:
    settings = DisplaySettings()
    screen = HomeScreenView(ExperienceContext(dual_fuel_home(), now=lambda: NOW, settings=settings))
    qtbot.addWidget(screen)
    grid = screen._grid

    def column(widget: QWidget) -> int:
        position = grid.getItemPosition(grid.indexOf(widget))
        assert isinstance(position, tuple)  # Qt's (row, column, row span, column span)
        return int(position[1])

    today = screen.today[Fuel.ELECTRICITY]
    assert (column(screen.demand), column(screen.cost_per_hour)) == (0, 1)  # as built
    assert today.value.text().startswith("£")
    settings.set_presentation(Presentation(lead_with="cost", ambient=False))
    assert (column(screen.demand), column(screen.cost_per_hour)) == (1, 0)
    assert screen.ambient_card.isHidden()
    settings.set_presentation(Presentation(lead_with="energy"))
    assert (column(screen.demand), column(screen.cost_per_hour)) == (0, 1)
    assert not screen.ambient_card.isHidden()
    assert not today.value.text().startswith("£")
    assert today.unit.text().startswith("kWh · £")
