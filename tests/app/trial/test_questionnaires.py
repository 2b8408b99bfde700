"""Questionnaires: scored by their published methods, declared in the study, recorded with the
session and asked at the right moments."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.trial.answers import sheets
from app.trial.conductor import Conductor, TrialStateError
from app.trial.questionnaires import (
    IncompleteAnswers,
    Instrument,
    ItemKind,
    raw_tlx,
    seq_score,
    sus_score,
)
from app.trial.store import TrialStore
from app.trial.study import StudyError, parse_study
from home_emulator.scenario.home_builder import build_home
from tests.app.trial.hand_clock import HandClock

# Brooke (1996), "SUS: a 'quick and dirty' usability scale", Figure 2 – the scored example sheet,
# reproduced as Figure 6.8 of Tullis & Albert, *Measuring the User Experience*: the item
# contributions 4, 1, 1, 4, 1, 2, 1, 1, 4, 3 total 22, and 22 × 2.5 = a SUS score of 55. The
# answers (1–5) that give those contributions: odd items answer − 1, even items 5 − answer.
BROOKE_CONTRIBUTIONS = (4, 1, 1, 4, 1, 2, 1, 1, 4, 3)
BROOKE_ANSWERS = {
    f"sus{n}": (c + 1 if n % 2 else 5 - c) for n, c in enumerate(BROOKE_CONTRIBUTIONS, start=1)
}


def test_brookes_published_sus_example_scores_55() -> None:
    assert sum(BROOKE_CONTRIBUTIONS) == 22
    assert sus_score(BROOKE_ANSWERS) == 55.0


def test_sus_runs_from_0_to_100_and_needs_every_item() -> None:
    best = {f"sus{n}": (5 if n % 2 else 1) for n in range(1, 11)}
    worst = {f"sus{n}": (1 if n % 2 else 5) for n in range(1, 11)}
    assert sus_score(best) == 100.0
    assert sus_score(worst) == 0.0
    assert sus_score({f"sus{n}": 3 for n in range(1, 11)}) == 50.0
    with pytest.raises(IncompleteAnswers):
        sus_score({k: v for k, v in best.items() if k != "sus7"})
    with pytest.raises(IncompleteAnswers):
        sus_score({**best, "sus1": 6})


def test_seq_is_the_answer_and_raw_tlx_the_mean_of_six_subscales() -> None:
    assert seq_score({"seq": 6}) == 6.0
    with pytest.raises(IncompleteAnswers):
        seq_score({"seq": 8})
    ratings = {
        "mental": 70,
        "physical": 5,
        "temporal": 40,
        "performance": 25,
        "effort": 55,
        "frustration": 35,
    }
    assert raw_tlx(ratings) == pytest.approx((70 + 5 + 40 + 25 + 55 + 35) / 6)


STUDY = """
title = "Asked"
scenario = "pensioner-prepay"
participants = ["P01", "P02"]

[questionnaires]
after_each_task = ["seq"]
after_session = ["sus", "nasa-tlx"]
shown_on = "console"

[[questionnaires.items]]
id = "trust"
text = "I trusted the figures."
text_cy = "Roeddwn i'n ymddiried yn y ffigurau."
points = 7

[[questionnaires.items]]
id = "comment"
kind = "text"
text = "Anything else?"

[[tasks]]
id = "history"
instruction = "Find yesterday's use."
display = "ihd"
success = { kind = "researcher" }

