"""The questionnaires' answers as the report needs them: one scored sheet per participant and time
asked, scored by the instrument's published method (``questionnaires.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.trial.questionnaires import IncompleteAnswers, Instrument, score
from app.trial.store import ResponseRow, TrialStore
from app.trial.study import Study


@dataclass(frozen=True)
class Sheet:
    participant: str
    instrument: str
    variant: str
    task: str
    """The task it followed ("" for a session's sheet)."""
    ratings: dict[str, float]
    texts: dict[str, str]
    score: float | None
    """The instrument's score; None for the study's own items or an incomplete sheet."""


def sheets(store: TrialStore, study: Study) -> list[Sheet]:
    """Every answered sheet of the study, the last one kept when a sheet was answered twice."""
    kept: dict[tuple[str, str, str, str], Sheet] = {}
    for session in store.sessions(study.id):
        tasks = {run.id: run.task for run in store.task_runs(session.id)}
        grouped: dict[tuple[str, int | None, str, float], list[ResponseRow]] = {}
        for row in store.responses(session.id):
            grouped.setdefault((row.instrument, row.task_run_id, row.variant, row.at), []).append(
                row
            )
        for (instrument, run_id, variant, _at), rows in grouped.items():
            ratings = {row.item: row.value for row in rows if row.value is not None}
            texts = {row.item: row.text for row in rows if row.value is None}
            try:
                scored = score(Instrument(instrument), ratings)
            except (IncompleteAnswers, ValueError):
                scored = None
            task = tasks.get(run_id, "") if run_id is not None else ""
            kept[(session.participant, instrument, variant, task)] = Sheet(
                session.participant, instrument, variant, task, ratings, texts, scored
            )
    return list(kept.values())


def scores(
    found: Sequence[Sheet], instrument: str, variant: str = "", task: str = ""
) -> list[float]:
    return [
        sheet.score
        for sheet in found
        if sheet.instrument == instrument
        and sheet.variant == variant
        and sheet.task == task
        and sheet.score is not None
    ]
