"""The console's observation panel: the observer's notes and codes, at the session's time.

One button per code of the study's scheme (its key, pressed in the console where no text is
being typed, marks it too): a point code is marked when pressed; a state code's button stays down from its start
to its stop. A note is typed and added with Enter. Each is written to the record at once
(``app/trial/observations.py``) with the observer's name and the time since the session began.
"""

from __future__ import annotations

import getpass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.trial.coding import Code, CodeKind
from app.trial.conductor import Conductor
from app.trial.observations import Mark, ObservationError, record, session_clock
from app.ui import i18n
from app.ui.said import Said

translate = QCoreApplication.translate
RECENT = 6
"""How many of the latest observations the panel lists."""
COLUMNS = 3


def code_title(code: Code) -> str:
    return code.title_cy if i18n.current_language() == "cy" and code.title_cy else code.title


class ObservationPanel(QGroupBox):
    changed = Signal()

    def __init__(self, conductor: Conductor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conductor = conductor
        self.observer = QLineEdit(_default_observer())
        self.codes: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for index, code in enumerate(conductor.study.coding.codes):
            button = QPushButton()
            button.setCheckable(code.kind is CodeKind.STATE)
            button.clicked.connect(lambda _checked=False, c=code: self._code(c))
            self.codes[code.id] = button
            grid.addWidget(button, index // COLUMNS, index % COLUMNS)
        self.note = QLineEdit()
        self.note.returnPressed.connect(self._add_note)
        self.add_note = QPushButton()
        self.add_note.clicked.connect(self._add_note)
        self.recent = QListWidget()
        self.recent.setMaximumHeight(120)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self._problem = Said(self.problem)
        self.observer_caption = QLabel("")
        who = QHBoxLayout()
        who.addWidget(self.observer_caption)
        who.addWidget(self.observer, 1)
        writing = QHBoxLayout()
        writing.addWidget(self.note, 1)
        writing.addWidget(self.add_note)
        layout = QVBoxLayout(self)
        layout.addLayout(who)
        layout.addLayout(grid)
        layout.addLayout(writing)
        layout.addWidget(self.recent)
        layout.addWidget(self.problem)
        self._session: int | None = None
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        """Every fixed text in the language in use, the codes' titles too (a scheme may give
        them in Welsh); what was already observed stays listed as it was written."""
        self.setTitle(translate("OperatorConsole", "Observation"))
        self.observer.setAccessibleName(translate("OperatorConsole", "Observer"))
        self.observer_caption.setText(translate("OperatorConsole", "Observer"))
        for code in self.conductor.study.coding.codes:
            title = code_title(code)
            self.codes[code.id].setText(f"{title} [{code.key.upper()}]" if code.key else title)
        self.note.setPlaceholderText(translate("OperatorConsole", "A note at this moment"))
        self.note.setAccessibleName(translate("OperatorConsole", "Note"))
        self.add_note.setText(translate("OperatorConsole", "Add note"))
        self.recent.setAccessibleName(translate("OperatorConsole", "Latest observations"))
        self._problem.again()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def watch_keys(self, window: QWidget) -> None:
        """The codes' keys, pressed anywhere in ``window`` that does not take text, mark them."""
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier or event.isAutoRepeat():
            return False
        code = next(
            (
                c
                for c in self.conductor.study.coding.codes
                if c.key and c.key == event.text().lower()
            ),
            None,
        )
        button = None if code is None else self.codes[code.id]
        if button is None or not button.isEnabled():
            return False
        button.click()
        return True

    def session_time_s(self) -> float:
        sitting = self.conductor.sitting
        if sitting is None:
            return 0.0
        [(started_at,)] = self.conductor.store.query(
            "SELECT started_at FROM sessions WHERE id = ?", (sitting.session_id,)
        )
        return max(0.0, self.conductor.store.now() - float(started_at))

    def _code(self, code: Code) -> None:
        if code.kind is CodeKind.POINT:
            self._record(code.id, Mark.POINT, "")
        else:
            started = self.codes[code.id].isChecked()
            if not self._record(code.id, Mark.START if started else Mark.STOP, ""):
                self.codes[code.id].setChecked(not started)

    def _add_note(self) -> None:
        if self.note.text().strip() and self._record("", Mark.POINT, self.note.text()):
            self.note.clear()

    def _record(self, code: str, mark: Mark, note: str) -> bool:
        sitting = self.conductor.sitting
        if sitting is None:
            self._problem.say(lambda: translate("OperatorConsole", "Start a participant first."))
            return False
        at_s = self.session_time_s()
        try:
            record(
                self.conductor.store, sitting.session_id, self.observer.text(), at_s,
                code=code, mark=mark, note=note,
            )  # fmt: skip
        except ObservationError:
            self._problem.say(
                lambda: translate("OperatorConsole", "Write the observer's name or initials first.")
            )
            return False
        self._problem.say(None)
        known = self.conductor.study.coding.code(code)
        what = note.strip() if known is None else code_title(known)
        if mark is not Mark.POINT:
            what += f" ({_mark_words(mark)})"
        self.recent.insertItem(0, f"{session_clock(at_s)}  {what}")
        while self.recent.count() > RECENT:
            self.recent.takeItem(self.recent.count() - 1)
        self.changed.emit()
        return True

    def refresh(self) -> None:
        sitting = self.conductor.sitting
        session = None if sitting is None else sitting.session_id
        if session != self._session:  # a new participant: nothing of the last one is open
            self._session = session
            for button in self.codes.values():
                button.setChecked(False)
            self.recent.clear()
        for widget in (*self.codes.values(), self.note, self.add_note):
            widget.setEnabled(sitting is not None)


def _mark_words(mark: Mark) -> str:
    return (
        translate("OperatorConsole", "start")
        if mark is Mark.START
        else translate("OperatorConsole", "stop")
    )


def _default_observer() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this account: the observer types one
        return ""
