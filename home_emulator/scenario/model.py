"""Scenarios: the situation an emulated home starts in, and what is scripted to happen to it.

A scenario is a TOML file (``resources/scenarios/*.toml``, documented in the README there) written by
the people who run trials and demos, not only by programmers. So the loader is strict and specific:
every error names the file, the line and the key, and says what would be right. Unknown keys are errors
because a misspelt optional key would otherwise be ignored, and the trial would run on a default nobody
chose.

The result is plain frozen data (:class:`Scenario`): tariffs are described, not computed (the tariff
engine interprets :class:`TariffSettings`), and events are described, not executed (the emulated home
does that). Money is :class:`~decimal.Decimal` throughout, and TOML numbers are read as decimals too, so
``unit_price = 0.245`` and ``unit_price = "0.245"`` are the same exact amount.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from pathlib import Path
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from han.clock_speed import MAX_SPEED, MIN_SPEED
from han.resources import resource_dir
from home_emulator.scenario.events import (
    Action,
    Appliance,
    CancelMessage,
    EventContext,
    EventKind,
    Firmware,
    Importance,
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
    read_events,
)
from home_emulator.scenario.settings import (
    BlockPeriod,
    ClockBasis,
    Fuel,
    Meters,
    PaymentMode,
    PrepaymentSettings,
    TariffSettings,
    TariffType,
)
from home_emulator.scenario.times import local_instant, parse_clock, parse_date_time
from home_emulator.scenario.toml_reader import (
    ScenarioError,
    TomlSource,
    TomlTable,
    did_you_mean,
    show,
    syntax_error,
)

__all__ = [
    "SCENARIO_DIR",
    "Action",
    "Appliance",
    "BlockPeriod",
    "CancelMessage",
    "ClockBasis",
    "EventKind",
    "Firmware",
    "Fuel",
    "FuelSettings",
    "HomeSettings",
    "Importance",
    "Kettle",
    "LowCredit",
    "Message",
    "MeterButton",
    "Meters",
    "Outage",
    "PaymentMode",
    "PaymentModeChange",
    "PrepaymentSettings",
    "PriceChange",
    "Rearm",
    "Scenario",
    "ScenarioError",
    "ScriptedEvent",
    "TariffSettings",
    "TariffSwitch",
    "TariffType",
    "TopUp",
    "available_scenarios",
    "load_named",
    "load_scenario",
    "open_scenario",
    "parse_scenario",
]

SCENARIO_DIR: Final = resource_dir("scenarios")
DEFAULT_TIMEZONE: Final = "Europe/London"
PRICE_PLACES: Final = 4
"""Prices go to the meter in units of £0.0001, so a fifth decimal place could not be shown."""


@dataclass(frozen=True)
class FuelSettings:
    fuel: Fuel
    payment_mode: PaymentMode
    tariff: TariffSettings
    prepayment: PrepaymentSettings | None = None
    """Set exactly when ``payment_mode`` is prepayment."""
    calorific_value: Decimal | None = None
    """MJ/m³ (gas only)."""
    export_price: Decimal | None = None
    """£/kWh paid for exported electricity (electricity only; None: no export tariff)."""


@dataclass(frozen=True)
class HomeSettings:
    household: str
    """A key of ``home_emulator.household.load.PROFILES``."""
    seed: int
    start_epoch_s: int
    timezone: ZoneInfo
    speed: float = 1.0
    payment_mode: PaymentMode = PaymentMode.CREDIT
    fuels: tuple[Fuel, ...] = (Fuel.ELECTRICITY,)
    meters: Meters = Meters.SMETS2

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.start_epoch_s, self.timezone)


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    home: HomeSettings
    electricity: FuelSettings
    """Always present: the communications hub is powered by the electricity meter."""
    gas: FuelSettings | None
    events: tuple[ScriptedEvent, ...]
    source: Path = field(compare=False)

    def fuel(self, fuel: Fuel) -> FuelSettings | None:
        return self.electricity if fuel is Fuel.ELECTRICITY else self.gas


_DEFAULT_TARIFFS: Final = {
    Fuel.ELECTRICITY: TariffSettings(
        TariffType.SINGLE, Decimal("0.6012"), "Standard", unit_price=Decimal("0.2450")
    ),
    Fuel.GAS: TariffSettings(
        TariffType.SINGLE, Decimal("0.3143"), "Standard", unit_price=Decimal("0.0630")
    ),
}
_DEFAULT_LABELS: Final = {
    TariffType.SINGLE: "Standard",
    TariffType.ECONOMY7: "Economy 7",
    TariffType.AGILE: "Agile",
    TariffType.BLOCK: "Block",
}
_GAS_TARIFFS: Final = (TariffType.SINGLE, TariffType.BLOCK)
_MAX_BLOCKS: Final = 4  # GB meters: 4 blocks (3 thresholds) per tariff
DEFAULT_CALORIFIC_VALUE: Final = Decimal("39.5")


# --- public API --------------------------------------------------------------------------------


def available_scenarios(directory: Path = SCENARIO_DIR) -> list[str]:
    """Names of the scenarios in ``directory`` (file names without .toml), sorted."""
    return sorted(path.stem for path in directory.glob("*.toml"))


def load_named(name: str, directory: Path = SCENARIO_DIR) -> Scenario:
    """A scenario by name, e.g. "family-dual-fuel"."""
    stem = name.removesuffix(".toml")
    known = available_scenarios(directory)
    if stem not in known:
        raise ScenarioError(f"no scenario called {show(stem)}{did_you_mean(stem, known, known)}")
    return load_scenario(directory / f"{stem}.toml")


def load_scenario(path: str | Path) -> Scenario:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ScenarioError(f"cannot be read ({error.strerror})", file=str(path)) from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ScenarioError("is not UTF-8 text", file=path.name, line=line) from None
    return parse_scenario(text, path)


def open_scenario(text: str) -> Scenario:
    """A shipped scenario by name, or a scenario file (a ``.toml`` path, or any path that exists)."""
    path = Path(text)
    if path.suffix == ".toml" or path.exists():
        return load_scenario(path)
    return load_named(text)


def parse_scenario(text: str, source: str | Path = "scenario.toml") -> Scenario:
    """A scenario from TOML text; ``source`` names it in errors."""
    path = Path(source)
    origin = TomlSource(path.name, text)
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise syntax_error(error, origin) from None
    return _read_scenario(TomlTable(data, (), origin), path)


# --- reading the tables ------------------------------------------------------------------------


def _read_scenario(root: TomlTable, path: Path) -> Scenario:
    name = root.text("name")
    if not name.strip():
        root.fail("name", "must not be empty: it is shown in menus")
    description = root.text("description", "")
    home = _read_home(root)
    fuels = {fuel: _read_fuel(root, fuel, home) for fuel in home.fuels}
    for fuel in Fuel:
        if fuel not in fuels and root.has(fuel):
            root.fail(
                fuel, f'this home has no {fuel} meter: add "{fuel}" to home.fuels or remove it'
            )
    context = EventContext(
        start_s=home.start_epoch_s,
        tz=home.timezone,
        fuels=home.fuels,
        modes={fuel: settings.payment_mode for fuel, settings in fuels.items()},
        tariffs={fuel: settings.tariff for fuel, settings in fuels.items()},
        read_tariff=lambda table, fuel: read_tariff(table, fuel, home.seed),
        read_prepayment=read_prepayment,
    )
    events = read_events(root.tables("events"), context)
    root.finish("a scenario")
    return Scenario(
        name=name,
        description=description,
        home=home,
        electricity=fuels[Fuel.ELECTRICITY],
        gas=fuels.get(Fuel.GAS),
        events=events,
        source=path,
    )


def _read_home(root: TomlTable) -> HomeSettings:
    if not root.has("home"):
        root.missing("home", "every scenario needs a [home] table (household, start, …)")
    home = root.table("home")
    household = home.one_of("household", _household_names(), "household")
    seed = home.integer("seed", 1, minimum=0, maximum=2**63 - 1)
    timezone_name = home.text("timezone", DEFAULT_TIMEZONE)
    try:
        timezone = ZoneInfo(timezone_name)
    except (ZoneInfoNotFoundError, ValueError):
        home.fail("timezone", f"{show(timezone_name)} is not a time zone (e.g. {DEFAULT_TIMEZONE})")
    start = home.raw("start")
    if start is None:
        home.missing("start", 'when the scenario begins, e.g. start = "2026-01-12T07:00"')
    try:
        moment = parse_date_time(start)
        if moment is None:
            raise ValueError(f'{show(start)} is not a date and time (use e.g. "2026-01-12T07:00")')
        start_s = local_instant(moment, timezone)
    except ValueError as error:
        home.fail("start", str(error))
    speed = home.number("speed", 1.0, minimum=MIN_SPEED, maximum=MAX_SPEED)
    payment_mode = home.choice("payment_mode", PaymentMode, PaymentMode.CREDIT, what="payment mode")
    fuels = home.choices("fuels", Fuel, (Fuel.ELECTRICITY,), what="fuel")
    if Fuel.ELECTRICITY not in fuels:
        home.fail(
            "fuels",
            'must include "electricity": the communications hub is powered by the electricity meter',
        )
    meters = home.choice("meters", Meters, Meters.SMETS2, what="kind of meters")
    home.finish("[home]")
    return HomeSettings(household, seed, start_s, timezone, speed, payment_mode, fuels, meters)


def _household_names() -> list[str]:
    # Imported late: the household module is heavy (numpy) and its profile list keeps growing,
    # so the names are whatever it defines when the scenario is loaded.
    from home_emulator.household.load import PROFILES

    return sorted(PROFILES)


def _read_fuel(root: TomlTable, fuel: Fuel, home: HomeSettings) -> FuelSettings:
    table = root.table(fuel)
    mode = table.choice("payment_mode", PaymentMode, home.payment_mode, what="payment mode")
    has_tariff = table.has("tariff")
    tariff = (
        read_tariff(table.table("tariff"), fuel, home.seed)
        if has_tariff
        else _DEFAULT_TARIFFS[fuel]
    )
    prepayment = None
    if table.has("prepayment"):
        if mode is PaymentMode.CREDIT:
            said = f"{fuel}.payment_mode" if table.has("payment_mode") else "home.payment_mode"
            table.fail(
                "prepayment",
                f'prepayment settings need payment_mode = "prepayment" ({said} is "credit")',
            )
        prepayment = read_prepayment(table.table("prepayment"))
    elif mode is PaymentMode.PREPAYMENT:
        prepayment = PrepaymentSettings()
    calorific_value = export_price = None
    if fuel is Fuel.GAS:
        calorific_value = table.decimal(
            "calorific_value", DEFAULT_CALORIFIC_VALUE, minimum=Decimal(30), maximum=Decimal(50)
        )
    else:
        export_price = table.optional_decimal("export_price", minimum=Decimal(0), places=4)
    table.finish(f"[{fuel}]")
    return FuelSettings(fuel, mode, tariff, prepayment, calorific_value, export_price)


def read_tariff(table: TomlTable, fuel: Fuel, default_seed: int) -> TariffSettings:
    """A tariff table (``[electricity.tariff]``, or inline in an event)."""
    kind = table.choice("type", TariffType, what="tariff type")
    if fuel is Fuel.GAS and kind not in _GAS_TARIFFS:
        table.fail("type", f'"{kind}" is not a gas tariff (gas tariffs are "single" or "block")')
    standing_charge = table.decimal("standing_charge", minimum=Decimal(0), places=PRICE_PLACES)
    label = table.text("label", _DEFAULT_LABELS[kind])
    tariff = TariffSettings(kind, standing_charge, label)
    if kind is TariffType.SINGLE:
        tariff = replace(tariff, unit_price=_price(table, "unit_price"))
    elif kind is TariffType.ECONOMY7:
        tariff = replace(
            tariff,
            day_price=_price(table, "day_price"),
            night_price=_price(table, "night_price"),
            night_window=_night_window(table),
            follows=table.choice("follows", ClockBasis, ClockBasis.GMT),
        )
    elif kind is TariffType.AGILE:
        seed = table.integer("seed", default_seed, minimum=0, maximum=2**63 - 1)
        cap = table.optional_decimal("cap", minimum=Decimal(0), places=PRICE_PLACES)
        tariff = replace(tariff, seed=seed, cap=cap)
    else:
        thresholds = table.decimals("thresholds_kwh", minimum=Decimal("0.001"))
        if list(thresholds) != sorted(set(thresholds)):
            table.fail("thresholds_kwh", "must go up, each larger than the one before")
        if len(thresholds) >= _MAX_BLOCKS:
            table.fail(
                "thresholds_kwh", f"a meter has at most {_MAX_BLOCKS} blocks, so 3 thresholds"
            )
        prices = table.decimals("prices", minimum=Decimal(0), places=PRICE_PLACES)
        if len(prices) != len(thresholds) + 1:
            table.fail(
                "prices",
                f"needs {len(thresholds) + 1} prices for {len(thresholds)} thresholds "
                "(one below the first threshold, one above each)",
            )
        period = table.choice("period", BlockPeriod, BlockPeriod.MONTH, what="period")
        tariff = replace(tariff, thresholds_kwh=thresholds, prices=prices, period=period)
    table.finish(f"a {kind} tariff")
    return tariff


def _price(table: TomlTable, key: str) -> Decimal:
    return table.decimal(key, minimum=Decimal(0), places=PRICE_PLACES)


_WINDOW = re.compile(r"\s*(\S+)\s*[-–]\s*(\S+)\s*")


def _night_window(table: TomlTable) -> tuple[dt.time, dt.time]:
    text = table.text("night_window", "00:30-07:30")
    match = _WINDOW.fullmatch(text)
    try:
        start, end = (
            (parse_clock(match.group(1)), parse_clock(match.group(2))) if match else (None, None)
        )
    except ValueError as error:
        table.fail("night_window", str(error))
    if start is None or end is None:
        table.fail("night_window", f'{show(text)} is not a window (write it like "00:30-07:30")')
    minutes = ((end.hour - start.hour) * 60 + end.minute - start.minute) % (24 * 60)
    if not 0 < minutes <= 12 * 60:
        table.fail(
            "night_window",
            f"{show(text)} is {minutes / 60:g} hours long (more than 0, at most 12)",
        )
    return start, end


def read_prepayment(table: TomlTable) -> PrepaymentSettings:
    """A prepayment table; absent keys take the defaults of :class:`PrepaymentSettings`."""
    defaults = PrepaymentSettings()
    settings = PrepaymentSettings(
        **{
            key: table.decimal(key, getattr(defaults, key), minimum=Decimal(0), places=2)
            for key in (field.name for field in fields(PrepaymentSettings))
        }
    )
    table.finish("a prepayment table")
    return settings


# --- reading values, with the key and line of every mistake ------------------------------------
