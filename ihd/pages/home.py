"""The IHD home screen ("Now"): electricity now (kW, £ an hour, ambient level), today per fuel (£ and
kWh, electricity and gas side by side), when the meter was last heard, and unread messages.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.host.context import ExperienceContext
from app.settings.display_settings import Setting
from app.ui.ambient_indicator import AmbientIndicator
from app.ui.big_number import BigNumber
from app.ui.i18n import QT_WORDING
from app.ui.icons import icon
from app.ui.theme import Theme
from app.ui.touch_button import TouchButton
from han.model import Fuel
from ihd.screen import IhdScreen, Navigator
from ihd.view_models.home import FuelToday, HomeScreen, HomeViewModel
from ihd.view_models.spoken import spoken_units

translate = QCoreApplication.translate


class HomeScreenView(IhdScreen):
    tick_ms = 1000  # ages ("updated 5 s ago") grow even when nothing arrives

    def __init__(
        self,
        context: ExperienceContext,
        navigator: Navigator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, navigator, parent)
        self.setObjectName("ihd-home")
        self._view_model = HomeViewModel(context.model, QT_WORDING)
        self._started_at = context.now()
        self.spoken = ""
        """The live readings in one sentence, as last shown."""

        self.searching = QLabel("")
        self.searching.setProperty("role", "searching")
        self.searching.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.searching.setWordWrap(True)

        self.demand = BigNumber("")
        self.cost_per_hour = BigNumber("")
        self.ambient = AmbientIndicator(self.theme)
        ambient_card = self.ambient_card = QFrame()
        ambient_card.setProperty("role", "card")
        self.ambient_caption = QLabel("")
        self.ambient_caption.setProperty("role", "caption")
        ambient_layout = QVBoxLayout(ambient_card)
        ambient_layout.addWidget(self.ambient_caption)
        ambient_layout.addWidget(self.ambient, 1)
        self.today = {fuel: BigNumber("", small=True) for fuel in Fuel}

        live = QWidget()
        grid = QGridLayout(live)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        self._grid = grid
        grid.addWidget(self.demand, 0, 0)
        grid.addWidget(self.cost_per_hour, 0, 1)
        grid.addWidget(ambient_card, 0, 2)
        today_row = QHBoxLayout()
        today_row.setSpacing(10)
        for card in self.today.values():
            today_row.addWidget(card, 1)
        grid.addLayout(today_row, 1, 0, 1, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.searching)
        self.pages.addWidget(live)

        self.last_updated = QLabel("")
        self.last_updated.setProperty("role", "status")
        self.last_updated.setWordWrap(True)
        self.messages_entry = TouchButton()
        self.messages_entry.setVisible(False)
        self.messages_entry.clicked.connect(lambda: self.navigator.go_to("messages"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.last_updated, 1)
        bottom.addWidget(self.messages_entry)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 4)
        layout.setSpacing(8)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)

        self.until_closed(context.settings.subscribe(self._setting_changed))
        self._present()
        self.retranslate()
        self.refresh()

    def _setting_changed(self, setting: Setting) -> None:
        if setting is Setting.PRESENTATION:
            self._present()
            self.refresh()

    def _present(self) -> None:
        """A usability study's design variant (``Presentation``): which figure leads, and
        whether the ambient indicator is there."""
        presentation = self.context.settings.presentation
        money_first = presentation.lead_with == "cost"
        self._grid.addWidget(self.demand, 0, 1 if money_first else 0)
        self._grid.addWidget(self.cost_per_hour, 0, 0 if money_first else 1)
        self.ambient_card.setVisible(presentation.ambient)
        self._energy_first = presentation.lead_with == "energy"

    def retranslate(self) -> None:
        self.demand.set_caption(translate("NowScreen", "Electricity now"))
        self.cost_per_hour.set_caption(translate("NowScreen", "Costing"))
        self.ambient_caption.setText(translate("NowScreen", "Right now"))
        self._name_last_updated()
        self.messages_entry.describe(
            self.messages_entry.words(),
            translate("NowScreen", "Open your messages from your supplier"),
        )

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.ambient.set_theme(theme)
        self.messages_entry.setIcon(icon("messages", theme))

    def refresh(self) -> None:
        now = self.context.now()
        self.show_screen(self._view_model.screen(now, started_at=self._started_at))

    def show_screen(self, screen: HomeScreen) -> None:
        self.messages_entry.setVisible(bool(screen.unread_messages))
        # Welsh has five plural forms for a count (Qt: 0, 1, 2–5, 6, other); tr() picks the form.
        entry = self.tr("%n unread message(s)", None, screen.unread_messages)
        if entry != self.messages_entry.words():
            self.messages_entry.set_words(entry)
            self.retranslate()  # the entry's accessible name is its words
        if screen.searching:
            self.searching.setText(screen.search_message)
            self.pages.setCurrentIndex(0)
            self.last_updated.setText("")
            return
        self.pages.setCurrentIndex(1)
        for widget, shown in (
            (self.demand, screen.demand),
            (self.cost_per_hour, screen.cost_per_hour),
        ):
            widget.show_reading(shown.text, shown.unit, stale=shown.stale, note=shown.note)
        self.ambient.set_level(screen.ambient, stale=screen.ambient_stale)
        shown_fuels = {today.fuel: today for today in screen.today}
        for fuel, card in self.today.items():
            card.setVisible(fuel in shown_fuels)
            if fuel in shown_fuels:
                self._show_today(card, shown_fuels[fuel])
        self.last_updated.setText(screen.last_updated)
        self._name_last_updated()
        # The card says the level in words for a screen reader as the shape and word do on screen.
        self.ambient_card.setAccessibleName(
            f"{translate('NowScreen', 'Right now')}: {self.ambient.word}"
        )
        # The whole screen in one sentence: what a screen reader reads first, and what is spoken.
        self.setAccessibleName(translate("Navigation", "Now"))
        self.setAccessibleDescription(screen.spoken)
        self.spoken = screen.spoken

    def _name_last_updated(self) -> None:
        """The label's words are its name, so a screen reader says the time it holds."""
        shown = self.last_updated.text()
        self.last_updated.setAccessibleName(
            shown or translate("NowScreen", "Last updated: not yet")
        )

    def _show_today(self, card: BigNumber, today: FuelToday) -> None:
        card.set_caption(today.caption)
        note = today.cost.note or today.standing_charge
        energy = f"{today.energy.text} {today.energy.unit}"
        if self._energy_first:  # the kWh big, the £ beside it
            card.show_reading(
                today.energy.text,
                f"{today.energy.unit} · {today.cost.text}",
                stale=today.cost.stale,
                note=note,
            )
        else:
            card.show_reading(today.cost.text, energy, stale=today.cost.stale, note=note)
        # Read as a sentence, whichever figure leads on screen: "£0.72, 2.94 kilowatt hours".
        said = f"{today.cost.text}, {energy}. {note}".strip(" .")
        card.setAccessibleDescription(spoken_units(said, QT_WORDING))
