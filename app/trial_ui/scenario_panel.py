"""The scenario's own script, on the console: what the home is set to do and when, with a button
to make the chosen event happen now, or to move the home's clock forward to it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from app.trial.conductor import Conductor
from app.trial_ui.home_time import home_time
from app.trial_ui.scenario_editor import ScenarioEditor
from app.ui.said import Said

translate = QCoreApplication.translate


class ScenarioPanel(QWidget):
    changed = Signal()

    def __init__(self, conductor: Conductor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conductor = conductor
        scenario = conductor.study.scenario
        about = QLabel(f"{scenario.name} – {scenario.description}".rstrip(" –"))
        about.setWordWrap(True)
        self.manual = QLabel("")
        self.manual.setWordWrap(True)
        self.events = QListWidget()
        for _ in scenario.events:
            self.events.addItem("")
        self.now = QPushButton()
        self.now.clicked.connect(self._now)
        self.jump = QPushButton()
        self.jump.clicked.connect(self._jump)
        self.edit = QPushButton()
        self.edit.clicked.connect(self._edit)
        self.editor: ScenarioEditor | None = None
        self.done = QLabel("")
        self.done.setWordWrap(True)
        self._done = Said(self.done)
        self.nothing = QLabel("")
        # Two to a row: three side by side would widen the console beyond a laptop's screen.
        buttons = QGridLayout()
        buttons.addWidget(self.now, 0, 0)
        buttons.addWidget(self.jump, 0, 1)
        buttons.addWidget(self.edit, 1, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.manual)
        layout.addWidget(self.nothing)
        self.nothing.setVisible(not scenario.events)
        layout.addWidget(self.events, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.done)
        self.events.currentRowChanged.connect(lambda _row: self.refresh())
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        """Every fixed text in the language in use, the events' days too."""
        self.manual.setText(
            translate(
                "OperatorConsole",
                "In a trial the script does not run by itself: choose an event and make it "
                "happen when you want it.",
            )
        )
        self.nothing.setText(translate("OperatorConsole", "This scenario scripts nothing."))
        self.events.setAccessibleName(translate("OperatorConsole", "The scenario's events"))
        scenario = self.conductor.study.scenario
        for row, event in enumerate(scenario.events):
            when = home_time(event.at_s, scenario.home.timezone, "ddd HH:mm")
            note = f" – {event.note}" if event.note else ""
            self.events.item(row).setText(f"{when}  {event.kind}{note}")
        self.now.setText(translate("OperatorConsole", "Make it happen now"))
        self.jump.setText(translate("OperatorConsole", "Move the clock to it"))
        self.edit.setText(translate("OperatorConsole", "Edit the scenario file…"))
        self._done.again()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _chosen(self) -> int:
        return self.events.currentRow()

    def refresh(self) -> None:
        row = self._chosen()
        chosen = row >= 0
        self.now.setEnabled(chosen)
        events = self.conductor.study.scenario.events
        self.jump.setEnabled(chosen and events[row].at_s > self.conductor.home.clock.now())

    def _now(self) -> None:
        event = self.conductor.study.scenario.events[self._chosen()]
        try:
            done = self.conductor.run_scenario_event(event)
        except (ValueError, KeyError) as error:
            done = str(error)
        self._done.say(lambda: translate("OperatorConsole", "Done: %1").replace("%1", done))
        self.changed.emit()

    def _edit(self) -> None:
        self.editor = ScenarioEditor(self.conductor.study.scenario.source, self)
        self.editor.show()

    def _jump(self) -> None:
        event = self.conductor.study.scenario.events[self._chosen()]
        self.conductor.move_clock_to(event.at_s)
        at = home_time(event.at_s, self.conductor.home.hub.zone, "HH:mm")
        self._done.say(
            lambda: translate("OperatorConsole", "The home's clock is now at %1.").replace("%1", at)
        )
        self.changed.emit()
