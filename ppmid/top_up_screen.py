"""Entering a top-up code: a large keypad, the code in groups of four, and the meter's answer.

With both fuels on prepayment, two buttons say which meter the code is for (a code meant for the
other meter is sent on there, see ``view_models/top_up.py``).

Keyboard: digits type, Backspace deletes the last digit, Delete clears, Enter sends, and Ctrl+V pastes the digits of whatever text is on the clipboard.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout
from qasync import asyncSlot

from app.host.context import ExperienceContext
from app.settings.display_settings import SoundMode
from app.ui.i18n import QT_WORDING
from app.ui.keypad import Keypad
from app.ui.theme import Theme
from app.ui.touch_button import TouchButton
from han.formats.utrn import UTRN_DIGITS
from han.model import MeterKey
from ppmid.page import Navigator, PpmidPage, result_label, show_result
from ppmid.view_models.code_entry import GROUP, group
from ppmid.view_models.top_up import TopUpViewModel

translate = QCoreApplication.translate

PLACEHOLDER = "_"


class TopUpScreen(PpmidPage):
    def __init__(self, context: ExperienceContext, navigator: Navigator) -> None:
        super().__init__(context, navigator)
        self.setObjectName("ppmid-top-up")
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.view_model = TopUpViewModel(context.model, context.commands, QT_WORDING, context.now)
        self.view_model.on_change = self.refresh

        self.heading = QLabel("")
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        self.fuel_label = QLabel("")
        self.fuel_buttons: dict[MeterKey, TouchButton] = {}
        self.fuel_row = QHBoxLayout()
        self.fuel_row.addWidget(self.fuel_label)
        self.code = QLabel("")
        self.code.setProperty("role", "code")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = QLabel("")
        self.progress.setProperty("role", "caption")
        self.result = result_label()

        self.send = TouchButton()
        self.send.setProperty("role", "primary")
        self.send.clicked.connect(self._send_clicked)
        self.paste = TouchButton()
        self.paste.clicked.connect(self._paste)
        self.back = self.back_button()

        self.keypad = Keypad()
        self.keypad.digit.connect(self._digit)
        self.keypad.deleted.connect(self._delete)
        self.keypad.cleared.connect(self._clear)

        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addLayout(self.fuel_row)
        left.addWidget(self.progress)
        left.addWidget(self.result)
        left.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.send)
        actions.addWidget(self.paste)
        actions.addWidget(self.back)
        left.addLayout(actions)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.keypad, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.code)
        layout.addLayout(body, 1)
        self.retranslate()
        self.refresh()

    # Words and looks ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(translate("TopUpScreen", "Enter your 20-digit top-up code"))
        self.send.set_words(translate("TopUpScreen", "Send"))
        self.send.describe(
            self.send.words(), translate("TopUpScreen", "Send the code to your meter")
        )
        self.paste.set_words(translate("TopUpScreen", "Paste"))
        self.paste.describe(
            self.paste.words(), translate("TopUpScreen", "Take the digits of a copied code")
        )
        self.back.set_words(translate("TopUpScreen", "Back"))
        self.back.describe(self.back.words(), translate("TopUpScreen", "Back to your balance"))
        self.keypad.set_words(
            translate("TopUpScreen", "Delete"),
            translate("TopUpScreen", "Clear"),
            translate("TopUpScreen", "Remove the last digit"),
            translate("TopUpScreen", "Remove every digit"),
        )
        self.code.setAccessibleName(translate("TopUpScreen", "Top-up code"))
        self.fuel_label.setText(translate("TopUpScreen", "For:"))

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._style_code()
        self.refresh()

    def _style_code(self) -> None:
        """The code in fixed-width type, as large as the page's width allows for 24 characters."""
        size = max(18, min(round(self.height() / 11), round(self.width() / 17)))
        theme = self.theme
        self.code.setStyleSheet(
            f"font-family: monospace; font-size: {size}px; font-weight: 700;"
            f" background: {theme.surface}; border: 2px solid {theme.control_border};"
            " border-radius: 8px; padding: 4px;"
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._style_code()

    def refresh(self) -> None:
        vm = self.view_model
        digits = vm.entry.digits
        self.code.setText(group(digits + PLACEHOLDER * (UTRN_DIGITS - len(digits))))
        self.code.setAccessibleDescription(vm.entry.grouped)
        self.progress.setText(vm.progress())
        self.send.setEnabled(vm.can_send)
        self._show_fuels()
        if vm.result.text and vm.result.text != self.result.text():
            self._speak(vm.result.text)  # the meter's answer
        show_result(self.result, vm.result, self.theme)

    def _speak(self, text: str) -> None:
        if self.context.settings.sound is SoundMode.SPEAK:
            self.context.sound.speak(text, QT_WORDING.language)

    def _show_fuels(self) -> None:
        """One button per prepayment meter when there are two; the chosen one ticked."""
        vm = self.view_model
        choices = vm.choices() if len(vm.choices()) > 1 else []
        for key in [key for key in self.fuel_buttons if key not in choices]:
            self.fuel_buttons.pop(key).deleteLater()
        for key in choices:
            if key not in self.fuel_buttons:
                button = TouchButton()
                button.clicked.connect(lambda _=False, chosen=key: self._choose(chosen))
                self.fuel_buttons[key] = button
                self.fuel_row.addWidget(button)
        target = vm.target()
        for key, button in self.fuel_buttons.items():
            chosen = key == target
            title = vm.fuel_title(key)
            button.set_words(("✓ " if chosen else "") + title)
            button.describe(
                title,
                translate("TopUpScreen", "The code is for this meter")
                if chosen
                else translate("TopUpScreen", "Choose this meter for the code"),
            )
            if button.property("role") != ("primary" if chosen else None):
                button.setProperty("role", "primary" if chosen else None)
                button.style().unpolish(button)
                button.style().polish(button)
        self.fuel_label.setVisible(bool(choices))

    def _choose(self, meter: MeterKey) -> None:
        self.view_model.choose(meter)
        self.refresh()

    def page_shown(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    # Typing ---------------------------------------------------------------------------------

    def _digit(self, digit: str) -> None:
        self.view_model.press(digit)
        self.refresh()
        digits = self.view_model.entry.digits
        if digits and len(digits) % GROUP == 0:
            # Read back in the groups printed on the receipt, one digit at a time.
            self._speak(" ".join(digits[-GROUP:]))

    def _delete(self) -> None:
        self.view_model.delete()
        self.refresh()

    def _clear(self) -> None:
        self.view_model.clear()
        self.refresh()

    def _paste(self) -> None:
        self.view_model.paste(QGuiApplication.clipboard().text())
        self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if event.matches(QKeySequence.StandardKey.Paste):
            self._paste()
        elif len(text) == 1 and text.isdigit() and text.isascii():
            self._digit(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self._delete()
        elif event.key() == Qt.Key.Key_Delete:
            self._clear()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._send_clicked()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # Sending --------------------------------------------------------------------------------

    @asyncSlot()
    async def _send_clicked(self) -> None:
        await self.submit()

    async def submit(self) -> None:
        if not self.view_model.sending:
            await self.view_model.send()
            self.refresh()
