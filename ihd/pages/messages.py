"""The Messages screen: one supplier message at a time, in large type, with Previous / Next and, when
the supplier asks for it, Confirm (which tells the hub over the HAN).

A message longer than the card's room (up to 254 characters, in large text at 800×480) scrolls
inside the card – by finger, scroll bar, or the PageUp/PageDown keys – so Confirm stays on screen.
A message stays marked "New" for the visit it arrived in, until it is confirmed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget
from qasync import asyncSlot

from app.host.context import ExperienceContext
from app.ui.announce import announce
from app.ui.i18n import QT_WORDING
from app.ui.message_buttons import MessageButtons
from app.ui.message_card import MessageCard
from app.ui.theme import Theme
from app.ui.touch_button import TouchButton
from app.view_models.messages import MessagePage, MessagesViewModel
from han.model import Field, ModelChange
from ihd.screen import IhdScreen, Navigator

translate = QCoreApplication.translate


class MessagesScreen(IhdScreen):
    def __init__(
        self,
        context: ExperienceContext,
        navigator: Navigator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, navigator, parent)
        self.setObjectName("ihd-messages")
        self._view_model = MessagesViewModel(
            context.model, context.commands, QT_WORDING, from_feed=context.from_feed
        )
        self.current_id: int | None = None
        self._new_this_visit: set[int] = set()
        """Messages that were unread when they came on screen keep their "New" mark until the
        person leaves, although showing them marked them read."""

        self.card = MessageCard()
        # The card's parts, by the names the screen's readers and tests know them.
        self.position = self.card.position
        self.new = self.card.new
        self.text = self.card.text
        self.confirmation = self.card.confirmation

        self.arrived = TouchButton()  # a message that came while this screen was open
        self.arrived.clicked.connect(self._show_arrived)
        self.buttons = MessageButtons(before_confirm=(self.arrived,))
        self.previous = self.buttons.previous
        self.next = self.buttons.next
        self.confirm = self.buttons.confirm
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(+1))
        self.confirm.clicked.connect(self._confirm_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 4)
        layout.addWidget(self.card, 1)
        layout.addLayout(self.buttons)

        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.buttons.retranslate()
        self.arrived.set_words(translate("MessagesScreen", "✉ New message"))
        self.arrived.describe(
            self.arrived.words(), translate("MessagesScreen", "Show the message that has just come")
        )
        self.card.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.buttons.apply_theme(theme)

    def screen_shown(self) -> None:
        self._new_this_visit.clear()
        self.current_id = self._view_model.first_to_show()
        self.refresh()

    def model_changed(self, change: ModelChange) -> None:
        if change.meter is None and Field.MESSAGES in change.fields:
            self.refresh_soon()

    def _show_arrived(self) -> None:
        self.current_id = self._view_model.first_to_show()
        self.refresh()

    def _step(self, step: int) -> None:
        self.current_id = self._view_model.neighbour(self.current_id, step)
        self.refresh()

    def scroll_pages(self, pages: int) -> bool:
        return self.text.scroll_pages(pages)

    @asyncSlot()
    async def _confirm_clicked(self) -> None:
        if self.current_id is not None:
            confirmed = await self._view_model.confirm(self.current_id)
            self.refresh()
            # The Confirm button has gone from under the person's finger (or focus): say what
            # became of it – confirmed at what time, or that the hub could not be reached.
            announce(self, self.confirmation.text(), assertive=not confirmed)

    def refresh(self) -> None:
        if self.current_id not in self.context.model.messages:
            self.current_id = self._view_model.first_to_show()
        page = self._view_model.page(self.current_id)
        if page.unread and page.message_id is not None:
            self._new_this_visit.add(page.message_id)
        self.show_page(page)
        if self.isVisible():
            self._view_model.mark_read(page.message_id)  # on screen now, so read
        self.arrived.setVisible(
            any(
                not message.read and message_id != page.message_id
                for message_id, message in self.context.model.messages.items()
            )
        )

    def show_page(self, page: MessagePage) -> None:
        self.card.show_page(page, new=page.message_id in self._new_this_visit)
        self.buttons.show_page(page)
