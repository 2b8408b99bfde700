"""The CAD's first screen: pair with the hub by its passkey, or remotely through the supplier.

On the embedded emulated home a clearly labelled demo panel stands in for what a person would do
away from the CAD: press the hub's pairing button, and phone the supplier.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.connection.han_access import PairingDemo
from app.ui.announce import announce
from app.ui.said import Said, Words
from app.wording import fill
from cad.view_models.pairing import CONTEXT, Attempt, PairingFlow


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class PairingScreen(QWidget):
    paired = Signal()

    def __init__(self, flow: PairingFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.tasks: set[asyncio.Future[None]] = set()
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("heading")
        layout.addWidget(self.title)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        # Option 1: the hub's passkey.
        passkey_page = QWidget()
        passkey_layout = QVBoxLayout(passkey_page)
        self.passkey_steps = QLabel()
        self.passkey_steps.setWordWrap(True)
        passkey_layout.addWidget(self.passkey_steps)
        row = QHBoxLayout()
        self.passkey = QLineEdit()
        self.passkey.setMaxLength(13)
        self.passkey.setValidator(QRegularExpressionValidator(r"[0-9 ]{0,13}"))
        self.passkey.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.passkey.returnPressed.connect(self._pair_by_passkey)
        row.addWidget(self.passkey, 1)
        self.pair_button = QPushButton()
        self.pair_button.clicked.connect(self._pair_by_passkey)
        row.addWidget(self.pair_button)
        passkey_layout.addLayout(row)
        passkey_layout.addStretch(1)
        self.tabs.addTab(passkey_page, "")

        # Option 2: remote pairing through the supplier.
        remote_page = QWidget()
        remote_layout = QVBoxLayout(remote_page)
        self.remote_steps = QLabel()
        self.remote_steps.setWordWrap(True)
        remote_layout.addWidget(self.remote_steps)
        form = QFormLayout()
        self.eui64_caption, self.code_caption = QLabel(), QLabel()
        self.eui64 = QLabel(flow.display_ieee)
        self.install_code = QLabel(flow.install_code_text)
        for label in (self.eui64, self.install_code):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.eui64_caption, self.eui64)
        form.addRow(self.code_caption, self.install_code)
        remote_layout.addLayout(form)
        remote_layout.addStretch(1)
        self.tabs.addTab(remote_page, "")

        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setObjectName("outcome")
        self.said = Said(self.outcome)
        layout.addWidget(self.outcome)

        self.demo = flow.access.demo if flow.access is not None else None
        self.demo_panel = self._demo_panel(self.demo) if self.demo is not None else None
        if self.demo_panel is not None:
            layout.addWidget(self.demo_panel)
        self.retranslate()

    def _demo_panel(self, demo: PairingDemo) -> QGroupBox:
        panel = QGroupBox()
        panel.setObjectName("demoPanel")
        rows = QVBoxLayout(panel)
        hub_row, supplier_row = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(hub_row)
        rows.addLayout(supplier_row)
        self.press_button = QPushButton()
        self.press_button.clicked.connect(self._press_hub_button)
        hub_row.addWidget(self.press_button)
        self.passkey_hint = QLabel()
        self.passkey_hint.setWordWrap(True)  # the button keeps its words; the hint wraps
        hub_row.addWidget(self.passkey_hint, 1)
        self.cin_button = QPushButton()
        self.cin_button.clicked.connect(self._issue_cin)
        supplier_row.addWidget(self.cin_button)
        self.cin = QLineEdit()
        self.cin.setMaxLength(9)
        supplier_row.addWidget(self.cin, 1)
        self.call_button = QPushButton()
        self.call_button.clicked.connect(self._call_supplier)
        supplier_row.addWidget(self.call_button)
        self.cin_shown = QLabel()
        """What the household's IHD – not on screen in a CAD demo – shows once the CIN is sent."""
        self.cin_shown.setWordWrap(True)
        self.cin_shown.setVisible(False)
        rows.addWidget(self.cin_shown)
        return panel

    def retranslate(self) -> None:
        self.title.setText(
            QCoreApplication.translate("CadPairing", "Pair this CAD with your smart meters")
        )
        self.tabs.setTabText(0, QCoreApplication.translate("CadPairing", "With the hub's passkey"))
        self.tabs.setTabText(1, QCoreApplication.translate("CadPairing", "Through your supplier"))
        self.passkey_steps.setText(
            QCoreApplication.translate(
                "CadPairing",
                "1. Press the pairing button on your communications hub.\n"
                "2. Within 3 minutes, type the hub's passkey (ten digits, on the label of the hub) "
                "and choose Pair.",
            )
        )
        self.passkey.setPlaceholderText(
            QCoreApplication.translate("CadPairing", "Ten-digit passkey")
        )
        self.passkey.setAccessibleName(QCoreApplication.translate("CadPairing", "Hub passkey"))
        self.pair_button.setText(QCoreApplication.translate("CadPairing", "Pair"))
        self.remote_steps.setText(
            QCoreApplication.translate(
                "CadPairing",
                "Ask your energy supplier to pair this CAD. They will show a customer "
                "identification number (CIN) on your in-home display: read it to them, with this "
                "CAD's number and install code below.",
            )
        )
        self.eui64_caption.setText(QCoreApplication.translate("CadPairing", "CAD number (EUI-64)"))
        self.code_caption.setText(QCoreApplication.translate("CadPairing", "Install code"))
        if self.demo_panel is not None and self.demo is not None:
            self.demo_panel.setTitle(
                QCoreApplication.translate(
                    "CadPairing", "Emulated home (demo only – not part of the CAD)"
                )
            )
            self.press_button.setText(
                QCoreApplication.translate("CadPairing", "Press the pairing button on the hub")
            )
            self.passkey_hint.setText(
                fill(
                    QCoreApplication.translate("CadPairing", "Passkey on the hub's label: %1"),
                    self.demo.passkey,
                )
            )
            self.cin_button.setText(
                QCoreApplication.translate("CadPairing", "Supplier sends a CIN to the IHD")
            )
            self.cin.setPlaceholderText(
                QCoreApplication.translate("CadPairing", "CIN from the IHD")
            )
            # Its own name, not the group's title a screen reader would otherwise borrow.
            self.cin.setAccessibleName(self.cin.placeholderText())
            self.call_button.setText(QCoreApplication.translate("CadPairing", "Call the supplier"))
            self._show_cin()
        self.said.again()

    def show_notice(self, notice: str | None) -> None:
        """Why the pairing screen is back (the hub was replaced, the CAD was unpaired)."""
        self._tell((lambda: _tr(notice)) if notice else None)
        self.outcome.setProperty("good", False)

    def show_attempt(self, attempt: Attempt) -> None:
        def words() -> str:
            text = _tr(attempt.message)
            return fill(text, attempt.argument) if attempt.argument else text

        self._tell(words)
        self.outcome.setProperty("good", attempt.paired)
        if attempt.paired:
            self.paired.emit()

    def _tell(self, words: Words | None) -> None:
        """What became of the person's action, on screen and to a screen reader: the words
        appear away from the field or button they are on (kept as words, so they follow a
        change of language)."""
        self.said.say(words)
        if words is not None and self.isVisible():
            announce(self, self.outcome.text())

    # Actions -------------------------------------------------------------------------------

    def _start(self, job: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(job)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def _pair_by_passkey(self) -> None:
        if self.flow.busy:
            return
        self._tell(lambda: QCoreApplication.translate("CadPairing", "Asking the hub…"))
        self.pair_button.setEnabled(False)
        self._start(self._passkey_attempt(self.passkey.text()))

    async def _passkey_attempt(self, text: str) -> None:
        try:
            attempt = await self.flow.by_passkey(text)
        finally:
            self.pair_button.setEnabled(True)
        self.show_attempt(attempt)

    def _press_hub_button(self) -> None:
        if self.demo is not None:
            self.demo.press_pairing_button()
            self._tell(
                lambda: QCoreApplication.translate(
                    "CadPairing", "The hub is listening for 3 minutes."
                )
            )

    def _issue_cin(self) -> None:
        if self.demo is not None:
            self.demo.issue_cin()
            self._tell(
                lambda: QCoreApplication.translate(
                    "CadPairing", "The supplier has sent a CIN to your in-home display."
                )
            )
            self._show_cin()

    def _show_cin(self) -> None:
        cin = self.demo.cin_on_display if self.demo is not None else None
        self.cin_shown.setVisible(bool(cin))
        if cin:
            self.cin_shown.setText(
                fill(
                    QCoreApplication.translate("CadPairing", "The in-home display shows: CIN %1"),
                    cin,
                )
            )

    def _call_supplier(self) -> None:
        access = self.flow.access
        if self.demo is None or access is None:
            return
        ok, said = self.demo.request_pairing(
            access.display_ieee, access.install_code, self.cin.text()
        )
        if ok:
            self.show_attempt(self.flow.paired_remotely())
        else:
            self._tell(
                lambda: fill(
                    QCoreApplication.translate("CadPairing", "The supplier says: %1"), said
                )
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
