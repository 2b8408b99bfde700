"""Your network: let a new device join this display's own ZigBee network, and back the network up.

Offered (under More) only when the display runs its own coordinator. "Add a device" opens the
network for three minutes with a countdown; a device with an install code on its label is let in
by its EUI-64 and code, checked as typed before anything is sent. Devices that join appear as they
are recognised. Every outcome is said in words, with a mark, never by colour alone.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.host.context import ExperienceContext, OwnNetworkPort
from app.ui.i18n import QT_WORDING
from app.ui.labels import role_label
from app.ui.touch_button import MIN_TOUCH_PX, TouchButton
from app.wording import fill
from han.formats.install_codes import LabelError
from han.model import ModelChange
from ihd.screen import IhdScreen, Navigator
from ihd.view_models.network import JOIN_WINDOW_S, NetworkViewModel

translate = QCoreApplication.translate


class NetworkScreen(IhdScreen):
    tick_ms = 1000  # the countdown, and devices joining

    def __init__(
        self,
        context: ExperienceContext,
        navigator: Navigator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, navigator, parent)
        self.setObjectName("ihd-network")
        self._view_model = NetworkViewModel(context.devices, QT_WORDING)
        self.tasks: set[asyncio.Future[None]] = set()

        self.heading = role_label("heading")
        self.steps = role_label("caption")
        self.steps.setWordWrap(True)
        self.state = role_label("heading")
        self.open_button = TouchButton()
        self.open_button.clicked.connect(self.open_network)
        self.close_button = TouchButton()
        self.close_button.clicked.connect(self.close_network)
        self.joined = role_label()
        self.joined.setWordWrap(True)

        open_card = QFrame()
        open_card.setProperty("role", "card")
        open_layout = QVBoxLayout(open_card)
        open_layout.addWidget(self.heading)
        open_layout.addWidget(self.steps)
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.close_button)
        open_layout.addLayout(row)
        open_layout.addWidget(self.joined)

        self.eui64 = QLineEdit()
        self.install_code = QLineEdit()
        for field in (self.eui64, self.install_code):
            field.setMinimumHeight(MIN_TOUCH_PX)  # a fingertip, like every control
        self.eui64_caption, self.install_code_caption = role_label(), role_label()
        self.eui64_caption.setBuddy(self.eui64)
        self.install_code_caption.setBuddy(self.install_code)
        self.code_button = TouchButton()
        self.code_button.clicked.connect(self.admit_by_code)
        self.code_card = code_card = QFrame()
        code_card.setProperty("role", "card")
        code_card.hide()  # behind "Install code…": most devices join without one
        self.code_toggle = TouchButton()
        self.code_toggle.setCheckable(True)
        self.code_toggle.toggled.connect(code_card.setVisible)
        # Room on 800×480: the typing card stands in for the opening steps while it is open.
        self.code_toggle.toggled.connect(self._typing)
        grid = QGridLayout(code_card)
        grid.addWidget(self.eui64_caption, 1, 0)
        grid.addWidget(self.eui64, 1, 1)
        grid.addWidget(self.install_code_caption, 2, 0)
        grid.addWidget(self.install_code, 2, 1)
        grid.addWidget(self.code_button, 1, 2, 2, 1)
        grid.setColumnStretch(1, 1)

        self.backup_state = role_label("caption")
        self.backup_state.setWordWrap(True)
        self.backup_button = TouchButton()
        self.backup_button.clicked.connect(self.back_up)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.code_toggle)
        backup_row.addWidget(self.backup_state, 1)
        backup_row.addWidget(self.backup_button)

        self.outcome = role_label("status")
        self.outcome.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 4)
        layout.setSpacing(6)
        layout.addWidget(open_card)
        layout.addLayout(backup_row)
        layout.addWidget(code_card)
        layout.addWidget(self.outcome)
        layout.addStretch(1)

        self.until_closed(self._cancel_tasks)
        self.retranslate()
        self.refresh()

    def _typing(self, typing: bool) -> None:
        self.heading.setVisible(not typing)
        self.steps.setVisible(not typing)

    @property
    def network(self) -> OwnNetworkPort | None:
        return self.context.network

    def retranslate(self) -> None:
        self.heading.setText(translate("NetworkScreen", "Add a device"))
        self.steps.setText(
            translate(
                "NetworkScreen",
                "Put the device into pairing mode, then open the network for it.",
            )
        )
        words = {
            self.open_button: translate("NetworkScreen", "Open for 3 minutes"),
            self.close_button: translate("NetworkScreen", "Close"),
            self.code_button: translate("NetworkScreen", "Let it join"),
            self.backup_button: translate("NetworkScreen", "Back up the network"),
            self.code_toggle: translate("NetworkScreen", "Install code…"),
        }
        for button, text in words.items():
            button.set_words(text)
            button.describe(text)
        self.code_toggle.describe(
            self.code_toggle.accessibleName(),
            translate("NetworkScreen", "For a device with an install code on its label"),
        )
        self.eui64_caption.setText(translate("NetworkScreen", "EUI-64"))
        self.install_code_caption.setText(translate("NetworkScreen", "Install code"))
        self.eui64.setPlaceholderText("00:0D:6F:00:0A:0B:0C:0D")
        self.install_code.setPlaceholderText("83FE D340 7A93 9723 A5C6 39B2 6916 D505 C3B5")
        self.eui64.setAccessibleName(self.eui64_caption.text())
        self.install_code.setAccessibleName(self.install_code_caption.text())

    def refresh(self) -> None:
        page = self._view_model.page(self.context.now())
        self.state.setText(page.state)
        self.open_button.setVisible(not page.is_open)
        self.close_button.setVisible(page.is_open)
        self.joined.setText("\n".join(page.joined))
        self.joined.setVisible(bool(page.joined))
        self.backup_state.setText(page.backup)

    def model_changed(self, change: ModelChange) -> None:
        """The network is the coordinator's, not the model's: the tick follows it."""

    # Actions -------------------------------------------------------------------------------

    def open_network(self) -> None:
        self._run(self._permit(JOIN_WINDOW_S))

    def close_network(self) -> None:
        self._run(self._permit(0))

    def admit_by_code(self) -> None:
        network = self.network
        if network is None:
            return
        eui64, code = self.eui64.text(), self.install_code.text()
        self._run(self._admit(network, eui64, code))

    def back_up(self) -> None:
        self._run(self._back_up())

    async def _permit(self, seconds: int) -> None:
        network = self.network
        if network is None:
            return
        known = self._view_model.known()
        try:
            await network.permit_joining(seconds)
        except Exception as error:  # the radio's own kinds: say it, change nothing
            self._say(self._failed(error))
            return
        now = self.context.now()
        if seconds:
            self._view_model.opened(now, known, seconds)
            self._say(translate("NetworkScreen", "✓ Open: new devices may join now."))
        else:
            self._view_model.closed()
            self._say(translate("NetworkScreen", "Closed."))
        self.refresh()

    async def _admit(self, network: OwnNetworkPort, eui64: str, code: str) -> None:
        known = self._view_model.known()
        try:
            await network.permit_with_install_code(eui64, code, JOIN_WINDOW_S)
        except LabelError as error:
            self._say(
                "⚠ "
                + self._label_problem(error)
                + " "
                + translate("NetworkScreen", "Nothing was sent.")
            )
            return
        except Exception as error:
            self._say(self._failed(error))
            return
        self._view_model.opened(self.context.now(), known)
        self._say(
            fill(
                translate("NetworkScreen", "✓ %1 may join with its install code for 3 minutes."),
                eui64.strip(),
            )
        )
        self.refresh()

    async def _back_up(self) -> None:
        network = self.network
        if network is None:
            return
        try:
            where = await network.back_up()
        except Exception as error:
            self._say(self._failed(error))
            return
        # Told on the meters' clock, like every time the display shows.
        self._view_model.backed_up(self.context.model.han_now(self.context.now()), str(where))
        self._say(translate("NetworkScreen", "✓ Backed up."))
        self.refresh()

    def _label_problem(self, error: LabelError) -> str:
        if error.field == "eui64":
            return fill(
                translate("NetworkScreen", "An EUI-64 has 16 hex digits; this one has %1."),
                str(error.digits),
            )
        if error.problem == "length":
            return fill(
                translate(
                    "NetworkScreen",
                    "An install code has 16, 20, 28 or 36 hex digits; this one has %1.",
                ),
                str(error.digits),
            )
        return translate(
            "NetworkScreen",
            "The install code's check digits do not match: is a character mistyped?",
        )

    def _failed(self, error: Exception) -> str:
        return fill(
            translate("NetworkScreen", "⚠ That did not work: %1"), str(error) or repr(error)
        )

    def _say(self, text: str) -> None:
        self.outcome.setText(text)

    def _run(self, job: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(job)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def _cancel_tasks(self) -> None:
        for task in self.tasks:
            task.cancel()
