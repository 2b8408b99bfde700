"""A scenario made real: the home it describes, and its scripted events on the home's agenda."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import time
from decimal import Decimal
from typing import assert_never

from han.formats.firmware import FirmwareImage
from home_emulator.devices.comms_hub import HubEvent
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.metering.credit_engine import CreditSettings, PrepaymentStart, units
from home_emulator.metering.supply_switch import SupplyRefused
from home_emulator.scenario.events import (
    Appliance,
    CancelMessage,
    Firmware,
    Fuel,
    Kettle,
    LowCredit,
    Message,
    MeterButton,
    Outage,
    PaymentModeChange,
    PriceChange,
    Rearm,
    ScriptedEvent,
    TariffSwitch,
    TopUp,
)
from home_emulator.scenario.model import (
    Meters,
    PrepaymentSettings,
    Scenario,
    TariffSettings,
    TariffType,
)
from home_emulator.supplier.wan import SupplierWan
from home_emulator.tariffs import AnyTariff, Block, SingleRate, agile, economy7

LOGGER = logging.getLogger(__name__)
MINUTE = 60


def tariff_from(settings: TariffSettings) -> AnyTariff:
    """The tariff engine's tariff for a scenario's tariff table (the loader checked the keys)."""
    kind = settings.type
    if kind == TariffType.SINGLE:
        return SingleRate(
            _given(settings.unit_price),
            settings.standing_charge,
            settings.label,
            label=settings.label,
        )
    if kind == TariffType.ECONOMY7:
        night_start, night_end = settings.night_window or (time(0, 30), time(7, 30))
        return economy7(
            night_start=night_start,
            night_end=night_end,
            follows_gmt=settings.follows is None or settings.follows == "gmt",
            day_price=_given(settings.day_price),
            night_price=_given(settings.night_price),
            standing_charge=settings.standing_charge,
            name=settings.label,
        )
    if kind == TariffType.AGILE:
        if settings.cap is not None:
            return agile(
                settings.seed or 0, standing_charge=settings.standing_charge, cap=settings.cap
            )
        return agile(settings.seed or 0, standing_charge=settings.standing_charge)
    if kind == TariffType.BLOCK:
        return Block(
            settings.label,
            list(settings.thresholds_kwh),
            list(settings.prices),
            str(settings.period or "month"),  # type: ignore[arg-type]
            settings.standing_charge,
        )
    raise ValueError(f"unknown tariff type {kind!r}")


def _given(price: Decimal | None) -> Decimal:
    if price is None:
        raise ValueError("the scenario's tariff lacks a price")
    return price


def home_spec(
    scenario: Scenario, *, speed: float | None = None, history_days: int | None = None
) -> HomeSpec:
    home = scenario.home
    gas = scenario.gas
    spec = HomeSpec(
        seed=home.seed,
        profile=home.household,
        start_epoch_s=home.start_epoch_s,
        speed=speed if speed is not None else home.speed,
        electricity_tariff=tariff_from(scenario.electricity.tariff),
        gas=gas is not None,
        gas_tariff=tariff_from(gas.tariff) if gas is not None else None,
        smets1_foc=home.meters is Meters.SMETS1_FOC,
    )
    electricity = scenario.electricity
    if str(electricity.payment_mode) == "prepayment":
        spec = replace(spec, electricity_prepayment=prepayment_start(electricity.prepayment))
    if gas is not None and str(gas.payment_mode) == "prepayment":
        spec = replace(spec, gas_prepayment=prepayment_start(gas.prepayment))
    if gas is not None and gas.calorific_value is not None:
        spec = replace(spec, calorific_value=gas.calorific_value)
    if history_days is not None:
        spec = replace(spec, history_days=history_days)
    return spec


def build_home(
    scenario: Scenario, *, speed: float | None = None, history_days: int | None = None
) -> EmulatedHome:
    home = EmulatedHome(home_spec(scenario, speed=speed, history_days=history_days))
    for event in scenario.events:
        home.schedule(event.at_s, scripted_action(home, event))
    return home


def prepayment_start(settings: PrepaymentSettings | None) -> PrepaymentStart:
    settings = settings or PrepaymentSettings()
    rules = CreditSettings(
        emergency_credit_limit=units(settings.emergency_credit_limit),
        emergency_credit_threshold=units(settings.emergency_credit_threshold),
        low_credit_warning=units(settings.low_credit_warning),
        time_debt_recovery_per_day=units(settings.debt_recovery_per_day),
    )
    return PrepaymentStart(
        balance=units(settings.credit), settings=rules, time_debt=units(settings.debt)
    )


def scripted_action(home: EmulatedHome, event: ScriptedEvent) -> Callable[[], None]:  # noqa: C901 - one branch per kind of scripted event
    action = event.action

    def log(detail: str) -> None:
        home.hub.events.append(HubEvent(home.now_s, "scenario", detail))

    if isinstance(action, Kettle):
        return lambda: home.esme.switch_on(action.watts, action.duration_s)
    if isinstance(action, Appliance):
        return lambda: home.esme.switch_on(action.watts, action.duration_s)
    if isinstance(action, PriceChange | TariffSwitch):
        return lambda: _change_tariff(home, action.fuel, tariff_from(action.tariff))
    if isinstance(action, Message):
        duration = action.duration_s // MINUTE if action.duration_s else None

        def send() -> None:
            home.send_message(
                action.text,
                confirm=action.confirm,
                importance=str(action.importance),
                message_id=action.message_id,
                **({"duration_min": duration} if duration else {}),
            )

        return send
    if isinstance(action, CancelMessage):
        return lambda: home.cancel_message(action.message_id)
    if isinstance(action, Outage):
        return lambda: home.power_cut(action.duration_s)
    wan = SupplierWan(home)
    if isinstance(action, TopUp):
        return lambda: wan.add_credit(action.pounds, str(action.fuel))
    if isinstance(action, Firmware):
        return lambda: _offer_firmware(home, wan, action, log)
    if isinstance(action, MeterButton):
        return lambda: _press_meter_button(home, str(action.fuel), log)
    if isinstance(action, Rearm):
        return lambda: wan.arm_supply(str(action.fuel))
    if isinstance(action, PaymentModeChange):
        prepayment = (
            prepayment_start(action.prepayment) if str(action.mode) == "prepayment" else None
        )
        return lambda: wan.set_payment_mode(prepayment, str(action.fuel))
    if isinstance(action, LowCredit):
        return lambda: _set_credit(home, str(action.fuel), units(action.credit), log)
    assert_never(action)  # every kind of scripted event the reader makes is emulated


def _set_credit(home: EmulatedHome, fuel: str, balance: int, log: Callable[[str], None]) -> None:
    """A trial's shortcut to a low balance (as if the household had used it)."""
    meter = home.gas if fuel == "gas" else home.esme
    engine = meter.prepay.engine if meter is not None else None
    if meter is None or engine is None:
        log(f"low_credit: the {fuel} meter is in credit mode")
        return
    engine.set_balance(balance, home.now_s)
    meter.prepay.publish()
    if meter is home.gas:
        home.gas.credit.sync()
    log(f"{fuel} credit set to £{balance / 10_000:.2f}")


