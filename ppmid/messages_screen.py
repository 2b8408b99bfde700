"""The PPMID's supplier messages: about credit, debt or the supply being interrupted, a prepayment
customer needs them at the device they top up on (the hub serves its Messaging cluster to every
bound display, the PPMID too).

One message at a time on a card, newest first, opening on the newest unread one, read as on the IHD
(``app/ui/message_browser.py``). A long message scrolls inside the card – by finger, scroll bar or
PageUp/PageDown – so Back and Confirm stay on screen at 800×480 in large text. Confirm tells the hub
over the HAN (``ExperienceContext.commands``), as the IHD does. A message stays marked "New" for
the visit it arrived in, until it is confirmed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout

from app.host.context import ExperienceContext
from app.ui.message_browser import MessageBrowser
from app.ui.theme import Theme
from han.model import Field, ModelChange
from ppmid.page import Navigator, PpmidPage

translate = QCoreApplication.translate


class MessagesScreen(PpmidPage):
    def __init__(self, context: ExperienceContext, navigator: Navigator) -> None:
        super().__init__(context, navigator)
        self.setObjectName("ppmid-messages")
        self.back = self.back_button()
        self.browser = MessageBrowser(self, context, first=(self.back,))
        self.card = self.browser.card
        self.buttons = self.browser.buttons
        self.previous = self.buttons.previous
        self.next = self.buttons.next
        self.confirm = self.buttons.confirm

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        layout.addWidget(self.card, 1)
        layout.addLayout(self.buttons)

        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.back.set_words(translate("PpmidMessages", "Back"))
        self.back.describe(self.back.words(), translate("PpmidMessages", "Back to your balance"))
        self.browser.retranslate()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.browser.apply_theme(theme)

    def page_shown(self) -> None:
        self.browser.visit_begins()

    def model_changed(self, change: ModelChange) -> None:
        if change.meter is None and Field.MESSAGES in change.fields:
            self.refresh_soon()

    def scroll_pages(self, pages: int) -> bool:
        return self.browser.scroll_pages(pages)

    def refresh(self) -> None:
        self.browser.show_current()
