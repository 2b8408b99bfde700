"""The numbers of a trial report: per-task success rate, time on task, errors; per participant.

- An *attempt* is a participant's last ended run of a task in the study (a task restarted after a
  console restart counts once). Skipped tasks are listed but are not attempts: they count neither
  for nor against the success rate.
- *Success rate* = successes ÷ attempts (timeouts and failures are not successes).
- *Time on task* is the wall-clock time from the researcher starting the task to its end; its
  median and quartiles are over successful attempts only (the usual usability practice: a timeout
  says only that the task took at least its limit). Quartiles use linear interpolation between
  closest ranks (Hyndman & Fan type 7, NumPy's default ``linear`` and the "inclusive" method of
  Python's ``statistics.quantiles``); IQR = Q3 − Q1.
- *Errors* are the problems the participant's display showed them during the task (a wrong code,
  a refused request), as recorded by the display.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from app.trial.store import TrialStore
from app.trial.study import Study


@dataclass(frozen=True)
class Attempt:
    participant: str
    task: str
    position: int
    outcome: str
    seconds: float
    errors: int
    problems: tuple[str, ...] = ()
    """What the display said each time (the words the participant read)."""
    variant: str = ""
    """The design variant the task was done under ("" when the study compares none)."""


@dataclass(frozen=True)
class TaskSummary:
    task: str
    instruction: str
    attempts: int
    successes: int
    skipped: int
    median_s: float | None
    q1_s: float | None
    q3_s: float | None
    errors: int

    @property
    def success_rate(self) -> float | None:
        return self.successes / self.attempts if self.attempts else None

    @property
    def iqr_s(self) -> float | None:
        if self.q1_s is None or self.q3_s is None:
            return None
        return self.q3_s - self.q1_s


def quantile(values: Sequence[float], q: float) -> float:
    """Type 7 (linear between closest ranks) quantile of a non-empty sample."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def attempts(
    store: TrialStore, study: Study, elsewhere: Sequence[TrialStore] = ()
) -> list[Attempt]:
    """Every participant's last ended run of each task (skipped ones included), in session order.

    ``elsewhere`` are records kept by participant displays on other computers (their own
    ``--trial`` file, which holds no sessions): their events count for a run by participant and
    time, from the task's start to its end on the console's clock."""
    latest: dict[tuple[str, str, str], Attempt] = {}
    foreign = [
        event
        for other in elsewhere
        for event in other.events()
        if event.kind == "error" and event.session_id is None
    ]
    for session in store.sessions(study.id):
        for run in store.task_runs(session.id):
            if run.ended_at is None or run.outcome is None:
                continue
            problems = [
                event.detail for event in store.events(task_run_id=run.id) if event.kind == "error"
            ]
            problems += [
                event.detail
                for event in foreign
                if event.participant == session.participant
                and run.started_at <= event.at <= run.ended_at
            ]
            latest[(session.participant, run.variant, run.task)] = Attempt(
                session.participant,
                run.task,
                run.position,
                run.outcome,
                run.ended_at - run.started_at,
                len(problems),
                tuple(problems),
                run.variant,
            )
    return list(latest.values())


def summarise(study: Study, found: Sequence[Attempt]) -> list[TaskSummary]:
    summaries = []
    for task in study.tasks:
        runs = [attempt for attempt in found if attempt.task == task.id]
        done = [attempt for attempt in runs if attempt.outcome != "skipped"]
        times = [attempt.seconds for attempt in done if attempt.outcome == "success"]
        summaries.append(
            TaskSummary(
                task=task.id,
                instruction=task.instruction,
                attempts=len(done),
                successes=len(times),
                skipped=len(runs) - len(done),
                median_s=quantile(times, 0.5) if times else None,
                q1_s=quantile(times, 0.25) if times else None,
                q3_s=quantile(times, 0.75) if times else None,
                errors=sum(attempt.errors for attempt in done),
            )
        )
    return summaries


def problems_by_task(study: Study, found: Sequence[Attempt]) -> dict[str, Counter[str]]:
    """For each task, what the displays told participants went wrong, and how often."""
    counts: dict[str, Counter[str]] = {task.id: Counter() for task in study.tasks}
    for attempt in found:
        if attempt.outcome != "skipped":
            counts.setdefault(attempt.task, Counter()).update(attempt.problems)
    return {task: counter for task, counter in counts.items() if counter}


def participants(found: Sequence[Attempt]) -> list[str]:
    return list(dict.fromkeys(attempt.participant for attempt in found))
