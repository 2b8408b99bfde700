"""The scenario's own script, on the console: what the home is set to do and when, with a button
to make the chosen event happen now, or to move the home's clock forward to it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from app.trial.conductor import Conductor
from app.trial_ui.home_time import home_time
from app.trial_ui.scenario_editor import ScenarioEditor

translate = QCoreApplication.translate


class ScenarioPanel(QWidget):
    changed = Signal()

    def __init__(self, conductor: Conductor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conductor = conductor
        scenario = conductor.study.scenario
        about = QLabel(f"{scenario.name} – {scenario.description}".rstrip(" –"))
        about.setWordWrap(True)
        manual = QLabel(
            translate(
                "OperatorConsole",
                "In a trial the script does not run by itself: choose an event and make it "
                "happen when you want it.",
            )
        )
        manual.setWordWrap(True)
        self.events = QListWidget()
        self.events.setAccessibleName(translate("OperatorConsole", "The scenario's events"))
        zone = scenario.home.timezone
        for event in scenario.events:
            when = home_time(event.at_s, zone, "ddd HH:mm")
            note = f" – {event.note}" if event.note else ""
            self.events.addItem(f"{when}  {event.kind}{note}")
        self.now = QPushButton(translate("OperatorConsole", "Make it happen now"))
        self.now.clicked.connect(self._now)
        self.jump = QPushButton(translate("OperatorConsole", "Move the clock to it"))
        self.jump.clicked.connect(self._jump)
        self.edit = QPushButton(translate("OperatorConsole", "Edit the scenario file…"))
        self.edit.clicked.connect(self._edit)
        self.editor: ScenarioEditor | None = None
        self.done = QLabel("")
        self.done.setWordWrap(True)
        # Two to a row: three side by side would widen the console beyond a laptop's screen.
        buttons = QGridLayout()
        buttons.addWidget(self.now, 0, 0)
        buttons.addWidget(self.jump, 0, 1)
        buttons.addWidget(self.edit, 1, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(manual)
        if not scenario.events:
            layout.addWidget(QLabel(translate("OperatorConsole", "This scenario scripts nothing.")))
        layout.addWidget(self.events, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.done)
        self.events.currentRowChanged.connect(lambda _row: self.refresh())
        self.refresh()

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
        self.done.setText(translate("OperatorConsole", "Done: %1").replace("%1", done))
        self.changed.emit()

    def _edit(self) -> None:
        self.editor = ScenarioEditor(self.conductor.study.scenario.source, self)
        self.editor.show()

    def _jump(self) -> None:
        event = self.conductor.study.scenario.events[self._chosen()]
        self.conductor.move_clock_to(event.at_s)
        self.done.setText(
            translate("OperatorConsole", "The home's clock is now at %1.").replace(
                "%1",
                home_time(event.at_s, self.conductor.home.hub.zone, "HH:mm"),
            )
        )
        self.changed.emit()
