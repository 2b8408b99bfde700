"""Running a study: one participant at a time, one task at a time, judged on the home.

The researcher starts a participant (their task order comes from the study), then each task: its
setup is done to the home, a code is vended if the task needs one, and the home is observed. From
then on ``poll`` (called by the console a few times a second) ends the task as a success when its
condition holds, or as a timeout when its time limit passes; the researcher may also mark it a
success or failure, or skip it. Everything is written to the trial record as it happens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.trial.conditions import HomeObservation, is_met, observe
from app.trial.home_controls import HomeControls, Injection
from app.trial.ordering import task_order, variant_order
from app.trial.questionnaires import Questionnaire
from app.trial.store import TrialStore
from app.trial.study import Study, SuccessKind, Task
from home_emulator.api.home import EmulatedHome
from home_emulator.api.scenarios import ScriptedEvent

CONSOLE = "console"


class TrialStateError(RuntimeError):
    """An operator action that makes no sense now (no participant, a task already running …)."""


@dataclass
class RunningTask:
    task: Task
    run_id: int
    position: int
    started_at: float
    before: HomeObservation
    code: str | None = None
    """The top-up code vended for the participant's card."""


STEP_SEPARATOR = "/"
"""A step is a task id, or ``variant/task`` when the study compares design variants (ids have
no slash)."""


def step_key(variant: str, task: str) -> str:
    return f"{variant}{STEP_SEPARATOR}{task}" if variant else task


def split_step(step: str) -> tuple[str, str]:
    """(variant, task) of a step ("" for no variant)."""
    variant, _, task = step.rpartition(STEP_SEPARATOR)
    return variant, task


@dataclass
class Sitting:
    participant: str
    session_id: int
    order: list[str]
    """Steps in order: task ids, or ``variant/task`` in blocks of one variant."""
    outcomes: dict[str, str] = field(default_factory=dict)
    times_s: dict[str, float] = field(default_factory=dict)
    variant: str = ""
    """The design variant the displays show now."""

    def next_task(self) -> str | None:
        return next((task for task in self.order if task not in self.outcomes), None)


@dataclass(frozen=True)
class PendingSheet:
    """A questionnaire the participant is to answer before the next task."""

    questionnaire: Questionnaire
    run_id: int | None
    variant: str
    display: str
    """Where the participant was: the display the sheet is shown on."""


