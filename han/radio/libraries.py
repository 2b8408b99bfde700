"""Real ZigBee radios: which library drives which USB coordinator, and what went wrong in words.

The app can sit on a real HAN through a USB coordinator driven by one of zigpy's radio libraries.
(A coordinator forms the display's *own* network – a hobby stick cannot join a live SMETS2 HAN, see
the README.) Every library's ControllerApplication is taught the Smart Energy profile
(``han.radio.air.smart_energy_application``), so the rest of the app is the same as on the emulated home;
zigpy-znp's is also taught the long messages a Z-Stack stick holds for its host
(``han.radio.znp_long_messages``), and zigpy-znp's and bellows' to close their port only after what
they have in flight (``han.radio.znp_closing``, ``han.radio.ezsp_closing``).
"""

from __future__ import annotations

import errno
import importlib
from dataclasses import dataclass
from typing import Final

from zigpy.application import ControllerApplication

from han.radio.air import smart_energy_application
from han.radio.ezsp_closing import EzspClosesCleanly
from han.radio.ota_providers import no_ota
from han.radio.znp_closing import ZnpClosesCleanly
from han.radio.znp_long_messages import ZnpLongMessages


@dataclass(frozen=True)
class RadioKind:
    name: str
    module: str
    """Where the library's ControllerApplication lives."""
    description: str
    default_baudrate: int = 115_200
    options: tuple[tuple[str, object], ...] = ()
    """The library's own settings this suite needs (added to its configuration)."""


RADIOS: Final = {
    kind.name: kind
    for kind in (
        RadioKind(
            "ezsp",
            "bellows.zigbee.application",
            "Silicon Labs EmberZNet (EZSP): Sonoff ZBDongle-E, SkyConnect, HUSBZB-1",
            # bellows otherwise opens the port in a thread of its own with a new event loop, which
            # under the displays' Qt event loop policy is a Qt loop that never runs there: a silent
            # port then hangs the display instead of timing out.
            options=(("use_thread", False),),
        ),
        RadioKind(
            "znp",
            "zigpy_znp.zigbee.application",
            "Texas Instruments Z-Stack (ZNP): Sonoff ZBDongle-P, CC2652, CC1352",
        ),
        RadioKind(
            "deconz",
            "zigpy_deconz.zigbee.application",
            "dresden elektronik deCONZ: ConBee, RaspBee",
        ),
        RadioKind("xbee", "zigpy_xbee.zigbee.application", "Digi XBee Series 2/3", 57_600),
        RadioKind("zigate", "zigpy_zigate.zigbee.application", "ZiGate"),
    )
}

KNOWN_USB_IDS: Final[dict[tuple[int, int], tuple[str, str]]] = {
    # (vendor, product): (radio, what it usually is) – the bridge chip alone can be ambiguous.
    (0x1A86, 0x55D4): ("ezsp", "Sonoff ZBDongle-E (CH9102)"),
    (0x10C4, 0xEA60): (
        "znp",
        "CP210x bridge: Sonoff ZBDongle-P and many others (could also be EZSP)",
    ),
    (0x0451, 0x16A8): ("znp", "TI CC2531"),
    (0x0451, 0xBEF3): ("znp", "TI CC1352/CC2652 LaunchPad"),
    (0x1CF1, 0x0030): ("deconz", "dresden elektronik ConBee II"),
    (0x1CF1, 0x0031): ("deconz", "dresden elektronik ConBee III"),
    (0x0403, 0x6015): ("deconz", "FTDI bridge: ConBee I, RaspBee (could be another radio)"),
    (0x0403, 0x6001): ("zigate", "FTDI bridge: ZiGate (could be another radio)"),
}


LIBRARY_MIXINS: Final[dict[str, tuple[type, ...]]] = {
    # zigpy-znp leaves out the messages a Z-Stack stick holds for its host (long ones), and lets
    # a request in flight write to a port it has closed; bellows closes its port under a frame
    # still waiting for its acknowledgement.
    "znp": (ZnpLongMessages, ZnpClosesCleanly),
    "ezsp": (EzspClosesCleanly,),
}
"""What a radio library is taught besides the Smart Energy profile, by radio type."""


class RadioError(Exception):
    """Something about the radio a person can act on; the message says what and what to do."""


@dataclass(frozen=True)
class RadioChoice:
    kind: RadioKind
    path: str
    """A serial device (/dev/ttyUSB0) or a network stick (socket://host:port)."""
    baudrate: int
    flow_control: str | None = None

    @property
    def label(self) -> str:
        return f"{self.kind.name}:{self.path}"


