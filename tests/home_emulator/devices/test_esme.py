"""The ESME's registers and histories are consistent with the load it measures, to the Wh."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from home_emulator.devices.esme import JOULES_PER_WH, AmbientThresholds, Esme
from home_emulator.household.load import PROFILES, HouseholdLoad
from home_emulator.metering.registers import HALF_HOUR_S, LocalCalendar
from home_emulator.tariffs import ZIGBEE_EPOCH_S, SwitchOffset, economy7
from home_emulator.zigbee.zcl_server import Command, CommandReply

LONDON = ZoneInfo("Europe/London")
CALENDAR = LocalCalendar(LONDON)


def _esme(start: datetime, profile: str = "family_of_four", **options: Any) -> Esme:
    return Esme(
        ieee="0d:6f:00:00:00:00:00:09",
        nwk=0x2001,
        load=HouseholdLoad(3, PROFILES[profile]),
        start_epoch_s=start.timestamp(),
        **{"history_days": 60, **options},
    )


def test_summation_grows_by_the_integral_of_the_reported_demand() -> None:
    start = datetime(2026, 2, 10, 17, 0, tzinfo=LONDON)
    esme = _esme(start)
    joules = esme.import_joules
    integral = 0
    for step in range(1, 361):  # an hour of 10-second measurements
        demand_now = esme.demand_w  # the demand reported for the slot that starts now
        esme.advance_to(start.timestamp() + 10 * step)
        integral += demand_now * 10
    assert esme.import_joules - joules == integral
    assert esme.metering.get("current_summ_delivered") == esme.import_joules // JOULES_PER_WH


def _command(reply: CommandReply) -> Command:
    """The one command a handler answers with."""
    assert isinstance(reply, tuple), f"the meter answered {reply!r}, not one command"
    return reply


def test_histories_telescope_to_the_wh() -> None:
    esme = _esme(datetime(2026, 3, 12, 15, 20, tzinfo=LONDON))
    metering, register = esme.metering, esme.registers.imported
    now = esme.time_s
    today = CALENDAR.day_start(now)
    yesterday = CALENDAR.add_days(today, -1)
    half_hours = register.half_hours(today, (today - yesterday) // HALF_HOUR_S)
    assert None not in half_hours  # the history reaches back past yesterday
    assert sum(h or 0 for h in half_hours) == metering.get("previousday_consumption_delivered")
    days = [metering.get("previousday_consumption_delivered")] + [
        metering.get(f"previous_day{n}_consumption_delivered") for n in range(2, 9)
    ]
    # Thursday: this week is Monday–Wednesday plus today so far.
    assert metering.get("current_week_consumption_delivered") == metering.get(
        "currentday_consumption_delivered"
    ) + sum(days[:3])
    # Last week (Mon 2 – Sun 8 March) is days 4…10 back: 4…8 here plus two more from the register.
    last_week = metering.get("previous_week1_consumption_delivered")
    older = register.between(CALENDAR.add_days(today, -10), CALENDAR.add_days(today, -8))
    assert last_week == sum(days[3:8]) + older
    total = metering.get("current_summ_delivered")
    assert total - register.reading_at(CALENDAR.month_start(now)) == metering.get(
        "current_month_consumption_delivered"
    )


def test_a_day_rolls_over_at_local_midnight() -> None:
    esme = _esme(datetime(2026, 6, 1, 23, 50, tzinfo=LONDON))
    midnight = datetime(2026, 6, 2, 0, 0, tzinfo=LONDON).timestamp()
    day_before = esme.metering.get("currentday_consumption_delivered")
    esme.advance_to(midnight)
    yesterday = esme.metering.get("previousday_consumption_delivered")
    assert yesterday >= day_before
    assert esme.metering.get("previous_day2_consumption_delivered") is not None
    assert esme.metering.get("currentday_consumption_delivered") == 0
    esme.advance_to(midnight + 1800)
    assert esme.metering.get("currentday_consumption_delivered") == esme.registers.imported.between(
        int(midnight), int(midnight) + 1800
    )


def test_demand_and_ambient_follow_the_household() -> None:
    start = datetime(2026, 1, 5, 12, 0, tzinfo=LONDON).timestamp()
    esme = _esme(datetime(2026, 1, 5, 12, 0, tzinfo=LONDON))
    for step in range(1, 200):
        esme.advance_to(start + 10 * step)
        assert esme.metering.get("instantaneous_demand") == esme.load.net_watts_at(esme.time_s)
        assert esme.metering.get("iambient_consumption_indicator") == AmbientThresholds().level(
            esme.demand_w
        )


def test_a_solar_home_exports_with_negative_demand() -> None:
    esme = _esme(datetime(2026, 6, 20, 12, 0, tzinfo=LONDON), profile="solar_home", history_days=10)
    exported_before = esme.export_joules
    negatives = 0
    for _step in range(1, 361):
        esme.advance_to(esme.time_s + 10)
        negatives += esme.demand_w < 0
    assert negatives > 0
    assert esme.export_joules > exported_before
    assert esme.metering.get("current_summ_received") == esme.export_joules // JOULES_PER_WH
    assert esme.metering.get("current_max_demand_received") > 0


def test_time_of_use_tiers_add_up_to_the_import_register() -> None:
    esme = _esme(datetime(2026, 1, 20, 9, 0, tzinfo=LONDON), tariff=economy7())
    for _ in range(720):  # two more hours, live
        esme.advance_to(esme.time_s + 10)
    tiers = esme.registers.tier_joules
    assert set(tiers) == {1, 2}
    assert sum(tiers.values()) == esme.import_joules - 12_345_678 * JOULES_PER_WH
    assert esme.metering.get("current_tier2_summ_delivered") == tiers[2] // JOULES_PER_WH


def test_cost_histories_price_each_half_hour_at_its_rate() -> None:
    esme = _esme(
        datetime(2026, 1, 20, 9, 0, tzinfo=LONDON),
        tariff=economy7(day_price="0.3000", night_price="0.1500"),
    )
    cost = esme.prepayment.get("previous_day_cost_consumption_delivered")  # £0.0001
    energy = esme.metering.get("previousday_consumption_delivered")  # Wh
    assert 0.15 * energy * 10 < cost < 0.30 * energy * 10


def test_the_profile_answers_most_recent_first() -> None:
    esme = _esme(datetime(2026, 4, 2, 10, 7, tzinfo=LONDON))
    end = CALENDAR.day_start(esme.time_s)
    request = SimpleNamespace(
        interval_channel=0, end_time=end - ZIGBEE_EPOCH_S, number_of_periods=4
    )
    name, fields = _command(esme._get_profile(request))
    assert name == "get_profile_response"
    assert fields["status"] == 0
    expected = [
        esme.registers.imported.between(end - (k + 1) * HALF_HOUR_S, end - k * HALF_HOUR_S)
        for k in range(4)
    ]
    assert fields["intervals"] == expected
    no_export = SimpleNamespace(interval_channel=1, end_time=0, number_of_periods=4)
    assert _command(esme._get_profile(no_export))[1]["status"] == 0x02


@pytest.mark.parametrize(
    "bad", [{"interval_channel": 7}, {"number_of_periods": 200}, {"end_time": 0xFFFFFFF0}]
)
def test_the_profile_refuses_bad_requests(bad: dict) -> None:
    esme = _esme(datetime(2026, 4, 2, 10, 7, tzinfo=LONDON), history_days=5)
    request = SimpleNamespace(
        **{"interval_channel": 0, "end_time": 0, "number_of_periods": 4, **bad}
    )
    assert _command(esme._get_profile(request))[1]["status"] != 0


def test_ambient_thresholds() -> None:
    thresholds = AmbientThresholds(medium_from_w=1000, high_from_w=3000)
    assert [thresholds.level(w) for w in (0, 999, 1000, 2999, 3000, 9000)] == [0, 0, 1, 1, 2, 2]


def test_a_solar_home_has_a_microgeneration_meter_recording_the_panels() -> None:
    from home_emulator.home import EmulatedHome, HomeSpec

    home = EmulatedHome(
        HomeSpec(
            profile="solar_home",
            start_epoch_s=datetime(2026, 6, 20, 12, 0, tzinfo=LONDON).timestamp(),
            history_days=3,
        )
    )
    assert home.generation is not None
    assert home.generation.metering.get("metering_device_type") == 11
    home.power_on()
    before = home.generation.import_joules
    for _ in range(60):
        home.step()
        assert home.generation.demand_w == home.esme.load.generation_watts_at(int(home.now_s))
    assert home.generation.import_joules > before
    assert home.generation.node in home.nodes
    home.close()


def test_an_auxiliary_switch_heats_at_night_and_randomised_switching_shifts_it() -> None:
    import numpy as np

    from home_emulator.home import EmulatedHome, HomeSpec
    from home_emulator.metering.auxiliary_switch import AuxiliarySwitch
    from home_emulator.tariffs import economy7

    start = datetime(2026, 1, 20, 0, 0, tzinfo=LONDON).timestamp()
    switch = AuxiliarySwitch(load_w=2500)
    home = EmulatedHome(HomeSpec(start_epoch_s=start, history_days=2, auxiliary_switch=switch))
    at_one = datetime(2026, 1, 20, 1, 0, tzinfo=LONDON).timestamp()
    home.power_on()
    while home.now_s < at_one:
        home.step()
    assert home.esme.demand_w == home.esme.load.net_watts_at(int(home.now_s)) + 2500
    # The past agrees: last night's 01:00 half hour includes the heaters too.
    slots = np.array([at_one - 86_400 + 10 * k for k in range(180)], dtype=np.float64)
    assert switch.on_slots(slots, LONDON).all()
    shifted = EmulatedHome(
        HomeSpec(
            start_epoch_s=start,
            history_days=1,
            auxiliary_switch=switch,
            randomise_switching=True,
            electricity_tariff=economy7(),
        )
    )
    shifted_switch = shifted.esme.auxiliary_switch
    assert shifted_switch is not None
    offset = shifted_switch.offset_s
    assert 0 <= offset <= 1799
    shifted_tariff = shifted.esme.tariff
    assert isinstance(shifted_tariff, SwitchOffset)
    assert shifted_tariff.offset_s == offset
    home.close()
    shifted.close()


def _scheduled(esme: Esme, start_time: int, number_of_events: int) -> list[Command]:
    """The PublishPrice answers to a GetScheduledPrices, as the Price cluster handles it."""
    handler = esme.price.cluster.commands[0x01]  # GetScheduledPrices
    reply = handler(SimpleNamespace(start_time=start_time, number_of_events=number_of_events))
    assert isinstance(reply, list)
    return reply


def test_scheduled_prices_follow_zse_start_time_and_number_of_events() -> None:
    from home_emulator.tariffs import agile

    start = datetime(2026, 6, 15, 15, 10, tzinfo=LONDON)
    esme = _esme(start, tariff=agile(), history_days=2)
    now = start.timestamp()
    half_hour_now = now - 600

    def starts(answers: list[Command]) -> list[float]:
        return [fields["start_time"] + ZIGBEE_EPOCH_S for _, fields in answers]

    # Start 0 is "from now", number 0 "all held": the current half hour and a day ahead of now.
    from_now = starts(_scheduled(esme, 0, 0))
    assert from_now == [half_hour_now + 1800 * n for n in range(49)]
    assert len(_scheduled(esme, 0, 3)) == 3
    # From this morning's midnight: the 30 half hours gone today as well.
    midnight = datetime(2026, 6, 15, tzinfo=LONDON).timestamp()
    today = starts(_scheduled(esme, int(midnight) - ZIGBEE_EPOCH_S, 0))
    assert today == [midnight + 1800 * n for n in range(30 + 49)]
    # Never more than a day behind, whatever is asked: the 97 half hours of two days at most.
    long_ago = starts(_scheduled(esme, int(now - 7 * 86400) - ZIGBEE_EPOCH_S, 0))
    assert long_ago == [half_hour_now - 86400 + 1800 * n for n in range(97)]
