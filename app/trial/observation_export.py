"""Observations out of the record: plain CSV, and a BORIS project video-coding tools open.

The BORIS project (``docs/observation.md`` cites the format) holds the study's coding scheme as
its ethogram – point codes as "Point event", state codes as "State event" – and one live
observation per session and observer, named ``PARTICIPANT-sSESSION-OBSERVER``, whose events are
``[time, subject, code, modifier, comment]`` with time in seconds from the session's start (a
state code's start and stop are two events of the same code, as BORIS pairs them). A note
without a code is the ``note`` point event with the note as its comment.
BORIS imports it with Observations > Import observations, or opens it as a project.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass

from app.trial.coding import CodeKind
from app.trial.observations import Observation, session_clock
from app.trial.store import SessionRow, TaskRunRow
from app.trial.study import Study

NOTE_CODE = "note"
"""BORIS's events all carry a behaviour: a note on its own is this point event."""
BORIS_FORMAT_VERSION = "7.0"
BORIS_KINDS = {CodeKind.POINT: "Point event", CodeKind.STATE: "State event"}


@dataclass(frozen=True)
class Placed:
    """An observation with the task and design variant running at its session time."""

    observation: Observation
    task: str
    variant: str


def place(
    found: Sequence[Observation],
    sessions: Sequence[SessionRow],
    runs: dict[int, list[TaskRunRow]],
) -> list[Placed]:
    """Each observation with the task run it fell in ("" between tasks)."""
    started = {session.id: session.started_at for session in sessions}
    placed = []
    for observation in found:
        when = started[observation.session_id] + observation.at_s
        run = next(
            (
                run
                for run in runs.get(observation.session_id, [])
                if run.started_at <= when and (run.ended_at is None or when <= run.ended_at)
            ),
            None,
        )
        placed.append(
            Placed(observation, "" if run is None else run.task, "" if run is None else run.variant)
        )
    return placed


def observations_csv(placed: Sequence[Placed]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "participant",
            "session",
            "observer",
            "session_time_s",
            "session_time",
            "code",
            "mark",
            "note",
            "task",
            "variant",
            "source",
        ]
    )
    for p in placed:
        o = p.observation
        writer.writerow(
            [
                o.participant,
                o.session_id,
                o.observer,
                f"{o.at_s:.3f}",
                session_clock(o.at_s),
                o.code,
                o.mark,
                o.note,
                p.task,
                p.variant,
                o.source,
            ]
        )
    return out.getvalue()


def observation_id(observation: Observation) -> str:
    return f"{observation.participant}-s{observation.session_id}-{observation.observer}"


def boris_project(
    study: Study, sessions: Sequence[SessionRow], found: Sequence[Observation]
) -> dict[str, object]:
    ethogram: dict[str, dict[str, object]] = {}
    for code in study.coding.codes:
        ethogram[str(len(ethogram))] = _behaviour(
            code.id, BORIS_KINDS[code.kind], code.key, code.title
        )
    if any(not o.code for o in found) and study.coding.code(NOTE_CODE) is None:
        ethogram[str(len(ethogram))] = _behaviour(NOTE_CODE, "Point event", "", "a note")
    started = {session.id: session.started_at for session in sessions}
    observations: dict[str, dict[str, object]] = {}
    for o in found:
        entry = observations.setdefault(
            observation_id(o),
            {
                "file": {},
                "type": "LIVE",
                "date": _iso(started[o.session_id]),
                "description": f"{study.title}: participant {o.participant}, session "
                f"{o.session_id}, observer {o.observer}",
                "time offset": 0.0,
                "events": [],
                "independent_variables": {},
                "visualize_spectrogram": False,
                "close_behaviors_between_videos": False,
                "scan_sampling_time": 0,
            },
        )
        events = entry["events"]
        assert isinstance(events, list)
        events.append([round(o.at_s, 3), "", o.code or NOTE_CODE, "", o.note])
    return {
        "time_format": "hh:mm:ss",
        "project_date": _iso(min(started.values())) if started else "",
        "project_name": study.title,
        "project_description": f"Observations of study {study.id}, exported from its trial record",
        "project_format_version": BORIS_FORMAT_VERSION,
        "subjects_conf": {},
        "behaviors_conf": ethogram,
        "observations": observations,
        "behavioral_categories": [],
        "independent_variables": {},
        "coding_map": {},
        "behaviors_coding_map": [],
        "converters": {},
    }


def boris_json(study: Study, sessions: Sequence[SessionRow], found: Sequence[Observation]) -> str:
    return json.dumps(boris_project(study, sessions, found), indent=1, ensure_ascii=False) + "\n"


def _behaviour(code: str, kind: str, key: str, description: str) -> dict[str, object]:
    return {
        "type": kind,
        "key": key,
        "code": code,
        "description": description,
        "category": "",
        "modifiers": {},
        "excluded": "",
        "coding map": "",
    }


def _iso(epoch_s: float) -> str:
    return dt.datetime.fromtimestamp(epoch_s).replace(microsecond=0).isoformat()
