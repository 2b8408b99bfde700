"""Where HAN traffic comes from. The rest of the app sees only a zigpy ControllerApplication."""

from __future__ import annotations

import asyncio
import contextlib

import zigpy.types as t
from zigpy.application import ControllerApplication
from zigpy.exceptions import ControllerException

from app.connection import past_prerender
from app.connection.base import HanSource, SourceUnavailable
from app.connection.han_access import CAD_IEEE
from app.connection.past_prerender import past_cache_folder
from app.connection.source_names import EMULATOR, is_radio, is_remote
from app.wording import QT_TRANSLATE_NOOP
from home_emulator.api.home import (
    COORDINATOR_IEEE,
    DeviceType,
    EmulatedHome,
    HomeSpec,
    LinkRefused,
    NotInDeviceLog,
    PastCache,
    PortalOutcome,
    SupplierWan,
    VirtualRadio,
)
from home_emulator.api.names import parse_address

__all__ = [
    "EmulatorDemo",
    "EmulatorSource",
    "HanSource",
    "RemoteHomeSource",
    "SourceUnavailable",
    "home_of",
    "open_source",
]

NOT_ALLOWED = QT_TRANSLATE_NOOP(
    "RemoteHomeSource",
    "This display is not allowed on this home's network – ask the installer to add it",
)
"""What the person at a display refused by the hub is told."""


def _translated(text: str) -> str:
    from PySide6.QtCore import QCoreApplication  # the host's language, when it runs one

    return QCoreApplication.translate("RemoteHomeSource", text)


def _embedded(seed: int, speed: float) -> HomeSpec:
    return HomeSpec(
        seed=seed,
        speed=speed,
        profile=past_prerender.EMBEDDED_PROFILE,
        history_days=past_prerender.EMBEDDED_DAYS,
    )


class EmulatorSource:
    """The bundled emulated home, in-process, behind the virtual radio."""

    def __init__(
        self,
        spec: HomeSpec | EmulatedHome,
        *,
        display_ieee: str | None = None,
        runs_home: bool = True,
    ) -> None:
        self.runs_home = runs_home
        """False: the home is someone else's (the trial console's), which runs and closes it; this
        display only attaches its own radio to the home's air."""
        self.home = (
            spec
            if isinstance(spec, EmulatedHome)
            else EmulatedHome(
                spec,
                past_cache=PastCache(past_cache_folder(), pending=past_prerender.take()),
            )
        )
        self.display_ieee = display_ieee or str(COORDINATOR_IEEE)
        """This display's EUI-64: the one the home's device log starts with, unless another is
        given (a CAD, which is outside the log until it pairs)."""
        self.radio: VirtualRadio | None = None
        self._task: asyncio.Task[None] | None = None

    async def open(self) -> ControllerApplication:
        radio = await VirtualRadio.new(
            VirtualRadio.config_for(self.home.air, ieee=self.display_ieee)
        )
        assert isinstance(radio, VirtualRadio)
        self.radio = radio
        return radio

    def start(self) -> None:
        if self.runs_home:
            self._task = asyncio.get_running_loop().create_task(
                self.home.run(), name="emulated-home"
            )

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self.radio is not None:
            await self.radio.shutdown()
            self.radio = None
        if self.runs_home:
            self.home.close()


