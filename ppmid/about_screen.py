"""About this display: the software version, and a firmware update's progress or outcome."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout

from app.host.context import ExperienceContext
from app.ui.i18n import QT_WORDING
from app.ui.labels import role_label
from han.domain.firmware_status import UpdateState
from ppmid.page import Navigator, PpmidPage
from ppmid.view_models.about import AboutViewModel

translate = QCoreApplication.translate


class AboutScreen(PpmidPage):
    def __init__(self, context: ExperienceContext, navigator: Navigator) -> None:
        super().__init__(context, navigator)
        self.setObjectName("ppmid-about")
        self.view_model = AboutViewModel(context.model, QT_WORDING)
        self.heading = role_label("title")
        self.version = QLabel("")
        self.version.setProperty("role", "heading")
        self.update_text = role_label("message")
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(True)
        self.progress.setMinimumHeight(40)
        self.back = self.back_button()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.version)
        layout.addWidget(self.update_text)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.heading.setText(translate("AboutScreen", "About this display"))
        self.progress.setAccessibleName(translate("AboutScreen", "Update progress"))
        self.back.set_words(translate("AboutScreen", "Back"))
        self.back.describe(self.back.words(), translate("AboutScreen", "Back to your balance"))

    def refresh(self) -> None:
        vm = self.view_model
        self.version.setText(vm.version())
        self.update_text.setText(vm.update())
        self.update_text.setAccessibleName(vm.update())
        self.progress.setVisible(vm.status.state is UpdateState.DOWNLOADING)
        self.progress.setValue(vm.status.percent)
        self.progress.setFormat(f"{vm.status.percent} %")
