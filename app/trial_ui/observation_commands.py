"""``python -m app trial observe | observations | anonymise``: observations after the session,
their export for video-coding tools, and an anonymised copy of a record.

- ``observe RECORD --observer B --at 00:03:12 --code hesitation [--state start] [--note …]
  [--participant P01 | --session N]`` adds a note or code at a session time (post hoc);
- ``observations RECORD --out DIR`` writes ``observations.csv`` and ``observations.boris``;
- ``anonymise RECORD --out FILE`` writes an anonymised copy of the record.

Each reads the record alone (and the study it names, for its coding scheme). Anything wrong is
one line on stderr and exit status 2, with nothing written.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import Any

from app.trial.anonymise import anonymise
from app.trial.observation_export import boris_json, observations_csv, place
from app.trial.observations import (
    Mark,
    ObservationError,
    Source,
    observations,
    parse_session_time,
    record,
)
from app.trial.observations import check as check_observation
from app.trial.report import write_atomically
from app.trial.store import SessionRow, TrialStore, TrialStoreError
from app.trial.study import Study, StudyError, load_study

COMMANDS = ("observe", "observations", "anonymise")


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    observe = commands.add_parser(
        "observe",
        help="add an observer's note or code at a session time, after the session",
        description="Add a note or a code of the study's coding scheme to a session in RECORD, "
        "at a time from the start of the session.",
    )
    observe.add_argument("record", metavar="RECORD", help="the trial record (.sqlite)")
    observe.add_argument("--observer", required=True, help="who observed (name or initials)")
    observe.add_argument("--at", required=True, help="session time: 00:03:12, 3:12 or seconds")
    observe.add_argument("--code", default="", help="a code of the study's coding scheme")
    observe.add_argument(
        "--state", choices=("start", "stop"), help="for a state code: its start or its stop"
    )
    observe.add_argument("--note", default="", help="free text")
    observe.add_argument("--participant", help="the participant's session (their latest)")
    observe.add_argument("--session", type=int, help="the session's number in the record")
    observe.add_argument("--study", help="the study file, when it is not a bundled study")
    export = commands.add_parser(
        "observations",
        help="export observations as CSV and as a BORIS project",
        description="Write observations.csv and observations.boris (BORIS: Observations > "
        "Import observations) for the study recorded in RECORD.",
    )
    export.add_argument("record", metavar="RECORD", help="the trial record (.sqlite)")
    export.add_argument("--out", required=True, metavar="DIR", help="folder for the files")
    export.add_argument("--study", help="the study file, when it is not a bundled study")
    private = commands.add_parser(
        "anonymise",
        help="an anonymised copy of a record: participant ids only, codes masked",
        description="Write a copy of RECORD with observers' names mapped, free text removed "
        "and top-up and install codes masked (see docs/observation.md).",
    )
    private.add_argument("record", metavar="RECORD", help="the trial record (.sqlite)")
    private.add_argument("--out", required=True, metavar="FILE", help="the anonymised copy")


def run(args: argparse.Namespace) -> int:
    name = f"trial {args.command}"
    record_path = Path(args.record)
    if not record_path.is_file():
        print(f"{name}: no trial record at {record_path}", file=sys.stderr)
        return 2
    try:
        if args.command == "anonymise":
            written = anonymise(record_path, Path(args.out))
            print(f"anonymised copy written to {written}")
            return 0
        store = TrialStore(record_path)
        try:
            if args.command == "observe":
                return _observe(store, args)
            return _export(store, args)
        finally:
            store.close()
    except (TrialStoreError, StudyError, ObservationError, ValueError) as error:
        print(f"{name}: {error}", file=sys.stderr)
    except (OSError, sqlite3.Error) as error:
        print(f"{name}: {error}", file=sys.stderr)
    return 2


def _observe(store: TrialStore, args: argparse.Namespace) -> int:
    session = _session(store, args.participant, args.session)
    study = _study(args.study, [session])
    at_s = parse_session_time(args.at)
    mark = Mark(args.state) if args.state else Mark.POINT
    check_observation(study.coding, args.code, mark, args.note)
    record(
        store, session.id, args.observer, at_s,
        code=args.code, mark=mark, note=args.note, source=Source.POST_HOC,
    )  # fmt: skip
    what = args.code or "note"
    print(f"{what} recorded for {session.participant} (session {session.id}) at {args.at}")
    return 0


def _export(store: TrialStore, args: argparse.Namespace) -> int:
    sessions = store.sessions()
    study = _study(args.study, sessions)
    sessions = [s for s in sessions if s.study == study.id]
    found = observations(store, sessions)
    runs = {session.id: store.task_runs(session.id) for session in sessions}
    out = Path(args.out)
    write_atomically(
        out / "observations.csv", observations_csv(place(found, sessions, runs)).encode()
    )
    write_atomically(out / "observations.boris", boris_json(study, sessions, found).encode())
    print(f"{len(found)} observations written to {out}")
    return 0


def _session(store: TrialStore, participant: str | None, number: int | None) -> SessionRow:
    sessions = store.sessions()
    if number is not None:
        chosen = [s for s in sessions if s.id == number]
    elif participant is not None:
        chosen = [s for s in sessions if s.participant == participant][-1:]
    else:
        chosen = sessions
    if not chosen:
        raise ObservationError("no such session in the record")
    if len(chosen) > 1:
        raise ObservationError(
            "the record holds several sessions: say which with --participant ID or --session N"
        )
    return chosen[0]


def _study(path: str | None, sessions: list[SessionRow]) -> Study:
    if path is not None:
        return load_study(path)
    ids = sorted({session.study for session in sessions})
    if len(ids) != 1:
        raise StudyError("say which study with --study FILE")
    try:
        return load_study(ids[0])
    except StudyError:
        raise StudyError(f"study {ids[0]!r} is not bundled: give its file with --study") from None
