"""A supplier message of the longest length a scenario may send, on the IHD at 800×480 in large
text: the message body scrolls inside the card, by keyboard and by finger, every line can be
brought into view, and Confirm stays on screen all the while. A confirmed message is no longer
marked "New"."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea, QScroller, QWidget
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext, NotConnected, Silent
from app.host.window import HostWindow
from app.settings.display_settings import DisplaySettings
from han.model import HomeModel, SupplierMessage
from home_emulator.scenario.events import MAX_MESSAGE_BYTES
from ihd.pages.messages import MessagesScreen
from ihd.shell import IhdShell
from tests.ihd.conftest import NOW
from tests.ihd.screen_of import screen_of

LONGEST = (
    "Planned power cut: engineers are working in your area from 09:30 for about five minutes. "
    "Please keep a torch to hand and switch off anything that should not restart by itself. Your "
    "meters and this display catch up on their own after the power is back on."
)


class Hub(NotConnected):
    """Confirms every message it is told about, as the comms hub does; nothing else."""

    def __init__(self, model: HomeModel) -> None:
        self.model = model

    async def confirm_message(self, message_id: int) -> None:
        self.model.messages[message_id].confirmed_at = NOW + 60
        self.model.messages[message_id].read = True


class Reading:
    def __init__(self, window: HostWindow, shell: IhdShell, screen: MessagesScreen) -> None:
        self.window = window
        self.shell = shell
        self.screen = screen

    @property
    def body(self) -> QScrollArea:
        return self.screen.text

    def position(self) -> int:
        return self.body.verticalScrollBar().value()

    def end(self) -> int:
        return self.body.verticalScrollBar().maximum()


@contextlib.contextmanager
def reading_in(theme: str, language: str) -> Iterator[Reading]:
    """The IHD at 800×480 showing the longest message, unread and asking to be confirmed."""
    assert len(LONGEST.encode()) == MAX_MESSAGE_BYTES
    model = HomeModel()
    model.messages[1] = SupplierMessage(1, LONGEST, "high", True, NOW)
    model.mark_connected()
    settings = DisplaySettings(language=language)
    settings.set_theme(theme)
    context = ExperienceContext(
        model, now=lambda: NOW, settings=settings, sound=Silent(), commands=Hub(model)
    )
    shell = IhdShell(context)
    window = HostWindow("In-Home Display", shell, (800, 480), settings)
    window.show()
    QTest.qWaitForWindowExposed(window)
    shell.go_to("messages")
    screen = screen_of(shell, "messages", MessagesScreen)
    try:
        yield Reading(window, shell, screen)
    finally:
        shell.close()  # as the app does: the shell stops its ticks and leaves the model
        window.close()
        window.deleteLater()


@pytest.fixture(params=["cy", "en"])
def reading(request: pytest.FixtureRequest) -> Iterator[Reading]:
    """In large text: more lines than the card has room for."""
    with reading_in("large", request.param) as shown:
        assert shown.end() > 0, "in large text at 800×480 the message scrolls"
        yield shown


def _on_screen(widget: QWidget, window: QWidget) -> bool:
    """Wholly inside the window and not scrolled out of the page it is on."""
    area = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if not widget.isVisible() or not window.rect().contains(area):
        return False
    visible = widget.visibleRegion().boundingRect()
    return visible.size() == widget.size()


def _page_of(screen: QWidget) -> QScrollArea:
    viewport = screen.parentWidget()  # the shell's page around the screen
    assert viewport is not None
    page = viewport.parentWidget()
    assert isinstance(page, QScrollArea)
    return page


def test_the_body_scrolls_and_confirm_stays_on_screen(reading: Reading) -> None:
    screen, window = reading.screen, reading.window
    assert reading.screen.text.text() == LONGEST
    assert _on_screen(screen.confirm, window)
    assert _on_screen(screen.position, window)
    assert _page_of(screen).verticalScrollBar().maximum() == 0, "the page itself does not scroll"


def test_in_standard_text_the_longest_message_fits_whole_beside_confirm() -> None:
    for language in ("en", "cy"):
        with reading_in("standard", language) as shown:
            assert shown.end() == 0, "nothing to scroll"
            assert shown.body.viewport().height() >= shown.screen.text.label.height()
            assert _on_screen(shown.screen.confirm, shown.window)
            assert _page_of(shown.screen).verticalScrollBar().maximum() == 0


def test_pagedown_and_pageup_move_through_the_message(reading: Reading, qtbot: QtBot) -> None:
    seen = [reading.position()]
    while reading.position() < reading.end():
        QTest.keyClick(reading.window, Qt.Key.Key_PageDown)
        assert reading.position() > seen[-1], "each PageDown brings more into view"
        seen.append(reading.position())
        assert _on_screen(reading.screen.confirm, reading.window)
    QTest.keyClick(reading.window, Qt.Key.Key_PageUp)
    QTest.keyClick(reading.window, Qt.Key.Key_PageUp)
    QTest.keyClick(reading.window, Qt.Key.Key_PageUp)
    assert reading.position() == 0


def test_whole_lines_are_shown_and_the_arrow_keys_move_by_a_line(
    reading: Reading, qtbot: QtBot
) -> None:
    line = reading.screen.text.label.fontMetrics().lineSpacing()
    assert reading.body.viewport().height() % line == 0, "no line is half shown"
    reading.body.setFocus()
    QTest.keyClick(reading.body, Qt.Key.Key_Down)
    assert reading.position() == line


def test_a_finger_drags_the_message_up(reading: Reading, qtbot: QtBot) -> None:
    viewport = reading.body.viewport()
    assert QScroller.hasScroller(viewport), "a touch on the text is a drag that scrolls it"
    # What the touch screen's drag feeds the scroller: press, moves upwards, release.
    scroller = QScroller.scroller(viewport)
    start = QPointF(viewport.width() / 2, viewport.height() - 5)
    scroller.handleInput(QScroller.Input.InputPress, start, 0)
    for step in range(1, 11):
        moved = start - QPointF(0, step * viewport.height() / 12)
        scroller.handleInput(QScroller.Input.InputMove, moved, step * 20)
    scroller.handleInput(QScroller.Input.InputRelease, moved, 240)
    qtbot.waitUntil(lambda: reading.position() > 0, timeout=3000)
    assert _on_screen(reading.screen.confirm, reading.window)


async def test_a_confirmed_message_is_no_longer_new(reading: Reading) -> None:
    screen = reading.screen
    assert screen.new.isVisible()
    screen.confirm.click()
    async with asyncio.timeout(5):
        while screen.confirm.isVisible():  # noqa: ASYNC110 - the hub answers on the loop
            await asyncio.sleep(0.01)
    assert not screen.new.isVisible()
    assert reading.shell.context.model.messages[1].confirmed_at is not None
