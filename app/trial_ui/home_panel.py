"""The console's middle column: the home's clock, its state, situations to inject, codes to vend."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.trial.conditions import observe
from app.trial.conductor import Conductor
from app.trial.home_controls import Injection
from app.trial_ui.home_time import home_time
from app.ui.said import Said
from home_emulator.api.home import EmergencyCredit

translate = QCoreApplication.translate

SPEEDS = (1, 10, 60, 600, 3600)


def injection_words(injection: Injection) -> str:
    return {
        Injection.KETTLE: translate("OperatorConsole", "Kettle on"),
        Injection.LOW_CREDIT: translate("OperatorConsole", "Low credit (£1.80)"),
        Injection.NO_CREDIT: translate("OperatorConsole", "Credit nearly gone (£0.60)"),
        Injection.PRICE_RISE: translate("OperatorConsole", "Price rise (10 %)"),
        Injection.MESSAGE: translate("OperatorConsole", "Supplier message"),
        Injection.OUTAGE: translate("OperatorConsole", "Power cut (5 min)"),
        Injection.DISCONNECT: translate("OperatorConsole", "Disconnect supply"),
        Injection.REARM: translate("OperatorConsole", "Re-arm supply"),
    }[injection]


def pounds(pence: int | None) -> str:
    return "–" if pence is None else f"£{pence / 100:,.2f}"


class HomePanel(QWidget):
    changed = Signal()

    def __init__(self, conductor: Conductor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conductor = conductor
        home = conductor.home

        self.clock = QGroupBox()
        self.time = QLabel("")
        self.time.setProperty("role", "clock")
        self.pause = QPushButton()
        self.pause.setCheckable(True)
        self.pause.toggled.connect(self._pause)
        self.speed = QComboBox()
        for speed in SPEEDS:
            self.speed.addItem(f"×{speed:,}", speed)
        if home.clock.speed not in SPEEDS:
            self.speed.addItem(f"×{home.clock.speed:g}", home.clock.speed)
        self.speed.setCurrentIndex(self.speed.findData(home.clock.speed))
        self.speed.currentIndexChanged.connect(self._speed)
        clock_row = QHBoxLayout(self.clock)
        clock_row.addWidget(self.time, 1)
        clock_row.addWidget(self.pause)
        clock_row.addWidget(self.speed)

        self.now = QGroupBox()
        self.state = QLabel("")
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        QVBoxLayout(self.now).addWidget(self.state)

        self.situations = QGroupBox()
        grid = QGridLayout(self.situations)
        self.injections: dict[Injection, QPushButton] = {}
        for index, injection in enumerate(Injection):
            button = QPushButton()
            button.clicked.connect(lambda _checked=False, i=injection: self._inject(i))
            self.injections[injection] = button
            grid.addWidget(button, index // 2, index % 2)

        self.vending = QGroupBox()
        self.vend_pounds = QSpinBox()
        self.vend_pounds.setRange(1, 100)
        self.vend_pounds.setValue(10)
        self.vend_pounds.setPrefix("£")
        self.vend = QPushButton()
        self.vend.clicked.connect(self._vend)
        self.vended = QLabel("")
        self.vended.setProperty("role", "code")
        self.vended.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        vend_layout = QGridLayout(self.vending)
        vend_layout.addWidget(self.vend_pounds, 0, 0)
        vend_layout.addWidget(self.vend, 0, 1)
        vend_layout.addWidget(self.vended, 1, 0, 1, 2)

        self.done = QLabel("")
        self.done.setWordWrap(True)
        self._done = Said(self.done)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.clock)
        layout.addWidget(self.now)
        layout.addWidget(self.situations)
        layout.addWidget(self.vending)
        layout.addWidget(self.done)
        layout.addStretch(1)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        """Every fixed text in the language in use (the home's state is worded by ``refresh``)."""
        self.clock.setTitle(translate("OperatorConsole", "The home's clock"))
        self._word_pause()
        self.speed.setAccessibleName(translate("OperatorConsole", "Clock speed"))
        self.now.setTitle(translate("OperatorConsole", "The home now"))
        self.situations.setTitle(translate("OperatorConsole", "Make something happen"))
        for injection, button in self.injections.items():
            button.setText(injection_words(injection))
        self.vending.setTitle(translate("OperatorConsole", "Top-up code for the participant"))
        self.vend_pounds.setAccessibleName(translate("OperatorConsole", "Value of the code"))
        self.vend.setText(translate("OperatorConsole", "Vend code"))
        self._done.again()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _word_pause(self) -> None:
        self.pause.setText(
            translate("OperatorConsole", "Resume")
            if self.pause.isChecked()
            else translate("OperatorConsole", "Pause")
        )

    def _pause(self, paused: bool) -> None:
        clock = self.conductor.home.clock
        if paused:
            clock.pause()
        else:
            clock.resume()
        self._word_pause()
        self.conductor.note_clock("paused" if paused else "resumed")
        self.changed.emit()

    def _speed(self, _index: int) -> None:
        speed = float(self.speed.currentData())
        self.conductor.home.clock.set_speed(speed)
        self.conductor.note_clock(f"speed ×{speed:g}")
        self.changed.emit()

    def _inject(self, injection: Injection) -> None:
        try:
            done = self.conductor.inject(injection)
        except (ValueError, KeyError) as error:  # e.g. a re-arm while the supply is on
            done = str(error)
        self._done.say(lambda: translate("OperatorConsole", "Done: %1").replace("%1", done))
        self.changed.emit()

    def _vend(self) -> None:
        code = self.conductor.vend(self.vend_pounds.value())
        grouped = " ".join(code[i : i + 4] for i in range(0, len(code), 4))
        self.vended.setText(grouped)
        self.changed.emit()

    def refresh(self) -> None:
        home = self.conductor.home
        zone = home.hub.zone
        self.time.setText(home_time(home.clock.now(), zone, "ddd d MMM yyyy HH:mm:ss"))
        seen = observe(home)
        prepay = home.esme.prepay.engine
        lines = [
            translate("OperatorConsole", "Credit: %1").replace("%1", pounds(seen.balance_pence))
            if prepay is not None
            else translate("OperatorConsole", "Electricity in credit mode (no prepayment)"),
            translate("OperatorConsole", "Emergency credit: %1").replace(
                "%1", _emergency_words(prepay.emergency_credit) if prepay is not None else "–"
            ),
            translate("OperatorConsole", "Supply: %1").replace(
                "%1", _supply_words(home.esme.supply_status)
            ),
            translate("OperatorConsole", "Codes entered: %1, refused: %2")
            .replace("%1", str(seen.codes_entered))
            .replace("%2", str(seen.codes_refused)),
            translate("OperatorConsole", "Messages confirmed: %1").replace(
                "%1", str(seen.messages_confirmed)
            ),
        ]
        self.state.setText("\n".join(lines))


def _supply_words(status: int) -> str:
    """The ESME's supply status (ZSE Metering SupplyStatus: 0 off, 1 armed, 2 on) in the console's
    language, looked up at each refresh so that a language switch re-words it."""
    if status == 0:
        return translate("OperatorConsole", "off")
    if status == 1:
        return translate("OperatorConsole", "armed (the household may switch it on)")
    if status == 2:
        return translate("OperatorConsole", "on")
    return "?"


def _emergency_words(state: EmergencyCredit) -> str:
    words = {
        EmergencyCredit.NOT_AVAILABLE: lambda: translate("OperatorConsole", "not available"),
        EmergencyCredit.AVAILABLE: lambda: translate("OperatorConsole", "available"),
        EmergencyCredit.ACTIVE: lambda: translate("OperatorConsole", "in use"),
        EmergencyCredit.EXHAUSTED: lambda: translate("OperatorConsole", "used up"),
    }
    return words[state]()
