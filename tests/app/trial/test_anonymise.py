"""Everything a study records is owner-only, and its anonymised copy keeps no one's name or code."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from app.trial.anonymise import MASK, mask_codes
from app.trial.observations import observations
from app.trial.store import TrialStore
from app.trial_ui import report_command
from tests.app.trial.observed_record import INSTALL_CODE, OBSERVERS, UTRN, observed_record

PERSONAL = [
    *OBSERVERS, "Gwenllian", "Tomos", "Mrs Jones", "my carer", UTRN, UTRN.replace(" ", ""),
    INSTALL_CODE, INSTALL_CODE.replace(" ", ""), "1234 5678", "A5C6 39FF",
]  # fmt: skip


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        (f"code {UTRN} typed", "code •••• •••• •••• •••• •••• typed"),
        ("12345678901234567890", MASK * 20),
        ("00:0d:6f:ff:fe:00:00:0a joined", "••:••:••:••:••:••:••:•• joined"),
        (INSTALL_CODE, "•••• •••• •••• •••• •••• •••• ••••"),
        (
            "£12.34 added, message 3 confirmed at 10:15",
            "£12.34 added, message 3 confirmed at 10:15",
        ),
        ("a decaf beef feed cafe", "a decaf beef feed cafe"),  # words, not a code
    ],
)
def test_codes_are_masked_and_the_rest_is_left(text: str, masked: str) -> None:
    assert mask_codes(text) == masked


def test_the_anonymised_copy_keeps_no_personal_field(tmp_path: Path) -> None:
    db = observed_record(tmp_path / "t.sqlite")
    copy = tmp_path / "shared" / "anonymised.sqlite"
    assert report_command.main(["anonymise", str(db), "--out", str(copy)]) == 0
    original = b"".join(p.read_bytes() for p in (db, Path(f"{db}-wal")) if p.exists())
    assert all(word.encode() in original for word in PERSONAL[:3])  # the test finds them at all
    exported = copy.read_bytes()
    for word in PERSONAL:
        assert word.encode() not in exported, word
        assert word.encode("utf-16-le") not in exported, word
    assert not Path(f"{copy}-wal").exists()
    assert _mode(copy) == 0o600
    assert _mode(copy.parent) == 0o700

    store = TrialStore(copy)  # still a trial record: the report and exports read it
    sessions = store.sessions()
    found = observations(store, sessions)
    [run_1, run_2] = store.task_runs(sessions[0].id)
    answers = store.responses(sessions[0].id)
    store.close()
    assert [s.participant for s in sessions] == ["P01"]
    assert sorted({o.observer for o in found}) == ["observer 1", "observer 2"]
    assert [o.code for o in found if o.observer == "observer 2"] == [
        "hesitation", "hesitation", "error", "asked-for-help",
    ]  # fmt: skip
    assert {o.note for o in found} == {"", "[note removed]"}
    assert (run_1.note, run_2.note) == ("marked by the researcher", "[note removed]")
    assert {(a.item, a.value, a.text) for a in answers} == {
        ("understood", 4.0, ""), ("why", None, "[free text removed]"),
    }  # fmt: skip


def test_the_copy_never_replaces_the_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = observed_record(tmp_path / "t.sqlite")
    assert report_command.main(["anonymise", str(db), "--out", str(db)]) == 2
    assert "cannot replace the record" in capsys.readouterr().err


def test_the_record_and_the_report_are_owner_only(tmp_path: Path) -> None:
    db = observed_record(tmp_path / "trials" / "t.sqlite")
    assert _mode(db.parent) == 0o700
    store = TrialStore(db)  # open, with its write-ahead log and shared memory beside it
    store.record("P01", "console", "note")
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        assert _mode(path) == 0o600, path
    store.close()
    out = tmp_path / "reports" / "money-or-energy"
    study = str(Path("resources/studies/ihd-money-or-energy.toml").resolve())
    assert report_command.main(["report", study, "--db", str(db), "--out", str(out)]) == 0
    assert report_command.main(["observations", str(db), "--out", str(out / "observed")]) == 0
    for folder in (out.parent, out, out / "observed"):
        assert _mode(folder) == 0o700, folder
    written = [path for path in out.rglob("*") if path.is_file()]
    assert {path.name for path in written} >= {"report.html", "observations.csv", "agreement.csv",
                                               "observations.boris"}  # fmt: skip
    for path in written:
        assert _mode(path) == 0o600, path
