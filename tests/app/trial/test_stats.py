"""Report statistics: type-7 quartiles, success rates, time on task over successes, errors."""

from __future__ import annotations

import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.trial.stats import Attempt, quantile, summarise
from app.trial.study import load_study


@given(st.lists(st.floats(0, 1e4, allow_nan=False), min_size=2, max_size=30))
def test_quartiles_are_the_inclusive_method_of_the_standard_library(values: list[float]) -> None:
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    assert quantile(values, 0.25) == pytest.approx(q1)
    assert quantile(values, 0.5) == pytest.approx(q2)
    assert quantile(values, 0.75) == pytest.approx(q3)


def test_one_value_is_its_own_quartiles() -> None:
    assert quantile([12.5], 0.25) == quantile([12.5], 0.75) == 12.5


def test_summaries() -> None:
    study = load_study("prepay-basics")
    found = [
        Attempt("P01", "top-up", 1, "success", 30.0, 1),
        Attempt("P02", "top-up", 3, "success", 50.0, 0),
        Attempt("P03", "top-up", 4, "timeout", 180.0, 4),
        Attempt("P04", "top-up", 2, "success", 40.0, 0),
        Attempt("P01", "message", 3, "skipped", 5.0, 0),
        Attempt("P02", "message", 4, "failure", 70.0, 2),
    ]
    summaries = {s.task: s for s in summarise(study, found)}
    top_up = summaries["top-up"]
    assert (top_up.attempts, top_up.successes, top_up.skipped) == (4, 3, 0)
    assert top_up.success_rate == 0.75
    assert top_up.median_s == 40.0
    assert (top_up.q1_s, top_up.q3_s, top_up.iqr_s) == (35.0, 45.0, 10.0)
    assert top_up.errors == 5
    message = summaries["message"]
    assert (message.attempts, message.successes, message.skipped) == (1, 0, 1)
    assert message.success_rate == 0.0
    assert message.median_s is None
    assert message.errors == 2
    assert summaries["yesterday"].success_rate is None
