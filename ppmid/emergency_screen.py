"""Emergency credit: what it is (a loan repaid from the next top-up) and a button to confirm."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout
from qasync import asyncSlot

from app.host.context import ExperienceContext
from app.ui.i18n import QT_WORDING
from app.ui.labels import role_label
from app.ui.touch_button import TouchButton
from ppmid.page import Navigator, PpmidPage, result_label, show_result
from ppmid.view_models.actions import EmergencyCreditViewModel
from ppmid.view_models.top_up import NO_RESULT

translate = QCoreApplication.translate


class EmergencyScreen(PpmidPage):
    def __init__(self, context: ExperienceContext, navigator: Navigator) -> None:
        super().__init__(context, navigator)
        self.setObjectName("ppmid-emergency")
        self.view_model = EmergencyCreditViewModel(context.model, context.commands, QT_WORDING)
        self.heading = role_label("title")
        self.explanation = role_label("message")
        self.result = result_label()
        self.confirm = TouchButton()
        self.confirm.setProperty("role", "primary")
        self.confirm.clicked.connect(self._confirm_clicked)
        self.back = self.back_button()
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.heading.setText(translate("EmergencyScreen", "Emergency credit"))
        self.confirm.set_words(translate("EmergencyScreen", "Use emergency credit"))
        self.confirm.describe(
            self.confirm.words(),
            translate("EmergencyScreen", "Tell the meter to start using emergency credit"),
        )
        self.back.set_words(translate("EmergencyScreen", "Back"))
        self.back.describe(self.back.words(), translate("EmergencyScreen", "Back to your balance"))

    def page_shown(self) -> None:
        self.view_model.result = NO_RESULT
        self.refresh()

    def refresh(self) -> None:
        vm = self.view_model
        self.explanation.setText(vm.explanation())
        self.explanation.setVisible(not vm.result.text)
        self.confirm.setVisible(vm.offered() is not None and not vm.result.text)
        self.confirm.setEnabled(not vm.sending)
        show_result(self.result, vm.result, self.theme)

    @asyncSlot()
    async def _confirm_clicked(self) -> None:
        await self.activate()

    async def activate(self) -> None:
        if not self.view_model.sending:
            self.confirm.setEnabled(False)
            await self.view_model.activate()
            self.refresh()
