"""Scenario files: the shipped ones load, times resolve (across clock changes too), and every
mistake is reported with its key path and line."""

from __future__ import annotations

import datetime as dt
import itertools
import textwrap
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from home_emulator.household import load as household
from home_emulator.scenario.model import (
    SCENARIO_DIR,
    Appliance,
    BlockPeriod,
    CancelMessage,
    ClockBasis,
    EventKind,
    Firmware,
    Fuel,
    Importance,
    Kettle,
    LowCredit,
    Message,
    MeterButton,
    Outage,
    PaymentMode,
    PaymentModeChange,
    PrepaymentSettings,
    PriceChange,
    Scenario,
    ScenarioError,
    TariffSwitch,
    TariffType,
    TopUp,
    available_scenarios,
    load_named,
    load_scenario,
    parse_scenario,
)
from home_emulator.scenario.times import parse_duration

LONDON = ZoneInfo("Europe/London")
REQUIRED_SCENARIOS = (
    "family-dual-fuel",
    "pensioner-prepay",
    "economy7-storage",
    "solar-home",
    "ev-agile",
    "outage-and-messages",
)

# A valid home; tests append tables and events to it. Lines 1-7.
HEAD = """\
name = "Test"
[home]
household = "family_of_four"
start = "2026-01-12T07:00"
fuels = ["electricity", "gas"]
seed = 3
speed = 1
"""
HEAD_LINES = HEAD.count("\n")


def _home(extra: str = "") -> str:
    """HEAD followed by ``extra`` (which may be indented like the test around it)."""
    return HEAD + textwrap.dedent(extra)


def _local(epoch_s: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch_s, LONDON)


def _at(text: str) -> int:
    return int(dt.datetime.fromisoformat(text).replace(tzinfo=LONDON).timestamp())


def _write(tmp_path: Path, text: str, name: str = "trial.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _load(tmp_path: Path, text: str) -> Scenario:
    return load_scenario(_write(tmp_path, text))


def _error(tmp_path: Path, text: str) -> ScenarioError:
    with pytest.raises(ScenarioError) as caught:
        _load(tmp_path, text)
    return caught.value


def _line_of(text: str, fragment: str) -> int:
    """1-based line of the only line containing ``fragment``."""
    lines = [n for n, line in enumerate(text.splitlines(), 1) if fragment in line]
    assert len(lines) == 1, (fragment, lines)
    return lines[0]


# --- the shipped scenarios ---------------------------------------------------------------------


def test_the_required_scenarios_are_shipped() -> None:
    names = available_scenarios()
    assert set(REQUIRED_SCENARIOS) <= set(names)
    assert names == sorted(names)


@pytest.mark.parametrize("name", available_scenarios())
def test_every_shipped_scenario_loads_and_says_what_it_demonstrates(name: str) -> None:
    path = SCENARIO_DIR / f"{name}.toml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# "), "each scenario starts with a comment saying what it shows"
    assert "Demonstrates:" in text.split("\nname =")[0]

    scenario = load_named(name)

    assert scenario.name.strip()
    assert scenario.description.strip()
    assert scenario.home.household in household.PROFILES
    assert scenario.source == path
    assert scenario.electricity.fuel is Fuel.ELECTRICITY
    assert (scenario.gas is not None) == (Fuel.GAS in scenario.home.fuels)
    times = [event.at_s for event in scenario.events]
    assert times == sorted(times)
    assert all(at_s >= scenario.home.start_epoch_s for at_s in times)
    assert all(event.line is not None for event in scenario.events)


def test_the_readme_lists_every_shipped_scenario() -> None:
    readme = (SCENARIO_DIR / "README.md").read_text(encoding="utf-8")
    for name in available_scenarios():
        assert f"`{name}`" in readme


