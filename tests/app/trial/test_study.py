"""Study files: the example reads, and every mistake is one line with the file, line and key."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from app.trial.study import Order, StudyError, SuccessKind, load_study, parse_study
from home_emulator.scenario.events import LowCredit, Message

EXAMPLE = Path(__file__).resolve().parents[3] / "resources" / "studies" / "prepay-basics.toml"

MINIMAL = """
title = "A study"
scenario = "pensioner-prepay"
participants = ["P01", "P02"]

[[tasks]]
id = "top-up"
instruction = "Top up £10."
vend_pounds = 10
success = { kind = "credit_added", pounds = "10.00" }
"""


def test_the_example_study_reads_with_its_tasks_setups_and_displays() -> None:
    study = load_study(EXAMPLE)
    assert study.id == "prepay-basics"
    assert study.order is Order.LATIN_SQUARE
    assert study.participants == ("P01", "P02", "P03", "P04")
    assert [task.id for task in study.tasks] == [
        "top-up",
        "emergency-credit",
        "yesterday",
        "message",
    ]
    assert study.displays == ("ppmid", "ihd")
    top_up = study.task("top-up")
    assert top_up.vend_pounds == Decimal(10)
    assert top_up.success.kind is SuccessKind.CREDIT_ADDED
    assert top_up.success.pounds == Decimal("10.00")
    assert top_up.time_limit_s == 180
    assert isinstance(top_up.setup[0].action, LowCredit)
    assert top_up.setup[0].action.credit == Decimal("1.80")
    assert isinstance(study.task("message").setup[0].action, Message)
    assert study.task("yesterday").success.kind is SuccessKind.RESEARCHER


def test_a_study_is_found_by_name_too() -> None:
    assert load_study("prepay-basics").source == EXAMPLE


def test_defaults() -> None:
    study = parse_study(MINIMAL, "mini.toml")
    assert study.id == "mini"
    assert study.order is Order.FIXED
    assert study.tasks[0].display == "ppmid"
    assert study.tasks[0].setup == ()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ('instruction = "Top up £10."', 'instruction = "Top up £10."\ntime_limt = "2m"'),
            'mini.toml line 9: tasks[1].time_limt: unknown key – did you mean "time_limit"?',
        ),
        (
            ('kind = "credit_added", pounds = "10.00"', 'kind = "credit_addded"'),
            'mini.toml line 10: tasks[1].success.kind: "credit_addded" is not a known success kind',
        ),
        (
            ("}\n", '}\n[[tasks.setup]]\nat = "10:00"\nkind = "kettle"\n'),
            "mini.toml line 12: tasks[1].setup[1].at: setup happens when the task starts: remove at",
        ),
        (
            ('participants = ["P01", "P02"]', 'participants = ["P01", "P01"]'),
            'mini.toml line 4: participants[2]: "P01" is listed twice',
        ),
        (
            ('scenario = "pensioner-prepay"', 'scenario = "pensioner-prepaid"'),
            'mini.toml line 3: scenario: pensioner-prepaid: no scenario called "pensioner-prepaid"',
        ),
        (
            ('title = "A study"', 'title = "A study'),
            "mini.toml line 2: not valid TOML",
        ),
        (
            ('success = { kind = "credit_added", pounds = "10.00" }', ""),
            "mini.toml line 6: tasks[1].success: missing: how the task is judged",
        ),
        (
            ("}\n", '}\n[[tasks.setup]]\nkind = "low_credit"\ncredit = "x"\n'),
            'mini.toml line 13: tasks[1].setup[1].credit: "x" is not an amount',
        ),
    ],
)
def test_a_mistake_is_one_line_naming_file_line_and_key(
    change: tuple[str, str], expected: str
) -> None:
    text = MINIMAL.replace(*change)
    assert text != MINIMAL
    with pytest.raises(StudyError) as caught:
        parse_study(text, "mini.toml")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(expected), message


def test_two_tasks_with_one_id_are_refused() -> None:
    text = MINIMAL + MINIMAL[MINIMAL.index("[[tasks]]") :]
    with pytest.raises(StudyError, match=r"line 12: tasks\[2\]\.id: \"top-up\" is already"):
        parse_study(text, "mini.toml")


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(StudyError, match=r"nothing\.toml: cannot be read"):
        load_study(tmp_path / "nothing.toml")


def test_a_study_can_run_on_another_home(tmp_path: Path) -> None:
    scenarios = EXAMPLE.parents[1] / "scenarios"
    richer = tmp_path / "richer-pensioner.toml"
    richer.write_text(
        (scenarios / "pensioner-prepay.toml")
        .read_text()
        .replace('credit = "4.20"', 'credit = "25.00"')
    )
    study = load_study(EXAMPLE, scenario=str(richer))
    assert study.scenario.source == richer
    prepayment = study.scenario.electricity.prepayment
    assert prepayment is not None, "the example scenario is on prepayment"
    assert prepayment.credit == Decimal("25.00")
    with pytest.raises(
        StudyError, match=r"line 25: tasks\[1\]\.setup\[1\]\.fuel: low_credit needs"
    ):
        load_study(EXAMPLE, scenario="family-dual-fuel")  # credit mode: no credit to lower
