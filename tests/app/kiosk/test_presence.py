"""When the kiosk rests, blanks for the night, and which touches it swallows."""

from __future__ import annotations

from datetime import datetime, time

from app.kiosk.presence import PEEK_S, NightSchedule, Presence, Rest

NIGHT = NightSchedule(time(23, 0), time(6, 0))
DAY = datetime(2026, 11, 21, 14, 0)
LATE = datetime(2026, 11, 21, 23, 30)


def test_the_night_may_run_past_midnight_and_equal_times_mean_none() -> None:
    assert NIGHT.is_night(datetime(2026, 1, 1, 23, 0))
    assert NIGHT.is_night(datetime(2026, 1, 1, 3, 0))
    assert not NIGHT.is_night(datetime(2026, 1, 1, 6, 0))
    assert not NIGHT.is_night(datetime(2026, 1, 1, 22, 59))
    afternoon = NightSchedule(time(13, 0), time(14, 0))
    assert afternoon.is_night(datetime(2026, 1, 1, 13, 30))
    assert not afternoon.is_night(datetime(2026, 1, 1, 14, 30))
    assert not NightSchedule(time(0, 0), time(0, 0)).is_night(datetime(2026, 1, 1, 0, 0))


def test_it_rests_after_inactivity_and_the_waking_touch_is_swallowed() -> None:
    presence = Presence(dim_after_s=60, schedule=NIGHT, now_s=0)
    assert presence.tick(59, DAY) is Rest.AWAKE
    assert presence.touched(30) is False  # awake: the touch acts, and counts as activity
    assert presence.tick(89, DAY) is Rest.AWAKE
    assert presence.tick(90, DAY) is Rest.AMBIENT
    assert presence.touched(91) is True
    assert presence.state is Rest.AWAKE
    assert presence.touched(92) is False


def test_at_night_it_blanks_and_a_touch_shows_the_ambient_view_for_a_moment() -> None:
    presence = Presence(dim_after_s=60, schedule=NIGHT, now_s=0)
    assert presence.tick(60, LATE) is Rest.NIGHT
    assert presence.touched(100) is True
    peeking = presence.state  # a name: asserting the attribute would fix it for mypy
    assert peeking is Rest.NIGHT_PEEK
    assert presence.tick(100 + PEEK_S - 1, LATE) is Rest.NIGHT_PEEK
    assert presence.tick(100 + PEEK_S, LATE) is Rest.NIGHT
    presence.touched(200)
    assert presence.touched(201) is True  # a touch on the peeked view wakes the device
    assert presence.state is Rest.AWAKE
    assert presence.tick(261, LATE) is Rest.NIGHT


def test_morning_turns_the_blank_screen_into_the_ambient_view() -> None:
    presence = Presence(dim_after_s=60, schedule=NIGHT, now_s=0)
    presence.tick(60, LATE)
    assert presence.tick(61, datetime(2026, 11, 22, 6, 0)) is Rest.AMBIENT
    assert presence.tick(62, LATE) is Rest.NIGHT