def test_the_default_demo_is_a_family_on_dual_fuel_in_credit_mode() -> None:
    scenario = load_named("family-dual-fuel")

    assert scenario.home.household == "family_of_four"
    assert scenario.home.seed == 42
    assert scenario.home.start == dt.datetime(2026, 1, 12, 7, 0, tzinfo=LONDON)
    assert scenario.home.speed == 1.0
    assert scenario.home.fuels == (Fuel.ELECTRICITY, Fuel.GAS)
    assert scenario.electricity.payment_mode is PaymentMode.CREDIT
    assert scenario.electricity.prepayment is None
    tariff = scenario.electricity.tariff
    assert tariff.type is TariffType.SINGLE
    assert tariff.unit_price == Decimal("0.2450")
    assert tariff.standing_charge == Decimal("0.6012")
    assert scenario.gas is not None
    assert scenario.gas.calorific_value == Decimal("39.5")
    kettle = next(e for e in scenario.events if e.kind is EventKind.KETTLE)
    assert _local(kettle.at_s) == dt.datetime(2026, 1, 12, 18, 2, tzinfo=LONDON)
    assert kettle.action == Kettle(watts=3000, duration_s=180)


def test_the_pensioner_runs_low_on_prepaid_credit_by_evening() -> None:
    scenario = load_named("pensioner-prepay")

    prepayment = scenario.electricity.prepayment
    assert scenario.electricity.payment_mode is PaymentMode.PREPAYMENT
    assert prepayment is not None
    assert prepayment.credit == Decimal("4.20")
    assert prepayment.debt_recovery_per_day == Decimal("0.50")
    lows = [(e.at_s, e.action) for e in scenario.events if isinstance(e.action, LowCredit)]
    assert lows
    assert all(_local(at_s).hour >= 16 for at_s, _ in lows)
    assert lows[-1][1].credit < prepayment.emergency_credit_threshold
    assert any(isinstance(e.action, TopUp) for e in scenario.events)


def test_the_outage_scenario_has_a_five_minute_cut_and_a_message_to_confirm() -> None:
    scenario = load_named("outage-and-messages")

    assert [e.action for e in scenario.events if e.kind is EventKind.OUTAGE] == [Outage(300)]
    messages = [e.action for e in scenario.events if isinstance(e.action, Message)]
    assert any(m.confirm for m in messages)
    assert {m.importance for m in messages} == set(Importance)


def test_economy7_storage_heaters_charge_every_night_of_the_week() -> None:
    scenario = load_named("economy7-storage")

    tariff = scenario.electricity.tariff
    assert tariff.type is TariffType.ECONOMY7
    assert tariff.night_window == (dt.time(0, 30), dt.time(7, 30))
    assert tariff.follows is ClockBasis.GMT
    heaters = [
        e
        for e in scenario.events
        if isinstance(e.action, Appliance) and e.action.name == "storage_heaters"
    ]
    assert [_local(e.at_s).date() for e in heaters] == [
        dt.date(2026, 1, 20) + dt.timedelta(days=d) for d in range(7)
    ]
    assert {_local(e.at_s).time() for e in heaters} == {dt.time(0, 30)}


def test_the_household_names_come_from_the_profiles_when_loading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = HEAD.replace("family_of_four", "trial_household")
    assert "not a known household" in str(_error(tmp_path, text))

    monkeypatch.setitem(household.PROFILES, "trial_household", household.PROFILES["home_worker"])

    assert _load(tmp_path, text).home.household == "trial_household"


# --- values ------------------------------------------------------------------------------------


def test_defaults_fill_what_a_small_scenario_leaves_out(tmp_path: Path) -> None:
    scenario = _load(
        tmp_path,
        """\
        name = "Small"
        [home]
        household = "home_worker"
        start = "2026-01-12T07:00"
        """,
    )

    assert scenario.description == ""
    assert scenario.home.seed == 1
    assert scenario.home.speed == 1.0
    assert scenario.home.timezone.key == "Europe/London"
    assert scenario.home.fuels == (Fuel.ELECTRICITY,)
    assert scenario.gas is None
    assert scenario.electricity.tariff.type is TariffType.SINGLE
    assert scenario.electricity.tariff.label == "Standard"
    assert scenario.events == ()


def test_money_is_exact_whether_quoted_or_not(tmp_path: Path) -> None:
    scenario = _load(
        tmp_path,
        _home(
            """\
        [electricity.tariff]
        type = "single"
        unit_price = 0.1
        standing_charge = "0.6012"
        """
        ),
    )

    assert scenario.electricity.tariff.unit_price == Decimal("0.1")
    assert isinstance(scenario.electricity.tariff.unit_price, Decimal)


