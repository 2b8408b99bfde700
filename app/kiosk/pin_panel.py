"""The PIN keypad that stands between a kiosk and its way out (and its settings).

Digits show as dots. Five wrong PINs lock the keypad for a minute, so the 10,000 four-digit PINs
cannot be tried at the wall in an afternoon. Left untouched for half a minute it closes itself, so
it is never left open for the next passer-by.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.kiosk.pin import MAX_DIGITS, MIN_DIGITS
from app.ui.keypad import Keypad
from app.ui.overlay import Overlay
from app.ui.said import Said
from app.ui.theme import Theme
from app.ui.touch_button import TouchButton

WRONG_TRIES: Final = 5
LOCKED_S: Final = 60.0
UNTOUCHED_S: Final = 30.0

translate = QCoreApplication.translate


class PinPanel(Overlay):
    accepted = Signal()
    """The right PIN; the panel has closed."""
    cancelled = Signal()

    def __init__(
        self,
        parent: QWidget,
        verify: Callable[[str], bool],
        theme: Theme,
        now: Callable[[], float] = time.monotonic,
        *,
        title: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._verify = verify
        self._title = title or (lambda: translate("KioskPin", "Enter the kiosk PIN"))
        self._now = now
        self._digits = ""
        self._wrong = 0
        self._locked_until = 0.0
        self.title = QLabel("")
        self.title.setProperty("role", "title")
        self.dots = QLabel("")
        self.dots.setProperty("role", "value-small")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots.setMinimumWidth(200)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self._said = Said(self.message)
        self.who = QLabel("")
        self.who.setProperty("role", "caption")
        self.who.setWordWrap(True)
        self.keypad = Keypad()
        self.keypad.digit.connect(self._digit)
        self.keypad.deleted.connect(self._delete)
        self.keypad.cleared.connect(self._clear)
        self.ok = TouchButton("")
        self.ok.clicked.connect(self._submit)
        self.cancel = TouchButton("")
        self.cancel.clicked.connect(self.close_panel)

        side = QVBoxLayout()
        side.setSpacing(10)
        side.addWidget(self.title)
        side.addWidget(self.who)
        side.addWidget(self.dots)
        side.addWidget(self.message)
        side.addStretch(1)
        side.addWidget(self.ok)
        side.addWidget(self.cancel)
        card = QFrame()
        card.setProperty("role", "card")
        row = QHBoxLayout(card)
        row.setContentsMargins(16, 16, 16, 16)
        row.setSpacing(16)
        row.addLayout(side, 1)
        row.addWidget(self.keypad, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 16, 16, 16)
        outer.addWidget(card)
        self._untouched = QTimer(self)
        self._untouched.setSingleShot(True)
        self._untouched.setInterval(int(UNTOUCHED_S * 1000))
        self._untouched.timeout.connect(self.close_panel)
        self.set_theme(theme)
        self.retranslate()

    def set_theme(self, theme: Theme) -> None:
        self.set_shade(QColor(theme.background))

    # Opening and closing ---------------------------------------------------------------------

    def open_panel(self) -> None:
        self._digits = ""
        self._show()
        self._said.say(self._lock_text if self._locked() else None)
        self.cover()
        self.setFocus()
        self._untouched.start()

    def close_panel(self) -> None:
        if not self.isHidden():
            self._untouched.stop()
            self._digits = ""
            self.hide()
            self.cancelled.emit()

    # Entry -----------------------------------------------------------------------------------

    def _digit(self, digit: str) -> None:
        self._untouched.start()
        if self._locked():
            self._said.say(self._lock_text)
            return
        if len(self._digits) < MAX_DIGITS:
            self._digits += digit
            self._show()

    def _delete(self) -> None:
        self._untouched.start()
        self._digits = self._digits[:-1]
        self._show()

    def _clear(self) -> None:
        self._untouched.start()
        self._digits = ""
        self._show()

    def _submit(self) -> None:
        self._untouched.start()
        if self._locked():
            self._said.say(self._lock_text)
            return
        if len(self._digits) < MIN_DIGITS:
            self._said.say(
                lambda: translate("KioskPin", "The PIN has at least %1 digits.").replace(
                    "%1", str(MIN_DIGITS)
                )
            )
            return
        entered, self._digits = self._digits, ""
        self._show()
        if self._verify(entered):
            self._wrong = 0
            self._untouched.stop()
            self.hide()
            self.accepted.emit()
            return
        self._wrong += 1
        if self._wrong >= WRONG_TRIES:
            self._wrong = 0
            self._locked_until = self._now() + LOCKED_S
            self._said.say(self._lock_text)
        else:
            self._said.say(lambda: translate("KioskPin", "That PIN is not right. Try again."))

    def _locked(self) -> bool:
        return self._now() < self._locked_until

    def _lock_text(self) -> str:
        seconds = max(1, round(self._locked_until - self._now()))
        return translate("KioskPin", "Too many wrong PINs. Try again in %1 s.").replace(
            "%1", str(seconds)
        )

    def _show(self) -> None:
        self.dots.setText("●" * len(self._digits) if self._digits else "○" * MIN_DIGITS)
        self.dots.setAccessibleName(
            translate("KioskPin", "%1 digits entered").replace("%1", str(len(self._digits)))
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self._digit(text)
        elif key == Qt.Key.Key_Backspace:
            self._delete()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
        elif key == Qt.Key.Key_Escape:
            self.close_panel()
        else:
            super().keyPressEvent(event)

    # Words -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self._title())
        self.who.setText(
            translate(
                "KioskPin",
                "For the person who looks after this display. Cancel goes back to it.",
            )
        )
        self.ok.set_words(translate("KioskPin", "OK"))
        self.cancel.set_words(translate("KioskPin", "Cancel"))
        self.keypad.set_words(
            translate("KioskPin", "Delete"),
            translate("KioskPin", "Clear"),
            translate("KioskPin", "Remove the last digit"),
            translate("KioskPin", "Remove every digit"),
        )
        self._show()
        self._said.again()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
