"""Gas prepayment: the GSME runs the electricity meter's credit engine with its own keys, codes and
valve, and the HAN sees it all through the gas proxy's mirror – as real meters do."""

from __future__ import annotations

import gc
import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from han.domain.credit import PaymentMode, SupplyAnswer, SupplyState, TopUpOutcome
from han.formats.utrn import encode_utrn
from han.model import Meter
from home_emulator.devices.esme import SUPPLIER_ORIGINATOR, supplier_key
from home_emulator.devices.gas import MIRROR_ENDPOINT
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.metering.credit_engine import CreditSettings, PrepaymentStart, units
from home_emulator.metering.registers import HALF_HOUR_S
from home_emulator.metering.supply_switch import SUPPLY_ARMED, SUPPLY_OFF, SUPPLY_ON, SupplyRefused
from home_emulator.metering.top_up_gate import MeterKeys
from home_emulator.scenario.model import SCENARIO_DIR
from home_emulator.store.home_store import HomeStore
from home_emulator.supplier.wan import SupplierWan
from tests.conftest import OpenEmulatedHan

LONDON = ZoneInfo("Europe/London")
WEEKDAY_MORNING = datetime(2026, 1, 13, 11, 0, tzinfo=LONDON).timestamp()
NO_EMERGENCY_CREDIT = CreditSettings(emergency_credit_limit=0)


def _code(keys: MeterKeys, step: int, *, pounds: int) -> str:
    return encode_utrn(
        supplier_private_key=supplier_key(),
        meter_public_key=keys.meter_private_key.public_key(),
        originator=SUPPLIER_ORIGINATOR,
        target=keys.target,
        counter=step << 32,
        pounds=pounds,
    )


def _supply(meter: Meter) -> SupplyState | None:
    """The supply the model shows, or None before the meter has said (a wait goes on)."""
    return None if meter.supply is None else meter.supply.value


def _gas_home(balance: str = "0.50", **settings: Any) -> EmulatedHome:
    start = PrepaymentStart(balance=units(balance), settings=CreditSettings(**settings))
    return EmulatedHome(
        HomeSpec(seed=7, start_epoch_s=WEEKDAY_MORNING, history_days=10, gas_prepayment=start)
    )


def _run_out(home: EmulatedHome) -> None:
    meter = home.gas
    assert meter is not None, "the home has no gas meter"
    for _ in range(8640):
        if meter.supply_status != SUPPLY_ON:
            return
        home.step()
    raise AssertionError("gas credit never ran out")


def test_gas_credit_runs_out_on_a_weekday_and_the_valve_closes() -> None:
    home = _gas_home(emergency_credit_limit=0)
    assert home.gas is not None
    assert home.gas.prepayment.get("credit_remaining") == 50
    _run_out(home)
    closed_at = datetime.fromtimestamp(home.now_s, LONDON)
    assert closed_at.weekday() < 5
    assert 10 <= closed_at.hour < 16
    assert home.gas.supply_status == SUPPLY_OFF
    assert home.gas.metering.get("supply_status") == SUPPLY_ON  # the mirror: not until it wakes
    while home.now_s % HALF_HOUR_S:
        home.step()
    assert home.gas.metering.get("supply_status") == SUPPLY_OFF
    assert home.gas.prepayment.get("prepayment_alarm_status") & 0x0100  # disconnected for credit
    volume = home.gas.volume.accumulator
    for _ in range(360):
        home.step()
    assert home.gas.volume.accumulator == volume  # a closed valve passes no gas


def test_friendly_hours_keep_the_gas_on() -> None:
    evening = datetime(2026, 1, 13, 16, 30, tzinfo=LONDON).timestamp()
    start = PrepaymentStart(balance=units("0.02"), settings=NO_EMERGENCY_CREDIT)
    home = EmulatedHome(
        HomeSpec(seed=7, start_epoch_s=evening, history_days=10, gas_prepayment=start)
    )
    assert home.gas is not None
    for _ in range(6 * 60 * 4):  # four evening hours
        home.step()
    assert home.gas.supply_status == SUPPLY_ON
    assert home.gas.prepay.engine is not None
    assert home.gas.prepay.engine.balance < 0
    assert home.gas.prepayment.get("prepayment_alarm_status") & 0x0010  # friendly credit in use


