"""The scripted events of a scenario: what happens to the emulated home, and when.

A scenario's ``[[events]]`` entries become :class:`ScriptedEvent` values with an absolute time
(``at_s``, epoch seconds) and an *action* (one frozen data class per event kind). The loader does
everything that can be decided from the file alone – times resolved against the start and the time
zone, repeats expanded, message ids assigned, price changes merged into whole tariffs, and checks that
only make sense in time order (a top-up needs prepayment mode *at that moment*) – so the home that
executes the events only has to act on them.

This module is imported by :mod:`home_emulator.scenario.model` (which reads the rest of the file); the
tariffs and prepayment states both carry are in :mod:`home_emulator.scenario.settings`, below both.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import ClassVar, Final, TypeAlias, TypeVar
from zoneinfo import ZoneInfo

from home_emulator.scenario.settings import Fuel, PaymentMode, PrepaymentSettings, TariffSettings
from home_emulator.scenario.times import AT_HINT, repeat_times, resolve_at
from home_emulator.scenario.toml_reader import TomlTable


class Importance(StrEnum):
    """Message importance, as the ZCL Messaging cluster grades it."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class EventKind(StrEnum):
    KETTLE = "kettle"
    APPLIANCE = "appliance"
    PRICE_CHANGE = "price_change"
    TARIFF_SWITCH = "tariff_switch"
    MESSAGE = "message"
    CANCEL_MESSAGE = "cancel_message"
    OUTAGE = "outage"
    LOW_CREDIT = "low_credit"
    TOP_UP = "top_up"
    REARM = "rearm"
    METER_BUTTON = "meter_button"
    FIRMWARE = "firmware"
    PAYMENT_MODE = "payment_mode"


# --- actions: one per event kind ---------------------------------------------------------------


@dataclass(frozen=True)
class Kettle:
    """A kettle switched on at the event time (on top of the household's own load)."""

    kind: ClassVar[EventKind] = EventKind.KETTLE
    watts: int = 3000
    duration_s: int = 180


@dataclass(frozen=True)
class Appliance:
    """Any appliance switched on for a while, e.g. an EV charger or storage heaters."""

    kind: ClassVar[EventKind] = EventKind.APPLIANCE
    name: str
    watts: int
    duration_s: int


@dataclass(frozen=True)
class PriceChange:
    """New prices on the same kind of tariff; ``tariff`` is the whole tariff after the change."""

    kind: ClassVar[EventKind] = EventKind.PRICE_CHANGE
    fuel: Fuel
    tariff: TariffSettings


@dataclass(frozen=True)
class TariffSwitch:
    """A different tariff (e.g. single rate to Economy 7)."""

    kind: ClassVar[EventKind] = EventKind.TARIFF_SWITCH
    fuel: Fuel
    tariff: TariffSettings


@dataclass(frozen=True)
class Message:
    """A supplier message on the displays; ``duration_s`` None means until cancelled."""

    kind: ClassVar[EventKind] = EventKind.MESSAGE
    message_id: int
    text: str
    importance: Importance = Importance.MEDIUM
    confirm: bool = False
    duration_s: int | None = None


@dataclass(frozen=True)
class CancelMessage:
    kind: ClassVar[EventKind] = EventKind.CANCEL_MESSAGE
    message_id: int


@dataclass(frozen=True)
class Outage:
    """Mains power lost for a while: the electricity meter and the hub go dark (gas runs on battery)."""

    kind: ClassVar[EventKind] = EventKind.OUTAGE
    duration_s: int


@dataclass(frozen=True)
class LowCredit:
    """The meter's credit is set to ``credit`` (£), to bring a demo to low credit quickly."""

    kind: ClassVar[EventKind] = EventKind.LOW_CREDIT
    fuel: Fuel
    credit: Decimal


@dataclass(frozen=True)
class TopUp:
    kind: ClassVar[EventKind] = EventKind.TOP_UP
    fuel: Fuel
    pounds: Decimal


