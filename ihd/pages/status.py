"""The Status screen: is the display connected, what is paired with it and how well it hears each
device, the smart meters' clock, and how many radio frames could not be read.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.host.context import ExperienceContext
from app.ui.i18n import QT_WORDING
from app.ui.signal_bars import SignalBars
from app.ui.theme import Theme
from han.model import ModelChange
from ihd.screen import IhdScreen, Navigator
from ihd.view_models.status import DeviceRow, StatusPage, StatusViewModel

translate = QCoreApplication.translate


def _label(role: str = "") -> QLabel:
    label = QLabel("")
    label.setWordWrap(True)  # large text and Welsh wrap rather than widen the window
    if role:
        label.setProperty("role", role)
    return label


class DeviceLine:
    """The widgets of one device's row in the table."""

    def __init__(self, grid: QGridLayout, row: int, theme: Theme) -> None:
        self.kind = _label("heading")
        self.identity = _label("caption")
        self.bars = SignalBars(theme)
        self.signal = _label()
        self.detail = _label("caption")
        self.heard = _label()
        grid.addWidget(self.kind, row, 0)
        grid.addWidget(self.identity, row + 1, 0)
        grid.addWidget(self.bars, row, 1, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.signal, row, 2)
        grid.addWidget(self.detail, row + 1, 2)
        grid.addWidget(self.heard, row, 3, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        self.widgets: list[QWidget] = [
            self.kind,
            self.identity,
            self.bars,
            self.signal,
            self.detail,
            self.heard,
        ]

    def show(self, device: DeviceRow) -> None:
        self.kind.setText(device.kind)
        self.identity.setText(device.identity)
        self.bars.set_bars(device.bars)
        self.bars.setVisible(device.bars > 0)
        self.signal.setText(device.signal)
        self.detail.setText(device.signal_detail)
        self.heard.setText(device.last_heard)
        self.heard.setProperty("stale", "true" if device.quiet else "false")
        self.heard.style().unpolish(self.heard)
        self.heard.style().polish(self.heard)


class StatusScreen(IhdScreen):
    tick_ms = 1000  # signal and "last heard" move without events

    def __init__(
        self,
        context: ExperienceContext,
        navigator: Navigator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, navigator, parent)
        self.setObjectName("ihd-status")
        self._view_model = StatusViewModel(context.model, context.devices, QT_WORDING)

        self.connection = _label("heading")
        self.han_time = _label()
        self.han_time_note = _label("caption")
        link_card = QFrame()
        link_card.setProperty("role", "card")
        link_layout = QVBoxLayout(link_card)
        link_layout.setSpacing(2)
        for label in (self.connection, self.han_time, self.han_time_note):
            link_layout.addWidget(label)

        self.device_header = [_label("caption") for _ in range(3)]
        self.no_devices = _label("caption")
        devices_card = QFrame()
        devices_card.setProperty("role", "card")
        self._grid = QGridLayout(devices_card)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(0)
        self._grid.addWidget(self.device_header[0], 0, 0)
        self._grid.addWidget(self.device_header[1], 0, 1, 1, 2)
        self._grid.addWidget(self.device_header[2], 0, 3)
        self._grid.addWidget(self.no_devices, 1, 0, 1, 4)
        self._grid.setColumnStretch(0, 3)
        self._grid.setColumnStretch(2, 3)
        self._grid.setColumnStretch(3, 2)
        self._lines: list[DeviceLine] = []

        self.unreadable = _label("status")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 4)
        layout.addWidget(link_card)
        layout.addWidget(devices_card)
        layout.addStretch(1)
        layout.addWidget(self.unreadable)

        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        for label, text in zip(
            self.device_header,
            (
                translate("StatusScreen", "Device"),
                translate("StatusScreen", "Signal"),
                translate("StatusScreen", "Last heard"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.no_devices.setText(translate("StatusScreen", "No devices paired yet."))

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        for line in self._lines:
            line.bars.set_theme(theme)

    def model_changed(self, change: ModelChange) -> None:
        if self.isVisible():  # shown again, it ticks at once
            self.refresh_soon()

    def refresh(self) -> None:
        self.show_page(self._view_model.page(self.context.now()))

    def show_page(self, page: StatusPage) -> None:
        self.connection.setText(page.connection)
        self.han_time.setText(page.han_time)
        self.han_time_note.setText(page.han_time_note)
        self.han_time_note.setVisible(bool(page.han_time_note))
        while len(self._lines) < len(page.devices):
            self._lines.append(DeviceLine(self._grid, 1 + 2 * len(self._lines), self.theme))
        for index, line in enumerate(self._lines):
            shown = index < len(page.devices)
            for widget in line.widgets:
                widget.setVisible(shown)
            if shown:
                line.show(page.devices[index])
        self.no_devices.setVisible(not page.devices)
        self.unreadable.setText(page.unreadable_frames)

    def shown_devices(self) -> list[DeviceLine]:
        return [line for line in self._lines if line.kind.isVisibleTo(self)]
