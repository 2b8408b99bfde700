"""The Qt-free domain model of a smart-metered home, as learned from the HAN.

Every value is ``Measured``: it carries the time it arrived, so no screen can show stale data as live.
The model is evented: each change announces which meter and which fields moved (``ModelChange``), and
views repaint only what moved. The model never knows about widgets, radios or emulators.

A change names the ``Field`` members that moved: the ``Meter`` attributes (``DEMAND_KW``,
``TODAY_COST_GBP``, …) and, for views that think in screens rather than attributes, the groups
and home-wide facts listed in ``Field``. Being an enum, a misspelt field fails the type check.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from han.domain.credit import Credit, SupplyState
from han.domain.firmware_status import FirmwareStatus
from han.domain.history import MeterHistory
from han.domain.tariff import PricePeriod, Tariff
from han.domain.units import ELECTRICITY_UPDATE_S, GENERATION_DEVICE_TYPES, MeteringUnit
from han.events import Emitter, Unsubscribe
from han.measured import Measured

__all__ = [
    "AmbientLevel",
    "Field",
    "Formatting",
    "Fuel",
    "HanClock",
    "HomeModel",
    "LinkState",
    "Measured",
    "Meter",
    "MeterHistory",
    "MeterKey",
    "ModelChange",
    "PricePeriod",
    "SupplierMessage",
    "Tariff",
]


class Fuel(enum.Enum):
    ELECTRICITY = "electricity"
    GAS = "gas"


class AmbientLevel(enum.IntEnum):
    """The meter's AmbientConsumptionIndicator: use against the supplier's thresholds."""

    LOW = 0
    MEDIUM = 1
    HIGH = 2


class LinkState(enum.Enum):
    SEARCHING = "searching"
    """No meter heard yet."""
    CONNECTED = "connected"
    """At least one meter has delivered a reading."""
    LOST = "lost"
    """The HAN source went away (a served home stopped, a stick unplugged): every value keeps the
    time it arrived and is out of date until readings flow again."""


@dataclass(frozen=True, slots=True)
class MeterKey:
    ieee: str
    endpoint_id: int

    def __str__(self) -> str:
        return f"{self.ieee}/{self.endpoint_id}"


class Field(enum.Enum):
    """What a ``ModelChange`` says moved.

    A member that names one ``Meter`` attribute has that attribute's name as its value, so a link
    that sets the attribute announces the member of the same name.
    """

    # One meter's readings (the value is the Meter attribute).
    DEMAND_KW = "demand_kw"
    IMPORT_TOTAL_KWH = "import_total_kwh"
    EXPORT_TOTAL_KWH = "export_total_kwh"
    VOLUME_TOTAL_M3 = "volume_total_m3"
    TODAY_IMPORT_KWH = "today_import_kwh"
    TODAY_VOLUME_M3 = "today_volume_m3"
    WEEK_IMPORT_KWH = "week_import_kwh"
    MONTH_IMPORT_KWH = "month_import_kwh"
    TODAY_COST_GBP = "today_cost_gbp"
    WEEK_COST_GBP = "week_cost_gbp"
    MONTH_COST_GBP = "month_cost_gbp"
    MAX_IMPORT_DEMAND_KW = "max_import_demand_kw"
    MAX_EXPORT_DEMAND_KW = "max_export_demand_kw"
    TIER_IMPORT_KWH = "tier_import_kwh"
    AMBIENT = "ambient"
    SUPPLY = "supply"
    CREDIT = "credit"
    """Any prepayment figure: mode, credit, debts and their recovery, credit flags, alarms."""
    FUEL = "fuel"
    UNIT = "unit"

    # One meter's tariff (``Meter.tariff``).
    TARIFF = "tariff"
    """Any price, the schedule, the standing charge or the gas conversion figures."""
    UNIT_PRICE = "unit_price"
    """The price in force now (announced with ``TARIFF``)."""
    STANDING_CHARGE = "standing_charge"
    CALORIFIC_VALUE = "calorific_value_mj_per_m3"
    VOLUME_CORRECTION = "volume_correction"

    # Groups of one meter's fields, for views that think in screens.
    HISTORY = "history"
    """``Meter.history`` was (re-)read: at attach and when a local day ended."""
    TOTALS = "totals"
    """Running week/month figures, costs, maximum demands or tier registers."""
    GAS_TODAY = "gas_today"
    """Today's gas volume or energy (they move in half-hour steps)."""
    EXPORT = "export"
    """The export register."""
    IDENTITY = "identity"
    """What kind of meter this is (fuel, units, update rate)."""

    # The home itself (a change with no meter).
    LINK = "link"
    UNDECODABLE_FRAMES = "undecodable_frames"
    HAN_CLOCK = "han_clock"
    MESSAGES = "messages"
    TENANCY = "tenancy"
    FIRMWARE = "firmware"
    """This display's firmware version or an update's progress moved."""

    # Members are singletons, so identity is their equality; ``Enum`` hashes a member by its name
    # in Python, and every change set is built of members – thousands a second on a fast home.
    __hash__ = object.__hash__


