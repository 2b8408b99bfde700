"""Observations exported as CSV and as a BORIS project, shaped like BORIS's documented format."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from app.trial_ui import report_command
from tests.app.trial.observed_record import OBSERVERS, observed_record
from tests.app.trial.test_agreement import hand_kappa

FIXTURE = Path(__file__).parent / "fixtures" / "boris-live-project.boris"
EVENT_TYPES = [float, str, str, str, str]
"""A live observation's event: time, subject, code, modifier, comment."""


def _types(event: list[object]) -> list[type]:
    return [
        float if isinstance(v, int | float) and not isinstance(v, bool) else type(v) for v in event
    ]


def test_the_boris_project_has_the_documented_shape(tmp_path: Path) -> None:
    db = observed_record(tmp_path / "t.sqlite")
    out = tmp_path / "export"
    assert report_command.main(["observations", str(db), "--out", str(out)]) == 0
    ours = json.loads((out / "observations.boris").read_text(encoding="utf-8"))
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))

    assert set(ours) == set(fixture)
    assert ours["project_format_version"] == fixture["project_format_version"]
    [behaviour_keys] = {frozenset(b) for b in fixture["behaviors_conf"].values()}
    assert all(frozenset(b) == behaviour_keys for b in ours["behaviors_conf"].values())
    kinds = {b["code"]: b["type"] for b in ours["behaviors_conf"].values()}
    assert kinds == {
        "hesitation": "State event",
        "error": "Point event",
        "asked-for-help": "Point event",
        "note": "Point event",
    }
    assert {b["code"]: b["key"] for b in ours["behaviors_conf"].values()}["hesitation"] == "h"
    [observation_keys] = {frozenset(o) for o in fixture["observations"].values()}
    assert set(ours["observations"]) == {f"P01-s1-{name}" for name in OBSERVERS}
    for observation in ours["observations"].values():
        assert frozenset(observation) == observation_keys
        assert observation["type"] == "LIVE"
        events = observation["events"]
        assert all(_types(event) == EVENT_TYPES for event in events)
        assert [e[0] for e in events] == sorted(e[0] for e in events)
        assert {e[2] for e in events} <= set(kinds)
        states = [e for e in events if kinds[e[2]] == "State event"]
        assert len(states) % 2 == 0  # BORIS pairs a state's start and stop
    first = ours["observations"][f"P01-s1-{OBSERVERS[0]}"]["events"]
    assert first[:2] == [[12.0, "", "hesitation", "", ""], [31.0, "", "hesitation", "", ""]]
    assert first[3][2:] == ["note", "", "Said her name is Mrs Jones, code 1234 5678 9012 3456 7890"]


def test_the_csv_places_each_observation_in_its_task(tmp_path: Path) -> None:
    db = observed_record(tmp_path / "t.sqlite")
    out = tmp_path / "export"
    assert report_command.main(["observations", str(db), "--out", str(out)]) == 0
    with (out / "observations.csv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == [
        "participant", "session", "observer", "session_time_s", "session_time", "code", "mark",
        "note", "task", "variant", "source",
    ]  # fmt: skip
    assert [(r["session_time_s"], r["code"], r["mark"], r["task"], r["variant"]) for r in rows
            if r["observer"] == OBSERVERS[1]] == [
        ("14.000", "hesitation", "start", "cost-now", "money"),
        ("29.000", "hesitation", "stop", "cost-now", "money"),
        ("57.000", "error", "point", "today", "money"),
        ("72.000", "asked-for-help", "point", "today", "money"),
    ]  # fmt: skip
    assert rows[0]["session_time"] == "0:00:12.0"
    assert {r["source"] for r in rows} == {"post-hoc"}


def test_the_report_counts_codes_per_task_and_gives_kappa(tmp_path: Path) -> None:
    db = observed_record(tmp_path / "t.sqlite")
    out = tmp_path / "report"
    study = str(Path("resources/studies/ihd-money-or-energy.toml").resolve())
    assert report_command.main(["report", study, "--db", str(db), "--out", str(out)]) == 0
    with (out / "agreement.csv").open(encoding="utf-8") as file:
        agreed = {row["code"]: row for row in csv.DictReader(file)}
    # A 90-second session in nine 10-second windows. Hesitation: the first observer 12–31 s
    # (windows 1–3), the second 14–29 s (1–2); error: both in window 5; asked for help: only the
    # second, in window 7.
    expected = {
        "hesitation": (2, 1, 0, 6),
        "error": (1, 0, 0, 8),
        "asked-for-help": (0, 0, 1, 8),
    }
    for code, (a, b, c, d) in expected.items():
        row = agreed[code]
        assert (row["first"], row["second"]) == tuple(sorted(OBSERVERS))
        assert (int(row["both"]), int(row["first_only"]), int(row["second_only"]),
                int(row["neither"])) == (a, b, c, d)  # fmt: skip
        assert float(row["kappa"]) == pytest.approx(float(hand_kappa(a, b, c, d)), abs=1e-6)
    assert float(agreed["hesitation"]["kappa"]) == pytest.approx(0.7272727, abs=1e-6)  # 8/11
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<h2>Observations</h2>" in page
    assert "The unit of agreement is a window of 10 s" in page
    assert "<td>0.73</td>" in page
    # Counts per code and task/variant: the second observer's "error" fell in "today".
    assert "<th scope='col'>cost-now · money</th><th scope='col'>today · money</th>" in page
