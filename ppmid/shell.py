"""The PPMID's frame: a header with the page's name, the low-credit alarm and the clock, and the
pages – balance, top-up, emergency credit, turning the supply on, supplier messages.

Keyboard: Tab walks the buttons, Enter or Space press, Escape goes back to the balance, PageUp and
PageDown move through a long message (or a page longer than the screen); on the top-up page digits
type the code (see ``ppmid/top_up_screen.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.host.context import ExperienceContext
from app.ui.announce import announce
from app.ui.device_shell import DeviceShell
from app.ui.i18n import QT_WORDING
from app.ui.scrolling_page import scrolling
from app.ui.theme import THEMES
from app.ui.touch_button import TouchButton
from han.domain.firmware_status import UpdateState
from han.model import Fuel
from ppmid.about_screen import AboutScreen
from ppmid.balance_screen import BalanceScreen
from ppmid.emergency_screen import EmergencyScreen
from ppmid.low_credit_alarm import LowCreditAlarm
from ppmid.messages_screen import MessagesScreen
from ppmid.page import PpmidPage
from ppmid.supply_screen import SupplyScreen
from ppmid.top_up_screen import TopUpScreen
from ppmid.view_models.about import AboutViewModel

translate = QCoreApplication.translate

HOME = "balance"


class PpmidShell(DeviceShell):
    home_key = HOME

    def __init__(self, context: ExperienceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("ppmid-shell")

        self.title = QLabel("")
        self.title.setProperty("role", "title")
        self.alarm = QLabel("")
        self.alarm.setProperty("role", "badge")
        self.alarm.setWordWrap(True)
        self.alarm.setMinimumHeight(48)
        self.silence = TouchButton()
        self.silence.clicked.connect(self._silence)
        header = QFrame()
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(12, 4, 12, 0)
        header_row.addWidget(self.title)
        header_row.addStretch(1)
        self.update_badge = QLabel("")
        self.update_badge.setProperty("role", "badge")
        header_row.addWidget(self.update_badge)
        header_row.addWidget(self.clock)
        self.alarm_row = QFrame()
        alarm_row = QHBoxLayout(self.alarm_row)
        alarm_row.setContentsMargins(12, 2, 12, 0)
        alarm_row.addWidget(self.alarm, 1)
        alarm_row.addWidget(self.silence)

        self.stack = QStackedWidget()
        self.pages: dict[str, PpmidPage] = {
            "balance": BalanceScreen(context, self),
            "top_up": TopUpScreen(context, self),
            "emergency": EmergencyScreen(context, self),
            "supply": SupplyScreen(context, self),
            "messages": MessagesScreen(context, self),
            "about": AboutScreen(context, self),
        }
        self._scrolling = {key: scrolling(page) for key, page in self.pages.items()}
        for area in self._scrolling.values():
            self.stack.addWidget(area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.alarm_row)
        layout.addWidget(self.stack, 1)

        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, lambda: self.go_to(HOME))
        self._paging = [
            QShortcut(QKeySequence(key), self, lambda pages=pages: self._scroll(pages))
            for key, pages in ((Qt.Key.Key_PageDown, +1), (Qt.Key.Key_PageUp, -1))
        ]
        self.about = AboutViewModel(context.model, QT_WORDING)
        self.low_credit = LowCreditAlarm(
            context.model, context.settings, context.sound, QT_WORDING, self._show_alarm
        )
        self.go_to(HOME)
        self.start()

    # Pages ----------------------------------------------------------------------------------

    def current_key(self) -> str:
        shown = self.stack.currentWidget()
        return next(key for key, area in self._scrolling.items() if area is shown)

    def page_for(self, key: str) -> PpmidPage:
        return self.pages[key]

    def go_to(self, key: str) -> None:
        page = self.pages.get(key)
        if page is None:
            return
        self.stack.setCurrentWidget(self._scrolling[key])
        page.page_shown()
        page.refresh()
        self._tick()  # the page just drawn tells times by the HAN's clock now: so does the corner
        self._retitle()

    def _scroll(self, pages: int) -> None:
        key = self.current_key()
        if self.pages[key].scroll_pages(pages):
            return
        bar = self._scrolling[key].verticalScrollBar()
        bar.setValue(bar.value() + pages * bar.pageStep())

    # Words, theme, alarm --------------------------------------------------------------------

    def retranslate(self) -> None:
        self.silence.set_words(translate("PpmidShell", "Silence"))
        self.silence.describe(
            self.silence.words(), translate("PpmidShell", "Stop the low-credit alarm sounding")
        )
        self._retitle()
        self._show_alarm()
        self._show_update()

    def _retitle(self) -> None:
        titles = {
            "balance": translate("PpmidShell", "Your credit"),
            "top_up": translate("PpmidShell", "Top up"),
            "emergency": translate("PpmidShell", "Emergency credit"),
            "supply": translate("PpmidShell", "Supply"),
            "messages": translate("PpmidShell", "Messages from your supplier"),
            "about": translate("PpmidShell", "About"),
        }
        self.title.setText(titles[self.current_key()])

    def _show_alarm(self) -> None:
        alarm = self.low_credit
        fuels = alarm.low_fuels
        if fuels == (Fuel.ELECTRICITY,):
            words = translate("PpmidShell", "Low electricity credit – please top up soon")
        elif fuels == (Fuel.GAS,):
            words = translate("PpmidShell", "Low gas credit – please top up soon")
        elif fuels:
            words = translate(
                "PpmidShell", "Low credit on electricity and gas – please top up soon"
            )
        else:
            words = translate("PpmidShell", "Low credit – please top up soon")
        if alarm.low and words != self.alarm.text():
            announce(self, words, assertive=True)  # an alarm: said at once, wherever focus is
        self.alarm.setText(words)
        self.alarm.setAccessibleName(self.alarm.text())
        self.alarm.setVisible(alarm.low)
        self.alarm_row.setVisible(alarm.low)
        self.silence.setVisible(alarm.sounding)

    def _silence(self) -> None:
        self.low_credit.silence()

    def _apply_theme(self) -> None:
        theme = THEMES[self.context.settings.theme]
        for page in self.pages.values():
            page.apply_theme(theme)
        self.alarm.setStyleSheet(
            # Dark words on the alarm's red: white on a red light enough to show for every colour
            # vision (protanopes see red darker) would fall below AA contrast.
            f"background: {theme.ambient_high}; color: {theme.background}; font-weight: 700;"
            " padding: 2px 8px; border-radius: 6px;"
        )
        self._show_update()

    def _settled(self) -> None:
        self._show_update()  # the pages follow the model themselves

    def _show_update(self) -> None:
        """ "Updating… 42 %" (or a stopped update) in the header, whatever page is showing."""
        badge = self.about.badge()
        theme = THEMES[self.context.settings.theme]
        failed = self.about.status.state is UpdateState.FAILED
        # An update under way is news (accent); one that stopped is a problem (like the alarm).
        background, colour = (
            (theme.ambient_high, theme.background) if failed else (theme.accent, theme.on_accent)
        )
        self.update_badge.setStyleSheet(
            f"background: {background}; color: {colour}; font-weight: 700;"
            " padding: 2px 8px; border-radius: 6px;"
        )
        self.update_badge.setText(badge)
        self.update_badge.setAccessibleName(badge)
        self.update_badge.setVisible(bool(badge))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.low_credit.close()
        for page in self.pages.values():
            page.close()
        super().closeEvent(event)