def test_each_tariff_type_is_read(tmp_path: Path) -> None:
    scenario = _load(
        tmp_path,
        _home(
            """\
        [electricity.tariff]
        type = "agile"
        standing_charge = "0.4790"
        cap = "0.9500"

        [gas.tariff]
        type = "block"
        thresholds_kwh = [10, "25.5"]
        prices = ["0.0700", "0.0600", "0.0500"]
        period = "week"
        standing_charge = "0.3143"
        label = "Gas blocks"
        """
        ),
    )

    agile = scenario.electricity.tariff
    assert (agile.type, agile.seed, agile.cap) == (TariffType.AGILE, 3, Decimal("0.9500"))
    assert scenario.gas is not None
    block = scenario.gas.tariff
    assert block.thresholds_kwh == (Decimal(10), Decimal("25.5"))
    assert block.prices == (Decimal("0.0700"), Decimal("0.0600"), Decimal("0.0500"))
    assert block.period is BlockPeriod.WEEK
    assert block.label == "Gas blocks"


def test_prepayment_follows_the_home_unless_a_fuel_says_otherwise(tmp_path: Path) -> None:
    scenario = _load(
        tmp_path,
        _home(
            """\
        payment_mode = "prepayment"

        [electricity.prepayment]
        credit = "4.20"

        [gas]
        payment_mode = "credit"
        """
        ),
    )

    assert scenario.electricity.payment_mode is PaymentMode.PREPAYMENT
    assert scenario.electricity.prepayment == PrepaymentSettings(credit=Decimal("4.20"))
    assert scenario.gas is not None
    assert scenario.gas.payment_mode is PaymentMode.CREDIT
    assert scenario.gas.prepayment is None


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("90s", 90),
        ("5m", 300),
        ("1h30m", 5400),
        ("1h 30m", 5400),
        ("2d", 172_800),
        ("1d2h3m4s", 93_784),
        ("0s", 0),
        ("10M", 600),
    ],
)
def test_durations_parse(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["5 minutes", "", "5", "1.5h", "m", "30m1h", "-5m"])
def test_other_durations_are_refused_with_a_hint(text: str) -> None:
    with pytest.raises(ValueError, match=r"is not a duration \(use e\.g\. 5m, 90s, 1h30m\)"):
        parse_duration(text)


# --- event times -------------------------------------------------------------------------------


def _times(tmp_path: Path, start: str, *ats: str) -> list[dt.datetime]:
    """Local times of kettle events at ``ats``, in file order (their notes number them)."""
    events = "".join(
        f'[[events]]\nat = "{at}"\nkind = "kettle"\nnote = "{i}"\n' for i, at in enumerate(ats)
    )
    scenario = _load(tmp_path, HEAD.replace("2026-01-12T07:00", start) + events)
    by_note = sorted(scenario.events, key=lambda e: int(e.note))
    return [_local(e.at_s) for e in by_note]


def test_event_times_relative_absolute_and_by_the_clock(tmp_path: Path) -> None:
    times = _times(
        tmp_path, "2026-01-12T07:00", "18:02", "06:30", "07:00", "+1h30m", "2026-01-14T09:15"
    )

    assert times == [
        dt.datetime(2026, 1, 12, 18, 2, tzinfo=LONDON),  # later today
        dt.datetime(2026, 1, 13, 6, 30, tzinfo=LONDON),  # already past today: tomorrow
        dt.datetime(2026, 1, 12, 7, 0, tzinfo=LONDON),  # the start itself counts
        dt.datetime(2026, 1, 12, 8, 30, tzinfo=LONDON),
        dt.datetime(2026, 1, 14, 9, 15, tzinfo=LONDON),
    ]