[[tasks]]
id = "emergency-credit"
instruction = "Turn on emergency credit."
success = { kind = "emergency_credit_active" }
[[tasks.setup]]
kind = "low_credit"
credit = "0.50"
"""


def test_a_study_declares_its_questionnaires() -> None:
    plan = parse_study(STUDY).questionnaires
    assert plan.after_task == (Instrument.SEQ,)
    assert plan.after_session == (Instrument.SUS, Instrument.TLX)
    assert plan.shown_on == "console"
    trust, comment = plan.own_items
    assert (trust.low, trust.high, trust.text_cy) == (1, 7, "Roeddwn i'n ymddiried yn y ffigurau.")
    assert comment.kind is ItemKind.TEXT
    assert [sheet.instrument for sheet in plan.after_the_session()] == [
        Instrument.SUS,
        Instrument.TLX,
        Instrument.OWN,
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ('after_session = ["sus", "nasa-tlx"]', 'after_session = ["sus", "umux"]'),
        ("points = 7", "points = 6"),
        ('shown_on = "console"', 'shown_on = "tablet"'),
    ],
)
def test_a_questionnaire_mistake_is_one_line(change: str, message: str) -> None:
    with pytest.raises(StudyError, match=r"study\.toml line \d+"):
        parse_study(STUDY.replace(change, message))


def test_answers_are_asked_after_each_task_and_the_session_and_kept_with_it(tmp_path: Path) -> None:
    study = parse_study(STUDY)
    home = build_home(study.scenario, history_days=1)
    store = TrialStore(tmp_path / "t.sqlite", now=HandClock(1_000.0))
    try:
        conductor = Conductor(study, store, home)
        conductor.start_participant("P01")
        conductor.start_task("history")
        conductor.judge(True)
        assert [p.questionnaire.instrument for p in conductor.pending] == [Instrument.SEQ]
        with pytest.raises(TrialStateError, match="questionnaire"):
            conductor.start_task()
        conductor.answer({"seq": 6})
        conductor.start_task("emergency-credit")
        conductor.skip()  # a skipped task is not rated, but it ends the session's tasks
        assert [p.questionnaire.instrument for p in conductor.pending] == [
            Instrument.SUS,
            Instrument.TLX,
            Instrument.OWN,
        ]
        conductor.answer(dict(BROOKE_ANSWERS))
        conductor.skip_questionnaire()
        conductor.answer({"trust": 5, "comment": "The £ was clear."})
        conductor.finish_participant()
        found = {(s.instrument, s.task): s for s in sheets(store, study)}
        assert set(found) == {("seq", "history"), ("sus", ""), ("study", "")}
        assert found["seq", "history"].score == 6.0
        assert found["sus", ""].score == 55.0
        assert found["study", ""].ratings == {"trust": 5.0}
        assert found["study", ""].texts == {"comment": "The £ was clear."}
        skipped = [e for e in store.events() if e.kind == "questionnaire_skipped"]
        assert [e.target for e in skipped] == ["nasa-tlx"]
    finally:
        store.close()
        home.close()


VARIANTS = """
[[variants]]
id = "money"
title = "Leads with £"
settings = { lead_with = "cost", ambient = false }

[[variants]]
id = "large"
settings = { text = "large" }
"""


BETWEEN = STUDY.replace('title = "Asked"', 'title = "Asked"\ndesign = "between"')


def test_a_study_names_its_design_variants_as_display_settings() -> None:
    from app.settings.display_settings import Presentation
    from app.trial.ordering import variant_order
    from app.trial.variants import Design

    study = parse_study(BETWEEN + VARIANTS)
    assert study.design is Design.BETWEEN
    money, large = study.variants
    assert money.presentation == Presentation(lead_with="cost", ambient=False)
    assert (large.title, large.theme, large.presentation) == ("large", "large", Presentation())
    assert [variant_order(study, p) for p in study.participants] == [["money"], ["large"]]
    within = parse_study(STUDY + VARIANTS)
    assert [variant_order(within, p) for p in within.participants] == [
        ["money", "large"],
        ["large", "money"],
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('lead_with = "cost"', 'lead_with = "pence"'),
        ("ambient = false", 'ambient = "off"'),
        ('design = "between"', 'design = "crossover"'),
        ('id = "large"', 'id = "money"'),
    ],
)
def test_a_variant_mistake_is_one_line(text: str, where: str) -> None:
    with pytest.raises(StudyError, match=r"study\.toml line \d+"):
        parse_study((BETWEEN + VARIANTS).replace(text, where))
