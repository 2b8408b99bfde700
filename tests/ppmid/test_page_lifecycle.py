"""Every PPMID page lives the same way (``ppmid/page.py``): it follows the model until closed, and a
page that ticks ticks only while on show."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext, Silent
from app.settings.display_settings import DisplaySettings
from han.model import Field, HomeModel, ModelChange
from ppmid.page import PpmidPage
from ppmid.shell import PpmidShell
from tests.ppmid.conftest import Kit


def listening(model: HomeModel) -> int:
    """How many listeners the model has."""
    return model.listener_count


class Nowhere:
    def go_to(self, key: str) -> None:
        pass

    def page_for(self, key: str) -> PpmidPage:
        raise KeyError(key)


class Counting(PpmidPage):
    tick_ms = 20

    def __init__(self, context: ExperienceContext) -> None:
        super().__init__(context, Nowhere())
        self.refreshed = 0

    def refresh(self) -> None:
        self.refreshed += 1


def test_a_page_ticks_while_on_show_and_not_while_hidden(qtbot: QtBot) -> None:
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    page, other = Counting(ExperienceContext(HomeModel())), Counting(ExperienceContext(HomeModel()))
    stack.addWidget(page)
    stack.addWidget(other)
    stack.show()
    assert page.ticker.isActive()
    qtbot.waitUntil(lambda: page.refreshed >= 3, timeout=2000)
    stack.setCurrentWidget(other)
    assert not page.ticker.isActive()
    stack.setCurrentWidget(page)  # shown again, it ticks again
    assert page.ticker.isActive()
    stack.close()
    page.close()
    other.close()


def test_a_burst_of_changes_redraws_a_page_once(qtbot: QtBot) -> None:
    model = HomeModel()
    page = Counting(ExperienceContext(model))
    qtbot.addWidget(page)
    for _ in range(5):
        model.announce(ModelChange(None, frozenset({Field.MESSAGES})))
    qtbot.waitUntil(lambda: page.refreshed == 1, timeout=1000)
    qtbot.wait(20)
    assert page.refreshed == 1
    page.close()


def test_a_closed_ppmid_leaves_no_page_following_the_model(qtbot: QtBot, kit: type[Kit]) -> None:
    model = kit.prepay_model()
    before = listening(model)
    shell = PpmidShell(
        ExperienceContext(model, now=lambda: kit.NOW, settings=DisplaySettings(), sound=Silent())
    )
    qtbot.addWidget(shell)
    shell.show()
    assert listening(model) >= before + len(shell.pages)
    shell.close()
    assert listening(model) == before
