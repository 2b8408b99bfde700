"""The row of buttons under a supplier message's card, the same on every display that shows
messages (the IHD's and the PPMID's Messages screens): Previous and Next at the left, Confirm at the
right, and whatever else the screen puts beside them (the PPMID's Back first, the IHD's "New
message" before Confirm).

The screen decides what a press does; this row words the buttons and shows which of them a page
allows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QWidget

from app.ui.icons import icon
from app.ui.theme import Theme
from app.ui.touch_button import TouchButton
from app.view_models.messages import MessagePage

translate = QCoreApplication.translate


class MessageButtons(QHBoxLayout):
    def __init__(
        self, *, first: Sequence[QWidget] = (), before_confirm: Sequence[QWidget] = ()
    ) -> None:
        super().__init__()
        self.previous = TouchButton()
        self.next = TouchButton()
        self.confirm = TouchButton()
        self.confirm.setProperty("role", "primary")
        for widget in first:
            self.addWidget(widget)
        self.addWidget(self.previous)
        self.addWidget(self.next)
        self.addStretch(1)
        for widget in before_confirm:
            self.addWidget(widget)
        self.addWidget(self.confirm)
        self.retranslate()

    def retranslate(self) -> None:
        self.previous.set_words(translate("MessagesScreen", "Previous"))
        self.previous.describe(self.previous.words(), translate("MessagesScreen", "Newer message"))
        self.next.set_words(translate("MessagesScreen", "Next"))
        self.next.describe(self.next.words(), translate("MessagesScreen", "Older message"))
        self.confirm.set_words(translate("MessagesScreen", "Confirm"))
        self.confirm.describe(
            self.confirm.words(),
            translate("MessagesScreen", "Tell your supplier you have read this message"),
        )

    def apply_theme(self, theme: Theme) -> None:
        self.confirm.setIcon(icon("confirm", theme))

    def show_page(self, page: MessagePage) -> None:
        """Confirm only where the supplier asks for it; Previous and Next only with a message on
        show, and each only where there is a message that way."""
        self.confirm.setVisible(page.can_confirm)
        self.previous.setEnabled(page.has_previous)
        self.next.setEnabled(page.has_next)
        self.previous.setVisible(page.message_id is not None)
        self.next.setVisible(page.message_id is not None)
