"""More: the screens that do not fit on the navigation bar at 800 px – Tariff, Budget, while a
meter is in prepayment Credit, and on a display's own coordinator Your network – as big buttons with
an icon, a word and what each is for."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.host.context import ExperienceContext
from app.ui.icons import icon
from app.ui.theme import Theme
from app.ui.touch_button import TouchButton
from ihd.screen import IhdScreen, Navigator, Offered
from ihd.view_models.prepayment import prepayment_meters

translate = QCoreApplication.translate


class MoreScreen(IhdScreen):
    def __init__(
        self,
        context: ExperienceContext,
        navigator: Navigator | None = None,
        parent: QWidget | None = None,
        *,
        offered: Sequence[Offered] = (),
    ) -> None:
        super().__init__(context, navigator, parent)
        self.setObjectName("ihd-more")
        self.descriptors = list(offered)
        self.buttons: dict[str, TouchButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.setSpacing(8)
        for descriptor in self.descriptors:
            button = TouchButton(icon_scale=1.2)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.clicked.connect(lambda _c=False, key=descriptor.key: self.navigator.go_to(key))
            layout.addWidget(button)
            self.buttons[descriptor.key] = button
        layout.addStretch(1)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        for descriptor in self.descriptors:
            label = translate("Navigation", descriptor.label)
            description = translate("Navigation", descriptor.description)
            self.buttons[descriptor.key].set_words(f"{label} – {description}")
            self.buttons[descriptor.key].describe(label, description)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        for descriptor in self.descriptors:
            self.buttons[descriptor.key].setIcon(icon(descriptor.icon, theme))

    def refresh(self) -> None:
        button = self.buttons.get("prepayment")
        if button is not None:  # Credit is offered only while a meter is in prepayment
            button.setVisible(bool(prepayment_meters(self.context.model)))
        network = self.buttons.get("network")
        if network is not None:  # only a display on its own coordinator decides who joins
            network.setVisible(self.context.network is not None)
