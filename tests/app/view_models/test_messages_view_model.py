"""Supplier messages as the Messages screen words them: order, read state, confirmation."""

from __future__ import annotations

from app.host.context import CommandFailed, NotConnected
from app.view_models.messages import MessagesViewModel
from han.model import Field, HomeModel, ModelChange, SupplierMessage


class FakeHub(NotConnected):
    """A hub that only confirms messages; every other command fails as with no HAN."""

    def __init__(self, model: HomeModel, *, fails: bool = False) -> None:
        self.model = model
        self.fails = fails
        self.confirmed: list[int] = []

    async def confirm_message(self, message_id: int) -> None:
        if self.fails:
            raise CommandFailed("no answer")
        self.confirmed.append(message_id)
        self.model.messages[message_id].confirmed_at = 2000.0
        self.model.messages[message_id].read = True


def _home() -> HomeModel:
    model = HomeModel()
    model.messages[7] = SupplierMessage(7, "Old news", "low", False, 1000.0, read=True)
    model.messages[8] = SupplierMessage(8, "Please confirm", "critical", True, 1100.0)
    model.messages[9] = SupplierMessage(9, "Newest, unread", "medium", False, 1200.0)
    return model


def test_the_newest_unread_message_comes_first_and_neighbours_are_in_time_order() -> None:
    view_model = MessagesViewModel(_home(), FakeHub(HomeModel()))
    assert [m.message_id for m in view_model.ordered()] == [9, 8, 7]
    assert view_model.first_to_show() == 9
    assert view_model.neighbour(9, +1) == 8
    assert view_model.neighbour(7, +1) == 7  # no further
    assert view_model.neighbour(9, -1) == 9


def test_a_page_says_where_it_is_and_whether_it_is_important() -> None:
    view_model = MessagesViewModel(_home(), FakeHub(HomeModel()))
    page = view_model.page(8)
    assert page.position == "Message 2 of 3"
    assert page.text == "Please confirm"
    assert page.important == "Important"
    assert page.unread
    assert page.can_confirm
    assert page.confirmation == "Your supplier asks you to confirm you have read this message."
    assert page.received.startswith("Received ")
    assert (page.has_previous, page.has_next) == (True, True)
    assert view_model.page(9).important == ""


def test_without_messages_the_page_says_so() -> None:
    page = MessagesViewModel(HomeModel(), FakeHub(HomeModel())).page(None)
    assert page.message_id is None
    assert page.text == "No messages from your supplier."
    assert not page.can_confirm


def test_reading_a_message_marks_it_read_and_tells_the_screens() -> None:
    model = _home()
    changes: list[ModelChange] = []
    model.subscribe(changes.append)
    view_model = MessagesViewModel(model, FakeHub(model))
    assert model.unread_messages == 2
    view_model.mark_read(9)
    assert model.unread_messages == 1
    assert changes == [ModelChange(None, frozenset({Field.MESSAGES}))]
    view_model.mark_read(9)  # already read: nothing to say
    assert len(changes) == 1


async def test_confirming_tells_the_hub_and_the_page_says_when() -> None:
    model = _home()
    hub = FakeHub(model)
    view_model = MessagesViewModel(model, hub)
    assert await view_model.confirm(8)
    assert hub.confirmed == [8]
    page = view_model.page(8)
    assert not page.can_confirm
    assert page.confirmation.startswith("You confirmed this message at ")


async def test_a_confirmation_that_does_not_get_through_can_be_tried_again() -> None:
    model = _home()
    view_model = MessagesViewModel(model, FakeHub(model, fails=True))
    assert not await view_model.confirm(8)
    page = view_model.page(8)
    assert page.can_confirm
    assert page.confirmation == "Could not reach the smart meter hub. Please try again."