def _offer_firmware(
    home: EmulatedHome, wan: SupplierWan, action: Firmware, log: Callable[[str], None]
) -> None:
    to = action.to or home.spec.display_ieee
    if to is None:
        log("firmware: there is no display to send it to")
        return
    # A deterministic payload of the asked size: the same scenario sends the same image.
    payload = bytes((i * 31 + action.version) % 251 for i in range(action.kilobytes * 1024))
    try:
        wan.offer_firmware(to, FirmwareImage.build(payload, file_version=action.version))
    except ValueError as error:
        log(f"firmware: {error}")


def _press_meter_button(home: EmulatedHome, fuel: str, log: Callable[[str], None]) -> None:
    meter = home.gas if fuel == "gas" else home.esme
    if meter is None:
        log(f"meter_button: no {fuel} meter")
        return
    try:
        meter.enable_supply_locally()
    except SupplyRefused as refused:
        log(f"{fuel} meter button pressed: {refused}")
        return
    log(f"{fuel} meter button pressed: supply on")


def _change_tariff(home: EmulatedHome, fuel: Fuel, tariff: AnyTariff) -> None:
    if fuel == Fuel.GAS:
        if home.gas is None:
            raise ValueError("this home has no gas meter")
        home.gas.change_tariff(tariff)
    else:
        home.esme.change_tariff(tariff)
