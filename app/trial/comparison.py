"""Design variants compared: per variant and task the completion rate, time and ratings with their
95 % intervals, and for each task and pair of variants a test chosen by the design, said in words.

Tests (two-sided, α = 0.05), as Sauro & Lewis recommend for small samples:

- time on task: log times of successful attempts, paired t over participants who succeeded under
  both (within) or Welch's t (between); reported as the ratio of geometric means;
- completion: McNemar's exact test on the participants who succeeded under one variant only
  (within), or the N−1 two-proportion test (Campbell 2007) (between);
- SUS and SEQ: paired t (within) or Welch's t (between) on the scores.

A difference is "supported" when p < 0.05; otherwise the report says the data do not show one,
which with a handful of participants is not evidence that there is none.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import Final

from app.trial.answers import Sheet
from app.trial.small_samples import (
    Interval,
    TTest,
    adjusted_wald,
    geometric_mean_interval,
    mean_interval,
    paired_t,
    welch_t,
)
from app.trial.stats import Attempt
from app.trial.study import Study
from app.trial.variants import Design

ALPHA: Final = 0.05


@dataclass(frozen=True)
class VariantTask:
    variant: str
    task: str
    attempts: int
    successes: int
    completion: Interval | None
    time_s: Interval | None
    """Geometric mean of successful times and its interval."""
    seq: Interval | None


@dataclass(frozen=True)
class Finding:
    measure: str
    """``time``, ``completion``, ``sus`` or ``seq``."""
    task: str
    """"" for a whole-variant measure (SUS)."""
    first: str
    second: str
    test: str
    n: int
    p: float | None
    words: str
    t: float | None = None
    df: float | None = None

    @property
    def supported(self) -> bool:
        return self.p is not None and self.p < ALPHA


def _done(found: Sequence[Attempt]) -> list[Attempt]:
    return [a for a in found if a.outcome != "skipped"]


def variant_tasks(
    study: Study, found: Sequence[Attempt], answered: Sequence[Sheet]
) -> list[VariantTask]:
    rows = []
    for variant in study.variants:
        for task in study.tasks:
            done = [a for a in _done(found) if a.variant == variant.id and a.task == task.id]
            times = [a.seconds for a in done if a.outcome == "success" and a.seconds > 0]
            seq = [
                s.score
                for s in answered
                if s.instrument == "seq"
                and s.variant == variant.id
                and s.task == task.id
                and s.score is not None
            ]
            rows.append(
                VariantTask(
                    variant.id,
                    task.id,
                    len(done),
                    len(times),
                    adjusted_wald(len(times), len(done)) if done else None,
                    geometric_mean_interval(times) if times else None,
                    mean_interval(seq) if seq else None,
                )
            )
    return rows


def sus_by_variant(study: Study, answered: Sequence[Sheet]) -> dict[str, Interval | None]:
    result: dict[str, Interval | None] = {}
    for variant in study.variants:
        values = _session_scores(answered, "sus", variant.id)
        result[variant.id] = mean_interval(list(values.values())) if values else None
    return result


def _session_scores(answered: Sequence[Sheet], instrument: str, variant: str) -> dict[str, float]:
    return {
        s.participant: s.score
        for s in answered
        if s.instrument == instrument
        and s.variant == variant
        and not s.task
        and s.score is not None
    }


def findings(study: Study, found: Sequence[Attempt], answered: Sequence[Sheet]) -> list[Finding]:
    within = study.design is Design.WITHIN
    result: list[Finding] = []
    ids = [variant.id for variant in study.variants]
    titles = {variant.id: variant.title for variant in study.variants}
    for i, first in enumerate(ids):
        for second in ids[i + 1 :]:
            for task in study.tasks:
                result.append(_time(found, task.id, first, second, within, titles))
                result.append(_completion(found, task.id, first, second, within, titles))
                seq = _scores_finding(
                    "seq",
                    task.id,
                    _task_scores(answered, "seq", first, task.id),
                    _task_scores(answered, "seq", second, task.id),
                    first,
                    second,
                    within,
                    titles,
                )
                if seq is not None:
                    result.append(seq)
            sus = _scores_finding(
                "sus",
                "",
                _session_scores(answered, "sus", first),
                _session_scores(answered, "sus", second),
                first,
                second,
                within,
                titles,
            )
            if sus is not None:
                result.append(sus)
    return result


def _task_scores(
    answered: Sequence[Sheet], instrument: str, variant: str, task: str
) -> dict[str, float]:
    return {
        s.participant: s.score
        for s in answered
        if s.instrument == instrument
        and s.variant == variant
        and s.task == task
        and s.score is not None
    }


def _by_participant(found: Sequence[Attempt], task: str, variant: str) -> dict[str, Attempt]:
    return {a.participant: a for a in _done(found) if a.task == task and a.variant == variant}


def _verdict(test: TTest | None, what: str, n_words: str) -> tuple[float | None, str]:
    if test is None:
        return None, f"too few data to test {what} ({n_words})."
    if test.p < ALPHA:
        return test.p, f"the data support a difference in {what} (p = {test.p:.3f}, {n_words})."
    return test.p, (
        f"the data do not show a difference in {what} (p = {test.p:.3f}, {n_words}); with so few "
        "participants a real difference may be missed."
    )


def _time(
    found: Sequence[Attempt],
    task: str,
    first: str,
    second: str,
    within: bool,
    titles: dict[str, str],
) -> Finding:
    a, b = _by_participant(found, task, first), _by_participant(found, task, second)
    ok_a = {
        p: math.log(x.seconds) for p, x in a.items() if x.outcome == "success" and x.seconds > 0
    }
    ok_b = {
        p: math.log(x.seconds) for p, x in b.items() if x.outcome == "success" and x.seconds > 0
    }
    if within:
        both = [p for p in ok_a if p in ok_b]
        test = paired_t([ok_a[p] for p in both], [ok_b[p] for p in both])
        n, name = len(both), "paired t on log times"
        n_words = f"{n} participants succeeded under both"
    else:
        test = welch_t(list(ok_a.values()), list(ok_b.values()))
        n, name = len(ok_a) + len(ok_b), "Welch t on log times"
        n_words = f"{len(ok_a)} and {len(ok_b)} successful participants"
    p, verdict = _verdict(test, "time on task", n_words)
    words = f"{task}, time: {verdict}"
    if test is not None:
        ratio = math.exp(test.difference)
        words += (
            f" Geometric mean time under “{titles[first]}” was {ratio:.2f} times that under "
            f"“{titles[second]}”."
        )
    return Finding(
        "time", task, first, second, name, n, p, words, *(() if test is None else (test.t, test.df))
    )


def mcnemar_exact(only_first: int, only_second: int) -> float:
    """Two-sided exact McNemar p: a binomial(b + c, ½) test on the discordant pairs."""
    discordant = only_first + only_second
    if discordant == 0:
        return 1.0
    k = min(only_first, only_second)
    tail = sum(math.comb(discordant, i) for i in range(k + 1)) / 2**discordant
    return float(min(1.0, 2 * tail))


def n_minus_one_two_proportions(x1: int, n1: int, x2: int, n2: int) -> float | None:
    """Two-sided p of the N−1 chi-square test of two independent proportions (Campbell 2007)."""
    total = n1 + n2
    successes, failures = x1 + x2, total - x1 - x2
    if n1 == 0 or n2 == 0 or successes == 0 or failures == 0:
        return None
    a, b, c, d = x1, n1 - x1, x2, n2 - x2
    chi2 = (a * d - b * c) ** 2 * (total - 1) / (n1 * n2 * successes * failures)
    return 2 * (1 - NormalDist().cdf(math.sqrt(chi2)))


def _completion(
    found: Sequence[Attempt],
    task: str,
    first: str,
    second: str,
    within: bool,
    titles: dict[str, str],
) -> Finding:
    a, b = _by_participant(found, task, first), _by_participant(found, task, second)
    rate = {
        first: sum(x.outcome == "success" for x in a.values()),
        second: sum(x.outcome == "success" for x in b.values()),
    }
    p: float | None
    if within:
        both = [p for p in a if p in b]
        only_first = sum(a[p].outcome == "success" and b[p].outcome != "success" for p in both)
        only_second = sum(a[p].outcome != "success" and b[p].outcome == "success" for p in both)
        p = mcnemar_exact(only_first, only_second) if both else None
        name, n = "McNemar exact", len(both)
        n_words = f"{only_first + only_second} of {n} participants succeeded under one only"
    else:
        p = n_minus_one_two_proportions(rate[first], len(a), rate[second], len(b))
        name, n = "N−1 two-proportion", len(a) + len(b)
        n_words = f"{rate[first]} of {len(a)} against {rate[second]} of {len(b)}"
    what = "completion"
    if p is None:
        verdict = f"no test of {what} is possible ({n_words})."
    elif p < ALPHA:
        verdict = f"the data support a difference in {what} (p = {p:.3f}, {n_words})."
    else:
        verdict = f"the data do not show a difference in {what} (p = {p:.3f}, {n_words})."
    return Finding("completion", task, first, second, name, n, p, f"{task}, completion: {verdict}")


def _scores_finding(
    measure: str,
    task: str,
    a: dict[str, float],
    b: dict[str, float],
    first: str,
    second: str,
    within: bool,
    titles: dict[str, str],
) -> Finding | None:
    if not a and not b:
        return None
    if within:
        both = [p for p in a if p in b]
        test = paired_t([a[p] for p in both], [b[p] for p in both])
        name, n, n_words = "paired t", len(both), f"{len(both)} participants rated both"
    else:
        test = welch_t(list(a.values()), list(b.values()))
        name, n, n_words = "Welch t", len(a) + len(b), f"{len(a)} and {len(b)} participants"
    label = measure.upper() if measure == "sus" else f"{task}, SEQ"
    p, verdict = _verdict(test, f"{measure.upper()} score", n_words)
    words = f"{label}: {verdict}"
    if test is not None:
        words += f" Mean difference “{titles[first]}” − “{titles[second]}”: {test.difference:+.1f}."
    return Finding(
        measure,
        task,
        first,
        second,
        name,
        n,
        p,
        words,
        *(() if test is None else (test.t, test.df)),
    )
