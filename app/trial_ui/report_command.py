"""``python -m app trial report STUDY [--db FILE] [--out DIR]``: a study's results as HTML, CSV, PNG.

A bad study file, a missing or foreign record, or an unwritable folder is one line on stderr and
exit status 2; nothing is written unless everything could be read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.settings.user_dirs import data_dir
from app.trial.answers import Sheet, sheets
from app.trial.comparison import findings, variant_tasks
from app.trial.observation_export import observations_csv, place
from app.trial.observation_report import Observed, agreement_csv, observations_html, observed
from app.trial.observations import observations
from app.trial.report import (
    attempts_csv,
    participants_csv,
    report_html,
    tasks_csv,
    write_atomically,
)
from app.trial.report_sections import (
    findings_csv,
    questionnaires_csv,
    questionnaires_html,
    variants_csv,
    variants_html,
)
from app.trial.stats import Attempt, attempts, summarise
from app.trial.store import TrialStore, TrialStoreError
from app.trial.study import Study, StudyError, load_study
from app.trial_ui import replay_command
from app.trial_ui.observation_commands import COMMANDS as OBSERVATION_COMMANDS
from app.trial_ui.observation_commands import add_commands as add_observation_commands
from app.trial_ui.observation_commands import run as run_observation_command
from han.program_name import program_name

if TYPE_CHECKING:
    from app.trial_ui.tap_maps import ScreenTaps


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def default_db(study: Study) -> Path:
    """Where the console records a study unless told otherwise: the user's data folder (a study
    may sit in a read-only place, and its record is not part of it)."""
    folder = data_dir() / "trials"
    return folder / f"{study.id}.sqlite"


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog=f"{program_name('app')} trial",
        description="Usability trials: reports, observations and anonymised copies of studies "
        "recorded by the operator console.",
    )
    commands = parser.add_subparsers(
        dest="command",
        required=True,
        metavar=" | ".join(("report", "replay", *OBSERVATION_COMMANDS)),
    )
    report = commands.add_parser(
        "report",
        help="per-task success rate, time on task, errors and a per-participant table",
        description="Write report.html, tasks.csv, attempts.csv, participants.csv and the plots "
        "(PNG) for STUDY.",
    )
    report.add_argument("study", metavar="STUDY", help="the study file (.toml) or its name")
    report.add_argument(
        "--db",
        metavar="FILE",
        help="the trial record (default: STUDY-ID.sqlite in the user's data folder, trials/)",
    )
    report.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="FILE",
        help="a record kept by a participant display on another computer (its --trial FILE), "
        "counted by participant and time; repeatable",
    )
    report.add_argument(
        "--out",
        metavar="DIR",
        help="folder for the report (default: STUDY-report beside the record)",
    )
    replay_command.add_parser(commands)
    add_observation_commands(commands)
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "replay":
        return replay_command.main(args)
    if args.command in OBSERVATION_COMMANDS:
        return run_observation_command(args)
    try:
        study = load_study(args.study)
    except StudyError as error:
        print(f"trial report: {error}", file=sys.stderr)
        return 2
    db = Path(args.db) if args.db else default_db(study)
    if not db.exists():
        print(f"trial report: no trial record at {db} (give --db FILE)", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else Path.cwd() / f"{study.id}-report"
    stores: list[TrialStore] = []
    try:
        for path in (db, *(Path(other) for other in args.also)):
            if not path.exists():
                print(f"trial report: no trial record at {path}", file=sys.stderr)
                return 2
            stores.append(TrialStore(path))
        found = attempts(stores[0], study, stores[1:])
        answered = sheets(stores[0], study)
        seen = _observed(stores[0], study)
        from app.trial_ui.tap_maps import recorded_taps

        taps = recorded_taps(stores, study)
    except TrialStoreError as error:
        print(f"trial report: {error}", file=sys.stderr)
        return 2
    finally:
        for store in stores:
            store.close()
    if not found:
        print(f"trial report: {db} holds no finished task of study {study.id!r}", file=sys.stderr)
        return 2
    try:
        written = write_report(
            study, found, out, database=str(db), answered=answered, observed=seen, taps=taps
        )
    except OSError as error:
        print(f"trial report: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"report written to {written}")
    return 0


def write_report(
    study: Study,
    found: list[Attempt],
    out: Path,
    *,
    database: str,
    answered: Sequence[Sheet] = (),
    observed: Observed | None = None,
    taps: Sequence[ScreenTaps] = (),
) -> Path:
    from app.trial_ui.plots import success_rate_png, time_on_task_png

    _ensure_gui()
    summaries = summarise(study, found)
    sections = questionnaires_html(study, answered)
    if study.questionnaires.asks_anything:
        write_atomically(out / "questionnaires.csv", questionnaires_csv(answered).encode())
    if study.variants:
        rows = variant_tasks(study, found, answered)
        compared = findings(study, found, answered)
        sections += variants_html(study, rows, compared, answered)
        write_atomically(out / "variants.csv", variants_csv(rows).encode())
        write_atomically(out / "findings.csv", findings_csv(compared).encode())
    if observed is not None and (study.coding.codes or observed.placed):
        sections += observations_html(study, observed)
        write_atomically(out / "observations.csv", observations_csv(observed.placed).encode())
        agreement = agreement_csv(observed.agreed, study.coding.window_s)
        write_atomically(out / "agreement.csv", agreement.encode())
    sections += _write_tap_maps(taps, out)
    plots = {
        "Success rate per task": success_rate_png(summaries),
        "Time on task": time_on_task_png(summaries, found),
    }
    page = report_html(
        study,
        summaries,
        found,
        plots,
        database=database,
        generated=dt.datetime.now(),
        sections=sections,
    )
    write_atomically(out / "tasks.csv", tasks_csv(summaries).encode())
    write_atomically(out / "attempts.csv", attempts_csv(found).encode())
    write_atomically(out / "participants.csv", participants_csv(found).encode())
    write_atomically(out / "success-rate.png", plots["Success rate per task"])
    write_atomically(out / "time-on-task.png", plots["Time on task"])
    write_atomically(out / "report.html", page.encode())
    return out / "report.html"


def _write_tap_maps(taps: Sequence[ScreenTaps], out: Path) -> str:
    """One image per screen beside the report (owner-only), and the section linking them."""
    from app.trial_ui.replay import Replayer
    from app.trial_ui.replay_export import png_bytes
    from app.trial_ui.tap_maps import tap_map, tap_maps_html

    replayer = Replayer()
    for screen in taps:
        image = tap_map(replayer.draw(screen.first), screen)
        write_atomically(out / screen.file_name, png_bytes(image))
    return tap_maps_html(taps)


def _observed(store: TrialStore, study: Study) -> Observed:
    sessions = store.sessions(study.id)
    runs = {session.id: store.task_runs(session.id) for session in sessions}
    return observed(study, place(observations(store, sessions), sessions, runs), sessions)


def _ensure_gui() -> None:
    """Text in plots needs a QGuiApplication, the tap maps' screens (the displays' widgets) a
    QApplication; a report needs no screen."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _KEEP.append(QApplication(sys.argv[:1]))


_KEEP: list[object] = []
"""The application made for drawing, alive until the process ends."""
