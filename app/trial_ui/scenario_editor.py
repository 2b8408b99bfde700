"""Editing a scenario file from the console: the TOML, checked by the scenario loader as it would
be when the home is built (a mistake names its line, and the cursor goes there), saved as a new
file. The running home is not rebuilt – displays are attached to it – so the edited scenario is
used by starting the console again with ``--scenario FILE``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.said import Said
from home_emulator.api.scenarios import ScenarioError, parse_scenario

translate = QCoreApplication.translate


class ScenarioEditor(QDialog):
    def __init__(self, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.text = QPlainTextEdit(source.read_text(encoding="utf-8"))
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(font)
        self.verdict = QLabel("")
        self.verdict.setWordWrap(True)
        self._verdict = Said(self.verdict)
        self._good: Callable[[], str] = str
        self.check = QPushButton()
        self.check.clicked.connect(self.check_text)
        self.save = QPushButton()
        self.save.clicked.connect(self._save_clicked)
        self.hint = QLabel("")
        self.hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check)
        buttons.addWidget(self.save)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.resize(820, 640)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the language in use (a file's errors are the scenario reader's own words,
        which name the file's keys, and stay as given)."""
        self._verdict.again()
        self.setWindowTitle(
            translate("OperatorConsole", "Scenario – %1").replace("%1", self.source.name)
        )
        self.text.setAccessibleName(translate("OperatorConsole", "Scenario file"))
        self.check.setText(translate("OperatorConsole", "Check"))
        self.save.setText(translate("OperatorConsole", "Save as…"))
        self.hint.setText(
            translate(
                "OperatorConsole",
                "The running home stays as it is: to run the study on the edited scenario, start "
                "the console again with --scenario FILE.",
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def check_text(self) -> bool:
        """Read the text as the home would; say what is wrong and go to its line."""
        try:
            scenario = parse_scenario(self.text.toPlainText(), self.source.name)
        except ScenarioError as error:
            problem = str(error)
            self._verdict.say(lambda: problem)
            if error.line:
                # The file's line is a block; "line numbers" and "lines under the cursor" are
                # what is on screen, which differ as soon as a long line wraps.
                block = self.text.document().findBlockByNumber(error.line - 1)
                cursor = QTextCursor(block)
                cursor.movePosition(
                    QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
                )
                self.text.setTextCursor(cursor)
                self.text.setFocus()
            return False
        name, events = scenario.name, str(len(scenario.events))
        self._good = lambda: (
            translate("OperatorConsole", "Good: “%1”, %2 scripted events.")
            .replace("%1", name)
            .replace("%2", events)
        )
        self._verdict.say(self._good)
        return True

    def save_to(self, path: Path) -> bool:
        """Written whole or not at all, and only when it reads as a scenario."""
        if not self.check_text():
            return False
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(self.text.toPlainText())
        os.replace(temporary, path)
        good = self._good
        self._verdict.say(
            lambda: (
                good() + " " + translate("OperatorConsole", "Saved as %1.").replace("%1", str(path))
            )
        )
        return True

    def _save_clicked(self) -> None:
        if not self.check_text():
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            translate("OperatorConsole", "Save the scenario as"),
            str(Path.cwd() / f"{self.source.stem}-edited.toml"),
            translate("OperatorConsole", "Scenarios (*.toml)"),
        )
        if name:
            self.save_to(Path(name))
