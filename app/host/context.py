"""What the host hands an experience: the home model, the display's clock, and narrow ports to the
HAN session, the display's settings and its sound – so views never reach into zigpy or the host.

Qt-free: view-models may use everything here.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from app.settings.display_settings import DisplaySettings
from han.domain.credit import SupplyAnswer, TopUpAnswer
from han.model import HomeModel, MeterKey

if TYPE_CHECKING:
    from app.connection.han_access import HanAccess
    from app.history.store import HalfHourRow, PeriodRow, TariffRow


class CommandFailed(Exception):
    """A command to the HAN did not get through (no hub yet, no answer, refused)."""


class HanCommands(Protocol):
    """What a consumer device may ask of the HAN session."""

    async def confirm_message(self, message_id: int) -> None:
        """Tell the hub that the consumer has read a message that asked for confirmation."""

    async def top_up(self, meter: MeterKey, code: str) -> TopUpAnswer:
        """Send a 20-digit top-up code (UTRN) to a prepayment meter; its answer says what happened."""

    async def activate_emergency_credit(self, meter: MeterKey) -> bool:
        """Ask a prepayment meter to put its emergency credit in use; True if it did."""

    async def enable_supply(self, meter: MeterKey) -> SupplyAnswer:
        """Ask an armed meter to switch the supply back on (LocalChangeSupply); how it answered."""


class NotConnected:
    """Commands before (or without) a HAN session: each one fails the way a lost link would."""

    async def confirm_message(self, message_id: int) -> None:
        raise CommandFailed("not connected to a HAN")

    async def top_up(self, meter: MeterKey, code: str) -> TopUpAnswer:
        raise CommandFailed("not connected to a HAN")

    async def activate_emergency_credit(self, meter: MeterKey) -> bool:
        raise CommandFailed("not connected to a HAN")

    async def enable_supply(self, meter: MeterKey) -> SupplyAnswer:
        raise CommandFailed("not connected to a HAN")


class DeviceKind(enum.Enum):
    COMMS_HUB = "comms_hub"
    ELECTRICITY_METER = "electricity_meter"
    GAS_METER = "gas_meter"
    """In SMETS2 the gas meter sleeps; displays read its mirror in the hub's gas proxy."""
    POWER_SENSOR = "power_sensor"
    """A household's own sensor (LED-pulse reader, clamp, metering plug) reporting power."""
    OTHER = "other"


@dataclass(frozen=True)
class PairedDevice:
    """One device (or one role of a device) on this display's HAN, as the status screen shows it."""

    ieee: str
    kind: DeviceKind
    lqi: int | None = None
    """Link quality of the last frame heard from it (0–255), if the radio reports it."""
    rssi_dbm: int | None = None
    last_heard: float | None = None
    """When the radio last heard the device (display clock)."""
    meter: MeterKey | None = None
    """The model's meter for a meter role; its readings say when it last reported."""
    via_hub: bool = False
    """Heard through another device (the gas proxy), so the signal is the hub's."""


class SoundCues(Protocol):
    """The display's voice: a spoken phrase where speech is available, else a short beep."""

    @property
    def speech_available(self) -> bool: ...

    def beep(self) -> None: ...

    def speak(self, text: str, language: str) -> None: ...


class Silent:
    """No sound at all (tests, and hosts without audio)."""

    speech_available = False

    def beep(self) -> None:
        pass

    def speak(self, text: str, language: str) -> None:
        pass


class HistoryQueries(Protocol):
    """Reading the display's history store (``app.history.store.HistoryStore`` is one)."""

    async def half_hours(
        self, meter: str, channel: str, start_s: int, end_s: int
    ) -> list[HalfHourRow]: ...

    async def periods(
        self, meter: str, quantity: str, period: str, start_s: int = 0, end_s: int = 2**62
    ) -> list[PeriodRow]: ...

    async def tariff_changes(self, meter: str) -> list[TariffRow]: ...


def _no_devices() -> Sequence[PairedDevice]:
    return ()


class OwnNetworkPort(Protocol):
    """The display's own ZigBee network (a USB coordinator): who may join, and its backup
    (``app.connection.own_network.OwnNetwork``). Raises ``NetworkError`` or ``LabelError`` with a message."""

    async def permit_joining(self, seconds: int) -> None: ...

    async def permit_with_install_code(
        self, eui64: str, install_code: str, seconds: int
    ) -> None: ...

    async def back_up(self) -> Path: ...


@dataclass(frozen=True)
class HeadlessOrders:
    """What the command line asks of an experience run with no window (``--headless``)."""

    pair: str | None = None
    """``passkey:DIGITS`` or ``supplier`` for a device that pairs itself; None: wait to be admitted."""
    status_file: Path | None = None
    """Where to write the running service's status (None: the experience's own place)."""


class HeadlessService(Protocol):
    """An experience's work without its screen (``Experience.create_service``): it starts on the
    asyncio loop and stops when the host is told to (SIGTERM), leaving nothing running."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


@dataclass
class ExperienceContext:
    model: HomeModel
    now: Callable[[], float] = field(default=time.time)
    """The display's clock: ages and "last updated" are measured on it."""
    commands: HanCommands = field(default_factory=NotConnected)
    devices: Callable[[], Sequence[PairedDevice]] = field(default=_no_devices)
    """The devices on the HAN right now, with their signal and when each was last heard."""
    settings: DisplaySettings = field(default_factory=DisplaySettings)
    sound: SoundCues = field(default_factory=Silent)
    history: HistoryQueries | None = None
    """The display's history store once it is open (None: views use the meters' own histories)."""
    han_access: HanAccess | None = None
    """For a display that pairs itself and logs (the CAD): pairing, meter links, the demo."""
    network: OwnNetworkPort | None = None
    """Its own ZigBee network, on a real or emulated coordinator (None on the embedded home, where
    the hub's device log decides who joins)."""
    from_feed: bool = False
    """Readings come from a meter feed someone else publishes (a Glow device's MQTT), not from the
    HAN: top-up, credit, supplier messages and pairing are not available from this source."""
