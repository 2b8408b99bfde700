"""The CAD's "This CAD" tab: what it is paired with, since when, and how to unpair it.

Unpairing asks twice (a two-step button rather than a dialog, so it works the same by touch and
keyboard), then removes the CAD from the hub's device log and returns to the pairing screen. The
CAD's log of readings is kept: it is the household's data.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.i18n import QT_WORDING
from app.wording import QT_TRANSLATE_NOOP
from cad.view_models.pairing import PairingFlow

METHODS = {
    "passkey": QT_TRANSLATE_NOOP("CadDevice", "with the hub's passkey"),
    "remote": QT_TRANSLATE_NOOP("CadDevice", "remotely, through the supplier"),
    "installed": QT_TRANSLATE_NOOP("CadDevice", "by the installer"),
}


class DeviceView(QWidget):
    def __init__(
        self, flow: PairingFlow, on_unpair: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.flow = flow
        self._on_unpair = on_unpair
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.captions = [QLabel() for _ in range(4)]
        self.values = [QLabel() for _ in range(4)]
        for caption, value in zip(self.captions, self.values, strict=True):
            value.setWordWrap(True)
            form.addRow(caption, value)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.unpair = QPushButton()
        self.unpair.clicked.connect(self._ask)
        self.confirm = QPushButton()
        self.confirm.clicked.connect(self._unpair_now)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self._calm)
        for button in (self.unpair, self.confirm, self.cancel):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        self._calm()
        self.retranslate()

    def retranslate(self) -> None:
        for caption, text in zip(
            self.captions,
            (
                QCoreApplication.translate("CadDevice", "This CAD"),
                QCoreApplication.translate("CadDevice", "Paired with hub"),
                QCoreApplication.translate("CadDevice", "Paired"),
                QCoreApplication.translate("CadDevice", "Since"),
            ),
            strict=True,
        ):
            caption.setText(text)
        self.unpair.setText(QCoreApplication.translate("CadDevice", "Unpair this CAD…"))
        self.confirm.setText(QCoreApplication.translate("CadDevice", "Yes, unpair"))
        self.cancel.setText(QCoreApplication.translate("CadDevice", "Keep it paired"))
        self.warning.setText(
            QCoreApplication.translate(
                "CadDevice",
                "⚠ After unpairing, this CAD stops reading your meters until it is paired again. "
                "Its log of your readings is kept.",
            )
        )
        self.refresh()

    def refresh(self) -> None:
        pairing = self.flow.remembered()
        unknown = QCoreApplication.translate("CadDevice", "not known yet")
        self.values[0].setText(self.flow.display_ieee)
        self.values[1].setText((pairing.hub_ieee or unknown) if pairing else "–")
        method = METHODS.get(pairing.method, pairing.method) if pairing else ""
        self.values[2].setText(QCoreApplication.translate("CadDevice", method) if method else "–")
        w = QT_WORDING
        since = f"{w.day(pairing.paired_at_s)} {w.clock(pairing.paired_at_s)}" if pairing else "–"
        self.values[3].setText(since)

    def _ask(self) -> None:
        self.unpair.hide()
        self.confirm.show()
        self.cancel.show()
        self.warning.show()
        self.confirm.setFocus()

    def _calm(self) -> None:
        self.unpair.show()
        self.confirm.hide()
        self.cancel.hide()
        self.warning.hide()

    def _unpair_now(self) -> None:
        self._calm()
        self._on_unpair()
