"""The operator console's window: the study at the top, then tasks, the home, and the displays.

It polls the conductor a few times a second (a task ends by itself when the home shows success
or its time runs out) and refreshes what it shows; pictures of the displays every second.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.trial.conductor import Conductor
from app.trial_ui.displays_panel import DisplaysPanel
from app.trial_ui.home_panel import HomePanel
from app.trial_ui.observation_panel import ObservationPanel
from app.trial_ui.questionnaire_host import QuestionnaireHost
from app.trial_ui.scenario_panel import ScenarioPanel
from app.trial_ui.task_panel import TaskPanel

translate = QCoreApplication.translate

POLL_MS = 250
PICTURE_MS = 1000
SHORTEST_PX = 200
"""The home's controls scroll below this height."""
CONSOLE_STYLE = """
QWidget { font-size: 15px; }
QGroupBox { font-weight: 600; border: 1px solid #8a97a8; border-radius: 6px; margin-top: 12px;
            padding: 8px 6px 6px 6px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
QLabel[role="title"] { font-size: 22px; font-weight: 700; }
QLabel[role="instruction"] { font-size: 20px; }
QLabel[role="code"] { font-family: monospace; font-size: 20px; font-weight: 700; }
QLabel[role="expected"] { font-size: 17px; font-weight: 700; color: #14532d; background: #e6f4ea;
                          border-radius: 4px; padding: 4px 6px; }
QLabel[role="clock"] { font-size: 18px; font-weight: 600; }
QLabel[role="command"] { font-family: monospace; font-size: 14px; }
QPushButton { min-height: 34px; padding: 2px 12px; }
QPushButton[role="primary"] { font-weight: 700; }
"""


class Scrolling(QScrollArea):
    """A panel scrolling up and down within the height it is given, never sideways: as wide as
    the panel needs, however short."""

    def __init__(self, panel: QWidget) -> None:
        super().__init__()
        self.panel = panel
        self.setWidget(panel)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:
        panel = self.panel.minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(panel.width() + bar, min(panel.height(), SHORTEST_PX))


class ConsoleWindow(QMainWindow):
    def __init__(self, conductor: Conductor, displays: DisplaysPanel, attach_hint: str) -> None:
        super().__init__()
        self.conductor = conductor
        study = conductor.study
        self.setStyleSheet(CONSOLE_STYLE)
        title = QLabel(study.title)
        title.setProperty("role", "title")
        self.about = QLabel("")
        self.about.setWordWrap(True)
        attach = QLabel(attach_hint)
        attach.setWordWrap(True)
        attach.setProperty("role", "command")
        attach.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.displays = displays
        # Other displays share a tab with how they attach: kept above the columns, the command
        # took the height a 1280×720 laptop needs for the tasks.
        others = QWidget()
        others_column = QVBoxLayout(others)
        others_column.addWidget(displays.attached_box)
        others_column.addWidget(attach)
        others_column.addStretch(1)
        self.tasks = TaskPanel(conductor)
        self.home = HomePanel(conductor)
        self.scenario = ScenarioPanel(conductor)
        self.middle = middle = QTabWidget()
        middle.addTab(Scrolling(self.home), "")
        middle.addTab(self.scenario, "")
        middle.addTab(others, "")
        self.questionnaire = QuestionnaireHost(conductor, displays.embedded)
        self.observation = ObservationPanel(conductor)
        # Beside the home and its script rather than under the tasks, so the console still fits a
        # 1280×720 laptop; the codes' keys work whichever tab is on show.
        self.observation.watch_keys(self)
        middle.addTab(Scrolling(self.observation), "")
        for panel in (self.tasks, self.home, self.scenario, self.questionnaire, self.observation):
            panel.changed.connect(self.refresh)
        left = QVBoxLayout()
        left.addWidget(self.tasks, 1)
        left.addWidget(self.questionnaire)
        # The record under the pictures, where the column has height to spare; the home's
        # controls scroll in their tab rather than set the height of the whole console.
        right = QVBoxLayout()
        right.addWidget(self.displays)
        right.addWidget(self.displays.log_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addWidget(middle, 4)
        columns.addLayout(right, 4)
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addWidget(self.about, 1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(heading)
        layout.addLayout(columns, 1)
        self.setCentralWidget(body)
        self.closed = asyncio.Event()
        self._poll = QTimer(self)
        self._poll.timeout.connect(self.tick)
        self._poll.start(POLL_MS)
        self._pictures = QTimer(self)
        self._pictures.timeout.connect(self.displays.refresh_pictures)
        self._pictures.start(PICTURE_MS)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        """The window's own words in the language in use; each panel re-words itself."""
        study = self.conductor.study
        self.setWindowTitle(
            translate("OperatorConsole", "Trial console – %1").replace("%1", study.title)
        )
        self.about.setText(
            translate("OperatorConsole", "Study %1 · home: %2 · record: %3")
            .replace("%1", study.id)
            .replace("%2", study.scenario.name)
            .replace("%3", str(self.conductor.store.path))
        )
        tabs = (
            translate("OperatorConsole", "The home"),
            translate("OperatorConsole", "The scenario's script"),
            translate("OperatorConsole", "Other displays"),
            translate("OperatorConsole", "Observation"),
        )
        for index, words in enumerate(tabs):
            self.middle.setTabText(index, words)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if not self.closed.is_set():  # what changes is worded by the panels' refresh
                self.refresh()
        super().changeEvent(event)

    def tick(self) -> None:
        self.conductor.poll()
        self.refresh()

    def refresh(self) -> None:
        self.questionnaire.refresh()
        self.tasks.refresh()
        self.home.refresh()
        self.scenario.refresh()
        self.observation.refresh()
        self.displays.refresh_record()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._poll.stop()
        self._pictures.stop()
        self.closed.set()
        super().closeEvent(event)
