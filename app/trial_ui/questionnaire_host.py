"""Puts the conductor's waiting questionnaires in front of the participant, one at a time.

On the participant's display (over its screens) when the study says ``shown_on = "display"`` and
the display runs in the console's process; otherwise in the console, where the researcher reads the
items out and taps the answers. The researcher may skip a questionnaire from the console.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from app.trial.conductor import Conductor, PendingSheet
from app.trial_ui.displays_panel import EmbeddedDisplay
from app.trial_ui.questionnaire_form import Answers, QuestionnaireForm, QuestionnaireOverlay

translate = QCoreApplication.translate

NAMES = {
    "sus": "SUS",
    "seq": "SEQ",
    "nasa-tlx": "NASA-TLX",
}


def sheet_name(sheet: PendingSheet) -> str:
    instrument = str(sheet.questionnaire.instrument)
    return NAMES.get(instrument) or translate("OperatorConsole", "the study's own questions")


class QuestionnaireHost(QGroupBox):
    changed = Signal()

    def __init__(
        self,
        conductor: Conductor,
        displays: Sequence[EmbeddedDisplay],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.conductor = conductor
        self.displays = {display.name: display for display in displays}
        self.shown: PendingSheet | None = None
        self.overlay: QuestionnaireOverlay | None = None
        self.form: QuestionnaireForm | None = None
        self.skip = QPushButton()
        self.skip.clicked.connect(self._skip)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.skip)
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        """The box's title and button in the language in use (the questions word themselves)."""
        shown = self.shown
        self.setTitle(
            translate("OperatorConsole", "Questionnaire")
            if shown is None
            else translate("OperatorConsole", "Questionnaire: %1").replace("%1", sheet_name(shown))
        )
        self.skip.setText(translate("OperatorConsole", "Skip questionnaire"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        pending = self.conductor.pending
        wanted = pending[0] if pending else None
        if wanted is self.shown:
            return
        self._take_down()
        self.shown = wanted
        self.setVisible(wanted is not None)
        if wanted is None:
            return
        self.retranslate()
        window = self._display_window(wanted)
        if window is not None:
            self.overlay = QuestionnaireOverlay(window, wanted.questionnaire, self._answered)
        else:
            self.form = QuestionnaireForm(wanted.questionnaire, self._answered)
            self._layout.insertWidget(0, self.form)

    def _display_window(self, sheet: PendingSheet) -> QWidget | None:
        if self.conductor.study.questionnaires.shown_on != "display":
            return None
        display = self.displays.get(sheet.display)
        return display.window() if display is not None else None

    def _answered(self, answers: Answers) -> None:
        if self.conductor.pending and self.conductor.pending[0] is self.shown:
            self.conductor.answer(answers)
        self.refresh()
        self.changed.emit()

    def _skip(self) -> None:
        if self.conductor.pending:
            self.conductor.skip_questionnaire()
        self.refresh()
        self.changed.emit()

    def _take_down(self) -> None:
        if self.overlay is not None:
            self.overlay.hide()
            self.overlay.deleteLater()
            self.overlay = None
        if self.form is not None:
            self.form.hide()
            self.form.deleteLater()
            self.form = None
        self.shown = None