class EmulatorDemo:
    """The embedded home's pairing button, supplier portal and device log, for the demo panel."""

    def __init__(self, home: EmulatedHome) -> None:
        self._home = home

    @property
    def passkey(self) -> str:
        """Printed on the hub; a real consumer reads it there."""
        return self._home.pairing.passkey

    def press_pairing_button(self) -> None:
        self._home.pairing.press()

    @property
    def listening(self) -> bool:
        return self._home.pairing.listening

    def issue_cin(self) -> None:
        """The supplier puts a CIN on the household's IHD."""
        self._home.portal.issue_cin()

    @property
    def cin_on_display(self) -> str | None:
        return self._home.portal.cin_on_display

    def request_pairing(self, eui64: str, install_code: bytes, cin: str) -> tuple[bool, str]:
        """The supplier's agent pairs the CAD over the WAN: (paired, what the agent says)."""
        outcome = self._home.portal.request_pairing(eui64, install_code, cin)
        return outcome is PortalOutcome.PAIRED, outcome.value

    @property
    def hub_ieee(self) -> str:
        return self._home.hub.ieee

    def unpair(self, eui64: str) -> None:
        with contextlib.suppress(NotInDeviceLog):  # already gone from the log: nothing to do
            SupplierWan(self._home).unpair_device(eui64)

    def remember(self, eui64: str, install_code: bytes) -> None:
        """The embedded home starts afresh each run; a real hub keeps its device log. Put back
        the entry a paired CAD would find there."""
        ieee = t.EUI64.convert(eui64)
        if not self._home.hub.device_log.admits(ieee):
            self._home.hub.device_log.add(ieee, install_code, DeviceType.CAD)
            self._home.air.welcome(ieee)


class RemoteHomeSource:
    """A home served by ``python -m home_emulator serve``, reached over TCP by the virtual radio.

    The home runs (and keeps its own clock) in the other process; this display is one of several.
    """

    def __init__(
        self, url: str, *, display_ieee: str | None = None, install_code: bytes | None = None
    ) -> None:
        parse_address(url)  # a bad address fails here, before any window or radio
        self.url = url
        self.display_ieee = display_ieee or str(COORDINATOR_IEEE)
        self.install_code = install_code
        self.radio: VirtualRadio | None = None

    async def open(self) -> ControllerApplication:
        config = VirtualRadio.config_for(
            self.url, ieee=self.display_ieee, install_code=self.install_code
        )
        try:
            radio = await VirtualRadio.new(config)
        except (ControllerException, OSError) as error:
            if isinstance(error.__cause__, LinkRefused):  # the hub will not have this display
                raise SourceUnavailable(
                    f"{_translated(NOT_ALLOWED)} ({self.url}: {error.__cause__})"
                ) from error
            raise SourceUnavailable(f"cannot attach to the home at {self.url}: {error}") from error
        assert isinstance(radio, VirtualRadio)
        self.radio = radio
        return radio

    def start(self) -> None:
        """Nothing to start: the served home is already running."""

    async def close(self) -> None:
        """Hang up; safe to call again, and ``open`` may follow (reconnection)."""
        radio, self.radio = self.radio, None
        if radio is not None:
            await radio.shutdown()


def home_of(source: object) -> EmulatedHome:
    """The emulated home behind an embedded source: what screenshots, demos and tests reach into."""
    if not isinstance(source, EmulatorSource):
        raise TypeError(f"{source!r} is not the embedded emulated home")
    return source.home


def open_source(
    name: str,
    *,
    speed: float,
    seed: int,
    display_ieee: str | None = None,
    install_code: bytes | None = None,
    pairs_itself: bool = False,
    baudrate: int | None = None,
    flow_control: str | None = None,
    scenario: str | None = None,
) -> HanSource:
    if name == EMULATOR and scenario is not None:
        # Only here: the embedded home reads no scenario, and starts the sooner for it.
        from home_emulator.api.from_scenario import build_home
        from home_emulator.api.scenarios import open_scenario

        home = build_home(open_scenario(scenario), speed=speed)
        return EmulatorSource(
            home, display_ieee=display_ieee or (CAD_IEEE if pairs_itself else None)
        )
    if name == EMULATOR:
        if pairs_itself:  # a CAD: this display is not in the embedded hub's device log
            return EmulatorSource(_embedded(seed, speed), display_ieee=display_ieee or CAD_IEEE)
        return EmulatorSource(_embedded(seed, speed))
    if is_remote(name):
        return RemoteHomeSource(name, display_ieee=display_ieee, install_code=install_code)
    if is_radio(name):
        from app.connection.radio_source import RadioSource
        from han.radio.libraries import parse_radio

        choice = (
            None
            if name == "auto"
            else parse_radio(name, baudrate=baudrate, flow_control=flow_control)
        )
        return RadioSource(choice)
    raise ValueError(f"unknown source {name!r}")