class Conductor:
    def __init__(self, study: Study, store: TrialStore, home: EmulatedHome) -> None:
        self.study = study
        self.store = store
        self.home = home
        self.controls = HomeControls(home, study.scenario)
        self.sitting: Sitting | None = None
        self.running: RunningTask | None = None
        self.on_participant: Callable[[str], None] = lambda _participant: None
        """Told who is now taking part ("" when nobody), e.g. so displays record under them."""
        self.on_variant: Callable[[str], None] = lambda _variant: None
        """Told which design variant the displays are to show ("" for the design as built)."""
        self.pending: list[PendingSheet] = []
        """Questionnaires waiting for answers, first one first."""

    # Participants ---------------------------------------------------------------------------

    def start_participant(self, participant: str) -> Sitting:
        if participant not in self.study.participants:
            raise TrialStateError(f"{participant} is not a participant of {self.study.id}")
        if self.running is not None:
            raise TrialStateError("end the running task first")
        if self.sitting is not None:
            self.finish_participant()
        order = task_order(self.study, participant)
        variants = variant_order(self.study, participant)
        session_id = self.store.open_session(self.study.id, participant, order, variants)
        steps = [step_key(v, task) for v in variants for task in order] if variants else order
        self.sitting = Sitting(participant, session_id, steps)
        self.pending = []
        self.on_participant(participant)
        return self.sitting

    def finish_participant(self) -> None:
        sitting = self._sitting()
        if self.running is not None:
            self.end_task("skipped", "participant finished")
        for sheet in self.pending:
            self._note(
                "questionnaire_skipped", sheet.questionnaire.instrument, "participant finished"
            )
        self.pending = []
        self.store.close_session(sitting.session_id)
        self.sitting = None
        if sitting.variant:
            self.on_variant("")
        self.on_participant("")

    def _sitting(self) -> Sitting:
        if self.sitting is None:
            raise TrialStateError("start a participant first")
        return self.sitting

    # Tasks ------------------------------------------------------------------------------------

    def start_task(self, task_id: str | None = None) -> RunningTask:
        sitting = self._sitting()
        if self.running is not None:
            raise TrialStateError("a task is already running")
        if self.pending:
            raise TrialStateError("the participant has a questionnaire to answer first")
        step = task_id or sitting.next_task()
        if step is None:
            raise TrialStateError(f"{sitting.participant} has done every task")
        variant, task_id = split_step(step)
        task = self.study.task(task_id)
        position = sitting.order.index(step) + 1
        if variant != sitting.variant:
            sitting.variant = variant
            # Noted first, so what the displays show from now on follows it in the record (a
            # replay shows the variant from this event on).
            self._note("variant", variant, "the displays show this design variant")
            self.on_variant(variant)
        run_id = self.store.start_task(sitting.session_id, task.id, position, variant)
        for event in task.setup:
            self._note("setup", str(event.kind), self.controls.run(event))
        code = None
        if task.vend_pounds is not None:
            code = self.controls.vend(int(task.vend_pounds))
            self._note("vend", f"£{task.vend_pounds}", "code given to the participant")
        before = observe(self.home)
        self.running = RunningTask(task, run_id, position, self.store.now(), before, code)
        if is_met(task.success, before, before):
            # A state the setup should have undone (e.g. emergency credit still in use from the
            # last participant): the task would succeed at once. Say so in the record.
            self._note("warning", task.id, "success condition already holds at the start")
        return self.running

    def poll(self) -> str | None:
        """Ends the running task if its condition holds or its time is up; the outcome if so."""
        running = self.running
        if running is None:
            return None
        if is_met(running.task.success, running.before, observe(self.home), self._screens()):
            self.end_task("success")
            return "success"
        if self.elapsed_s() >= running.task.time_limit_s:
            self.end_task("timeout", f"time limit {running.task.time_limit_s} s")
            return "timeout"
        return None

    def _screens(self) -> frozenset[str]:
        running = self.running
        if running is None or running.task.success.kind is not SuccessKind.SCREEN_SHOWN:
            return frozenset()
        return frozenset(
            event.target
            for event in self.store.events(task_run_id=running.run_id)
            if event.kind == "screen"
        )

    def elapsed_s(self) -> float:
        return 0.0 if self.running is None else self.store.now() - self.running.started_at

    def judge(self, success: bool, note: str = "") -> None:
        """The researcher marks the running task."""
        self.end_task("success" if success else "failure", note or "marked by the researcher")

    def skip(self) -> None:
        self.end_task("skipped", "skipped by the researcher")

    def end_task(self, outcome: str, note: str = "") -> None:
        sitting = self._sitting()
        running = self.running
        if running is None:
            raise TrialStateError("no task is running")
        seconds = self.store.end_task(running.run_id, outcome, note)
        step = step_key(sitting.variant, running.task.id)
        sitting.outcomes[step] = outcome
        sitting.times_s[step] = seconds
        self.running = None
        plan = self.study.questionnaires
        display = running.task.display
        if outcome != "skipped":
            self.pending += [
                PendingSheet(sheet, running.run_id, sitting.variant, display)
                for sheet in plan.after_each_task(running.task.id)
            ]
        block_done = all(
            other in sitting.outcomes
            for other in sitting.order
            if split_step(other)[0] == sitting.variant
        )
        if block_done:  # the session's questionnaires rate each variant (within participants)
            self.pending += [
                PendingSheet(sheet, None, sitting.variant, display)
                for sheet in plan.after_the_session()
            ]

    # Questionnaires ---------------------------------------------------------------------------

    def answer(self, answers: dict[str, float | str]) -> None:
        """The participant's answers to the first pending questionnaire."""
        sitting = self._sitting()
        if not self.pending:
            raise TrialStateError("no questionnaire is waiting")
        sheet = self.pending.pop(0)
        self.store.record_answers(
            sitting.session_id, sheet.questionnaire.instrument, answers, sheet.run_id, sheet.variant
        )

    def skip_questionnaire(self) -> None:
        if not self.pending:
            raise TrialStateError("no questionnaire is waiting")
        sheet = self.pending.pop(0)
        self._note("questionnaire_skipped", sheet.questionnaire.instrument, "by the researcher")

    # The home -------------------------------------------------------------------------------

    def inject(self, injection: Injection) -> str:
        done = self.controls.inject(injection)
        self._note("inject", str(injection), done)
        return done

    def vend(self, pounds: int) -> str:
        code = self.controls.vend(pounds)
        self._note("vend", f"£{pounds}", "code vended by the researcher")
        return code

    def run_scenario_event(self, event: ScriptedEvent) -> str:
        """One of the scenario's scripted events, now (the researcher chose it)."""
        done = self.controls.run(event)
        self._note("scenario", str(event.kind), done)
        return done

    def move_clock_to(self, epoch_s: float) -> None:
        """The home's clock forward to ``epoch_s`` (the home catches up, meters and all)."""
        self.home.clock.jump_to(epoch_s)
        self._note("clock", "moved", f"to {epoch_s:.0f}")

    def note_clock(self, what: str) -> None:
        self._note("clock", what, "")

    def _note(self, kind: str, target: str, detail: str) -> None:
        participant = self.sitting.participant if self.sitting is not None else ""
        self.store.record(participant, CONSOLE, kind, target, detail)
