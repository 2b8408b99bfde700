"""Supplier messages on the PPMID: a button on the balance page with the unread count, the message
whole on a card, the longest one scrolling inside the card at 800×480 in large text (English and
Welsh) with Back and Confirm on screen, Confirm telling the hub, and "New" gone once confirmed."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext, NotConnected, Silent
from app.host.window import HostWindow
from app.settings.display_settings import DisplaySettings
from han.model import HomeModel, SupplierMessage
from home_emulator.scenario.events import MAX_MESSAGE_BYTES
from ppmid.balance_screen import BalanceScreen
from ppmid.messages_screen import MessagesScreen
from ppmid.shell import PpmidShell
from tests.ppmid.conftest import NOW, prepay_model
from tests.ppmid.page_of import page_of

LONGEST = (
    "Your debt repayment rises to £3.50 a week from Monday 2 February. If this is hard to manage, "
    "please call us free on 0800 000 0000 before then: we can agree a lower rate, and your "
    "friendly credit hours stay as they are. Thank you from all of us here, Jo."
)


class Hub(NotConnected):
    """Confirms every message it is told about, as the comms hub does; nothing else."""

    def __init__(self, model: HomeModel) -> None:
        self.model = model
        self.confirmed: list[int] = []

    async def confirm_message(self, message_id: int) -> None:
        self.confirmed.append(message_id)
        self.model.messages[message_id].confirmed_at = NOW + 60
        self.model.messages[message_id].read = True


class Shown:
    def __init__(self, window: HostWindow, shell: PpmidShell, hub: Hub) -> None:
        self.window = window
        self.shell = shell
        self.hub = hub

    @property
    def balance(self) -> BalanceScreen:
        return page_of(self.shell, "balance", BalanceScreen)

    @property
    def screen(self) -> MessagesScreen:
        return page_of(self.shell, "messages", MessagesScreen)

    @property
    def body(self) -> QScrollArea:
        return self.screen.card.text

    def position(self) -> int:
        return self.body.verticalScrollBar().value()

    def end(self) -> int:
        return self.body.verticalScrollBar().maximum()


@contextlib.contextmanager
def ppmid_with_messages(theme: str, language: str) -> Iterator[Shown]:
    """The PPMID at 800×480 on a prepayment home with an old message and the longest one, unread
    and asking to be confirmed."""
    assert len(LONGEST.encode()) == MAX_MESSAGE_BYTES, "as long as a scenario allows"
    model = prepay_model()
    model.messages[1] = SupplierMessage(
        1, "Welcome to prepayment.", "low", False, NOW - 900, read=True
    )
    model.messages[2] = SupplierMessage(2, LONGEST, "high", True, NOW - 60)
    model.mark_connected()
    settings = DisplaySettings(language=language)
    settings.set_theme(theme)
    hub = Hub(model)
    context = ExperienceContext(
        model, now=lambda: NOW, settings=settings, sound=Silent(), commands=hub
    )
    shell = PpmidShell(context)
    window = HostWindow("PPMID", shell, (800, 480), settings)
    window.show()
    QTest.qWaitForWindowExposed(window)
    try:
        yield Shown(window, shell, hub)
    finally:
        shell.close()
        window.close()
        window.deleteLater()


def _on_screen(widget: QWidget, window: QWidget) -> bool:
    """Wholly inside the window and not scrolled out of the page it is on."""
    area = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if not widget.isVisible() or not window.rect().contains(area):
        return False
    return widget.visibleRegion().boundingRect().size() == widget.size()


@pytest.fixture(params=["cy", "en"])
def large(request: pytest.FixtureRequest) -> Iterator[Shown]:
    with ppmid_with_messages("large", request.param) as shown:
        yield shown


def test_the_balance_page_offers_messages_with_the_unread_count(large: Shown, qtbot: QtBot) -> None:
    button = large.balance.messages
    assert _on_screen(button, large.window)
    assert "1" in button.words()
    assert button.height() >= 44, "large enough to touch"
    button.click()
    assert large.shell.current_key() == "messages"
    QTest.keyClick(large.window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "1" not in button.words(), timeout=3000)  # read once shown


def test_the_longest_message_scrolls_in_its_card_with_confirm_on_screen(large: Shown) -> None:
    large.balance.messages.click()
    screen = large.screen
    assert screen.card.text.text() == LONGEST, "the newest unread message, whole"
    assert large.end() > 0, "in large text at 800×480 the message scrolls inside its card"
    assert _on_screen(screen.confirm, large.window)
    assert _on_screen(screen.back, large.window)
    assert _on_screen(screen.card.position, large.window)
    while large.position() < large.end():
        before = large.position()
        QTest.keyClick(large.window, Qt.Key.Key_PageDown)
        assert large.position() > before, "each PageDown brings more into view"
        assert _on_screen(screen.confirm, large.window)
    QTest.keyClick(large.window, Qt.Key.Key_Escape)
    assert large.shell.current_key() == "balance"


async def test_confirm_tells_the_hub_and_the_message_is_no_longer_new(large: Shown) -> None:
    large.balance.messages.click()
    screen = large.screen
    assert screen.card.new.isVisible()
    screen.confirm.click()
    async with asyncio.timeout(5):
        while screen.confirm.isVisible():  # noqa: ASYNC110 - the hub answers on the loop
            await asyncio.sleep(0.01)
    assert large.hub.confirmed == [2]
    assert not screen.card.new.isVisible()
    assert large.shell.context.model.messages[2].confirmed_at is not None


def test_previous_and_next_walk_the_messages_newest_first(qtbot: QtBot) -> None:
    with ppmid_with_messages("standard", "en") as shown:
        shown.balance.messages.click()
        screen = shown.screen
        assert shown.end() == 0, "in standard text the longest message fits whole"
        assert screen.card.position.text() == "Message 1 of 2"
        screen.next.click()
        assert screen.card.text.text() == "Welcome to prepayment."
        assert not screen.confirm.isVisible(), "this one does not ask for confirmation"
        screen.previous.click()
        assert screen.card.text.text() == LONGEST
        shown.shell.go_to("balance")
        qtbot.waitUntil(lambda: shown.balance.messages.words() == "Messages", timeout=3000)
