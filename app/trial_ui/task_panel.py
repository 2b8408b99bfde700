"""The console's left column: the participant, their tasks in order, and the task running now."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.trial.conductor import Conductor, split_step
from app.trial.study import Success, SuccessKind

translate = QCoreApplication.translate


def success_words(success: Success) -> str:
    kind = success.kind
    if kind is SuccessKind.CREDIT_ADDED:
        return translate("OperatorConsole", "Credit added: at least £%1").replace(
            "%1", str(success.pounds)
        )
    if kind is SuccessKind.EMERGENCY_CREDIT_ACTIVE:
        return translate("OperatorConsole", "Emergency credit in use")
    if kind is SuccessKind.SUPPLY_ON:
        return translate("OperatorConsole", "Electricity supply on")
    if kind is SuccessKind.MESSAGE_CONFIRMED:
        return translate("OperatorConsole", "A supplier message confirmed")
    if kind is SuccessKind.SCREEN_SHOWN:
        return translate("OperatorConsole", "Display showed %1").replace("%1", success.screen or "")
    return translate("OperatorConsole", "You judge it: mark success or failure")


def expected_words(success: Success) -> str:
    """What a right answer is, for the researcher who judges it ("" when the home judges)."""
    if success.kind is not SuccessKind.RESEARCHER or not success.expected:
        return ""
    return translate("OperatorConsole", "Right answer: %1").replace("%1", success.expected)


def outcome_words(outcome: str) -> str:
    return {
        "success": translate("OperatorConsole", "✓ success"),
        "failure": translate("OperatorConsole", "✗ failure"),
        "timeout": translate("OperatorConsole", "✗ out of time"),
        "skipped": translate("OperatorConsole", "– skipped"),
    }[outcome]


def clock_text(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


class TaskPanel(QWidget):
    changed = Signal()
    """The researcher did something (the window refreshes everything)."""

    def __init__(self, conductor: Conductor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conductor = conductor
        study = conductor.study

        self.who = QGroupBox()
        self.participant = QComboBox()
        self.participant.addItems(list(study.participants))
        self.start_participant = QPushButton()
        self.start_participant.clicked.connect(self._start_participant)
        self.finish_participant = QPushButton()
        self.finish_participant.clicked.connect(self._finish_participant)
        # The choice above its two buttons: side by side they would widen the console's column.
        rows = QGridLayout(self.who)
        rows.addWidget(self.participant, 0, 0, 1, 2)
        rows.addWidget(self.start_participant, 1, 0)
        rows.addWidget(self.finish_participant, 1, 1)

        self.tasks = QListWidget()
        self.in_order = QLabel("")

        self.task_now = QGroupBox()
        self.instruction = QLabel("")
        self.instruction.setWordWrap(True)
        self.instruction.setProperty("role", "instruction")
        self.instruction.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code = QLabel("")
        self.code.setProperty("role", "code")
        self.code.setWordWrap(True)  # the code's groups wrap rather than widen the console
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.condition = QLabel("")
        self.condition.setWordWrap(True)
        self.expected = QLabel("")
        self.expected.setWordWrap(True)
        self.expected.setProperty("role", "expected")
        self.expected.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.expected.setVisible(False)
        self.elapsed = QLabel("")
        self.elapsed.setProperty("role", "clock")
        self.start_task = QPushButton()
        self.start_task.setProperty("role", "primary")
        self.start_task.clicked.connect(self._start_task)
        self.success = QPushButton()
        self.success.clicked.connect(lambda: self._judge(True))
        self.failure = QPushButton()
        self.failure.clicked.connect(lambda: self._judge(False))
        self.skip = QPushButton()
        self.skip.clicked.connect(self._skip)
        buttons = QGridLayout()
        buttons.addWidget(self.start_task, 0, 0, 1, 3)
        buttons.addWidget(self.success, 1, 0)
        buttons.addWidget(self.failure, 1, 1)
        buttons.addWidget(self.skip, 1, 2)
        column = QVBoxLayout(self.task_now)
        column.addWidget(self.instruction)
        column.addWidget(self.code)
        column.addWidget(self.condition)
        column.addWidget(self.expected)
        column.addWidget(self.elapsed)
        column.addStretch(1)
        column.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.who)
        layout.addWidget(self.in_order)
        layout.addWidget(self.tasks, 1)
        layout.addWidget(self.task_now, 2)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        """Every fixed text in the language in use (what changes is worded again by ``refresh``)."""
        self.who.setTitle(translate("OperatorConsole", "Participant"))
        self.participant.setAccessibleName(translate("OperatorConsole", "Participant"))
        self.start_participant.setText(translate("OperatorConsole", "Start participant"))
        self.finish_participant.setText(translate("OperatorConsole", "Finish participant"))
        self.tasks.setAccessibleName(
            translate("OperatorConsole", "Tasks in this participant's order")
        )
        self.in_order.setText(translate("OperatorConsole", "Tasks, in this participant's order"))
        self.task_now.setTitle(translate("OperatorConsole", "Task now"))
        self.start_task.setText(translate("OperatorConsole", "Start next task"))
        self.success.setText(translate("OperatorConsole", "Mark success"))
        self.failure.setText(translate("OperatorConsole", "Mark failure"))
        self.skip.setText(translate("OperatorConsole", "Skip task"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Actions ----------------------------------------------------------------------------------

    def _start_participant(self) -> None:
        self.conductor.start_participant(self.participant.currentText())
        self.changed.emit()

    def _finish_participant(self) -> None:
        if self.conductor.sitting is not None:
            self.conductor.finish_participant()
        self.changed.emit()

    def _start_task(self) -> None:
        self.conductor.start_task()
        self.changed.emit()

    def _judge(self, success: bool) -> None:
        if self.conductor.running is not None:
            self.conductor.judge(success)
        self.changed.emit()

    def _skip(self) -> None:
        if self.conductor.running is not None:
            self.conductor.skip()
        self.changed.emit()

    # Showing ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        conductor = self.conductor
        sitting = conductor.sitting
        running = conductor.running
        self.start_participant.setEnabled(running is None)
        self.participant.setEnabled(running is None)
        self.finish_participant.setEnabled(sitting is not None)
        self.start_task.setEnabled(
            sitting is not None
            and running is None
            and not conductor.pending
            and sitting.next_task() is not None
        )
        for button in (self.success, self.failure, self.skip):
            button.setEnabled(running is not None)
        self._list_tasks()
        if running is None:
            self.code.setVisible(False)
            self.expected.setVisible(False)
            self.elapsed.setText("")
            if sitting is None:
                self.instruction.setText(
                    translate("OperatorConsole", "Choose a participant and start them.")
                )
            elif conductor.pending:
                self.instruction.setText(
                    translate("OperatorConsole", "The participant is answering a questionnaire.")
                )
            elif sitting.next_task() is None:
                self.instruction.setText(
                    translate(
                        "OperatorConsole", "%1 has done every task: finish the participant."
                    ).replace("%1", sitting.participant)
                )
            else:
                variant, task_id = split_step(sitting.next_task() or "")
                task = conductor.study.task(task_id)
                self.instruction.setText(
                    translate("OperatorConsole", "Next: %1").replace("%1", task.instruction)
                )
                if variant and variant != sitting.variant:
                    self.instruction.setText(
                        self.instruction.text()
                        + "\n"
                        + translate("OperatorConsole", "The displays change to design %1.").replace(
                            "%1", variant
                        )
                    )
            self.condition.setText("")
            return
        task = running.task
        self.instruction.setText(task.instruction)
        self.code.setVisible(running.code is not None)
        if running.code is not None:
            code = running.code
            grouped = " ".join(code[i : i + 4] for i in range(0, len(code), 4))
            # The code on a line of its own: read out in its groups, never split across lines.
            self.code.setText(
                translate("OperatorConsole", "Code for the participant: %1")
                .replace("%1", "\n" + grouped)
                .replace(" \n", "\n")
            )
        self.condition.setText(
            translate("OperatorConsole", "Success when: %1").replace(
                "%1", success_words(task.success)
            )
        )
        self.expected.setText(expected_words(task.success))
        self.expected.setVisible(bool(self.expected.text()))
        self.elapsed.setText(
            translate("OperatorConsole", "Time on task %1 of %2")
            .replace("%1", clock_text(conductor.elapsed_s()))
            .replace("%2", clock_text(task.time_limit_s))
        )

    def _list_tasks(self) -> None:
        sitting = self.conductor.sitting
        running = self.conductor.running
        lines = []
        if sitting is not None:
            for number, task_id in enumerate(sitting.order, start=1):
                line = f"{number}. {task_id}"
                if task_id in sitting.outcomes:
                    line += (
                        f" — {outcome_words(sitting.outcomes[task_id])}"
                        f" ({sitting.times_s[task_id]:.0f} s)"
                    )
                elif running is not None and running.task.id == task_id:
                    line += " — " + translate("OperatorConsole", "running")
                lines.append(line)
        if [self.tasks.item(i).text() for i in range(self.tasks.count())] != lines:
            self.tasks.clear()
            self.tasks.addItems(lines)
