"""The clock-change matrix's runs: every shipped scenario, moved to each awkward day and stepped flat
out across it, with what the meters said around each local midnight written down on the way.

One run per (scenario, moment) is made once per test session and shared by every check, so the
matrix costs one pass of the emulator over about a day per pair.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from home_emulator.home import EmulatedHome
from home_emulator.metering.registers import HALF_HOUR_S
from home_emulator.scenario.home_builder import build_home
from home_emulator.scenario.model import Scenario, load_named
from home_emulator.tariffs import AnyTariff
from home_emulator.zigbee.zcl_server import ServerCluster

LONDON = ZoneInfo("Europe/London")
FLAT_OUT = 100_000.0
HISTORY_DAYS = 3
"""Enough past for yesterday's figures and the week the run ends in; the run itself is the test."""


@dataclass(frozen=True)
class Moment:
    name: str
    day: dt.date
    """The local day under test: the run covers it whole, from 23:00 the evening before to just
    after the following midnight."""
    half_hours: int
    """How many half hours that local day has."""


MOMENTS = (
    Moment("clocks-forward-2026", dt.date(2026, 3, 29), 46),
    Moment("clocks-back-2026", dt.date(2026, 10, 25), 50),
    # The leap day is also a month end: 1 March starts a new month (and 29 February ends one).
    Moment("leap-day-2028", dt.date(2028, 2, 29), 48),
)


def local_midnight(day: dt.date) -> int:
    return int(dt.datetime.combine(day, dt.time(), LONDON).timestamp())


@dataclass
class Midnight:
    """What one meter's history attributes said 10 s before and 10 s after a local midnight."""

    at_s: int
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)


@dataclass
class Run:
    scenario: str
    moment: Moment
    home: EmulatedHome
    day_start_s: int
    day_end_s: int
    midnights: dict[str, list[Midnight]]
    """Per fuel ("electricity", "gas"): the day's two midnights, start and end."""
    standing_charged_at: dict[str, list[int]]
    """Per fuel: when the meter charged a day's standing charge (prepayment meters)."""
    tariff_of_half_hour: dict[int, AnyTariff]
    """The ESME's tariff in force at the start of each half hour of the run."""

    @property
    def boundaries(self) -> list[int]:
        return list(range(self.day_start_s, self.day_end_s + 1, HALF_HOUR_S))


WATCHED = (
    "currentday_consumption_delivered",
    "previousday_consumption_delivered",
    "current_week_consumption_delivered",
    "current_month_consumption_delivered",
    "previous_week_consumption_delivered",
    "previous_month_consumption_delivered",
)
"""The metering history attributes read at each midnight (names as ``han.domain.history_names``)."""


def moved_to(scenario: Scenario, start_s: int) -> Scenario:
    """The scenario starting at ``start_s``, its events moved by the same whole local days, so a
    tariff switch at midnight stays a switch at midnight."""
    old = dt.datetime.fromtimestamp(scenario.home.start_epoch_s, LONDON).date()
    shift = dt.datetime.fromtimestamp(start_s, LONDON).date() - old

    def moved(at_s: int) -> int:
        local = dt.datetime.fromtimestamp(at_s, LONDON).replace(tzinfo=None) + shift
        return int(local.replace(tzinfo=LONDON).timestamp())

    events = tuple(replace(event, at_s=moved(event.at_s)) for event in scenario.events)
    events = tuple(event for event in events if event.at_s >= start_s)
    return replace(scenario, home=replace(scenario.home, start_epoch_s=start_s), events=events)


def _watch_standing_charge(
    calls: list[int], end_of_day: Callable[..., None]
) -> Callable[..., None]:
    def counted(at_s: float, *args: Any) -> None:
        calls.append(int(at_s))
        end_of_day(at_s, *args)

    return counted


def _value(cluster: ServerCluster, name: str) -> Any:
    try:
        return cluster.get(name)
    except KeyError:  # not served: the meter has no record of that period
        return None


@cache
def run(scenario_name: str, moment: Moment) -> Run:
    day_start = local_midnight(moment.day)
    day_end = local_midnight(moment.day + dt.timedelta(days=1))
    start = day_start - 3600
    scenario = moved_to(load_named(scenario_name), start)
    home = build_home(scenario, speed=FLAT_OUT, history_days=HISTORY_DAYS)
    standing: dict[str, list[int]] = {"electricity": [], "gas": []}
    engine = home.esme.prepay
    engine.end_of_day = _watch_standing_charge(standing["electricity"], engine.end_of_day)  # type: ignore[method-assign]
    if home.gas is not None:
        credit = home.gas.credit
        credit.end_of_day = _watch_standing_charge(standing["gas"], credit.end_of_day)  # type: ignore[method-assign]
    midnights: dict[str, list[Midnight]] = {"electricity": [], "gas": []}
    tariffs: dict[int, AnyTariff] = {}
    clusters = {"electricity": home.esme.metering}
    if home.gas is not None:
        clusters["gas"] = home.gas.metering
    watch = {day_start: None, day_end: None}
    for at in watch:
        for fuel in clusters:
            midnights[fuel].append(Midnight(at))
    while home.now_s < day_end + HALF_HOUR_S:
        now = int(home.step())
        if now % HALF_HOUR_S == 10:
            tariffs[now - 10] = home.esme.registers.tariff
        for fuel, cluster in clusters.items():
            for midnight in midnights[fuel]:
                if now == midnight.at_s - 10:
                    midnight.before = {name: _value(cluster, name) for name in WATCHED}
                elif now == midnight.at_s + 10:
                    midnight.after = {name: _value(cluster, name) for name in WATCHED}
    return Run(scenario_name, moment, home, day_start, day_end, midnights, standing, tariffs)
