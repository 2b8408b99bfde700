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
import difflib
import json
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Final, NoReturn, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from home_emulator.clock import MAX_SPEED, MIN_SPEED
from home_emulator.scenario_events import (
    DURATION_HINT,
    Action,
    Appliance,
    CancelMessage,
    EventContext,
    EventKind,
    Fuel,
    Importance,
    Kettle,
    LowCredit,
    Message,
    Outage,
    PaymentMode,
    PaymentModeChange,
    PriceChange,
    Rearm,
    ScriptedEvent,
    TariffSwitch,
    TopUp,
    local_instant,
    parse_clock,
    parse_date_time,
    parse_duration,
    read_events,
)

__all__ = [
    "SCENARIO_DIR",
    "Action",
    "Appliance",
    "BlockPeriod",
    "CancelMessage",
    "ClockBasis",
    "EventKind",
    "Fuel",
    "FuelSettings",
    "HomeSettings",
    "Importance",
    "Kettle",
    "LowCredit",
    "Message",
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
    "parse_scenario",
]

SCENARIO_DIR: Final = Path(__file__).resolve().parent.parent / "resources" / "scenarios"
DEFAULT_TIMEZONE: Final = "Europe/London"
PRICE_PLACES: Final = 4
"""Prices go to the meter in units of £0.0001, so a fifth decimal place could not be shown."""
MONEY_PLACES: Final = 2
"""Balances, debts and top-ups are whole pennies."""

KeyPart = str | int
KeyPath = tuple[KeyPart, ...]
_E = TypeVar("_E", bound=StrEnum)
_T = TypeVar("_T")


class ScenarioError(ValueError):
    """A scenario that cannot be used, saying where (file, line, key) and why."""

    def __init__(
        self, problem: str, *, file: str = "", line: int | None = None, key: str = ""
    ) -> None:
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem
        where = f"{file} line {line}" if line else file
        super().__init__(": ".join(part for part in (where, key, problem) if part))


# --- the data ----------------------------------------------------------------------------------


class TariffType(StrEnum):
    SINGLE = "single"
    ECONOMY7 = "economy7"
    AGILE = "agile"
    BLOCK = "block"


class ClockBasis(StrEnum):
    """Which clock an Economy 7 night window follows. Many GB meters keep GMT all year, so in summer
    the cheap hours fall an hour later by the wall clock – a classic source of confusion."""

    GMT = "gmt"
    CLOCK = "clock"


