"""Reading supplier messages as every display does, on a bare screen: a visit opens on the newest
unread message, "New" stays for the visit although showing a message read it, Previous and Next
step through them, and a Confirm the hub never heard is said and offered again."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QVBoxLayout
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext
from app.ui.message_browser import MessageBrowser
from app.ui.model_page import ModelPage
from han.model import HomeModel, SupplierMessage

NOW = 1_780_000_000.0


class Screen(ModelPage):
    """A screen that shows nothing but the messages."""

    def __init__(self, context: ExperienceContext) -> None:
        super().__init__(context.model)
        self.browser = MessageBrowser(self, context)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser.card, 1)
        layout.addLayout(self.browser.buttons)
        self.browser.retranslate()

    def refresh(self) -> None:
        self.browser.show_current()


def _screen(qtbot: QtBot) -> tuple[Screen, HomeModel]:
    model = HomeModel()
    model.messages[1] = SupplierMessage(1, "Older, read.", "low", False, NOW - 600, read=True)
    model.messages[2] = SupplierMessage(2, "Newer, unread.", "high", True, NOW - 60)
    screen = Screen(ExperienceContext(model))  # not connected: Confirm cannot reach the hub
    qtbot.addWidget(screen)
    screen.show()
    screen.browser.visit_begins()
    screen.refresh()
    return screen, model


def test_a_visit_opens_on_the_newest_unread_which_stays_new_for_the_visit(qtbot: QtBot) -> None:
    screen, model = _screen(qtbot)
    card = screen.browser.card
    assert card.text.text() == "Newer, unread."
    assert model.messages[2].read, "on screen, so read"
    assert card.new.isVisible()

    screen.browser.buttons.next.click()
    assert card.text.text() == "Older, read."
    assert not card.new.isVisible()
    screen.browser.buttons.previous.click()
    assert card.new.isVisible(), "still new on this visit"

    screen.browser.visit_begins()
    screen.refresh()
    assert not card.new.isVisible(), "read on the visit before"


async def test_a_confirm_the_hub_never_heard_is_said_and_offered_again(qtbot: QtBot) -> None:
    screen, model = _screen(qtbot)
    confirm = screen.browser.buttons.confirm
    assert confirm.isVisible()
    confirm.click()
    async with asyncio.timeout(5):
        while "Could not reach" not in screen.browser.card.confirmation.text():  # noqa: ASYNC110 - the answer comes on the loop
            await asyncio.sleep(0.01)
    assert confirm.isVisible(), "to try again"
    assert model.messages[2].confirmed_at is None
