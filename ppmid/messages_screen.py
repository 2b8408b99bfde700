"""The PPMID's supplier messages: about credit, debt or the supply being interrupted, a prepayment
customer needs them at the device they top up on (the hub serves its Messaging cluster to every
bound display, the PPMID too).

One message at a time on a card (``app/ui/message_card.py``, as on the IHD), newest first, opening
on the newest unread one. A long message scrolls inside the card – by finger, scroll bar or
PageUp/PageDown – so Back and Confirm stay on screen at 800×480 in large text. Confirm tells the hub
over the HAN (``ExperienceContext.commands``), as the IHD does. A message stays marked "New" for
the visit it arrived in, until it is confirmed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout
from qasync import asyncSlot

from app.host.context import ExperienceContext
from app.ui.announce import announce
from app.ui.i18n import QT_WORDING
from app.ui.message_buttons import MessageButtons
from app.ui.message_card import MessageCard
from app.ui.theme import Theme
from app.view_models.messages import MessagesViewModel
from han.model import Field, ModelChange
from ppmid.page import Navigator, PpmidPage

translate = QCoreApplication.translate


class MessagesScreen(PpmidPage):
    def __init__(self, context: ExperienceContext, navigator: Navigator) -> None:
        super().__init__(context, navigator)
        self.setObjectName("ppmid-messages")
        self.view_model = MessagesViewModel(
            context.model, context.commands, QT_WORDING, from_feed=context.from_feed
        )
        self.current_id: int | None = None
        self._new_this_visit: set[int] = set()
        """Messages unread when they came on screen keep "New" until the person leaves, although
        showing them marked them read."""

        self.card = MessageCard()
        self.back = self.back_button()
        self.buttons = MessageButtons(first=(self.back,))
        self.previous = self.buttons.previous
        self.next = self.buttons.next
        self.confirm = self.buttons.confirm
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(+1))
        self.confirm.clicked.connect(self._confirm_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        layout.addWidget(self.card, 1)
        layout.addLayout(self.buttons)

        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.back.set_words(translate("PpmidMessages", "Back"))
        self.back.describe(self.back.words(), translate("PpmidMessages", "Back to your balance"))
        self.buttons.retranslate()
        self.card.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.buttons.apply_theme(theme)

    def page_shown(self) -> None:
        self._new_this_visit.clear()
        self.current_id = self.view_model.first_to_show()

    def model_changed(self, change: ModelChange) -> None:
        if change.meter is None and Field.MESSAGES in change.fields:
            self.refresh_soon()

    def scroll_pages(self, pages: int) -> bool:
        return self.card.text.scroll_pages(pages)

    def _step(self, step: int) -> None:
        self.current_id = self.view_model.neighbour(self.current_id, step)
        self.refresh()

    @asyncSlot()
    async def _confirm_clicked(self) -> None:
        if self.current_id is not None:
            confirmed = await self.view_model.confirm(self.current_id)
            self.refresh()
            # Confirm has gone from under the person's finger (or focus): say what became of it.
            announce(self, self.card.confirmation.text(), assertive=not confirmed)

    def refresh(self) -> None:
        if self.current_id not in self.context.model.messages:
            self.current_id = self.view_model.first_to_show()
        page = self.view_model.page(self.current_id)
        if page.unread and page.message_id is not None:
            self._new_this_visit.add(page.message_id)
        self.card.show_page(page, new=page.message_id in self._new_this_visit)
        self.buttons.show_page(page)
        if self.isVisible():
            self.view_model.mark_read(page.message_id)  # on screen now, so read