@dataclass(frozen=True, slots=True)
class ModelChange:
    """What changed: a meter (or the home itself when ``meter`` is None) and the fields that moved."""

    meter: MeterKey | None
    fields: frozenset[Field]


@dataclass(slots=True)
class Formatting:
    """How a meter's raw integers become units: value × multiplier ÷ divisor."""

    multiplier: int = 1
    divisor: int = 1

    def scale(self, raw: int) -> Decimal:
        return Decimal(raw) * self.multiplier / (self.divisor or 1)


@dataclass(slots=True)
class Meter:
    """One metering endpoint: an ESME (import, export, a microgeneration meter) or the gas proxy's
    mirror of a GSME. Gas energy (kWh) comes from the mirror's alternative-unit attributes, its
    volume (m³) from the main ones."""

    key: MeterKey
    fuel: Fuel = Fuel.ELECTRICITY
    formatting: Formatting = field(default_factory=Formatting)
    device_type: int | None = None
    """MeteringDeviceType as the meter declared it (0 electric, 1 gas, 128 mirrored gas, …)."""
    unit: MeteringUnit | None = None
    """The unit of the main registers (kWh for electricity, m³ for gas)."""
    alternative_unit: MeteringUnit | None = None
    """The unit of the alternative-unit registers (kWh on a gas mirror)."""
    expected_update_s: float = ELECTRICITY_UPDATE_S
    """How often this meter has news: 10 s for electricity demand, 1800 s for a gas mirror."""

    demand_kw: Measured[Decimal] | None = None
    """Instantaneous demand; negative while exporting."""
    import_total_kwh: Measured[Decimal] | None = None
    export_total_kwh: Measured[Decimal] | None = None
    volume_total_m3: Measured[Decimal] | None = None
    today_import_kwh: Measured[Decimal] | None = None
    """Energy used today (for gas: from the alternative unit, kWh)."""
    today_volume_m3: Measured[Decimal] | None = None
    week_import_kwh: Measured[Decimal] | None = None
    month_import_kwh: Measured[Decimal] | None = None
    today_cost_gbp: Measured[Decimal] | None = None
    week_cost_gbp: Measured[Decimal] | None = None
    month_cost_gbp: Measured[Decimal] | None = None
    max_import_demand_kw: Measured[Decimal] | None = None
    """Highest half-hour average import since the supplier last reset it."""
    max_export_demand_kw: Measured[Decimal] | None = None
    tier_import_kwh: dict[int, Measured[Decimal]] = field(default_factory=dict)
    """Time-of-use registers by price tier (Economy 7: 1 day, 2 night)."""
    ambient: Measured[AmbientLevel] | None = None
    supply: Measured[SupplyState] | None = None
    credit: Credit = field(default_factory=Credit)
    """Prepayment: meaningful when ``credit.in_prepayment``."""
    tariff: Tariff = field(default_factory=Tariff)
    history: MeterHistory = field(default_factory=MeterHistory)
    value_changed_han_s: float | None = None
    """HAN time at which a reading last changed value (not merely arrived again): for "gas updates
    every 30 minutes – last at 14:30"."""
    heard_at: float | None = None
    """When (display clock) the meter last said anything: a report of any attribute, a poll's
    answer, a price or credit it pushed. A value the meter reports only when it changes is as
    live as this (``han.freshness``)."""
    heard_han_s: float | None = None
    """The same moment on the HAN's clock: what a screen says as "last heard at"."""
    unanswered: bool = False
    """The display asked and the meter did not answer: out of date until it is heard again."""

    @property
    def last_updated(self) -> float | None:
        times = [
            m.updated_at
            for m in (
                self.demand_kw,
                self.import_total_kwh,
                self.export_total_kwh,
                self.volume_total_m3,
                self.today_import_kwh,
                self.today_volume_m3,
            )
            if m is not None
        ]
        return max(times) if times else None

    @property
    def has_reading(self) -> bool:
        return self.last_updated is not None

    @property
    def is_generation(self) -> bool:
        """A meter of a generator (PV, wind, micro-generation) rather than of the supply."""
        return self.device_type is not None and self.device_type in GENERATION_DEVICE_TYPES


