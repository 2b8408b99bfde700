"""Shipped scenarios build homes whose scripted events really happen."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from home_emulator.home import EmulatedHome
from home_emulator.scenario.home_builder import build_home
from home_emulator.scenario.model import available_scenarios, load_named
from home_emulator.tariffs import Block, TimeOfUse

LONDON = ZoneInfo("Europe/London")


def _run_to(home: EmulatedHome, when: datetime) -> None:
    home.power_on()
    while home.now_s < when.timestamp():
        home.step()


@pytest.mark.parametrize("name", available_scenarios())
def test_every_shipped_scenario_builds_and_runs(name: str) -> None:
    scenario = load_named(name)
    home = build_home(scenario, history_days=1)
    assert home.spec.profile == scenario.home.household
    assert (home.gas is not None) == (scenario.gas is not None)
    home.power_on()
    for _ in range(360):  # an hour
        home.step()
    assert home.esme.import_joules > 0
    home.close()


def test_the_kettle_at_18_02_adds_three_kilowatts() -> None:
    home = build_home(load_named("family-dual-fuel"), history_days=1)
    _run_to(home, datetime(2026, 1, 12, 18, 2, tzinfo=LONDON))
    with_kettle = home.esme.demand_w
    assert with_kettle - home.esme.load.net_watts_at(int(home.now_s)) == 3000
    for _ in range(18):  # three minutes later it has switched itself off
        home.step()
    assert home.esme.demand_w == home.esme.load.net_watts_at(int(home.now_s))
    home.close()


def test_price_change_and_tariff_switch_reach_the_meter() -> None:
    home = build_home(load_named("electricity-only"), history_days=1)
    opening = home.esme.tariff
    assert isinstance(opening, Block)
    _run_to(home, datetime(2026, 4, 1, 0, 10, tzinfo=LONDON))
    repriced = home.esme.tariff
    assert isinstance(repriced, Block)
    assert repriced.rates[0].unit_price_gbp_per_kwh == Decimal("0.2750")
    assert home.esme.price.cluster.get("standing_charge") == 5390
    _run_to(home, datetime(2026, 4, 2, 0, 10, tzinfo=LONDON))
    assert isinstance(home.esme.tariff, TimeOfUse)
    home.close()


def test_messages_and_the_power_cut_of_the_outage_scenario_happen() -> None:
    scenario = load_named("outage-and-messages")
    home = build_home(scenario, history_days=1)
    last = max(event.at_s for event in scenario.events)
    _run_to(home, datetime.fromtimestamp(last + 600, LONDON))
    kinds = [event.kind for event in home.hub.events]
    assert kinds.count("mains lost") == 1
    assert "power outage alert" in kinds
    assert "mains restored" in kinds
    assert any(message.confirmation_required for message in home.hub.messages.values())
    assert any(message.cancelled for message in home.hub.messages.values())
    home.close()
