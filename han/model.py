"""The Qt-free domain model of a smart-metered home, as learned from the HAN.

Every value is ``Measured``: it carries the time it arrived, so no screen can show stale data as live.
The model is evented: each change announces which meter and which fields moved (``ModelChange``), and
views repaint only what moved. The model never knows about widgets, radios or emulators.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Measured(Generic[T]):
    """A value and when it was last updated (epoch seconds on the display's clock)."""

    value: T
    updated_at: float

    def age_s(self, now: float) -> float:
        return max(0.0, now - self.updated_at)

    def is_stale(self, now: float, max_age_s: float) -> bool:
        return self.age_s(now) > max_age_s


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


@dataclass(frozen=True, slots=True)
class MeterKey:
    ieee: str
    endpoint_id: int

    def __str__(self) -> str:
        return f"{self.ieee}/{self.endpoint_id}"


@dataclass(frozen=True, slots=True)
class ModelChange:
    """What changed: a meter (or the home itself when ``meter`` is None) and the fields that moved."""

    meter: MeterKey | None
    fields: frozenset[str]


@dataclass(slots=True)
class Formatting:
    """How a meter's raw integers become units: value × multiplier ÷ divisor."""

    multiplier: int = 1
    divisor: int = 1

    def scale(self, raw: int) -> Decimal:
        return Decimal(raw) * self.multiplier / (self.divisor or 1)


@dataclass(slots=True)
class Tariff:
    """What the meter's Price server last published (single rate for now)."""

    unit_price_gbp_per_kwh: Measured[Decimal] | None = None
    standing_charge_gbp_per_day: Measured[Decimal] | None = None


@dataclass(slots=True)
class Meter:
    """One metering endpoint (an ESME, or the gas proxy's mirror of a GSME)."""

    key: MeterKey
    fuel: Fuel = Fuel.ELECTRICITY
    formatting: Formatting = field(default_factory=Formatting)
    demand_kw: Measured[Decimal] | None = None
    """Instantaneous demand; negative while exporting."""
    import_total_kwh: Measured[Decimal] | None = None
    today_import_kwh: Measured[Decimal] | None = None
    ambient: Measured[AmbientLevel] | None = None
    tariff: Tariff = field(default_factory=Tariff)

    @property
    def last_updated(self) -> float | None:
        times = [
            m.updated_at
            for m in (self.demand_kw, self.import_total_kwh, self.today_import_kwh)
            if m is not None
        ]
        return max(times) if times else None

    @property
    def has_reading(self) -> bool:
        return self.last_updated is not None


@dataclass(slots=True)
class SupplierMessage:
    """A message from the supplier, as the hub's Messaging server sent it."""

    message_id: int
    text: str
    importance: str
    confirmation_required: bool
    received_at: float
    confirmed_at: float | None = None
    read: bool = False


@dataclass(frozen=True, slots=True)
class HanClock:
    """The HAN's time (the hub's Time server), followed between readings.

    An emulated home may run faster than real time, so the clock keeps the rate observed between
    two readings: HAN time now = last reading + elapsed display time × rate.
    """

    han_s: float
    read_at: float
    rate: float = 1.0

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
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def announce(self, change: ModelChange) -> None:
        for listener in list(self._listeners):
            listener(change)

    def meter(self, key: MeterKey) -> Meter:
        existing = self.meters.get(key)
        if existing is None:
            existing = self.meters[key] = Meter(key)
        return existing

    def electricity_import_meter(self) -> Meter | None:
        """The ESME the home screen is about: the first electricity meter that has a reading."""
        for meter in self.meters.values():
            if meter.fuel is Fuel.ELECTRICITY and meter.has_reading:
                return meter
        return None

    def mark_connected(self) -> None:
        if self.link is not LinkState.CONNECTED:
            self.link = LinkState.CONNECTED
            self.announce(ModelChange(None, frozenset({"link"})))

    @property
    def unread_messages(self) -> int:
        return sum(1 for message in self.messages.values() if not message.read)

    def han_now(self, display_now: float) -> float:
        """The HAN's time if the hub has told it, else the display's own."""
        return self.han_clock.now(display_now) if self.han_clock else display_now

    def count_undecodable_frame(self) -> None:
        self.undecodable_frames += 1
        self.announce(ModelChange(None, frozenset({"undecodable_frames"})))
