"""Trial flags and ``python -m app trial report``: good input parsed, bad input one line, exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import parse
from app.trial_ui import report_command

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "resources" / "studies" / "prepay-basics.toml"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )


def test_a_participant_display_names_its_record_and_participant(tmp_path: Path) -> None:
    options = parse(
        ["--mode", "ppmid", "--trial", str(tmp_path / "t.sqlite"), "--participant", "P01"]
    )
    assert (options.trial_db, options.participant) == (tmp_path / "t.sqlite", "P01")
    operator = parse(["--mode", "operator", "--study", str(EXAMPLE)])
    assert (operator.mode, operator.study, operator.trial_db) == ("operator", str(EXAMPLE), None)


@pytest.fixture
def bad_study(tmp_path: Path) -> Path:
    text = EXAMPLE.read_text().replace('time_limit = "3m"', 'time_limit = "3 minutes"')
    path = tmp_path / "bad.toml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (
            ["--mode", "ppmid", "--trial", "t.sqlite"],
            "--trial FILE and --participant ID go together",
        ),
        (["--participant", "P01"], "--trial FILE and --participant ID go together"),
        (["--trial", "t.sqlite", "--participant", "P 01"], "a participant id is letters"),
        (["--trial", "/no/such/folder/t.sqlite", "--participant", "P01"], "does not exist"),
        (["--mode", "operator"], "--mode operator needs --study FILE"),
        (["--study", str(EXAMPLE)], "--study is for --mode operator"),
        (["--mode", "operator", "--study", "no-such-study"], "no-such-study: cannot be read"),
    ],
)
def test_bad_trial_flags_are_one_line(args: list[str], complaint: str) -> None:
    result = _run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert complaint in lines[0]


def test_a_bad_study_file_is_one_line_with_file_and_line(bad_study: Path) -> None:
    for args in (
        ["--mode", "operator", "--study", str(bad_study)],
        ["trial", "report", str(bad_study)],
    ):
        result = _run(*args)
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert 'bad.toml line 21: tasks[1].time_limit: "3 minutes" is not a duration' in lines[0]


def test_a_report_without_a_record_says_where_it_looked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.sqlite"
    assert report_command.main(["report", str(EXAMPLE), "--db", str(missing)]) == 2
    assert (
        capsys.readouterr().err == f"trial report: no trial record at {missing} (give --db FILE)\n"
    )
    empty = tmp_path / "empty.sqlite"
    from app.trial.store import TrialStore

    TrialStore(empty).close()
    assert report_command.main(["report", str(EXAMPLE), "--db", str(empty)]) == 2
    assert "holds no finished task of study 'prepay-basics'" in capsys.readouterr().err
    assert not (tmp_path / "prepay-basics-report").exists()


def test_errors_recorded_by_a_display_on_another_computer_count_by_participant_and_time(
    tmp_path: Path,
) -> None:
    from app.trial.store import TrialStore

    class Clock:
        now = 100.0

        def __call__(self) -> float:
            return self.now

    clock = Clock()
    console = TrialStore(tmp_path / "console.sqlite", now=clock)
    away = TrialStore(tmp_path / "p01-display.sqlite", now=clock)  # its own file: no sessions
    session = console.open_session("prepay-basics", "P01", ["top-up"])
    run = console.start_task(session, "top-up", 1)
    clock.now = 110.0
    away.record("P01", "display:ppmid", "error", "problem", "That code isn't right")
    away.record("P02", "display:ppmid", "error", "problem", "someone else's")
    clock.now = 130.0
    console.end_task(run, "success")
    clock.now = 140.0
    away.record("P01", "display:ppmid", "error", "problem", "after the task")
    for store in (console, away):
        store.close()
    out = tmp_path / "report"
    args = ["report", str(EXAMPLE), "--db", str(tmp_path / "console.sqlite"), "--out", str(out)]
    assert report_command.main([*args, "--also", str(tmp_path / "p01-display.sqlite")]) == 0
    rows = (out / "attempts.csv").read_text().splitlines()
    assert rows == [
        "participant,task,position,outcome,time_s,errors",
        "P01,top-up,1,success,30.000,1",
    ]
    assert report_command.main([*args, "--also", str(tmp_path / "nowhere.sqlite")]) == 2
