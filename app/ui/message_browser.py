"""Reading supplier messages one at a time, as every display does (the IHD's and the PPMID's
Messages screens): which message is on show, Previous / Next through them, Confirm (which tells the
hub over the HAN, ``ExperienceContext.commands``) and what a screen reader hears of it.

A visit opens on the newest unread message. A message is read once it has been on screen, but it
keeps its "New" mark for the visit it arrived in, until it is confirmed.

The screen owns the browser and lays out its card and row of buttons (``app/ui/message_card.py``,
``app/ui/message_buttons.py``); the browser redraws through the screen's own ``refresh``, so
whatever else the screen shows (the IHD's "New message") is redrawn with the message.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from qasync import asyncSlot

from app.host.context import ExperienceContext
from app.ui.announce import announce
from app.ui.i18n import QT_WORDING
from app.ui.message_buttons import MessageButtons
from app.ui.message_card import MessageCard
from app.ui.model_page import ModelPage
from app.ui.theme import Theme
from app.view_models.messages import MessagePage, MessagesViewModel


class MessageBrowser(QObject):
    def __init__(
        self,
        screen: ModelPage,
        context: ExperienceContext,
        *,
        first: Sequence[QWidget] = (),
        before_confirm: Sequence[QWidget] = (),
    ) -> None:
        """``first`` and ``before_confirm``: the screen's own buttons in the row (see
        ``MessageButtons``)."""
        super().__init__(screen)
        self._screen = screen
        self._model = context.model
        self.view_model = MessagesViewModel(
            context.model, context.commands, QT_WORDING, from_feed=context.from_feed
        )
        self.current_id: int | None = None
        self._new_this_visit: set[int] = set()
        """Messages that were unread when they came on screen keep their "New" mark until the
        person leaves, although showing them marked them read."""

        self.card = MessageCard()
        self.buttons = MessageButtons(first=first, before_confirm=before_confirm)
        self.buttons.previous.clicked.connect(lambda: self.step(-1))
        self.buttons.next.clicked.connect(lambda: self.step(+1))
        self.buttons.confirm.clicked.connect(self._confirm_clicked)

    def retranslate(self) -> None:
        self.buttons.retranslate()
        self.card.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        self.buttons.apply_theme(theme)

    def visit_begins(self) -> None:
        """The screen has come on show: nothing is "New" from before, and the newest unread
        message comes first. The screen redraws."""
        self._new_this_visit.clear()
        self.current_id = self.view_model.first_to_show()

    def show_first(self) -> None:
        """Back to the newest unread message (one that came while the screen was open)."""
        self.current_id = self.view_model.first_to_show()
        self._screen.refresh()

    def step(self, step: int) -> None:
        """Previous (-1, newer) or Next (+1, older)."""
        self.current_id = self.view_model.neighbour(self.current_id, step)
        self._screen.refresh()

    def scroll_pages(self, pages: int) -> bool:
        return self.card.text.scroll_pages(pages)

    @asyncSlot()
    async def _confirm_clicked(self) -> None:
        if self.current_id is not None:
            confirmed = await self.view_model.confirm(self.current_id)
            self._screen.refresh()
            # The Confirm button has gone from under the person's finger (or focus): say what
            # became of it – confirmed at what time, or that the hub could not be reached.
            announce(self._screen, self.card.confirmation.text(), assertive=not confirmed)

    def show_current(self) -> MessagePage:
        """The message part of the screen's redraw: the message on show (the first to show, if
        it has gone), marked read now that it is on screen."""
        if self.current_id not in self._model.messages:
            self.current_id = self.view_model.first_to_show()
        page = self.view_model.page(self.current_id)
        if page.unread and page.message_id is not None:
            self._new_this_visit.add(page.message_id)
        self.card.show_page(page, new=page.message_id in self._new_this_visit)
        self.buttons.show_page(page)
        if self._screen.isVisible():
            self.view_model.mark_read(page.message_id)  # on screen now, so read
        return page