def parse_radio(
    text: str, *, baudrate: int | None = None, flow_control: str | None = None
) -> RadioChoice:
    """``RADIO:PATH`` as the command line takes it, e.g. ``znp:/dev/ttyUSB0``."""
    name, separator, path = text.partition(":")
    if not separator or not path:
        raise RadioError(f"expected RADIO:PATH such as znp:/dev/ttyUSB0, not {text!r}")
    kind = RADIOS.get(name)
    if kind is None:
        raise RadioError(f"unknown radio {name!r}: use one of {', '.join(RADIOS)}")
    if flow_control not in (None, "hardware", "software"):
        raise RadioError("flow control must be hardware or software")
    if baudrate is not None and not 1_200 <= baudrate <= 4_000_000:
        raise RadioError(f"baud rate {baudrate} is not a serial speed")
    return RadioChoice(kind, path, baudrate or kind.default_baudrate, flow_control)


def controller_class(kind: RadioKind) -> type[ControllerApplication]:
    try:
        module = importlib.import_module(kind.module)
    except ImportError as error:
        raise RadioError(f"the {kind.name} radio library is not installed ({error})") from error
    application: type[ControllerApplication] = module.ControllerApplication
    mixins = tuple(
        mixin for mixin in LIBRARY_MIXINS.get(kind.name, ()) if not issubclass(application, mixin)
    )
    if mixins:
        application = type(application.__name__, (*mixins, application), {"__module__": __name__})
    return smart_energy_application(application)


def radio_config(choice: RadioChoice, *, database_path: str | None) -> dict[str, object]:
    device: dict[str, object] = {"path": choice.path, "baudrate": choice.baudrate}
    if choice.flow_control is not None:
        device["flow_control"] = choice.flow_control
    return {
        "device": device,
        "database_path": database_path,
        "backup_enabled": True,  # a display that forms its own network must be able to resume it
        "ota": no_ota(),
        **dict(choice.kind.options),
    }


def explain(error: BaseException, choice: RadioChoice) -> str:
    """What a person should know when the radio cannot be opened or stops answering."""
    path = choice.path
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for cause in chain:
        if isinstance(cause, FileNotFoundError) or getattr(cause, "errno", None) == errno.ENOENT:
            return f"No device at {path}: is the USB stick plugged in? ({ports_hint()})"
        if isinstance(cause, PermissionError) or getattr(cause, "errno", None) == errno.EACCES:
            return f"Permission denied on {path}: add your user to the 'dialout' group, then log in again"
        if isinstance(cause, ConnectionRefusedError):
            return f"Nothing is listening at {path}: is the network coordinator switched on?"
        if isinstance(cause, OSError) and getattr(cause, "errno", None) == errno.ENODEV:
            return f"The device at {path} went away: was the stick unplugged?"
    return (
        f"The device at {path} did not answer as {_a(choice.kind.name)} coordinator "
        f"({choice.kind.description}): is it the right radio type and baud rate?"
    )


def ports_hint() -> str:
    ports = serial_ports()
    if not ports:
        return "no USB serial devices found"
    return "found: " + ", ".join(f"{port.device} ({port.explanation})" for port in ports)


@dataclass(frozen=True)
class FoundPort:
    device: str
    vid: int | None
    pid: int | None
    product: str | None
    likely_radio: str | None

    @property
    def explanation(self) -> str:
        if self.vid is None:
            return "not a USB device"
        known = KNOWN_USB_IDS.get((self.vid, self.pid or 0))
        name = f"{self.vid:04x}:{(self.pid or 0):04x}"
        return (
            f"{name}, likely {known[0]} – {known[1]}"
            if known
            else f"{name} {self.product or ''}".strip()
        )


def serial_ports() -> list[FoundPort]:
    """Serial ports with their USB ids (via serialx, zigpy's serial layer)."""
    try:
        import serialx
    except ImportError:
        return []
    found = []
    for port in serialx.list_serial_ports():
        known = KNOWN_USB_IDS.get((port.vid or 0, port.pid or 0))
        found.append(
            FoundPort(port.device, port.vid, port.pid, port.product, known[0] if known else None)
        )
    return found


async def auto_detect() -> tuple[RadioChoice | None, list[str]]:
    """Probe the USB serial ports that look like coordinators; (the one that answered, what was tried)."""
    tried: list[str] = []
    for port in serial_ports():
        if port.vid is None:
            continue
        order = [port.likely_radio] if port.likely_radio else []
        order += [name for name in RADIOS if name not in order]
        for name in order:
            choice = RadioChoice(RADIOS[name], port.device, RADIOS[name].default_baudrate)
            tried.append(f"{choice.label} ({port.explanation})")
            settings = await controller_class(choice.kind).probe(
                {"path": port.device, "baudrate": choice.baudrate}
            )
            if settings:
                baudrate = (
                    int(settings.get("baudrate", choice.baudrate))
                    if isinstance(settings, dict)
                    else choice.baudrate
                )
                return RadioChoice(choice.kind, port.device, baudrate), tried
    return None, tried


def _a(name: str) -> str:
    """The radio's name with its article, as it is said: "an ezsp", "an xbee", "a znp"."""
    return f"an {name}" if name[0] in "aeiox" else f"a {name}"
