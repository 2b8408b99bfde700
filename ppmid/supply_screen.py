"""Turning the supply back on after a disconnection: a safety reminder, then press and hold.

Only someone at home may switch an armed supply on (LocalChangeSupply); holding the button for two
seconds makes sure it is meant, and the reminder comes first so nothing dangerous comes on unseen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout
from qasync import asyncSlot

from app.host.context import ExperienceContext
from app.ui.i18n import QT_WORDING
from app.ui.labels import role_label
from app.ui.theme import Theme
from ppmid.hold_button import HoldButton
from ppmid.page import Navigator, PpmidPage, result_label, show_result
from ppmid.view_models.actions import SupplyViewModel
from ppmid.view_models.top_up import NO_RESULT

translate = QCoreApplication.translate


class SupplyScreen(PpmidPage):
    def __init__(self, context: ExperienceContext, navigator: Navigator) -> None:
        super().__init__(context, navigator)
        self.setObjectName("ppmid-supply")
        self.view_model = SupplyViewModel(context.model, context.commands, QT_WORDING)
        self.heading = role_label("title")
        self.safety = role_label("message")
        self.instruction = QLabel("")
        self.instruction.setWordWrap(True)
        self.result = result_label()
        self.hold = HoldButton()
        self.hold.setProperty("role", "primary")
        self.hold.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.hold.setMinimumHeight(96)  # a large, deliberate target
        self.hold.held.connect(self._held)
        self.back = self.back_button()
        buttons = QHBoxLayout()
        buttons.addWidget(self.hold, 1)
        buttons.addWidget(self.back)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.safety)
        layout.addWidget(self.instruction)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.instruction.setText(
            translate("SupplyScreen", "Press and hold the button for 2 seconds.")
        )
        self.hold.set_words(translate("SupplyScreen", "Hold to turn on"))
        self.hold.describe(
            self.hold.words(),
            translate("SupplyScreen", "Press and hold for 2 seconds to turn the supply on"),
        )
        self.back.set_words(translate("SupplyScreen", "Back"))
        self.back.describe(self.back.words(), translate("SupplyScreen", "Back to your balance"))

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.hold.apply_theme(theme)

    def page_shown(self) -> None:
        self.view_model.result = NO_RESULT
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        self.view_model.meter = None  # the next visit starts from the card it came from
        super().hideEvent(event)

    def refresh(self) -> None:
        vm = self.view_model
        self.heading.setText(vm.heading())
        self.safety.setText(vm.safety())
        armed = vm.armed() is not None
        done = bool(vm.result.text) and not vm.sending
        self.safety.setVisible(not done)
        self.instruction.setVisible(armed and not done)
        self.hold.setVisible(not done)
        self.hold.setEnabled(not vm.sending)
        show_result(self.result, vm.result, self.theme)

    @asyncSlot()
    async def _held(self) -> None:
        await self.enable()

    async def enable(self) -> None:
        if not self.view_model.sending:
            self.hold.setEnabled(False)
            await self.view_model.enable()
            self.refresh()