def test_toml_native_times_are_accepted(tmp_path: Path) -> None:
    scenario = _load(
        tmp_path,
        HEAD.replace('"2026-01-12T07:00"', "2026-01-12T07:00:00")
        + "[[events]]\nat = 18:02:00\nkind = 'kettle'\n"
        + "[[events]]\nat = 2026-01-13T08:00:00Z\nkind = 'kettle'\n",
    )

    assert scenario.home.start_epoch_s == _at("2026-01-12T07:00")
    assert [e.at_s for e in scenario.events] == [_at("2026-01-12T18:02"), _at("2026-01-13T08:00")]


def test_event_times_across_the_spring_clock_change(tmp_path: Path) -> None:
    # Clocks go forward at 01:00 GMT on 29 March 2026: 01:00-01:59 does not happen that night.
    times = _times(tmp_path, "2026-03-28T22:00", "+4h", "01:30", "02:30", "2026-03-29T03:00")

    assert [t.astimezone(dt.UTC) for t in times] == [
        dt.datetime(2026, 3, 29, 2, 0, tzinfo=dt.UTC),  # 4 h elapsed: 03:00 BST
        dt.datetime(2026, 3, 30, 0, 30, tzinfo=dt.UTC),  # no 01:30 on the 29th: the 30th, BST
        dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC),  # 02:30 BST
        dt.datetime(2026, 3, 29, 2, 0, tzinfo=dt.UTC),
    ]


def test_event_times_across_the_autumn_clock_change(tmp_path: Path) -> None:
    # Clocks go back at 01:00 GMT on 25 October 2026: 01:00-01:59 happens twice.
    first, offset, by_clock, relative = _times(
        tmp_path, "2026-10-25T00:00", "2026-10-25T01:30", "2026-10-25T01:30+00:00", "01:30", "+3h"
    )

    assert first.astimezone(dt.UTC) == dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)  # BST
    assert offset.astimezone(dt.UTC) == dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC)  # GMT
    assert by_clock == first
    assert relative == dt.datetime(
        2026, 10, 25, 2, 0, tzinfo=LONDON
    )  # 3 h elapsed, 2 h on the clock
    # Starting between the two 01:30s, the next one by the clock is the GMT one.
    (later,) = _times(tmp_path, "2026-10-25T01:45", "01:30")
    assert later.astimezone(dt.UTC) == dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC)


def test_daily_repeats_keep_the_wall_clock_time_across_a_clock_change(tmp_path: Path) -> None:
    scenario = _load(
        tmp_path,
        HEAD.replace("2026-01-12T07:00", "2026-03-28T12:00")
        + """\
        [[events]]
        at = "18:00"
        kind = "appliance"
        name = "oven"
        watts = 2200
        duration = "1h"
        every = "1d"
        times = 3

        [[events]]
        at = "+0s"
        kind = "kettle"
        every = "12h"
        times = 3
        """,
    )

    ovens = [_local(e.at_s) for e in scenario.events if e.kind is EventKind.APPLIANCE]
    assert [(t.day, t.hour) for t in ovens] == [(28, 18), (29, 18), (30, 18)]
    oven_s = [e.at_s for e in scenario.events if e.kind is EventKind.APPLIANCE]
    assert [b - a for a, b in itertools.pairwise(oven_s)] == [23 * 3600, 24 * 3600]
    kettles = [e.at_s for e in scenario.events if e.kind is EventKind.KETTLE]
    assert [k - kettles[0] for k in kettles] == [0, 43_200, 86_400]
    assert len({e.line for e in scenario.events if e.kind is EventKind.KETTLE}) == 1


def test_events_sort_by_time_then_file_order(tmp_path: Path) -> None:
    scenario = _load(
        tmp_path,
        _home(
            """\
        [[events]]
        at = "19:00"
        kind = "outage"
        duration = "5m"

        [[events]]
        at = "18:00"
        kind = "kettle"

        [[events]]
        at = "18:00"
        kind = "message"
        text = "Hello"
        """
        ),
    )

    assert [e.kind for e in scenario.events] == [
        EventKind.KETTLE,
        EventKind.MESSAGE,
        EventKind.OUTAGE,
    ]
    assert [e.line for e in scenario.events] == [HEAD_LINES + 6, HEAD_LINES + 10, HEAD_LINES + 1]


# --- event kinds -------------------------------------------------------------------------------


