"""Freshness comes from the meter, on the meters' clock, at any speed: the "Right now" level and
the kiosk's ambient view stay live while the meter is heard (the ambient level is reported only
when it changes), and a scenario's power cut longer than the threshold shows as out of date within
it – at ×1, ×30 and ×10,000."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.kiosk.ambient_view import ambient_scene
from app.wording import PLAIN_ENGLISH
from han.freshness import HEARD_WITHIN_WALL_S, QUIET_AFTER_HAN_S
from ihd.view_models.home import HomeViewModel
from tests.e2e.han_at_speed import WALL_START_S, HanAtSpeed, han_at_speed

SCENARIO = """
name = "A power cut at {speed}"
[home]
household = "family_of_four"
seed = 5
start = "2026-01-13T09:00"
speed = 1
fuels = ["electricity"]
[electricity.tariff]
type = "single"
unit_price = "0.2450"
standing_charge = "0.6012"
[[events]]
at = "{cut_at}"
kind = "outage"
duration = "{lasting}"
"""


@dataclass(frozen=True)
class Case:
    speed: float
    cut_at: str
    lasting: str
    step_s: float
    """Wall seconds between two looks at the screen."""
    then_s: float
    """Wall seconds to watch after the power is back."""


CASES = [
    # ×1: four quiet minutes of an unchanging ambient level before a five-minute cut.
    Case(1, "09:04", "5m", 1.0, 90.0),
    # ×30: the five-minute cut is ten wall seconds.
    Case(30, "09:20", "5m", 0.1, 6.0),
    # ×10,000: the threshold is HEARD_WITHIN_WALL_S, 5.6 hours of the meters' time.
    Case(10_000, "2026-01-14T00:00", "12h", 0.05, 4.0),
]


def _threshold_wall_s(speed: float) -> float:
    return max(QUIET_AFTER_HAN_S / speed, HEARD_WITHIN_WALL_S)


def _out_of_date(han: HanAtSpeed) -> dict[str, bool]:
    """What each place that shows the ambient level says now."""
    now = han.wall()
    screen = HomeViewModel(han.model).screen(now, started_at=now)
    scene = ambient_scene(han.model, now, PLAIN_ENGLISH)
    return {
        "Right now": screen.ambient_stale,
        "demand": screen.demand.stale,
        "kiosk": scene.stale,
    }


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"x{case.speed:g}")
async def test_the_ambient_level_is_live_while_the_meter_answers_and_out_of_date_in_a_power_cut(
    case: Case,
) -> None:
    text = SCENARIO.format(speed=case.speed, cut_at=case.cut_at, lasting=case.lasting)
    async with han_at_speed(text, case.speed) as han:
        esme = han.home.esme
        threshold_s = _threshold_wall_s(case.speed)
        cut_wall_s = back_wall_s = shown_after_s = None
        ambient_reports = looks = 0
        meter = han.model.electricity_import_meter()
        assert meter is not None
        last_ambient = meter.ambient
        while back_wall_s is None or han.wall() < back_wall_s + case.then_s:
            await han.advance(case.step_s)
            looks += 1
            if meter.ambient is not last_ambient:
                ambient_reports, last_ambient = ambient_reports + 1, meter.ambient
            said = _out_of_date(han)
            if not esme.node.powered and cut_wall_s is None:
                cut_wall_s = han.wall()
            if esme.node.powered and cut_wall_s is not None and back_wall_s is None:
                back_wall_s = han.wall()
            assert meter.heard_at is not None
            silent_s = han.wall() - meter.heard_at
            if esme.node.powered and (back_wall_s is None or meter.heard_at >= back_wall_s):
                # The meter answers: nothing it reports is out of date.
                assert not any(said.values()), (han.wall() - WALL_START_S, said)
            elif not esme.node.powered and silent_s > threshold_s:
                assert all(said.values()), (silent_s, said)
                if shown_after_s is None and cut_wall_s is not None:
                    shown_after_s = han.wall() - cut_wall_s
            elif not esme.node.powered and silent_s < threshold_s - case.step_s:
                assert not any(said.values()), (silent_s, said)
        assert shown_after_s is not None, "the power cut was never shown"
        assert shown_after_s <= threshold_s + 2 * case.step_s
        if case.speed == 1:
            # The level came only when it changed, far less often than once a minute, after
            # which a level judged on its own age would have turned grey.
            assert looks * case.step_s > 8 * QUIET_AFTER_HAN_S
            assert ambient_reports < looks * case.step_s / QUIET_AFTER_HAN_S


async def test_the_kiosk_tells_the_power_cut_on_the_meters_clock() -> None:
    text = SCENARIO.format(speed=30, cut_at="09:20", lasting="5m")
    async with han_at_speed(text, 30) as han:
        while han.wall() < WALL_START_S + 45.0:  # the cut began at 40 s: 09:20 at ×30
            await han.advance(0.1)
        assert not han.home.esme.node.powered
        scene = ambient_scene(han.model, han.wall(), PLAIN_ENGLISH)
        assert scene.stale
        # The last report came at 09:19:50; the corner says 09:22:30. Both the meters' time.
        assert scene.note == "Out of date – last heard at 09:19"
        assert scene.clock == "09:22"