def test_each_meter_has_its_own_keys_and_counter_cache() -> None:
    electricity = PrepaymentStart(balance=units("5.00"))
    gas = PrepaymentStart(balance=units("5.00"))
    home = EmulatedHome(
        HomeSpec(
            seed=7,
            start_epoch_s=WEEKDAY_MORNING,
            history_days=10,
            electricity_prepayment=electricity,
            gas_prepayment=gas,
        )
    )
    assert home.gas is not None
    assert home.gas.keys.target != home.esme.keys.target
    for_gas = _code(home.gas.keys, 1, pounds=10)
    for_electricity = _code(home.esme.keys, 1, pounds=10)
    assert home.esme.prepay.top_up(for_gas)[0].name == "INVALID"
    assert home.gas.prepay.top_up(for_electricity)[0].name == "INVALID"
    assert home.gas.prepay.top_up(for_gas)[0].name == "ACCEPTED"  # the same counter, each meter
    assert home.esme.prepay.top_up(for_electricity)[0].name == "ACCEPTED"
    assert home.gas.prepay.top_up(for_gas)[0].name == "DUPLICATE"


def test_the_wan_rearms_the_valve_and_only_the_gas_meter_button_opens_it() -> None:
    home = _gas_home(emergency_credit_limit=0)
    assert home.gas is not None
    _run_out(home)
    wan = SupplierWan(home)
    try:
        home.gas.press_button()
        raise AssertionError("a closed, unarmed valve opened")
    except SupplyRefused:
        pass
    wan.add_credit(Decimal("10"), "gas")
    assert home.gas.supply_status == SUPPLY_ARMED  # credit back: armed, not open
    assert home.gas.metering.get("supply_status") == SUPPLY_ARMED
    home.gas.press_button()
    assert home.gas.supply_status == SUPPLY_ON
    assert home.gas.metering.get("supply_status") == SUPPLY_ON
    wan.disable_supply("gas")
    wan.arm_supply("gas")
    assert home.gas.metering.get("supply_status") == SUPPLY_ARMED
    assert [e.detail for e in home.hub.events if e.kind == "WAN"][-1].startswith(
        "gas supply armed: waiting for someone at the gas meter"
    )


async def test_gas_credit_top_up_and_supply_through_the_mirror_on_the_air(
    emulated_han: OpenEmulatedHan,
) -> None:
    start = PrepaymentStart(
        balance=units("0.50"),
        settings=CreditSettings(emergency_credit_limit=0, time_debt_recovery_per_day=units("0.50")),
        time_debt=units("85.20"),
    )
    async with emulated_han(start_epoch_s=WEEKDAY_MORNING, gas_prepayment=start) as han:
        await han.meter_ready()
        gas = next(
            link.prepayment
            for key, link in han.session.links.items()
            if key.endpoint_id == MIRROR_ENDPOINT and link.prepayment is not None
        )
        credit = gas.meter.credit
        assert credit.mode is not None
        assert credit.mode.value is PaymentMode.PREPAYMENT
        assert credit.balance_gbp is not None
        assert credit.balance_gbp.value == Decimal("0.50")
        assert credit.recovery is not None
        assert credit.recovery.value.per_week_gbp == Decimal("3.50")
        assert credit.debt_gbp is not None
        assert credit.debt_gbp.value == Decimal("85.20")

        home = han.home
        _run_out(home)
        while home.now_s % HALF_HOUR_S:
            home.step()
        await han.until(lambda: _supply(gas.meter) is SupplyState.OFF, 30)  # a burst

        wrong = await gas.top_up(_code(home.esme.keys, 1, pounds=10))
        assert wrong.outcome is TopUpOutcome.INVALID
        gas_meter = home.gas
        assert gas_meter is not None
        answer = await gas.top_up(_code(gas_meter.keys, 1, pounds=10))
        assert answer.outcome is TopUpOutcome.ACCEPTED
        assert answer.added_gbp == Decimal("10.00")
        # The meter answered awake: the mirror shows its new credit and the armed valve at once.
        await han.until(lambda: _supply(gas.meter) is SupplyState.ARMED)
        assert await gas.enable_supply() is SupplyAnswer.ONLY_AT_METER
        assert gas_meter.supply_status == SUPPLY_ARMED
        gas_meter.press_button()
        home.step()
        await han.until(lambda: _supply(gas.meter) is SupplyState.ON)


