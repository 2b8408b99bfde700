"""Observers' notes and codes: kept in the record at a session time, live or afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.trial.coding import CodeKind
from app.trial.observations import (
    Mark,
    ObservationError,
    Source,
    check,
    observations,
    parse_session_time,
    record,
)
from app.trial.store import TrialStore
from app.trial.study import StudyError, load_study, parse_study
from app.trial_ui import report_command
from tests.app.trial.hand_clock import HandClock

STUDY = "ihd-money-or-energy"


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("00:03:12", 192.0),
        ("3:12", 192.0),
        ("1:02:03.5", 3723.5),
        ("192", 192.0),
        ("75:00", 4500.0),
    ],
)
def test_session_times_are_read_as_people_write_them(text: str, seconds: float) -> None:
    assert parse_session_time(text) == seconds


@pytest.mark.parametrize("text", ["3:75", "1:60:00", "-4", "soon", ""])
def test_a_time_that_is_not_one_is_refused(text: str) -> None:
    with pytest.raises(ObservationError):
        parse_session_time(text)


def test_the_study_defines_its_codes_point_and_state() -> None:
    coding = load_study(STUDY).coding
    assert [(c.id, c.kind, c.key) for c in coding.codes] == [
        ("hesitation", CodeKind.STATE, "h"),
        ("error", CodeKind.POINT, "e"),
        ("asked-for-help", CodeKind.POINT, "a"),
    ]
    assert coding.window_s == 10


def test_a_code_scheme_mistake_names_the_line(tmp_path: Path) -> None:
    text = (
        'title = "t"\nscenario = "pensioner-prepay"\nparticipants = ["P01"]\n'
        '[[tasks]]\nid = "a"\ninstruction = "Do it"\nsuccess = { kind = "supply_on" }\n'
        '[observation]\n[[observation.codes]]\nid = "x"\nkind = "moment"\n'
    )
    with pytest.raises(StudyError, match=r"mini\.toml.*kind"):
        parse_study(text, "mini.toml")


def test_observations_must_fit_the_scheme() -> None:
    coding = load_study(STUDY).coding
    check(coding, "error", Mark.POINT, "")
    check(coding, "hesitation", Mark.START, "")
    check(coding, "", Mark.POINT, "said it was confusing")
    for code, mark, note in [
        ("hesitation", Mark.POINT, ""),  # a state has a start and a stop
        ("error", Mark.START, ""),  # a point has neither
        ("typo", Mark.POINT, ""),  # not in the scheme
        ("", Mark.POINT, "  "),  # nothing at all
    ]:
        with pytest.raises(ObservationError):
            check(coding, code, mark, note)


def test_an_observation_is_on_disk_when_it_returns(tmp_path: Path) -> None:
    clock = HandClock(10_000.0)
    console = TrialStore(tmp_path / "t.sqlite", now=clock)
    session = console.open_session(STUDY, "P01", ["cost-now"])
    clock.now += 42.0
    record(console, session, "AB", 42.0, code="error", note="tapped History twice")
    other = TrialStore(tmp_path / "t.sqlite")  # another process's view: committed already
    [seen] = observations(other, other.sessions())
    assert (seen.participant, seen.observer, seen.at_s, seen.code, seen.mark, seen.source) == (
        "P01", "AB", 42.0, "error", Mark.POINT, Source.LIVE,
    )  # fmt: skip
    assert seen.note == "tapped History twice"
    with pytest.raises(ObservationError, match="observer"):
        record(console, session, "  ", 1.0, code="error")
    with pytest.raises(ObservationError, match="no session"):
        record(console, 99, "AB", 1.0, code="error")
    other.close()
    console.close()


def test_post_hoc_observations_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "t.sqlite"
    store = TrialStore(db)
    store.open_session(STUDY, "P01", ["cost-now"])
    store.open_session(STUDY, "P02", ["cost-now"])
    store.close()
    base = ["observe", str(db), "--observer", "B"]
    assert report_command.main([*base, "--participant", "P02", "--at", "00:03:12",
                                "--code", "hesitation", "--state", "start"]) == 0  # fmt: skip
    assert report_command.main([*base, "--session", "2", "--at", "3:20", "--code", "hesitation",
                                "--state", "stop", "--note", "found it"]) == 0  # fmt: skip
    assert "hesitation recorded for P02 (session 2) at 3:20" in capsys.readouterr().out
    for args, complaint in [
        (["--at", "0:10", "--code", "error"], "several sessions"),
        (["--participant", "P01", "--at", "0:10", "--code", "eror"], "not a code of the study"),
        (["--participant", "P01", "--at", "0:10", "--code", "hesitation"], "state code"),
        (["--participant", "P01", "--at", "ten", "--code", "error"], "not a session time"),
        (["--participant", "P09", "--at", "0:10", "--code", "error"], "no such session"),
    ]:
        assert report_command.main([*base, *args]) == 2
        assert complaint in capsys.readouterr().err
    store = TrialStore(db)
    found = observations(store, store.sessions())
    store.close()
    assert [(o.participant, o.at_s, o.code, o.mark, o.note, o.source) for o in found] == [
        ("P02", 192.0, "hesitation", Mark.START, "", Source.POST_HOC),
        ("P02", 200.0, "hesitation", Mark.STOP, "found it", Source.POST_HOC),
    ]
