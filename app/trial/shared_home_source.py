"""A participant display on the home the operator console hosts, in the console's own process.

Like ``app.sources.EmulatorSource`` the display gets its own virtual radio on the home's air, but
the home is the console's: the display neither runs it nor closes it.
"""

from __future__ import annotations

from zigpy.application import ControllerApplication

from home_emulator.home import EmulatedHome
from home_emulator.virtual_radio import VirtualRadio


class SharedHomeSource:
    def __init__(self, home: EmulatedHome, display_ieee: str) -> None:
        self.home = home
        self.display_ieee = display_ieee
        self.radio: VirtualRadio | None = None

    async def open(self) -> ControllerApplication:
        radio = await VirtualRadio.new(
            VirtualRadio.config_for(self.home.air, ieee=self.display_ieee)
        )
        assert isinstance(radio, VirtualRadio)
        self.radio = radio
        return radio

    def start(self) -> None:
        """The console runs the home."""

    async def close(self) -> None:
        if self.radio is not None:
            await self.radio.shutdown()
            self.radio = None
