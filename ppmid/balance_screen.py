"""The PPMID's main page: the balance of each fuel in prepayment and what can be done about it.

Each fuel has a card – balance in large type, days left at recent use, emergency credit, friendly
credit, debt and the supply – and the buttons below offer what makes sense now: Top up always,
emergency credit when the meter offers it, and turning the supply on once it is ready.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.context import ExperienceContext
from app.i18n import QT_WORDING
from app.ui.fit_label import FitLabel
from app.ui.touch_button import TouchButton
from app.wording import fill
from ppmid.credit_view_model import BalancePage, CreditViewModel, FuelCredit
from ppmid.page import Navigator, PpmidPage

translate = QCoreApplication.translate


class FuelCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.fuel = QLabel("")
        self.fuel.setProperty("role", "heading")
        self.balance = FitLabel("–")
        self.balance.setProperty("role", "value")
        self.days_left = QLabel("")
        self.lines = {
            name: QLabel("") for name in ("emergency_credit", "friendly_credit", "debt", "supply")
        }
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        layout.addWidget(self.fuel)
        layout.addWidget(self.balance)
        layout.addWidget(self.days_left)
        for label in self.lines.values():
            label.setWordWrap(True)
            label.setProperty("role", "status")
            layout.addWidget(label)
        layout.addStretch(1)

    def show_fuel(self, fuel: FuelCredit) -> None:
        self.fuel.setText(fuel.fuel)
        self.balance.setText(fuel.balance)
        self.days_left.setText(fuel.days_left)
        self.days_left.setVisible(bool(fuel.days_left))
        for name, label in self.lines.items():
            text = getattr(fuel, name)
            label.setText(text)
            label.setVisible(bool(text))
        lines = [fuel.balance, fuel.days_left, *(getattr(fuel, name) for name in self.lines)]
        self.setAccessibleName(fuel.fuel)
        self.setAccessibleDescription(". ".join(line for line in lines if line))


class BalanceScreen(PpmidPage):
    def __init__(self, context: ExperienceContext, navigator: Navigator) -> None:
        super().__init__(context, navigator)
        self.setObjectName("ppmid-balance")
        self.view_model = CreditViewModel(context.model, QT_WORDING)
        self.notice = QLabel("")
        self.notice.setProperty("role", "searching")
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cards_row = QHBoxLayout()
        self.cards: list[FuelCard] = []

        self.top_up = TouchButton()
        self.top_up.setProperty("role", "primary")
        self.top_up.clicked.connect(lambda: self.navigator.go_to("top_up"))
        self.emergency = TouchButton()
        self.emergency.clicked.connect(lambda: self.navigator.go_to("emergency"))
        self.supply = TouchButton()
        self.supply.clicked.connect(lambda: self.navigator.go_to("supply"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.top_up)
        buttons.addWidget(self.emergency)
        buttons.addWidget(self.supply)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        layout.addWidget(self.notice, 1)
        layout.addLayout(self.cards_row, 1)
        layout.addLayout(buttons)
        self.page = BalancePage((), "")
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.top_up.set_words(translate("BalanceScreen", "Top up"))
        self.top_up.describe(
            self.top_up.words(), translate("BalanceScreen", "Enter a 20-digit top-up code")
        )
        self.supply.set_words(translate("BalanceScreen", "Turn supply on"))
        self.supply.describe(
            self.supply.words(),
            translate("BalanceScreen", "Your supply is ready to be turned back on"),
        )

    def refresh(self) -> None:
        page = self.page = self.view_model.page()
        self.notice.setText(page.notice)
        self.notice.setVisible(not page.fuels)
        while len(self.cards) < len(page.fuels):
            card = FuelCard()
            self.cards.append(card)
            self.cards_row.addWidget(card, 1)
        for card, fuel in zip(self.cards, page.fuels, strict=False):
            card.show_fuel(fuel)
        for index, card in enumerate(self.cards):
            card.setVisible(index < len(page.fuels))
        self.top_up.setEnabled(bool(page.fuels))
        offered = next((fuel for fuel in page.fuels if fuel.can_use_emergency_credit), None)
        self.emergency.setVisible(offered is not None)
        if offered is not None:
            words = fill(
                translate("BalanceScreen", "Emergency credit %1"), offered.emergency_credit_amount
            )
            self.emergency.set_words(words)
            self.emergency.describe(
                words,
                translate(
                    "BalanceScreen", "Use emergency credit; it is repaid from your next top-up"
                ),
            )
        self.supply.setVisible(any(fuel.supply_armed for fuel in page.fuels))
