"""What a Glow feed cannot carry is said on the screens, never shown as blank or wrong."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext, NotConnected
from app.view_models.messages import MessagesViewModel
from han.model import HomeModel
from ihd.pages.prepayment import PrepaymentScreen


def test_supplier_messages_are_not_available_from_a_feed() -> None:
    model = HomeModel()
    on_feed = MessagesViewModel(model, NotConnected(), from_feed=True).page(None)
    assert on_feed.text == "Supplier messages are not available from this source."
    on_han = MessagesViewModel(model, NotConnected()).page(None)
    assert on_han.text == "No messages from your supplier."


def test_credit_and_top_up_are_not_available_from_a_feed(qtbot: QtBot) -> None:
    screen = PrepaymentScreen(ExperienceContext(HomeModel(), from_feed=True))
    qtbot.addWidget(screen)
    assert screen.none.text() == "Credit and top-up are not available from this source."
    assert screen.read_only.text() == ""
    on_han = PrepaymentScreen(ExperienceContext(HomeModel()))
    qtbot.addWidget(on_han)
    assert on_han.none.text() == "No meter is in prepayment mode."
