"""Statistics for the handful of participants a usability study has (Sauro & Lewis, *Quantifying
the User Experience*, 2nd ed. 2016): intervals that stay honest at n = 5, and t-tests.

- Completion rate: the adjusted-Wald interval (Agresti & Coull 1998; recommended for completion
  rates by Sauro & Lewis 2005): add z²/2 successes and z²/2 failures, then the Wald interval.
- Task time: times are skewed, so the interval is built on log times (a t interval) and taken back:
  the geometric mean and its interval.
- A mean (SUS, SEQ): the t interval.
- Comparisons: a paired t-test on the differences (within participants) or Welch's unequal-variance
  t-test (between participants); two-sided.

Student's t distribution is computed here (its CDF through the regularised incomplete beta
function, by Lentz's continued fraction, and its quantile by bisection on the CDF) rather than by
adding SciPy, a 35 MB dependency, for two functions; the tests check them against printed tables.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import Final

CONFIDENCE: Final = 0.95


@dataclass(frozen=True)
class Interval:
    estimate: float
    low: float
    high: float


def z_critical(confidence: float = CONFIDENCE) -> float:
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def adjusted_wald(successes: int, attempts: int, confidence: float = CONFIDENCE) -> Interval:
    """The observed rate with its adjusted-Wald interval, clipped to 0–1."""
    if attempts <= 0 or not 0 <= successes <= attempts:
        raise ValueError("need 0 ≤ successes ≤ attempts and at least one attempt")
    z = z_critical(confidence)
    n_adjusted = attempts + z * z
    p_adjusted = (successes + z * z / 2) / n_adjusted
    margin = z * math.sqrt(p_adjusted * (1 - p_adjusted) / n_adjusted)
    return Interval(
        successes / attempts, max(0.0, p_adjusted - margin), min(1.0, p_adjusted + margin)
    )


def _incomplete_beta_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        for numerator in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1) < 1e-15:
            break
    return h


def regularized_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(log_front)
    if x < (a + 1) / (a + b + 2):
        return front * _incomplete_beta_fraction(a, b, x) / a
    return 1 - front * _incomplete_beta_fraction(b, a, 1 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T ≤ t) for Student's t with ``df`` degrees of freedom."""
    tail = regularized_beta(df / 2, 0.5, df / (df + t * t)) / 2
    return 1 - tail if t > 0 else tail


def t_critical(df: float, confidence: float = CONFIDENCE) -> float:
    """The two-sided critical value: P(|T| ≤ t) = confidence."""
    target = 0.5 + confidence / 2
    low, high = 0.0, 1.0
    while t_cdf(high, df) < target:
        high *= 2
    for _ in range(200):
        middle = (low + high) / 2
        if t_cdf(middle, df) < target:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def mean_interval(values: Sequence[float], confidence: float = CONFIDENCE) -> Interval:
    """The mean with its t interval (just the mean when there is one value)."""
    n = len(values)
    if n == 0:
        raise ValueError("no values")
    mean = sum(values) / n
    if n == 1:
        return Interval(mean, mean, mean)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    margin = t_critical(n - 1, confidence) * sd / math.sqrt(n)
    return Interval(mean, mean - margin, mean + margin)


def geometric_mean_interval(seconds: Sequence[float], confidence: float = CONFIDENCE) -> Interval:
    """The geometric mean of times, with the t interval of the log times taken back."""
    if any(value <= 0 for value in seconds):
        raise ValueError("times must be positive")
    logs = mean_interval([math.log(value) for value in seconds], confidence)
    return Interval(math.exp(logs.estimate), math.exp(logs.low), math.exp(logs.high))


@dataclass(frozen=True)
class TTest:
    t: float
    df: float
    p: float
    """Two-sided."""
    difference: float
    """Mean of the first minus mean of the second (of the values tested, e.g. log times)."""


def paired_t(first: Sequence[float], second: Sequence[float]) -> TTest | None:
    """Paired t-test on first − second; None when it cannot be computed (n < 2, no spread)."""
    if len(first) != len(second):
        raise ValueError("paired samples need the same length")
    differences = [a - b for a, b in zip(first, second, strict=True)]
    n = len(differences)
    if n < 2:
        return None
    mean = sum(differences) / n
    variance = sum((d - mean) ** 2 for d in differences) / (n - 1)
    if variance == 0:
        return None
    t = mean / math.sqrt(variance / n)
    return TTest(t, n - 1, 2 * (1 - t_cdf(abs(t), n - 1)), mean)


def welch_t(first: Sequence[float], second: Sequence[float]) -> TTest | None:
    """Welch's t-test (unequal variances, Welch–Satterthwaite df); None when n < 2 in a group."""
    n1, n2 = len(first), len(second)
    if n1 < 2 or n2 < 2:
        return None
    m1, m2 = sum(first) / n1, sum(second) / n2
    v1 = sum((v - m1) ** 2 for v in first) / (n1 - 1)
    v2 = sum((v - m2) ** 2 for v in second) / (n2 - 1)
    se2 = v1 / n1 + v2 / n2
    if se2 == 0:
        return None
    t = (m1 - m2) / math.sqrt(se2)
    df = se2 * se2 / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1))
    return TTest(t, df, 2 * (1 - t_cdf(abs(t), df)), m1 - m2)
