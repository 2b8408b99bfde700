"""The Messages screen: one supplier message at a time, in large type, with Previous / Next and, when
the supplier asks for it, Confirm (which tells the hub over the HAN).

A message longer than the card's room (up to 254 characters, in large text at 800×480) scrolls
inside the card – by finger, scroll bar, or the PageUp/PageDown keys – so Confirm stays on screen.
A message stays marked "New" for the visit it arrived in, until it is confirmed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.host.context import ExperienceContext
from app.ui.message_browser import MessageBrowser
from app.ui.theme import Theme
from app.ui.touch_button import TouchButton
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
        self.arrived = TouchButton()  # a message that came while this screen was open
        self.browser = MessageBrowser(self, context, before_confirm=(self.arrived,))
        self.arrived.clicked.connect(self.browser.show_first)

        self.card = self.browser.card
        # The card's parts, by the names the screen's readers and tests know them.
        self.position = self.card.position
        self.new = self.card.new
        self.text = self.card.text
        self.confirmation = self.card.confirmation
        self.buttons = self.browser.buttons
        self.previous = self.buttons.previous
        self.next = self.buttons.next
        self.confirm = self.buttons.confirm

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 4)
        layout.addWidget(self.card, 1)
        layout.addLayout(self.buttons)

        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.browser.retranslate()
        self.arrived.set_words(translate("MessagesScreen", "✉ New message"))
        self.arrived.describe(
            self.arrived.words(), translate("MessagesScreen", "Show the message that has just come")
        )

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.browser.apply_theme(theme)

    def screen_shown(self) -> None:
        self.browser.visit_begins()
        self.refresh()

    def model_changed(self, change: ModelChange) -> None:
        if change.meter is None and Field.MESSAGES in change.fields:
            self.refresh_soon()

    def scroll_pages(self, pages: int) -> bool:
        return self.browser.scroll_pages(pages)

    def refresh(self) -> None:
        page = self.browser.show_current()
        self.arrived.setVisible(
            any(
                not message.read and message_id != page.message_id
                for message_id, message in self.context.model.messages.items()
            )
        )
