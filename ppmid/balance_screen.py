"""The PPMID's main page: the balance of each fuel in prepayment and what can be done about it.

Each fuel has a card, side by side – balance in large type, days left at recent use, emergency
credit, friendly credit, debt and its repayment rate, and the supply – with that fuel's own buttons
when they make sense: its emergency credit when the meter offers it, and turning its supply on once
it is ready. Top up, below, takes a code for either meter; Messages, beside it, shows the
supplier's messages and how many are unread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.host.context import ExperienceContext
from app.ui.fit_label import FitLabel
from app.ui.i18n import QT_WORDING
from app.ui.scrolling_page import scrolling
from app.ui.touch_button import TouchButton
from app.wording import fill
from han.model import MeterKey
from ppmid.page import Navigator, PpmidPage
from ppmid.view_models.credit import BalancePage, CreditViewModel, FuelCredit

translate = QCoreApplication.translate


class FuelCard(QFrame):
    def __init__(self, act: Callable[[str, MeterKey], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.meter: MeterKey | None = None
        self.fuel = QLabel("")
        self.fuel.setProperty("role", "heading")
        self.balance = FitLabel("–")
        self.balance.setProperty("role", "value")
        self.days_left = QLabel("")
        self.days_left.setWordWrap(True)
        self.lines = {
            name: QLabel("") for name in ("emergency_credit", "friendly_credit", "debt", "supply")
        }
        self.emergency = TouchButton()
        self.emergency.clicked.connect(lambda: self._act(act, "emergency"))
        self.supply = TouchButton()
        self.supply.clicked.connect(lambda: self._act(act, "supply"))
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
        buttons = QHBoxLayout()
        buttons.addWidget(self.emergency)
        buttons.addWidget(self.supply)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def _act(self, act: Callable[[str, MeterKey], None], page: str) -> None:
        if self.meter is not None:
            act(page, self.meter)

    def show_fuel(self, fuel: FuelCredit) -> None:
        self.meter = fuel.meter
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
        self.emergency.setVisible(fuel.can_use_emergency_credit)
        if fuel.can_use_emergency_credit:
            words = fill(
                translate("BalanceScreen", "Emergency credit %1"), fuel.emergency_credit_amount
            )
            self.emergency.set_words(words)
            self.emergency.describe(
                words,
                fill(
                    translate(
                        "BalanceScreen",
                        "Use %1 emergency credit; it is repaid from your next top-up",
                    ),
                    fuel.fuel,
                ),
            )
        self.supply.setVisible(fuel.supply_armed)
        if fuel.supply_armed:
            words = (
                translate("BalanceScreen", "Turn gas on")
                if fuel.gas
                else translate("BalanceScreen", "Turn electricity on")
            )
            self.supply.set_words(words)
            self.supply.describe(
                words, translate("BalanceScreen", "The supply is ready to be turned back on")
            )


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
        self.messages = TouchButton()
        self.messages.clicked.connect(lambda: self.navigator.go_to("messages"))
        self.about = TouchButton()
        self.about.clicked.connect(lambda: self.navigator.go_to("about"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.top_up)
        buttons.addWidget(self.messages)
        buttons.addStretch(1)
        buttons.addWidget(self.about)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        layout.addWidget(self.notice, 1)
        # The cards scroll on their own (large text, Welsh, a debt line) so Top up stays in view.
        cards = QWidget()
        cards.setLayout(self.cards_row)
        self.cards_row.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(cards), 1)
        layout.addLayout(buttons)
        self.page = BalancePage((), "")
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.about.set_words(translate("BalanceScreen", "About"))
        self.about.describe(
            self.about.words(),
            translate("BalanceScreen", "This display's software version and updates"),
        )
        self.top_up.set_words(translate("BalanceScreen", "Top up"))
        self.top_up.describe(
            self.top_up.words(), translate("BalanceScreen", "Enter a 20-digit top-up code")
        )
        self._show_unread()

    def _show_unread(self) -> None:
        """ "Messages", with how many are unread: a supplier's word about credit or the supply."""
        unread = self.context.model.unread_messages
        words = (
            fill(translate("BalanceScreen", "Messages (%1)"), str(unread))
            if unread
            else translate("BalanceScreen", "Messages")
        )
        if words != self.messages.words():
            self.messages.set_words(words)
            self.messages.describe(
                words, translate("BalanceScreen", "Open your messages from your supplier")
            )

    def refresh(self) -> None:
        page = self.page = self.view_model.page()
        self.notice.setText(page.notice)
        self.notice.setVisible(not page.fuels)
        while len(self.cards) < len(page.fuels):
            card = FuelCard(self._act)
            self.cards.append(card)
            self.cards_row.addWidget(card, 1)
        for card, fuel in zip(self.cards, page.fuels, strict=False):
            card.show_fuel(fuel)
        for index, card in enumerate(self.cards):
            card.setVisible(index < len(page.fuels))
        self.top_up.setEnabled(bool(page.fuels))
        self._show_unread()

    def _act(self, page: str, meter: MeterKey) -> None:
        """A card's button: the emergency-credit or supply page, for that card's meter."""
        target = self.navigator.page_for(page)
        view_model = getattr(target, "view_model", None)
        if view_model is not None:
            view_model.meter = meter
        self.navigator.go_to(page)