@dataclass(slots=True)
class SupplierMessage:
    """A message from the supplier, as the hub's Messaging server sent it."""

    message_id: int
    text: str
    importance: str
    confirmation_required: bool
    received_at: float
    """HAN time: every time a screen shows is the meters' own."""
    confirmed_at: float | None = None
    """HAN time, as the confirmation told the hub."""
    read: bool = False


@dataclass(frozen=True, slots=True)
class HanClock:
    """The HAN's time (the hub's Time server), followed between readings.

    An emulated home may run faster than real time, so the clock keeps the rate it observed:
    HAN time now = last reading + elapsed display time × rate. The rate is measured from the
    anchor, the first reading since the clock last changed pace (``han.links.han_clock``).
    """

    han_s: float
    read_at: float
    rate: float = 1.0
    anchor_han_s: float | None = None
    """The reading the rate is measured from (None: this reading)."""
    anchor_read_at: float | None = None
    rate_checked: bool = False
    """Whether the readings since the anchor have measured or borne out the rate (else it is
    the rate believed before them: 1 at first, as a real HAN runs)."""

    def now(self, display_now: float) -> float:
        return self.han_s + (display_now - self.read_at) * self.rate


Listener = Callable[[ModelChange], None]


class HomeModel:
    """All meters of one home, the state of the link to them, and listeners to notify."""

    def __init__(self) -> None:
        self.meters: dict[MeterKey, Meter] = {}
        self.link = LinkState.SEARCHING
        self.undecodable_frames = 0
        self.messages: dict[int, SupplierMessage] = {}
        self.han_clock: HanClock | None = None
        self.tenancy_start_s: float | None = None
        """The move-in (HAN time) of the latest change of tenancy the meters announced: nothing
        from before it may be shown or kept."""
        self.firmware = FirmwareStatus()
        """This display's own firmware and any update the hub is sending it (OTA Upgrade)."""
        self._changes: Emitter[ModelChange] = Emitter("home model")

    def subscribe(self, listener: Listener) -> Unsubscribe:
        return self._changes.subscribe(listener)

    @property
    def listener_count(self) -> int:
        return self._changes.listener_count

    def announce(self, change: ModelChange) -> None:
        self._changes.emit(change)

    def meter(self, key: MeterKey) -> Meter:
        existing = self.meters.get(key)
        if existing is None:
            existing = self.meters[key] = Meter(key)
        return existing

    def electricity_import_meter(self) -> Meter | None:
        """The ESME the home screen is about: the first electricity supply meter with a reading."""
        for meter in self.meters.values():
            if meter.fuel is Fuel.ELECTRICITY and not meter.is_generation and meter.has_reading:
                return meter
        return None

    def meters_of(self, fuel: Fuel) -> list[Meter]:
        """Every meter of a fuel (several ESMEs: import and microgeneration), in the order found."""
        return [meter for meter in self.meters.values() if meter.fuel is fuel]

    def gas_meter(self) -> Meter | None:
        """The gas meter (the hub's mirror of the GSME) once it has a reading."""
        for meter in self.meters_of(Fuel.GAS):
            if meter.has_reading:
                return meter
        return None

    def mark_connected(self) -> None:
        if self.link is not LinkState.CONNECTED:
            self.link = LinkState.CONNECTED
            self.announce(ModelChange(None, frozenset({Field.LINK})))

    def mark_lost(self) -> None:
        """Nothing is live any more; the next reading that arrives marks the link connected."""
        if self.link is not LinkState.LOST:
            self.link = LinkState.LOST
            self.announce(ModelChange(None, frozenset({Field.LINK})))

    @property
    def unread_messages(self) -> int:
        return sum(1 for message in self.messages.values() if not message.read)

    def han_now(self, display_now: float) -> float:
        """The HAN's time if the hub has told it, else the display's own.

        Also the HAN time of a moment just past on the display's clock (when a connection was
        lost, a frame arrived): every time a screen shows is the meters' time."""
        return self.han_clock.now(display_now) if self.han_clock else display_now

    def heard_from(self, key: MeterKey, display_now: float) -> Meter:
        """The meter at ``key`` said something now: everything it reports is live."""
        meter = self.meter(key)
        meter.heard_at = display_now
        meter.heard_han_s = self.han_now(display_now)
        meter.unanswered = False
        return meter

    def unanswered_by(self, key: MeterKey) -> None:
        """A poll of the meter at ``key`` got no answer."""
        self.meter(key).unanswered = True

    def count_undecodable_frame(self) -> None:
        self.undecodable_frames += 1
        self.announce(ModelChange(None, frozenset({Field.UNDECODABLE_FRAMES})))