def test_every_event_kind_is_read(tmp_path: Path) -> None:
    scenario = _load(
        tmp_path,
        _home(
            """\
        [[events]]
        at = "+1m"
        kind = "kettle"
        watts = 2200
        duration = "4m"

        [[events]]
        at = "+2m"
        kind = "appliance"
        name = "ev_charger"
        watts = 7400
        duration = "3h"

        [[events]]
        at = "+3m"
        kind = "price_change"
        fuel = "gas"
        unit_price = "0.0700"

        [[events]]
        at = "+4m"
        kind = "tariff_switch"
        tariff = { type = "economy7", day_price = "0.30", night_price = "0.12", standing_charge = "0.55", follows = "clock", night_window = "23:00-06:00" }

        [[events]]
        at = "+5m"
        kind = "message"
        text = "Please confirm"
        confirm = true
        importance = "critical"
        duration = "2h"

        [[events]]
        at = "+6m"
        kind = "cancel_message"
        id = 1

        [[events]]
        at = "+7m"
        kind = "outage"
        duration = "5m"

        [[events]]
        at = "+8m"
        kind = "payment_mode"
        mode = "prepayment"
        prepayment = { credit = "3.00" }

        [[events]]
        at = "+9m"
        kind = "low_credit"
        credit = "0.50"

        [[events]]
        at = "+10m"
        kind = "top_up"
        pounds = 20

        [[events]]
        at = "+11m"
        kind = "rearm"

        [[events]]
        at = "+12m"
        kind = "meter_button"
        fuel = "gas"

        [[events]]
        at = "+13m"
        kind = "firmware"
        version = "1.2.3"
        to = "00:0d:6f:ff:fe:00:00:02"
        """
        ),
    )

    actions = [e.action for e in scenario.events]
    assert actions[0] == Kettle(watts=2200, duration_s=240)
    assert actions[1] == Appliance("ev_charger", 7400, 10_800)
    assert isinstance(actions[2], PriceChange)
    assert actions[2].fuel is Fuel.GAS
    assert actions[2].tariff.unit_price == Decimal("0.0700")
    assert actions[2].tariff.standing_charge == Decimal("0.3143")  # kept from the default tariff
    assert isinstance(actions[3], TariffSwitch)
    assert actions[3].tariff.night_window == (dt.time(23), dt.time(6))
    assert actions[3].tariff.follows is ClockBasis.CLOCK
    assert actions[4] == Message(1, "Please confirm", Importance.CRITICAL, True, 7200)
    assert actions[5] == CancelMessage(1)
    assert actions[6] == Outage(300)
    assert actions[7] == PaymentModeChange(
        Fuel.ELECTRICITY, PaymentMode.PREPAYMENT, PrepaymentSettings(credit=Decimal("3.00"))
    )
    assert actions[8] == LowCredit(Fuel.ELECTRICITY, Decimal("0.50"))
    assert actions[9] == TopUp(Fuel.ELECTRICITY, Decimal(20))
    assert actions[11] == MeterButton(Fuel.GAS)
    assert actions[12] == Firmware(0x01020300, "00:0d:6f:ff:fe:00:00:02", 64)
    assert sorted(a.kind for a in actions) == sorted(EventKind)


def test_message_ids_not_written_are_the_lowest_free_in_file_order(tmp_path: Path) -> None:
    scenario = _load(
        tmp_path,
        HEAD
        + "".join(
            f'[[events]]\nat = "{at}"\nkind = "message"\ntext = "m"\n{extra}'
            for at, extra in [("12:00", ""), ("09:00", "id = 2\n"), ("10:00", ""), ("11:00", "")]
        ),
    )

    ids = {
        _local(e.at_s).hour: e.action.message_id
        for e in scenario.events
        if isinstance(e.action, Message)
    }
    assert ids == {12: 1, 9: 2, 10: 3, 11: 4}


