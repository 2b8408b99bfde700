"""The real display, killed and started again mid-sitting, keeps recording into the same trial."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from app.trial.store import TrialStore

ROOT = Path(__file__).resolve().parents[2]


def test_the_real_display_killed_and_restarted_keeps_recording_into_the_sitting(
    tmp_path: Path,
) -> None:
    db = tmp_path / "trial.sqlite"
    console = TrialStore(db)
    session = console.open_session("study", "P01", ["a"])
    run = console.start_task(session, "a", 1)
    command = [
        sys.executable, "-m", "app", "--mode", "ppmid", "--trial", str(db), "--participant", "P01",
        "--quit-after", "60",
    ]  # fmt: skip
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def until_screens(count: int) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            shown = [e for e in console.events(task_run_id=run) if e.kind == "screen"]
            if len(shown) >= count:
                return
            time.sleep(0.1)
        raise AssertionError(f"the display never showed {count} screens")

    first = subprocess.Popen(command, cwd=ROOT, env=environment, stderr=subprocess.DEVNULL)
    try:
        until_screens(1)
    finally:
        first.kill()
        first.wait()
    second = subprocess.Popen(command, cwd=ROOT, env=environment, stderr=subprocess.DEVNULL)
    try:
        until_screens(2)
    finally:
        second.terminate()
        second.wait()
    kinds = [(e.kind, e.target) for e in console.events(task_run_id=run)]
    assert kinds.count(("display_start", "display:ppmid")) == 2
    assert kinds.count(("screen", "ppmid-balance")) == 2
    assert kinds[0] == ("task_start", "a")
