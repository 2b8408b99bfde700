"""What the right PIN opens: the kiosk's settings, the way out, or back to the device."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.ui.overlay import Overlay
from app.ui.theme import Theme
from app.ui.touch_button import TouchButton

translate = QCoreApplication.translate


class KioskMenu(Overlay):
    settings_wanted = Signal()
    leave_wanted = Signal()

    def __init__(self, parent: QWidget, theme: Theme) -> None:
        super().__init__(parent)
        self.title = QLabel("")
        self.title.setProperty("role", "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.settings = TouchButton("")
        self.leave = TouchButton("")
        self.back = TouchButton("")
        self.settings.clicked.connect(self._settings)
        self.leave.clicked.connect(self._leave)
        self.back.clicked.connect(self.hide)
        card = QFrame()
        card.setProperty("role", "card")
        column = QVBoxLayout(card)
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(12)
        column.addWidget(self.title)
        for button in (self.settings, self.leave, self.back):
            column.addWidget(button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(96, 32, 96, 32)
        outer.addStretch(1)
        outer.addWidget(card)
        outer.addStretch(1)
        self.set_theme(theme)
        self.retranslate()

    def set_theme(self, theme: Theme) -> None:
        self.set_shade(QColor(theme.background))

    def _settings(self) -> None:
        self.hide()
        self.settings_wanted.emit()

    def _leave(self) -> None:
        self.hide()
        self.leave_wanted.emit()

    def retranslate(self) -> None:
        self.title.setText(translate("KioskMenu", "Kiosk"))
        self.settings.set_words(translate("KioskMenu", "Settings"))
        self.leave.set_words(translate("KioskMenu", "Leave kiosk mode"))
        self.back.set_words(translate("KioskMenu", "Back to the display"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