@dataclass(frozen=True)
class Rearm:
    """The supplier re-arms a disconnected meter; supply returns when someone at home confirms."""

    kind: ClassVar[EventKind] = EventKind.REARM
    fuel: Fuel


@dataclass(frozen=True)
class MeterButton:
    """Someone at the meter presses its button to turn an armed supply back on (for gas, the only
    way: a display may not)."""

    kind: ClassVar[EventKind] = EventKind.METER_BUTTON
    fuel: Fuel


@dataclass(frozen=True)
class Firmware:
    """The supplier sends a PPMID firmware image over the air (ZigBee OTA) to a display."""

    kind: ClassVar[EventKind] = EventKind.FIRMWARE
    version: int
    """The image's file version (1.2.0 → 0x01020000)."""
    to: str | None = None
    """The display's EUI-64; None: the display the installer left in the device log."""
    kilobytes: int = 64


@dataclass(frozen=True)
class PaymentModeChange:
    """Credit to prepayment or back; ``prepayment`` is set exactly when ``mode`` is prepayment."""

    kind: ClassVar[EventKind] = EventKind.PAYMENT_MODE
    fuel: Fuel
    mode: PaymentMode
    prepayment: PrepaymentSettings | None = None


Action: TypeAlias = (
    Kettle
    | Appliance
    | PriceChange
    | TariffSwitch
    | Message
    | CancelMessage
    | Outage
    | LowCredit
    | TopUp
    | Rearm
    | MeterButton
    | Firmware
    | PaymentModeChange
)


@dataclass(frozen=True)
class ScriptedEvent:
    at_s: int
    """When, in seconds since 1970-01-01 UTC."""
    action: Action
    line: int | None = None
    """Line of the ``[[events]]`` entry in the scenario file, so logs can point at it."""
    note: str = ""
    """Free text from the scenario author, e.g. for the trial facilitator's log."""

    @property
    def kind(self) -> EventKind:
        return self.action.kind


# --- durations and times -----------------------------------------------------------------------


# --- reading [[events]] entries ----------------------------------------------------------------

MAX_WATTS: Final = 23_000
"""A 100 A single-phase supply: nothing in a home draws more."""
MAX_TOP_UP_GBP: Final = Decimal(8191)
"""The largest value a top-up code (UTRN) can carry: 13 bits of pounds."""
MAX_MESSAGE_BYTES: Final = 254
"""A ZCL character string holds at most 254 bytes."""
_MESSAGE_ID_MAX: Final = 0xFFFF_FFFF
_V = TypeVar("_V")
_PRICE_KEYS: Final = ("unit_price", "day_price", "night_price", "standing_charge", "prices")
_PRICE_KEYS_OF_TYPE: Final = {
    "single": ("unit_price", "standing_charge"),
    "economy7": ("day_price", "night_price", "standing_charge"),
    "agile": ("standing_charge",),
    "block": ("prices", "standing_charge"),
}


@dataclass(frozen=True)
class EventContext:
    """What reading events needs from the rest of the scenario."""

    start_s: int
    tz: ZoneInfo
    fuels: tuple[Fuel, ...]
    modes: dict[Fuel, PaymentMode]
    """Payment mode of each fuel at the start."""
    tariffs: dict[Fuel, TariffSettings]
    """Tariff of each fuel at the start."""
    read_tariff: Callable[[TomlTable, Fuel], TariffSettings]
    read_prepayment: Callable[[TomlTable], PrepaymentSettings]


@dataclass(frozen=True)
class _PriceEdit:
    """A price change before it is known which tariff it changes (that depends on time order):
    a whole new tariff, or some prices (None: unchanged)."""

    fuel: Fuel
    tariff: TariffSettings | None = None
    unit_price: Decimal | None = None
    day_price: Decimal | None = None
    night_price: Decimal | None = None
    standing_charge: Decimal | None = None
    prices: tuple[Decimal, ...] | None = None

    def given(self) -> list[str]:
        return [key for key in _PRICE_KEYS if getattr(self, key) is not None]


