"""Every IHD screen lives the same way (``ihd/screen.py``): it ticks only while on show, and once
closed it no longer follows the model."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext, Silent
from app.settings.display_settings import DisplaySettings
from han.model import HomeModel
from ihd.pages.status import StatusScreen
from ihd.screens import SCREENS
from ihd.shell import IhdShell
from tests.ihd.conftest import NOW, Display, dual_fuel_home, paired

TICKING = ["now", "history", "status", "tariff", "budget", "prepayment"]


def listening(model: HomeModel) -> int:
    """How many listeners the model has."""
    return model.listener_count


@pytest.mark.parametrize("key", TICKING)
def test_a_screen_ticks_while_on_show_and_not_while_hidden(
    display: Display, qtbot: QtBot, key: str
) -> None:
    shell = display.shell
    shell.go_to(key)
    screen = shell.screen_for(key)
    assert screen.ticker.isActive()
    shell.go_to("settings" if key == "now" else "now")
    assert not screen.isVisible()
    assert not screen.ticker.isActive()
    shell.go_to(key)  # shown again, it ticks again
    assert screen.ticker.isActive()


def test_a_screen_shown_again_redraws_on_its_tick(qtbot: QtBot) -> None:
    clock = [NOW]
    context = ExperienceContext(dual_fuel_home(), now=lambda: clock[0], devices=paired)
    shell = IhdShell(context)
    qtbot.addWidget(shell)
    shell.show()
    shell.go_to("status")
    status = shell.screen_for("status")
    assert isinstance(status, StatusScreen)
    shell.go_to("now")
    status.ticker.setInterval(20)  # a shorter tick, so the test need not wait a second
    shell.go_to("status")
    heard = status.shown_devices()[0].heard.text()
    clock[0] += 600  # ten minutes later, nothing heard
    qtbot.waitUntil(lambda: status.shown_devices()[0].heard.text() != heard, timeout=2000)
    shell.close()


def test_a_closed_screen_no_longer_follows_the_model(qtbot: QtBot) -> None:
    model = dual_fuel_home()
    before = listening(model)
    screen = StatusScreen(ExperienceContext(model, now=lambda: NOW, devices=paired))
    qtbot.addWidget(screen)
    assert listening(model) == before + 1
    screen.close()
    assert listening(model) == before
    assert not screen.ticker.isActive()
    screen.close()  # closed twice, stopped once
    assert listening(model) == before


def test_a_closed_display_leaves_no_screen_following_the_model(qtbot: QtBot) -> None:
    model = dual_fuel_home()
    before = listening(model)
    context = ExperienceContext(
        model, now=lambda: NOW, devices=paired, settings=DisplaySettings(), sound=Silent()
    )
    shell = IhdShell(context)
    qtbot.addWidget(shell)
    shell.show()
    for descriptor in SCREENS:  # every screen built
        shell.go_to(descriptor.key)
    assert listening(model) >= before + len(SCREENS)
    shell.close()
    assert listening(model) == before
    assert not any(screen.ticker.isActive() for screen in shell.screens.values())