class BlockPeriod(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class TariffSettings:
    """A tariff as a scenario describes it; fields not used by ``type`` are None or empty."""

    type: TariffType
    standing_charge: Decimal
    """£ per day."""
    label: str
    unit_price: Decimal | None = None
    """£/kWh (single)."""
    day_price: Decimal | None = None
    """£/kWh outside the night window (economy7)."""
    night_price: Decimal | None = None
    night_window: tuple[dt.time, dt.time] | None = None
    follows: ClockBasis | None = None
    seed: int | None = None
    """Seed of the generated half-hourly prices (agile)."""
    cap: Decimal | None = None
    """Highest half-hourly price, £/kWh (agile; None: the tariff engine's own cap)."""
    thresholds_kwh: tuple[Decimal, ...] = ()
    """Block boundaries, ascending (block): one fewer than ``prices``."""
    prices: tuple[Decimal, ...] = ()
    period: BlockPeriod | None = None
    """Over what the block thresholds accumulate (block)."""


@dataclass(frozen=True)
class PrepaymentSettings:
    """A prepayment meter's state at the start, in £."""

    credit: Decimal = Decimal("10.00")
    emergency_credit_limit: Decimal = Decimal("5.00")
    emergency_credit_threshold: Decimal = Decimal("1.00")
    low_credit_warning: Decimal = Decimal("2.00")
    debt: Decimal = Decimal("0.00")
    debt_recovery_per_day: Decimal = Decimal("0.00")


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
    """A key of ``home_emulator.household.PROFILES``."""
    seed: int
    start_epoch_s: int
    timezone: ZoneInfo
    speed: float = 1.0
    payment_mode: PaymentMode = PaymentMode.CREDIT
    fuels: tuple[Fuel, ...] = (Fuel.ELECTRICITY,)

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
        raise ScenarioError(f"no scenario called {_show(stem)}{_did_you_mean(stem, known, known)}")
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


def parse_scenario(text: str, source: str | Path = "scenario.toml") -> Scenario:
    """A scenario from TOML text; ``source`` names it in errors."""
    path = Path(source)
    origin = _Source(path.name, text)
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(error, origin) from None
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
        home.fail(
            "timezone", f"{_show(timezone_name)} is not a time zone (e.g. {DEFAULT_TIMEZONE})"
        )
    start = home.raw("start")
    if start is None:
        home.missing("start", 'when the scenario begins, e.g. start = "2026-01-12T07:00"')
    try:
        moment = parse_date_time(start)
        if moment is None:
            raise ValueError(f'{_show(start)} is not a date and time (use e.g. "2026-01-12T07:00")')
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
    home.finish("[home]")
    return HomeSettings(household, seed, start_s, timezone, speed, payment_mode, fuels)


def _household_names() -> list[str]:
    # Imported late: the household module is heavy (numpy) and its profile list keeps growing,
    # so the names are whatever it defines when the scenario is loaded.
    from home_emulator.household import PROFILES

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
        table.fail("night_window", f'{_show(text)} is not a window (write it like "00:30-07:30")')
    minutes = ((end.hour - start.hour) * 60 + end.minute - start.minute) % (24 * 60)
    if not 0 < minutes <= 12 * 60:
        table.fail(
            "night_window",
            f"{_show(text)} is {minutes / 60:g} hours long (more than 0, at most 12)",
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


class TomlTable:
    """One TOML table being read: typed getters that fail with the key's path and line, and a
    record of the keys asked for, so that any other key can be reported as unknown."""

    def __init__(self, data: Mapping[str, object], path: KeyPath, source: _Source) -> None:
        self._data = data
        self.path = path
        self._source = source
        self._asked: set[str] = set()

    def line(self) -> int | None:
        return self._source.line_of(self.path)

    def fail(self, key: KeyPart | KeyPath | None, problem: str) -> NoReturn:
        """Raise a ScenarioError about ``key`` of this table (None: the table itself)."""
        tail: KeyPath = () if key is None else key if isinstance(key, tuple) else (key,)
        self._source.fail((*self.path, *tail), problem)

    def has(self, key: str) -> bool:
        self._asked.add(key)
        return key in self._data

    def raw(self, key: str) -> object | None:
        """The value as TOML gave it (None when absent: TOML has no null)."""
        self._asked.add(key)
        return self._data.get(key)

    def text(self, key: str, default: str | None = None) -> str:
        """A string; required when there is no default (likewise for the getters below)."""
        value = self.raw(key)
        if value is None:
            return self._missing(key, default)
        if not isinstance(value, str):
            self.fail(key, f"{_show(value)} should be text in quotes")
        return value

    def integer(
        self,
        key: str,
        default: int | None = None,
        *,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> int:
        value = self.raw(key)
        if value is None:
            return self._missing(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, f"{_show(value)} should be a whole number (without quotes)")
        self._check_range(key, value, minimum, maximum)
        return value

    def number(
        self, key: str, default: float | None = None, *, minimum: float, maximum: float
    ) -> float:
        value = self.raw(key)
        if value is None:
            return self._missing(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            self.fail(key, f"{_show(value)} should be a number (without quotes)")
        if isinstance(value, Decimal) and not value.is_finite():
            self.fail(key, f"{_show(value)} is not a number")
        self._check_range(key, value, minimum, maximum)
        return float(value)

    def decimal(
        self,
        key: str,
        default: Decimal | None = None,
        *,
        minimum: Decimal | None = None,
        maximum: Decimal | None = None,
        places: int | None = None,
    ) -> Decimal:
        value = self.raw(key)
        if value is None:
            return self._missing(key, default)
        return self._decimal((key,), value, minimum, maximum, places)

    def optional_decimal(
        self,
        key: str,
        *,
        minimum: Decimal | None = None,
        maximum: Decimal | None = None,
        places: int | None = None,
    ) -> Decimal | None:
        value = self.raw(key)
        return None if value is None else self._decimal((key,), value, minimum, maximum, places)

    def decimals(
        self, key: str, *, minimum: Decimal | None = None, places: int | None = None
    ) -> tuple[Decimal, ...]:
        values = self.raw(key)
        if values is None:
            return self._missing(key, None)
        if not isinstance(values, list) or not values:
            self.fail(key, f'{_show(values)} should be a list of amounts, e.g. ["0.30", "0.20"]')
        return tuple(
            self._decimal((key, i), value, minimum, None, places) for i, value in enumerate(values)
        )

    def boolean(self, key: str, default: bool | None = None) -> bool:
        value = self.raw(key)
        if value is None:
            return self._missing(key, default)
        if not isinstance(value, bool):
            self.fail(key, f"{_show(value)} should be true or false (without quotes)")
        return value

    def duration(self, key: str, default: int | None = None) -> int:
        """Seconds, written like "5m", "90s" or "1h30m"; never zero."""
        value = self.raw(key)
        if value is None:
            return self._missing(key, default)
        if not isinstance(value, str):
            self.fail(key, f"{_show(value)} needs a unit and quotes ({DURATION_HINT})")
        try:
            seconds = parse_duration(value)
        except ValueError as error:
            self.fail(key, str(error))
        if seconds <= 0:
            self.fail(key, f"{_show(value)} is no time at all")
        return seconds

    def choice(
        self, key: str, kind: type[_E], default: _E | None = None, *, what: str = "option"
    ) -> _E:
        options = [member.value for member in kind]
        return kind(self.one_of(key, options, what, default))

    def one_of(
        self, key: str, options: Sequence[str], what: str, default: str | None = None
    ) -> str:
        value = self.raw(key)
        if value is None:
            return self._missing(key, default)
        if not (isinstance(value, str) and value in options):
            self.fail(key, _not_one_of(value, options, what))
        return value

    def choices(
        self, key: str, kind: type[_E], default: tuple[_E, ...], *, what: str = "option"
    ) -> tuple[_E, ...]:
        values = self.raw(key)
        if values is None:
            return default
        if not isinstance(values, list) or not values:
            example = ", ".join(f'"{member.value}"' for member in kind)
            self.fail(key, f"{_show(values)} should be a list, e.g. [{example}]")
        options = [member.value for member in kind]
        chosen: list[_E] = []
        for i, value in enumerate(values):
            if not (isinstance(value, str) and value in options):
                self.fail((key, i), _not_one_of(value, options, what))
            if kind(value) in chosen:
                self.fail((key, i), f"{_show(value)} is listed twice")
            chosen.append(kind(value))
        return tuple(chosen)

    def table(self, key: str) -> TomlTable:
        """A sub-table; empty when absent (so its getters give their defaults)."""
        value = self.raw(key)
        if value is None:
            value = {}
        if not isinstance(value, dict):
            self.fail(key, f"{_show(value)} should be a table ([{key}] or {{ ... }})")
        return TomlTable(value, (*self.path, key), self._source)

    def tables(self, key: str) -> list[TomlTable]:
        """An array of tables (``[[events]]``); empty when absent."""
        values = self.raw(key)
        if values is None:
            return []
        if not isinstance(values, list):
            self.fail(key, f"should be a list of [[{key}]] entries (with two square brackets)")
        tables = []
        for i, value in enumerate(values):
            if not isinstance(value, dict):
                self.fail((key, i), f"{_show(value)} should be a table")
            tables.append(TomlTable(value, (*self.path, key, i), self._source))
        return tables

    def finish(self, what: str) -> None:
        """Fail on the first key that no getter asked for: a typo or a key of something else."""
        for key in self._data:
            if key not in self._asked:
                guess = difflib.get_close_matches(key, self._asked, n=1)
                if guess:
                    self.fail(key, f'unknown key – did you mean "{guess[0]}"?')
                self.fail(key, f"unknown key – {what} takes {', '.join(sorted(self._asked))}")

    def missing(self, key: str, hint: str = "") -> NoReturn:
        """Fail on a required key that is absent – or, more often, there but misspelt."""
        self._asked.add(key)
        strays = [k for k in self._data if k not in self._asked]
        if guess := difflib.get_close_matches(key, strays, n=1):
            self.fail(guess[0], f'unknown key – did you mean "{key}"?')
        self.fail(key, f"missing: {hint}" if hint else "missing")

    def _missing(self, key: str, default: _T | None) -> _T:
        if default is None:
            self.missing(key)
        return default

    def _decimal(
        self,
        path: KeyPath,
        value: object,
        minimum: Decimal | None,
        maximum: Decimal | None,
        places: int | None,
    ) -> Decimal:
        amount: Decimal | None = None
        if isinstance(value, Decimal):
            amount = value
        elif isinstance(value, int) and not isinstance(value, bool):
            amount = Decimal(value)
        elif isinstance(value, str) and _DECIMAL.fullmatch(value):
            amount = Decimal(value.strip())
        if amount is None or not amount.is_finite():
            self.fail(path, f'{_show(value)} is not an amount (write it like "0.2450")')
        if places is not None:
            try:
                exact = amount == amount.quantize(Decimal(1).scaleb(-places))
            except InvalidOperation:
                exact = False
            if not exact:
                why = f"prices go to the meter in £0.{'0' * (places - 1)}1" if places == 4 else ""
                self.fail(
                    path,
                    f"{_show(value)} has more than {places} decimal places"
                    + (f" ({why})" if why else ""),
                )
        self._check_range(path, amount, minimum, maximum)
        return amount

    def _check_range(
        self,
        key: KeyPart | KeyPath,
        value: float | Decimal,
        minimum: float | Decimal | None,
        maximum: float | Decimal | None,
    ) -> None:
        low = minimum is not None and value < minimum
        high = maximum is not None and value > maximum
        if not (low or high):
            return
        if minimum is not None and maximum is not None:
            self.fail(key, f"{value:,g} is out of range ({minimum:,g} to {maximum:,g})")
        bound = minimum if low else maximum
        self.fail(key, f"{value:,g} is too {'small' if low else 'large'} (the limit is {bound:,g})")


_DECIMAL = re.compile(r"\s*[+-]?\d+(\.\d+)?\s*")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _show(value: object) -> str:
    """A value as it would be written in the file, so the user recognises it."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_show(item) for item in value) + "]"
    if isinstance(value, dict):
        return "a table"
    return str(value)


def _did_you_mean(value: str, options: Iterable[str], listed: Sequence[str]) -> str:
    guess = difflib.get_close_matches(value, list(options), n=1)
    hint = f' – did you mean "{guess[0]}"?' if guess else ""
    return f"{hint} (known: {', '.join(listed)})"


def _not_one_of(value: object, options: Sequence[str], what: str) -> str:
    if not isinstance(value, str):
        return f"{_show(value)} should be text in quotes, one of: {', '.join(options)}"
    return f"{_show(value)} is not a known {what}{_did_you_mean(value, options, options)}"


def format_key(path: KeyPath) -> str:
    """``events[3].duration``: array entries counted from 1, as a person counts them in the file."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            name = part if _BARE_KEY.fullmatch(part) else json.dumps(part)
            text += f".{name}" if text else name
    return text


# --- where a key is in the file ----------------------------------------------------------------


class _Source:
    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self._locator: _Locator | None = None

    @property
    def locator(self) -> _Locator:
        if self._locator is None:  # only a failing scenario needs it
            self._locator = _Locator(self.text)
        return self._locator

    def line_of(self, path: KeyPath) -> int | None:
        return self.locator.line_of(path)

    def fail(self, path: KeyPath, problem: str) -> NoReturn:
        raise ScenarioError(problem, file=self.name, line=self.line_of(path), key=format_key(path))


class _Unreadable(Exception):
    """A line the locator does not understand; it skips it (tomllib has accepted the file)."""


@dataclass
class _ScanState:
    string: str | None = None
    """Delimiter of a multi-line string still open at the end of a line."""
    depth: int = 0
    """Brackets and braces of a value still open at the end of a line."""
    opened_line: int | None = None


class _Locator:
    """Finds the line of a key path by scanning the text: table headers ``[a.b]``, array tables
    ``[[events]]`` (counted), and ``key =`` lines, skipping the insides of multi-line strings and
    arrays. A path it has not seen (a key inside an inline table or a multi-line array) falls back to
    its longest seen prefix, which is on the right line or at the right table."""

    def __init__(self, text: str) -> None:
        self._lines: dict[KeyPath, int] = {}
        self._declared: set[KeyPath] = set()
        self._arrays: dict[KeyPath, int] = {}
        self.duplicate: tuple[KeyPath, int] | None = None
        self.unclosed_line: int | None = None
        table: KeyPath = ()
        state = _ScanState()
        for number, line in enumerate(text.splitlines(), start=1):
            if state.string or state.depth:
                _scan_value(line, 0, state)
                continue
            body = line.lstrip()
            if not body or body.startswith("#"):
                continue
            try:
                if body.startswith("[["):
                    table = self._header(_key_path(body, 2)[0], number, array=True)
                elif body.startswith("["):
                    table = self._header(_key_path(body, 1)[0], number, array=False)
                else:
                    parts, end = _key_path(body, 0)
                    self._record((*table, *parts), number, declared=True)
                    state.opened_line = number
                    _scan_value(body, body.index("=", end) + 1, state)
            except (_Unreadable, ValueError):
                continue
        if state.string or state.depth:
            self.unclosed_line = state.opened_line

    def line_of(self, path: KeyPath) -> int | None:
        for length in range(len(path), 0, -1):
            if (line := self._lines.get(path[:length])) is not None:
                return line
        return None

    def _header(self, parts: list[str], number: int, *, array: bool) -> KeyPath:
        path: KeyPath = ()
        for part in parts[:-1]:  # a parent that is an array table means its latest entry
            path = (*path, part)
            if path in self._arrays:
                path = (*path, self._arrays[path])
        path = (*path, parts[-1])
        if not array:
            self._record(path, number, declared=True)
            return path
        self._arrays[path] = self._arrays.get(path, -1) + 1
        path = (*path, self._arrays[path])
        self._record(path, number)
        return path

    def _record(self, path: KeyPath, number: int, *, declared: bool = False) -> None:
        for length in range(1, len(path) + 1):
            self._lines.setdefault(path[:length], number)
        if declared:
            if path in self._declared and self.duplicate is None:
                self.duplicate = (path, number)
            self._declared.add(path)


def _key_path(text: str, pos: int) -> tuple[list[str], int]:
    """The parts of a (dotted, possibly quoted) key starting at ``pos``, and where it ends."""
    parts: list[str] = []
    while True:
        pos = _skip_blanks(text, pos)
        if pos >= len(text):
            raise _Unreadable
        if text[pos] == '"':
            end = pos + 1
            while end < len(text) and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            try:
                parts.append(json.loads(text[pos : end + 1]))  # TOML's escapes, near enough
            except ValueError:
                parts.append(text[pos + 1 : end])
            pos = end + 1
        elif text[pos] == "'":
            end = text.find("'", pos + 1)
            if end < 0:
                raise _Unreadable
            parts.append(text[pos + 1 : end])
            pos = end + 1
        else:
            match = _BARE_KEY.match(text, pos)
            if match is None:
                raise _Unreadable
            parts.append(match.group())
            pos = match.end()
        pos = _skip_blanks(text, pos)
        if pos < len(text) and text[pos] == ".":
            pos += 1
            continue
        return parts, pos


def _skip_blanks(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _scan_value(text: str, pos: int, state: _ScanState) -> None:
    """Follow a value to the end of the line: strings, comments, and open brackets."""
    i, n = pos, len(text)
    while i < n:
        if state.string:
            end = text.find(state.string, i)
            while end > 0 and state.string == '"""' and _escaped(text, end):
                end = text.find(state.string, end + 1)
            if end < 0:
                return
            i = end + 3
            for _ in range(2):  # up to two quotes may close the string's content
                if i < n and text[i] == state.string[0]:
                    i += 1
            state.string = None
            continue
        char = text[i]
        if char == "#":
            return
        if text.startswith('"""', i) or text.startswith("'''", i):
            state.string = text[i : i + 3]
            i += 3
        elif char == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            i += 1
        elif char == "'":
            end = text.find("'", i + 1)
            i = n if end < 0 else end + 1
        else:
            if char in "[{":
                state.depth += 1
            elif char in "]}":
                state.depth = max(0, state.depth - 1)
            i += 1


def _escaped(text: str, index: int) -> bool:
    backslashes = len(text[:index]) - len(text[:index].rstrip("\\"))
    return backslashes % 2 == 1


_SYNTAX_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")


def _syntax_error(error: tomllib.TOMLDecodeError, source: _Source) -> ScenarioError:
    message = str(error)
    match = _SYNTAX_AT.search(message)
    problem = message[: match.start()] if match else message
    line: int | None = None
    key = ""
    locator = source.locator
    if locator.duplicate is not None and problem.startswith(("Cannot overwrite", "Cannot declare")):
        path, line = locator.duplicate  # tomllib does not always say where, nor which key
        key = format_key(path)
        problem = "is given twice"
    elif locator.unclosed_line is not None and problem.startswith(("Unclosed", "Unterminated")):
        line = locator.unclosed_line  # where it was opened, not where the parser gave up
        problem += " – it starts on this line and is never closed"
    elif match and match.group(1):
        line = int(match.group(1))
        problem += f" at column {match.group(2)}"
    if problem.startswith("Invalid value"):
        problem += ' – is text missing its quotes? (e.g. household = "family_of_four")'
    return ScenarioError(
        f"not valid TOML: {problem}" if not key else problem, file=source.name, line=line, key=key
    )