def test_a_price_change_follows_an_earlier_tariff_switch(tmp_path: Path) -> None:
    scenario = _load(
        tmp_path,
        _home(
            """\
        [[events]]
        at = "2026-01-13T00:00"
        kind = "price_change"
        night_price = "0.1000"

        [[events]]
        at = "2026-01-12T12:00"
        kind = "tariff_switch"
        tariff = { type = "economy7", day_price = "0.30", night_price = "0.12", standing_charge = "0.55" }
        """
        ),
    )

    change = scenario.events[1].action
    assert isinstance(change, PriceChange)
    assert change.tariff.type is TariffType.ECONOMY7
    assert (change.tariff.day_price, change.tariff.night_price) == (
        Decimal("0.30"),
        Decimal("0.1000"),
    )


# --- errors: key path and line -----------------------------------------------------------------

ERRORS: list[tuple[str, str, str, str, str]] = [
    # (id, text appended to HEAD, key path, fragment on the reported line, words in the problem)
    ("speed too high", "", "home.speed", "speed = 1", "out of range (1 to 100,000)"),
    (
        "unknown household",
        "",
        "home.household",
        "household",
        'did you mean "family_of_four"?',
    ),
    ("unknown fuel", "", "home.fuels[2]", "fuels", 'did you mean "gas"?'),
    (
        "prepayment in credit mode",
        '[electricity.prepayment]\ncredit = "4.20"\n',
        "electricity.prepayment",
        "[electricity.prepayment]",
        'need payment_mode = "prepayment"',
    ),
    (
        "misspelt key",
        '[electricity.tariff]\ntype = "single"\nunit_prise = "0.2"\nstanding_charge = "0.6"\n',
        "electricity.tariff.unit_prise",
        "unit_prise",
        'unknown key – did you mean "unit_price"?',
    ),
    (
        "key of another table",
        '[electricity]\ncalorific_value = "39"\n',
        "electricity.calorific_value",
        "calorific_value",
        "[electricity] takes export_price, payment_mode, prepayment, tariff",
    ),
    (
        "too many decimal places",
        '[gas.tariff]\ntype = "single"\nunit_price = "0.06301"\nstanding_charge = "0.3"\n',
        "gas.tariff.unit_price",
        "unit_price",
        "more than 4 decimal places",
    ),
    (
        "economy 7 gas",
        '[gas.tariff]\ntype = "economy7"\n',
        "gas.tariff.type",
        "economy7",
        'gas tariffs are "single" or "block"',
    ),
    (
        "block prices do not match",
        '[electricity.tariff]\ntype = "block"\nthresholds_kwh = [5]\nprices = ["0.3"]\nstanding_charge = "0.6"\n',
        "electricity.tariff.prices",
        "prices",
        "needs 2 prices for 1 thresholds",
    ),
    (
        "bad duration",
        '[[events]]\nat = "18:00"\nkind = "kettle"\n\n[[events]]\nat = "19:00"\nkind = "outage"\nduration = "5 minutes"\n',
        "events[2].duration",
        "5 minutes",
        '"5 minutes" is not a duration (use e.g. 5m, 90s, 1h30m)',
    ),
    (
        "event before the start",
        '[[events]]\nat = "2026-01-12T06:59"\nkind = "kettle"\n',
        "events[1].at",
        "06:59",
        "before the start of the scenario (2026-01-12T07:00 GMT)",
    ),
    (
        "unreadable time",
        '[[events]]\nat = "6pm"\nkind = "kettle"\n',
        "events[1].at",
        "6pm",
        'is not a time (use "18:02", "2026-01-12T18:02" or "+1h30m")',
    ),
    (
        "unknown event kind",
        '[[events]]\nat = "18:00"\nkind = "kettel"\n',
        "events[1].kind",
        "kettel",
        'did you mean "kettle"?',
    ),
    (
        "key of another event kind",
        '[[events]]\nat = "18:00"\nkind = "kettle"\ntext = "Hi"\n',
        "events[1].text",
        "text",
        "a kettle event takes at, duration, every, kind, note, times, watts",
    ),
    (
        "required event key missing",
        '[[events]]\nat = "18:00"\nkind = "appliance"\nwatts = 100\nduration = "1h"\n',
        "events[1].name",
        "[[events]]",
        "missing",
    ),
    (
        "top-up in credit mode",
        '[[events]]\nat = "18:00"\nkind = "top_up"\npounds = "10"\n',
        "events[1].fuel",
        "[[events]]",
        "needs electricity in prepayment mode",
    ),
    (
        "event for a meter the home lacks",
        '[[events]]\nat = "18:00"\nkind = "low_credit"\nfuel = "water"\ncredit = "1"\n',
        "events[1].fuel",
        "water",
        "not a known fuel",
    ),
    (
        "cancel before the message",
        '[[events]]\nat = "10:00"\nkind = "cancel_message"\nid = 1\n[[events]]\nat = "11:00"\nkind = "message"\ntext = "x"\n',
        "events[1].id",
        "id = 1",
        "no message with id 1 has been shown by then",
    ),
    (
        "price change of the wrong type",
        '[[events]]\nat = "10:00"\nkind = "price_change"\nday_price = "0.3"\n',
        "events[1].day_price",
        "day_price",
        "the electricity tariff is single then",
    ),
    (
        "bad value in an inline tariff",
        '[[events]]\nat = "10:00"\nkind = "tariff_switch"\ntariff = { type = "single", unit_price = "cheap", standing_charge = "0.5" }\n',
        "events[1].tariff.unit_price",
        "cheap",
        '"cheap" is not an amount',
    ),
    (
        "duplicate message id",
        '[[events]]\nat = "10:00"\nkind = "message"\ntext = "a"\nid = 7\n[[events]]\nat = "11:00"\nkind = "message"\ntext = "b"\nid = 7\n',
        "events[2].id",
        'text = "b"',  # replaced below: the second "id = 7"
        "message id 7 is already used (on line 8)",
    ),
    (
        "events as a plain table",
        '[events]\nat = "10:00"\n',
        "events",
        "[events]",
        "with two square brackets",
    ),
]


