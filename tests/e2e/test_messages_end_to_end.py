"""A supplier message through the air: the hub sends it, the IHD shows it and counts it unread, the
consumer reads it and presses Confirm, and the confirmation reaches the hub over the HAN."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.connection.sources import home_of
from app.host.running import RunningApp
from app.settings.options import Options
from ihd.pages.home import HomeScreenView
from ihd.pages.messages import MessagesScreen
from ihd.pages.status import StatusScreen
from ihd.shell import IhdShell
from tests.ihd.screen_of import screen_of


async def _until(condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - waiting on what a person would see
            await asyncio.sleep(0.005)


async def test_a_message_needing_confirmation_is_shown_read_and_confirmed_to_the_hub() -> None:
    app = RunningApp(Options(speed=20))
    window = await app.start()
    try:
        shell = window.view
        assert isinstance(shell, IhdShell)
        session = app.session
        assert session is not None
        await _until(lambda: session.hub is not None and session.hub.attached.is_set())
        home = home_of(app.source)

        sent = home.send_message("Please confirm your meter reading visit.", confirm=True)

        now = screen_of(shell, "now", HomeScreenView)
        await _until(lambda: now.messages_entry.isVisible())
        assert now.messages_entry.words() == "1 unread message"
        assert shell.nav.buttons["messages"].words() == "Messages (1)"

        QTest.mouseClick(now.messages_entry, Qt.MouseButton.LeftButton)
        messages = screen_of(shell, "messages", MessagesScreen)
        assert shell.current_key() == "messages"
        assert messages.text.text() == "Please confirm your meter reading visit."
        assert messages.new.isVisible()
        assert "asks you to confirm" in messages.confirmation.text()
        await _until(lambda: app.model.unread_messages == 0)  # on screen, so read
        await _until(lambda: shell.nav.buttons["messages"].words() == "Messages")

        assert messages.confirm.isVisible()
        QTest.mouseClick(messages.confirm, Qt.MouseButton.LeftButton)
        await _until(lambda: home.hub.messages[sent.message_id].confirmed_at_s is not None)
        await _until(lambda: messages.confirmation.text().startswith("You confirmed this message"))
        assert not messages.confirm.isVisible()
    finally:
        await app.stop()


async def test_the_display_starts_in_welsh_with_high_contrast_from_the_command_line() -> None:
    app = RunningApp(Options(speed=20, language="cy", theme="contrast"))
    window = await app.start()
    try:
        shell = window.view
        assert isinstance(shell, IhdShell)
        assert [
            button.words() for button in shell.nav.buttons.values() if not button.isHidden()
        ] == ["Nawr", "Hanes", "Negeseuon", "Statws", "Gosodiadau", "Mwy"]
        assert window.windowTitle() == "Dangosydd yn y Cartref"
        assert "#000000" in window.styleSheet()
        now = screen_of(shell, "now", HomeScreenView)
        await _until(lambda: now.cost_per_hour.unit.text() == "yr awr")
    finally:
        await app.stop()


async def test_the_status_screen_lists_what_is_paired_with_its_signal() -> None:
    app = RunningApp(Options(speed=20))
    window = await app.start()
    try:
        shell = window.view
        assert isinstance(shell, IhdShell)
        status = screen_of(shell, "status", StatusScreen)
        shell.go_to("status")
        await _until(lambda: len(app.model.meters) == 2 and app.model.gas_meter() is not None)
        status.refresh()
        kinds = [line.kind.text() for line in status.shown_devices()]
        assert kinds == ["Communications hub", "Electricity meter", "Gas meter"]
        hub, _electricity, gas = status.shown_devices()
        assert hub.signal.text() in {"Strong", "Fair", "Weak"}
        assert hub.detail.text().startswith("LQI ")
        assert gas.signal.text() == "Through the hub"
        assert status.connection.text() == "Connected to your smart meters"
        assert status.han_time.text().startswith("Smart meter time: ")
        assert status.unreadable.text() == "Radio messages that could not be read: 0"
    finally:
        await app.stop()