@dataclass(frozen=True)
class _Entry:
    table: TomlTable
    index: int  # position in the file, which orders events at the same instant
    action: Action | _PriceEdit
    times_s: list[int]
    note: str


def read_events(entries: Sequence[TomlTable], ctx: EventContext) -> tuple[ScriptedEvent, ...]:
    """All events of a scenario, in time order (file order for the same instant)."""
    read = [_read_entry(entry, index, ctx) for index, entry in enumerate(entries)]
    read = _assign_message_ids(read)
    timeline = sorted(
        ((at_s, entry) for entry in read for at_s in entry.times_s),
        key=lambda pair: (pair[0], pair[1].index),
    )
    return tuple(_check_in_time_order(timeline, ctx))


def _read_entry(entry: TomlTable, index: int, ctx: EventContext) -> _Entry:
    at = entry.raw("at")
    if at is None:
        entry.missing("at", f"when does it happen? ({AT_HINT})")
    try:
        at_s = resolve_at(at, ctx.start_s, ctx.tz)
    except ValueError as error:
        entry.fail("at", str(error))
    kind = entry.choice("kind", EventKind, what="event kind")
    note = entry.text("note", "")
    times_s = [at_s]
    if entry.has("every") != entry.has("times"):
        absent = "times" if entry.has("every") else "every"
        entry.missing(absent, 'every and times go together, e.g. every = "1d" and times = 7')
    if entry.has("every"):
        every_s = entry.duration("every")
        times = entry.integer("times", minimum=2, maximum=10_000)
        times_s = repeat_times(at_s, every_s, times, ctx.tz)
    action = _READERS[kind](entry, ctx)
    entry.finish(f"a {kind} event")
    return _Entry(entry, index, action, times_s, note)


def _fuel(entry: TomlTable, ctx: EventContext) -> Fuel:
    fuel = entry.choice("fuel", Fuel, Fuel.ELECTRICITY, what="fuel")
    if fuel not in ctx.fuels:
        have = ", ".join(f'"{f}"' for f in ctx.fuels)
        entry.fail("fuel", f"this home has no {fuel} meter (home.fuels = [{have}])")
    return fuel


def _watts(entry: TomlTable, default: int | None = None) -> int:
    return entry.integer("watts", default, minimum=1, maximum=MAX_WATTS)


def _kettle(entry: TomlTable, ctx: EventContext) -> Kettle:
    return Kettle(
        watts=_watts(entry, Kettle.watts), duration_s=entry.duration("duration", Kettle.duration_s)
    )


def _appliance(entry: TomlTable, ctx: EventContext) -> Appliance:
    name = entry.text("name")
    if not name.strip():
        entry.fail("name", "must not be empty")
    return Appliance(name=name, watts=_watts(entry), duration_s=entry.duration("duration"))


def _price_change(entry: TomlTable, ctx: EventContext) -> _PriceEdit:
    fuel = _fuel(entry, ctx)
    edit = _PriceEdit(
        fuel,
        unit_price=_price(entry, "unit_price"),
        day_price=_price(entry, "day_price"),
        night_price=_price(entry, "night_price"),
        standing_charge=_price(entry, "standing_charge"),
        prices=entry.decimals("prices", minimum=Decimal(0), places=4)
        if entry.has("prices")
        else None,
    )
    if not entry.has("tariff"):
        if not edit.given():
            entry.fail(None, "a price change needs new prices (e.g. unit_price) or a tariff table")
        return edit
    if edit.given():
        entry.fail(edit.given()[0], "give either new prices or a whole tariff table, not both")
    return _PriceEdit(fuel, tariff=ctx.read_tariff(entry.table("tariff"), fuel))


def _price(entry: TomlTable, key: str) -> Decimal | None:
    return entry.optional_decimal(key, minimum=Decimal(0), places=4)


def _tariff_switch(entry: TomlTable, ctx: EventContext) -> TariffSwitch:
    fuel = _fuel(entry, ctx)
    if not entry.has("tariff"):
        entry.missing("tariff", 'the new tariff, e.g. tariff = { type = "economy7", … }')
    return TariffSwitch(fuel, ctx.read_tariff(entry.table("tariff"), fuel))