@pytest.mark.parametrize(
    ("extra", "key", "fragment", "problem"),
    [case[1:] for case in ERRORS],
    ids=[case[0] for case in ERRORS],
)
def test_errors_name_the_key_and_line(
    tmp_path: Path, extra: str, key: str, fragment: str, problem: str
) -> None:
    text = HEAD + extra
    if key == "home.speed":
        text = text.replace("speed = 1", "speed = 200000")
        fragment = "speed = 200000"
    elif key == "home.household":
        text = text.replace("family_of_four", "famly_of_four")
    elif key == "home.fuels[2]":
        text = text.replace('"gas"]', '"gaz"]')
    expected_line = _line_of(text, fragment)
    if key == "events[2].id":
        expected_line = len(text.splitlines())
    elif fragment == "[[events]]":
        expected_line = HEAD_LINES + 1

    error = _error(tmp_path, text)

    assert error.key == key
    assert error.line == expected_line
    assert problem in error.problem
    assert str(error) == f"trial.toml line {expected_line}: {key}: {error.problem}"


def test_a_missing_required_key_that_is_misspelt_is_reported_as_the_misspelling(
    tmp_path: Path,
) -> None:
    text = HEAD.replace("start =", "strat =")

    error = _error(tmp_path, text)

    assert (error.key, error.line) == ("home.strat", 4)
    assert error.problem == 'unknown key – did you mean "start"?'


def test_unknown_top_level_keys_are_errors(tmp_path: Path) -> None:
    error = _error(tmp_path, 'titel = "x"\n' + HEAD)

    assert (error.key, error.line) == ("titel", 1)
    assert "a scenario takes description, electricity, events, gas, home, name" in error.problem


def test_a_fuel_table_for_a_meter_the_home_lacks(tmp_path: Path) -> None:
    text = HEAD.replace(', "gas"', "") + '\n[gas]\ncalorific_value = "39"\n'

    error = _error(tmp_path, text)

    assert (error.key, error.line) == ("gas", _line_of(text, "[gas]"))
    assert 'add "gas" to home.fuels' in error.problem


def test_a_missing_home_table_has_no_line(tmp_path: Path) -> None:
    error = _error(tmp_path, 'name = "x"\n')

    assert (error.key, error.line) == ("home", None)
    assert str(error).startswith("trial.toml: home: missing")