def test_gas_credit_and_code_memory_survive_a_restart(tmp_path: Path) -> None:
    home = _gas_home("7.00")
    assert home.gas is not None
    code = _code(home.gas.keys, 3, pounds=5)
    assert home.gas.prepay.top_up(code)[0].name == "ACCEPTED"
    home.gas.disable_supply()
    gc.collect()  # earlier tests' Qt garbage, on this thread rather than the store's worker
    with HomeStore(tmp_path / "homes.sqlite") as store:
        store.save(home, "gas")
    with HomeStore(tmp_path / "homes.sqlite") as store:
        again = store.load("gas")
    assert again.gas is not None
    assert again.gas.prepay.engine is not None
    assert home.gas.prepay.engine is not None
    assert again.gas.prepay.engine.balance == home.gas.prepay.engine.balance
    assert again.gas.supply_status == SUPPLY_OFF
    assert again.gas.prepay.top_up(code)[0].name == "DUPLICATE"


def test_the_dual_fuel_scenario_closes_the_gas_valve_and_takes_a_vended_gas_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from home_emulator.commands.cli import main
    from home_emulator.scenario.home_builder import build_home
    from home_emulator.scenario.model import load_named

    home = build_home(load_named("dual-fuel-prepay"), history_days=3)
    assert home.gas is not None
    assert home.esme.prepay.in_prepayment
    _run_out(home)
    assert datetime.fromtimestamp(home.now_s, LONDON).hour < 16  # a weekday afternoon
    ledger = str(tmp_path / "ledger.json")
    vend = ["vend", "--home", "dual-fuel-prepay", "--pounds", "10", "--ledger", ledger]
    assert main([*vend, "--fuel", "gas"]) == 0
    gas_code = capsys.readouterr().out.strip()
    assert main(vend) == 0
    electricity_code = capsys.readouterr().out.strip()
    assert home.esme.prepay.top_up(gas_code)[0].name == "INVALID"
    assert home.gas.prepay.top_up(gas_code)[0].name == "ACCEPTED"
    assert home.esme.prepay.top_up(electricity_code)[0].name == "ACCEPTED"
    assert home.gas.supply_status == SUPPLY_ARMED  # credit back: re-armed, not yet on
    assert main([*vend, "--fuel", "oil"]) == 2
    assert "--fuel must be electricity or gas" in capsys.readouterr().err
    assert main(["vend", "--home", "electricity-only", "--fuel", "gas", "--pounds", "5"]) == 2
    assert "has no gas meter" in capsys.readouterr().err


def test_a_scenario_presses_the_gas_meter_button_after_a_remote_top_up() -> None:
    from home_emulator.scenario.home_builder import build_home
    from home_emulator.scenario.model import parse_scenario

    text = (SCENARIO_DIR / "dual-fuel-prepay.toml").read_text(encoding="utf-8")
    text += """
[[events]]
at = "12:45"
kind = "meter_button"
fuel = "gas"

[[events]]
at = "13:00"
kind = "top_up"
fuel = "gas"
pounds = "10.00"

[[events]]
at = "13:15"
kind = "meter_button"
fuel = "gas"
"""
    home = build_home(parse_scenario(text, "button.toml"), history_days=2)
    assert home.gas is not None
    for _ in range(6 * 60 * 3):  # 11:00 → 14:00
        home.step()
    assert home.gas.supply_status == SUPPLY_ON
    log = [event.detail for event in home.hub.events if event.kind == "scenario"]
    assert log == [
        "gas meter button pressed: the supply is not armed: the supplier must re-arm it first",
        "gas meter button pressed: supply on",
    ]


def test_a_firmware_event_with_a_bad_version_or_address_is_explained() -> None:
    from home_emulator.scenario.model import ScenarioError, parse_scenario

    text = (SCENARIO_DIR / "dual-fuel-prepay.toml").read_text(encoding="utf-8")
    event = '\n[[events]]\nat = "11:01"\nkind = "firmware"\n'
    for extra, words in (
        ('version = "1.x"', "events[1].version: '1.x' is not a version"),
        ('version = "1.2"\nto = "zz"', "events[1].to: 'zz' is not an EUI-64"),
    ):
        with pytest.raises(ScenarioError, match=re.escape(words)):
            parse_scenario(text + event + extra + "\n", "f.toml")