def _message(entry: TomlTable, ctx: EventContext) -> Message:
    text = entry.text("text")
    if not text.strip():
        entry.fail("text", "must not be empty")
    if len(text.encode()) > MAX_MESSAGE_BYTES:
        entry.fail("text", f"is {len(text.encode())} bytes; a message holds {MAX_MESSAGE_BYTES}")
    return Message(
        message_id=entry.integer("id", 0, minimum=1, maximum=_MESSAGE_ID_MAX),  # 0: assign later
        text=text,
        importance=entry.choice("importance", Importance, Importance.MEDIUM, what="importance"),
        confirm=entry.boolean("confirm", False),
        duration_s=entry.duration("duration") if entry.has("duration") else None,
    )


def _cancel_message(entry: TomlTable, ctx: EventContext) -> CancelMessage:
    return CancelMessage(entry.integer("id", minimum=1, maximum=_MESSAGE_ID_MAX))


def _outage(entry: TomlTable, ctx: EventContext) -> Outage:
    return Outage(entry.duration("duration"))


def _low_credit(entry: TomlTable, ctx: EventContext) -> LowCredit:
    return LowCredit(_fuel(entry, ctx), entry.decimal("credit", minimum=Decimal(0), places=2))


def _top_up(entry: TomlTable, ctx: EventContext) -> TopUp:
    fuel = _fuel(entry, ctx)
    pounds = entry.decimal("pounds", minimum=Decimal("0.01"), maximum=MAX_TOP_UP_GBP, places=2)
    return TopUp(fuel, pounds)


def _rearm(entry: TomlTable, ctx: EventContext) -> Rearm:
    return Rearm(_fuel(entry, ctx))


def _meter_button(entry: TomlTable, ctx: EventContext) -> MeterButton:
    return MeterButton(_fuel(entry, ctx))


def _firmware(entry: TomlTable, ctx: EventContext) -> Firmware:
    text = entry.text("version")
    parts = text.split(".")
    if not 1 <= len(parts) <= 4 or not all(p.isdigit() and int(p) <= 255 for p in parts):
        entry.fail("version", f'{text!r} is not a version (use e.g. "1.2.0")')
    version = 0
    for part in [*parts, "0", "0", "0"][:4]:
        version = version << 8 | int(part)
    to = entry.text("to") if entry.has("to") else None
    if to is not None:
        digits = to.replace(":", "").replace("-", "")
        if len(digits) != 16 or any(c not in "0123456789abcdefABCDEF" for c in digits):
            entry.fail("to", f"{to!r} is not an EUI-64 (16 hex digits)")
    return Firmware(version, to, entry.integer("kilobytes", 64, minimum=1, maximum=1024))


def _payment_mode(entry: TomlTable, ctx: EventContext) -> PaymentModeChange:
    fuel = _fuel(entry, ctx)
    mode = entry.choice("mode", PaymentMode, what="payment mode")
    if mode is PaymentMode.CREDIT:
        if entry.has("prepayment"):
            entry.fail("prepayment", 'prepayment settings only go with mode = "prepayment"')
        return PaymentModeChange(fuel, mode)
    return PaymentModeChange(fuel, mode, ctx.read_prepayment(entry.table("prepayment")))


_READERS: Final[dict[EventKind, Callable[[TomlTable, EventContext], Action | _PriceEdit]]] = {
    EventKind.KETTLE: _kettle,
    EventKind.APPLIANCE: _appliance,
    EventKind.PRICE_CHANGE: _price_change,
    EventKind.TARIFF_SWITCH: _tariff_switch,
    EventKind.MESSAGE: _message,
    EventKind.CANCEL_MESSAGE: _cancel_message,
    EventKind.OUTAGE: _outage,
    EventKind.LOW_CREDIT: _low_credit,
    EventKind.TOP_UP: _top_up,
    EventKind.REARM: _rearm,
    EventKind.METER_BUTTON: _meter_button,
    EventKind.FIRMWARE: _firmware,
    EventKind.PAYMENT_MODE: _payment_mode,
}


