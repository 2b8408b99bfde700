"""Small-sample statistics against published values and independent calculations."""

from __future__ import annotations

import math
from statistics import NormalDist, fmean, stdev

import pytest

from app.trial.comparison import mcnemar_exact, n_minus_one_two_proportions
from app.trial.small_samples import (
    adjusted_wald,
    geometric_mean_interval,
    mean_interval,
    paired_t,
    t_cdf,
    t_critical,
    welch_t,
)


def test_adjusted_wald_gives_the_published_interval_for_4_of_5() -> None:
    # Tullis & Albert, *Measuring the User Experience*, p. 69 (and measuringux.com/adjustedwald):
    # 4 of 5 users succeed → 95 % adjusted-Wald interval 0.3596 to 0.9796.
    interval = adjusted_wald(4, 5)
    assert interval.estimate == 0.8
    # (printed to four places, worked with rounded intermediate steps: within 1e-4)
    assert interval.low == pytest.approx(0.3596, abs=1e-4)
    assert interval.high == pytest.approx(0.9796, abs=1e-4)


@pytest.mark.parametrize(("x", "n"), [(0, 5), (1, 8), (5, 8), (8, 8), (7, 10), (12, 20)])
def test_adjusted_wald_is_agresti_coulls_add_z2_over_2_interval(x: int, n: int) -> None:
    # Agresti & Coull (1998): add z²/2 successes and z²/2 failures, then the Wald interval.
    z = NormalDist().inv_cdf(0.975)
    successes, trials = x + z**2 / 2, n + z**2
    centre = successes / trials
    half = z * math.sqrt(centre * (1 - centre) / trials)
    interval = adjusted_wald(x, n)
    assert interval.low == pytest.approx(max(0.0, centre - half))
    assert interval.high == pytest.approx(min(1.0, centre + half))


@pytest.mark.parametrize(
    ("df", "printed"),
    # Two-sided 95 % critical values of Student's t, as printed in every statistics table.
    [(1, 12.706), (2, 4.303), (4, 2.776), (7, 2.365), (10, 2.228), (30, 2.042), (120, 1.980)],
)
def test_t_critical_values_match_the_printed_table(df: int, printed: float) -> None:
    assert t_critical(df) == pytest.approx(printed, abs=5e-4)
    assert t_cdf(t_critical(df), df) == pytest.approx(0.975, abs=1e-12)


def test_t_cdf_has_the_closed_forms_of_one_and_two_degrees_of_freedom() -> None:
    for t in (-3.0, -0.4, 0.0, 0.7, 2.5):
        assert t_cdf(t, 1) == pytest.approx(0.5 + math.atan(t) / math.pi)  # Cauchy
        assert t_cdf(t, 2) == pytest.approx(0.5 + t / (2 * math.sqrt(2 + t * t)))


TIMES = [22.0, 31.0, 45.0, 28.0, 60.0, 37.0]


def test_the_geometric_mean_interval_is_the_t_interval_of_log_times_taken_back() -> None:
    logs = [math.log(t) for t in TIMES]
    half = 2.571 * stdev(logs) / math.sqrt(len(logs))  # t(0.975, 5) from the table
    interval = geometric_mean_interval(TIMES)
    assert interval.estimate == pytest.approx(math.prod(TIMES) ** (1 / len(TIMES)))
    assert interval.low == pytest.approx(math.exp(fmean(logs) - half), rel=2e-4)
    assert interval.high == pytest.approx(math.exp(fmean(logs) + half), rel=2e-4)
    sus = [72.5, 85.0, 67.5, 90.0]
    mean = mean_interval(sus)
    assert mean.high - mean.estimate == pytest.approx(3.182 * stdev(sus) / 2, rel=2e-4)


def test_paired_and_welch_t_tests_match_hand_calculations() -> None:
    first, second = [3.1, 3.4, 2.9, 3.8, 3.3], [3.5, 3.6, 3.4, 4.1, 3.2]
    d = [a - b for a, b in zip(first, second, strict=True)]
    paired = paired_t(first, second)
    assert paired is not None
    assert paired.t == pytest.approx(fmean(d) / (stdev(d) / math.sqrt(5)))
    assert paired.df == 4
    # p from the closed form of the t CDF is not available for df 4: check its two-sidedness
    assert paired.p == pytest.approx(2 * t_cdf(-abs(paired.t), 4))
    a, b = [1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 6.0, 8.5]
    va, vb = stdev(a) ** 2 / 4, stdev(b) ** 2 / 4
    welch = welch_t(a, b)
    assert welch is not None
    assert welch.t == pytest.approx((fmean(a) - fmean(b)) / math.sqrt(va + vb))
    assert welch.df == pytest.approx((va + vb) ** 2 / (va**2 / 3 + vb**2 / 3))
    assert paired_t([1.0], [2.0]) is None
    assert welch_t([1.0, 1.0], [1.0, 1.0]) is None


def test_mcnemar_and_the_n_minus_1_two_proportion_test() -> None:
    assert mcnemar_exact(0, 0) == 1.0
    assert mcnemar_exact(6, 0) == pytest.approx(2 / 2**6)  # all six discordant one way
    assert mcnemar_exact(4, 1) == pytest.approx(2 * (1 + 5) / 32)
    # 8 of 10 against 3 of 10: chi² = (ad − bc)² (N − 1) / (m n r s)
    chi2 = (8 * 7 - 2 * 3) ** 2 * 19 / (10 * 10 * 11 * 9)
    assert n_minus_one_two_proportions(8, 10, 3, 10) == pytest.approx(
        2 * (1 - NormalDist().cdf(math.sqrt(chi2)))
    )
    assert n_minus_one_two_proportions(5, 5, 5, 5) is None
