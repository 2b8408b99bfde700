"""The IHD's Prepayment screen, read-only: balance, days left, emergency credit and debt for every
meter in prepayment. More offers it only while a meter is in prepayment."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from app.host.context import ExperienceContext
from app.ui.i18n import QT_WORDING
from app.ui.labels import mark_stale, role_label
from han.model import Fuel, ModelChange
from ihd.screen import IhdScreen, Navigator
from ihd.view_models.prepayment import PrepaymentCard, PrepaymentViewModel

translate = QCoreApplication.translate


class CreditCard(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.caption = role_label("heading")
        self.balance_caption = role_label("caption")
        self.balance = role_label("value")
        self.days_left = role_label()
        self.emergency = role_label()
        self.debt = role_label()
        self.warning = role_label("badge")
        self.note = role_label("caption")
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        for label in (
            self.caption,
            self.balance_caption,
            self.balance,
            self.days_left,
            self.emergency,
            self.debt,
            self.warning,
            self.note,
        ):
            layout.addWidget(label)
        layout.addStretch(1)

    def present(self, card: PrepaymentCard) -> None:
        self.caption.setText(card.caption)
        self.balance_caption.setText(card.balance_caption)
        self.balance.setText(card.balance)
        self.balance.setAccessibleName(f"{card.caption}: {card.balance_caption} {card.balance}")
        self.days_left.setText(card.days_left)
        self.emergency.setText(card.emergency)
        self.emergency.setVisible(bool(card.emergency))
        self.debt.setText(card.debt)
        self.warning.setText(card.warning)
        self.warning.setVisible(bool(card.warning))
        self.note.setText(card.note)
        self.note.setVisible(bool(card.note))
        for label in (self.balance, self.days_left, self.emergency, self.debt):
            mark_stale(label, card.stale)


class PrepaymentScreen(IhdScreen):
    tick_ms = 5000  # days left and staleness move without events

    def __init__(
        self,
        context: ExperienceContext,
        navigator: Navigator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, navigator, parent)
        self.setObjectName("ihd-prepayment")
        self._view_model = PrepaymentViewModel(context.model, QT_WORDING)
        self.cards = {fuel: CreditCard() for fuel in Fuel}
        self.none = role_label("message")
        self.read_only = role_label("caption")
        row = QHBoxLayout()
        row.setSpacing(8)
        for card in self.cards.values():
            row.addWidget(card, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        layout.addWidget(self.none)
        layout.addLayout(row, 1)
        layout.addWidget(self.read_only)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        if self.context.from_feed:  # a meter feed carries no credit: never "not in prepayment"
            self.none.setText(
                translate(
                    "PrepaymentScreen",
                    "Credit and top-up are not available from this source.",
                )
            )
            self.read_only.setText("")
            return
        self.none.setText(translate("PrepaymentScreen", "No meter is in prepayment mode."))
        self.read_only.setText(
            translate("PrepaymentScreen", "To top up or use emergency credit, use your PPMID.")
        )

    def model_changed(self, change: ModelChange) -> None:
        if self.isVisible():  # shown again, it ticks at once
            self.refresh_soon()

    def refresh(self) -> None:
        cards = {card.fuel: card for card in self._view_model.cards(self.context.now())}
        self.none.setVisible(not cards)
        for fuel, widget in self.cards.items():
            card = cards.get(fuel)
            widget.setVisible(card is not None)
            if card is not None:
                widget.present(card)