def _assign_message_ids(entries: list[_Entry]) -> list[_Entry]:
    """Messages without an ``id`` get the smallest one not written anywhere, in file order, so that
    a cancel_message can refer to them predictably (the first message is 1 unless ids are given)."""
    owner: dict[int, _Entry] = {}
    for entry in entries:
        if isinstance(entry.action, Message) and entry.action.message_id:
            if entry.action.message_id in owner:
                first = owner[entry.action.message_id].table.line()
                where = f" (on line {first})" if first else ""
                entry.table.fail(
                    "id", f"message id {entry.action.message_id} is already used{where}"
                )
            owner[entry.action.message_id] = entry
    next_id = 1
    assigned = []
    for entry in entries:
        if isinstance(entry.action, Message) and not entry.action.message_id:
            while next_id in owner:
                next_id += 1
            owner[next_id] = entry
            entry = dataclasses.replace(
                entry, action=dataclasses.replace(entry.action, message_id=next_id)
            )
        assigned.append(entry)
    return assigned


def _check_in_time_order(
    timeline: list[tuple[int, _Entry]], ctx: EventContext
) -> list[ScriptedEvent]:
    """Checks that depend on what happened before, and price changes merged into whole tariffs."""
    modes = dict(ctx.modes)
    tariffs = dict(ctx.tariffs)
    shown: set[int] = set()
    events = []
    for at_s, entry in timeline:
        action = entry.action
        table = entry.table
        if isinstance(action, _PriceEdit):
            action = PriceChange(action.fuel, _apply_prices(table, action, tariffs[action.fuel]))
        if isinstance(action, PriceChange | TariffSwitch):
            tariffs[action.fuel] = action.tariff
        elif isinstance(action, Message):
            shown.add(action.message_id)
        elif isinstance(action, CancelMessage) and action.message_id not in shown:
            table.fail("id", f"no message with id {action.message_id} has been shown by then")
        elif isinstance(action, LowCredit | TopUp) and modes[action.fuel] is PaymentMode.CREDIT:
            table.fail(
                "fuel",
                f"{action.kind} needs {action.fuel} in prepayment mode, but it is in credit mode "
                "then (change it first with a payment_mode event)",
            )
        elif isinstance(action, PaymentModeChange):
            if modes[action.fuel] is action.mode:
                table.fail("mode", f"{action.fuel} is already in {action.mode} mode then")
            modes[action.fuel] = action.mode
        events.append(ScriptedEvent(at_s, action, table.line(), entry.note))
    return events


def _apply_prices(table: TomlTable, edit: _PriceEdit, current: TariffSettings) -> TariffSettings:
    if edit.tariff is not None:
        if edit.tariff.type != current.type:
            table.fail(
                "tariff",
                f"a price change keeps the tariff type ({current.type}); "
                f"use a tariff_switch event to change to {edit.tariff.type}",
            )
        return edit.tariff
    allowed = _PRICE_KEYS_OF_TYPE[current.type]
    for key in edit.given():
        if key not in allowed:
            table.fail(
                key,
                f"the {edit.fuel} tariff is {current.type} then; a price change to it takes "
                f"{', '.join(allowed)} (or a whole tariff table)",
            )
    if edit.prices is not None and len(edit.prices) != len(current.prices):
        table.fail(
            "prices",
            f"the block tariff then has {len(current.prices)} prices, not {len(edit.prices)}",
        )
    return dataclasses.replace(
        current,
        unit_price=_new(edit.unit_price, current.unit_price),
        day_price=_new(edit.day_price, current.day_price),
        night_price=_new(edit.night_price, current.night_price),
        standing_charge=_new(edit.standing_charge, current.standing_charge),
        prices=_new(edit.prices, current.prices),
    )


def _new(new: _V | None, old: _V) -> _V:
    return old if new is None else new
