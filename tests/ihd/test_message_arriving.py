"""A message that arrives while the person is reading another is not marked read behind their back:
the screen offers it ("✉ New message") and shows it when asked."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from han.model import Field, ModelChange, SupplierMessage
from ihd.pages.messages import MessagesScreen
from tests.ihd.conftest import NOW, Display
from tests.ihd.screen_of import screen_of


def test_a_message_arriving_while_reading_another_is_offered_not_swallowed(
    display: Display, qtbot: QtBot
) -> None:
    shell = display.shell
    model = display.model
    shell.go_to("messages")
    screen = screen_of(shell, "messages", MessagesScreen)
    screen.browser.show_first()  # read everything there is first
    screen.browser.step(+1)
    assert model.unread_messages == 0
    assert not screen.arrived.isVisible()
    reading = screen.browser.current_id

    model.messages[3] = SupplierMessage(3, "Your bill is ready.", "medium", False, NOW + 10)
    model.announce(ModelChange(None, frozenset({Field.MESSAGES})))
    qtbot.waitUntil(screen.arrived.isVisible)
    assert screen.browser.current_id == reading  # what the person was reading stays on screen
    read_yet = model.messages[3].read
    assert not read_yet  # and the new one still counts as unread

    screen.arrived.click()
    assert screen.text.text() == "Your bill is ready."
    assert model.messages[3].read
    assert not screen.arrived.isVisible()
