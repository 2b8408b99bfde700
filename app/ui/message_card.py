"""One supplier message on a card, as every display shows it (the IHD's and the PPMID's Messages
screens): "Important" and "Message 1 of 3" above, "New" at the right, when it came, the words
themselves scrolling inside the card when they are longer than its room, and where confirmation
stands.

The screen around it keeps the buttons (Previous, Next, Confirm) outside the card, so a long message
never pushes Confirm off the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.ui.scrolling_text import ScrollingText
from app.view_models.messages import MessagePage

translate = QCoreApplication.translate


class MessageCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.important = QLabel("")
        self.important.setProperty("role", "badge")
        self.position = QLabel("")
        self.position.setProperty("role", "heading")
        self.new = QLabel("")
        self.new.setProperty("role", "badge")
        heading = QHBoxLayout()
        heading.addWidget(self.important)
        heading.addWidget(self.position)
        heading.addStretch(1)
        heading.addWidget(self.new)

        self.received = QLabel("")
        self.received.setProperty("role", "caption")
        self.text = ScrollingText("message")
        self.confirmation = QLabel("")
        self.confirmation.setProperty("role", "status")
        self.confirmation.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.received)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.confirmation)
        self.retranslate()

    def retranslate(self) -> None:
        self.new.setText(translate("MessagesScreen", "New"))
        self.text.setAccessibleName(translate("MessagesScreen", "Message"))
        self.text.label.setAccessibleName(translate("MessagesScreen", "Message"))

    def show_page(self, page: MessagePage, *, new: bool) -> None:
        """``new``: marked "New" (the screen decides for how long); never once confirmed."""
        self.position.setText(page.position)
        self.important.setText(page.important)
        self.important.setVisible(bool(page.important))
        self.new.setVisible(new and not page.confirmed)
        self.received.setText(page.received)
        self.text.setText(page.text)
        self.text.setAccessibleDescription(page.text)
        self.text.label.setAccessibleDescription(page.text)
        self.confirmation.setText(page.confirmation)
        self.confirmation.setVisible(bool(page.confirmation))
