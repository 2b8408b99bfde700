"""The load-level speech rules on a fake clock: at most one announcement a minute, a high load said
again after a minute and then every ten minutes, the first level not news."""

from __future__ import annotations

from han.model import AmbientLevel
from ihd.speech_policy import LoadSpeechPolicy

LOW, MEDIUM, HIGH = AmbientLevel.LOW, AmbientLevel.MEDIUM, AmbientLevel.HIGH


def _said(policy: LoadSpeechPolicy, start: float, end: float) -> list[tuple[float, AmbientLevel]]:
    said = []
    for second in range(int(start), int(end)):
        level = policy.due(float(second))
        if level is not None:
            said.append((float(second), level))
    return said


def test_the_first_level_is_not_news_and_a_change_is() -> None:
    policy = LoadSpeechPolicy()
    assert policy.heard(LOW, 0.0) is None
    assert policy.heard(LOW, 5.0) is None
    assert policy.heard(MEDIUM, 10.0) is MEDIUM


def test_changes_are_said_at_most_once_a_minute_and_a_held_change_is_said_when_it_is_up() -> None:
    policy = LoadSpeechPolicy()
    policy.heard(LOW, 0.0)
    assert policy.heard(MEDIUM, 100.0) is MEDIUM
    assert policy.heard(LOW, 110.0) is None  # too soon after the last
    assert _said(policy, 111, 200) == [(160.0, LOW)]


def test_use_flickering_back_within_the_minute_says_nothing() -> None:
    policy = LoadSpeechPolicy()
    policy.heard(LOW, 0.0)
    assert policy.heard(MEDIUM, 100.0) is MEDIUM
    policy.heard(LOW, 110.0)
    policy.heard(MEDIUM, 120.0)  # back where it was said: nothing new
    assert _said(policy, 121, 400) == []


def test_a_high_load_is_said_again_after_a_minute_then_every_ten_minutes() -> None:
    policy = LoadSpeechPolicy()
    policy.heard(LOW, 0.0)
    assert policy.heard(HIGH, 1000.0) is HIGH
    assert _said(policy, 1001, 2300) == [(1060.0, HIGH), (1660.0, HIGH), (2260.0, HIGH)]


def test_the_repeats_stop_when_the_load_falls() -> None:
    policy = LoadSpeechPolicy()
    policy.heard(LOW, 0.0)
    policy.heard(HIGH, 100.0)
    policy.heard(MEDIUM, 130.0)
    assert _said(policy, 131, 1000) == [(160.0, MEDIUM)]