def test_a_start_in_the_skipped_spring_hour_is_an_error(tmp_path: Path) -> None:
    error = _error(tmp_path, HEAD.replace("2026-01-12T07:00", "2026-03-29T01:30"))

    assert (error.key, error.line) == ("home.start", 4)
    assert "does not exist in Europe/London" in error.problem


def test_keys_in_multi_line_strings_do_not_confuse_the_line_finder(tmp_path: Path) -> None:
    text = (
        HEAD
        + '[[events]]\nat = "10:00"\nkind = "message"\ntext = """\n[[events]]\nduration = "x"\n"""\n'
        + '[[events]]\nat = "11:00"\nkind = "outage"\nduration = "soon"\n'
    )

    error = _error(tmp_path, text)

    assert (error.key, error.line) == ("events[2].duration", _line_of(text, '"soon"'))


def test_sub_tables_of_an_event_are_found_in_the_right_entry(tmp_path: Path) -> None:
    text = (
        HEAD
        + '[[events]]\nat = "10:00"\nkind = "kettle"\n\n'
        + '[[events]]\nat = "11:00"\nkind = "tariff_switch"\n\n'
        + '[events.tariff]\ntype = "single"\nunit_price = "0.3"\nstanding_charge = "-1"\n'
    )

    error = _error(tmp_path, text)

    assert (error.key, error.line) == ("events[2].tariff.standing_charge", len(text.splitlines()))
    assert "too small" in error.problem


# --- errors in the TOML itself -----------------------------------------------------------------


def test_a_toml_syntax_error_gives_tomllibs_line(tmp_path: Path) -> None:
    error = _error(tmp_path, HEAD.replace('"family_of_four"', "family_of_four"))

    assert error.line == 3
    assert "not valid TOML: Invalid value" in error.problem
    assert "missing its quotes" in error.problem


def test_a_key_given_twice_is_found(tmp_path: Path) -> None:
    text = HEAD + '\n[electricity]\nexport_price = "0.1"\nexport_price = "0.2"\n'

    error = _error(tmp_path, text)

    assert (error.key, error.line) == ("electricity.export_price", len(text.splitlines()))
    assert error.problem == "is given twice"


def test_an_unclosed_list_points_at_where_it_opens(tmp_path: Path) -> None:
    text = (
        HEAD + '[electricity.tariff]\ntype = "block"\nprices = ["0.3",\n  "0.2"\n\nperiod = "day"\n'
    )

    error = _error(tmp_path, text)

    assert error.line == _line_of(text, "prices")
    assert "never closed" in error.problem


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes(b'name = "T"\ndescription = "caf\xe9"\n')

    with pytest.raises(ScenarioError, match=r"^latin\.toml line 2: is not UTF-8 text$"):
        load_scenario(path)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="cannot be read"):
        load_scenario(tmp_path / "nowhere.toml")


def test_parse_scenario_names_its_source_in_errors() -> None:
    with pytest.raises(ScenarioError, match=r"^inline\.toml: name: missing$"):
        parse_scenario("", "inline.toml")


# --- finding scenarios by name -----------------------------------------------------------------


def test_an_unknown_name_lists_the_known_ones(tmp_path: Path) -> None:
    _write(tmp_path, HEAD, "morning.toml")
    _write(tmp_path, HEAD, "evening.toml")

    assert available_scenarios(tmp_path) == ["evening", "morning"]
    assert load_named("morning.toml", tmp_path).name == "Test"
    with pytest.raises(ScenarioError) as caught:
        load_named("mornin", tmp_path)
    assert str(caught.value) == (
        'no scenario called "mornin" – did you mean "morning"? (known: evening, morning)'
    )


def test_an_unknown_shipped_name_lists_the_shipped_ones() -> None:
    with pytest.raises(ScenarioError) as caught:
        load_named("family")

    for name in REQUIRED_SCENARIOS:
        assert name in str(caught.value)


def test_scenario_fuel_lookup() -> None:
    scenario = load_named("family-dual-fuel")

    assert scenario.fuel(Fuel.ELECTRICITY) is scenario.electricity
    assert scenario.fuel(Fuel.GAS) is scenario.gas
