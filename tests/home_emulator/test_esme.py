"""The ESME's registers are consistent with the load it measures."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from home_emulator.esme import JOULES_PER_WH, AmbientThresholds, Esme
from home_emulator.household import PROFILES, HouseholdLoad

LONDON = ZoneInfo("Europe/London")


def _esme(start: float, load: HouseholdLoad | None = None) -> Esme:
    return Esme(
        ieee="0d:6f:00:00:00:00:00:09",
        nwk=0x2001,
        load=load or HouseholdLoad(3, PROFILES["family_of_four"]),
        start_epoch_s=start,
        import_at_day_start_wh=5_000_000,
    )


def test_summation_grows_by_the_integral_of_the_reported_demand() -> None:
    start = datetime(2026, 2, 10, 17, 0, tzinfo=LONDON).timestamp()
    esme = _esme(start)
    joules = esme.import_joules
    integral = 0
    for step in range(1, 361):  # an hour of 10-second measurements
        demand_now = esme.demand_w  # the demand reported for the slot that starts now
        esme.advance_to(start + 10 * step)
        integral += demand_now * 10
    assert esme.import_joules - joules == integral
    assert esme.metering.get("current_summ_delivered") == esme.import_joules // JOULES_PER_WH


def test_today_counts_from_local_midnight_and_rolls_over() -> None:
    start = datetime(2026, 6, 1, 23, 50, tzinfo=LONDON).timestamp()
    esme = _esme(start)
    midnight = datetime(2026, 6, 2, 0, 0, tzinfo=LONDON).timestamp()
    today_before = esme.metering.get("currentday_consumption_delivered")
    assert today_before == (esme.import_joules - 5_000_000 * JOULES_PER_WH) // JOULES_PER_WH
    esme.advance_to(midnight + 600)
    yesterday_j = esme.load.energy_joules(midnight - 86_400, midnight)
    assert esme.metering.get("previousday_consumption_delivered") == yesterday_j // JOULES_PER_WH
    today_j = esme.load.energy_joules(midnight, midnight + 600)
    assert esme.metering.get("currentday_consumption_delivered") == today_j // JOULES_PER_WH


def test_demand_and_ambient_follow_the_household() -> None:
    start = datetime(2026, 1, 5, 12, 0, tzinfo=LONDON).timestamp()
    esme = _esme(start)
    for step in range(1, 200):
        esme.advance_to(start + 10 * step)
        assert esme.metering.get("instantaneous_demand") == esme.load.watts_at(esme.time_s)
        assert esme.metering.get("iambient_consumption_indicator") == AmbientThresholds().level(
            esme.demand_w
        )


def test_ambient_thresholds() -> None:
    thresholds = AmbientThresholds(medium_from_w=1000, high_from_w=3000)
    assert [thresholds.level(w) for w in (0, 999, 1000, 2999, 3000, 9000)] == [0, 0, 1, 1, 2, 2]
