"""The Budget screen: the person's budget for today, this week or this month, how much of it is
spent (a ring in green, amber or red with a shape, and the level in words), − and + to change it,
and an alert – on screen and, when sound is on, aloud – when the budget is crossed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.host.context import ExperienceContext
from app.settings.display_settings import Setting, SoundMode
from app.ui.i18n import QT_WORDING
from app.ui.labels import mark_stale, role_label
from app.ui.one_of import OneOf
from app.ui.theme import Theme
from app.ui.touch_button import TouchButton
from ihd.pages.budget_ring import BudgetRing
from ihd.screen import IhdScreen, Navigator
from ihd.view_models.budget import PERIODS, BudgetPage, BudgetViewModel

translate = QCoreApplication.translate


class BudgetScreen(IhdScreen):
    tick_ms = 5000
    """It follows the model even when hidden (the base's default): crossing the budget alerts on
    any screen."""

    def __init__(
        self,
        context: ExperienceContext,
        navigator: Navigator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, navigator, parent)
        self.setObjectName("ihd-budget")
        self.view_model = BudgetViewModel(context.model, context.settings, QT_WORDING)
        self.period = "day"
        self.page: BudgetPage | None = None

        self._group = OneOf(self)
        periods = QHBoxLayout()
        periods.setSpacing(4)
        self.period_buttons: dict[str, TouchButton] = {}
        for period in PERIODS:
            button = TouchButton()
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, p=period: self.show_period(p))
            self._group.addButton(button)
            periods.addWidget(button)
            self.period_buttons[period] = button
        self.period_buttons["day"].setChecked(True)
        periods.addStretch(1)
        self.less = TouchButton()
        self.more = TouchButton()
        self.less.clicked.connect(lambda: self.change(-1))
        self.more.clicked.connect(lambda: self.change(+1))
        periods.addWidget(self.less)
        periods.addWidget(self.more)

        self.alert = role_label("badge")
        self.alert.setVisible(False)
        self._alert_period: str | None = None
        """The period whose budget the banner on show was raised for."""
        self.ring = BudgetRing()
        self.percent = role_label("value-small")
        self.percent.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.level = role_label("title")
        self.spent = role_label("value-small")
        self.budget = role_label("heading")
        self.detail = role_label("caption")
        self.compared = role_label("caption")
        self.note = role_label("caption")
        words = QVBoxLayout()
        words.setSpacing(2)
        for label in (self.level, self.spent, self.budget, self.detail, self.compared, self.note):
            words.addWidget(label)
        words.addStretch(1)
        ring_column = QVBoxLayout()
        ring_column.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignHCenter)
        ring_column.addWidget(self.percent)
        ring_column.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addLayout(ring_column)
        body.addLayout(words, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        layout.setSpacing(6)
        layout.addLayout(periods)
        layout.addWidget(self.alert)
        layout.addLayout(body, 1)

        self.until_closed(context.settings.subscribe(self._setting_changed))
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        captions = self.view_model.captions()
        for period, button in self.period_buttons.items():
            button.set_words(captions[period])
            button.describe(captions[period], translate("BudgetScreen", "Which budget to show"))
        self.less.set_words("−")
        self.less.describe(translate("BudgetScreen", "Lower the budget"))
        self.more.set_words("+")
        self.more.describe(translate("BudgetScreen", "Raise the budget"))
        self.ring.setAccessibleName(translate("BudgetScreen", "Budget spent"))
        if self._alert_period is not None:  # a banner already up: in the new language, silently
            words = self.view_model.over_words(self._alert_period)
            self.alert.setText(words)
            self.alert.setAccessibleName(words)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.ring.set_theme(theme)

    def show_period(self, period: str) -> None:
        self.period = period
        self.period_buttons[period].setChecked(True)
        self.refresh()

    def change(self, steps: int) -> None:
        self.view_model.change_budget(self.period, steps)

    def _setting_changed(self, setting: Setting) -> None:
        if setting is Setting.BUDGET:
            self.refresh()

    def refresh(self) -> None:
        page = self.view_model.page(self.period, self.context.now())
        for period in PERIODS:  # crossing any budget alerts, whichever one is on show
            if period != self.period:
                other = self.view_model.page(period, self.context.now())
                if other.alert:
                    self._raise_alert(period, other.alert)
        self.show_page(page)

    def show_page(self, page: BudgetPage) -> None:
        self.page = page
        self.ring.set_progress(page.fraction, page.level, page.stale)
        said = f"{page.percent} {page.level_words}".strip()
        self.ring.setAccessibleDescription(
            ". ".join(part for part in (said, page.compared) if part)
        )
        self.percent.setText(page.percent)
        self.level.setText(page.level_words)
        self.level.setVisible(bool(page.level_words))
        self.spent.setText(
            f"{page.spent} " + translate("BudgetScreen", "spent")
            if page.spent != "–"
            else page.spent
        )
        self.budget.setText(page.budget)
        self.detail.setText(page.detail)
        self.compared.setText(page.compared)
        self.compared.setVisible(bool(page.compared))
        self.note.setText(page.note)
        self.note.setVisible(bool(page.note))
        for label in (self.percent, self.level, self.spent):
            mark_stale(label, page.stale)
        self.less.setEnabled(self.context.settings.budget_gbp(self.period) is not None)
        if page.alert:
            self._raise_alert(page.period, page.alert)

    def _raise_alert(self, period: str, text: str) -> None:
        self._alert_period = period
        self.alert.setText(text)
        self.alert.setAccessibleName(text)
        self.alert.setVisible(True)
        sound = self.context.settings.sound
        if sound is SoundMode.SPEAK and self.context.sound.speech_available:
            self.context.sound.speak(text, self.context.settings.language)
        elif sound is not SoundMode.OFF:
            self.context.sound.beep()
