"""BORIS itself opens the observations export (opt-in: it needs BORIS installed apart).

BORIS (``pip install boris-behav-obs``) is a PyQt5 program, which does not share a process with
this PySide6 suite: set ``SMETS_BORIS_PYTHON`` to the Python of a virtual environment it is
installed in, and the export is read by BORIS's own project functions there (``boris_reads.py``),
headless. Without it the test is skipped; ``test_observation_export.py`` checks the export's
shape against a fixture written from BORIS's documented format on every run.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from app.trial_ui import report_command
from tests.app.trial.observed_record import observed_record

BORIS_PYTHON = os.environ.get("SMETS_BORIS_PYTHON", "")
READER = Path(__file__).with_name("boris_reads.py")

pytestmark = pytest.mark.skipif(
    not (BORIS_PYTHON and Path(BORIS_PYTHON).exists()),
    reason="BORIS is not installed here: set SMETS_BORIS_PYTHON to the Python of a venv with "
    "boris-behav-obs to have BORIS open the export",
)


def test_boris_opens_the_export_and_finds_every_observation_and_code(tmp_path: Path) -> None:
    db = observed_record(tmp_path / "t.sqlite")
    out = tmp_path / "export"
    assert report_command.main(["observations", str(db), "--out", str(out)]) == 0
    project = out / "observations.boris"
    ours = json.loads(project.read_text(encoding="utf-8"))
    done = subprocess.run(
        [BORIS_PYTHON, str(READER), str(project)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert (found["error"], found["message"], found["integrity"]) == ("", "", "")
    assert found["codes"] == sorted(b["code"] for b in ours["behaviors_conf"].values())
    assert set(found["observations"]) == set(ours["observations"])
    for observation_id, observation in found["observations"].items():
        events = ours["observations"][observation_id]["events"]
        assert observation["events"] == len(events)
        assert observation["codes"] == sorted({event[2] for event in events})
        assert observation["states"] == [True, "No problem detected"]  # starts and stops paired
