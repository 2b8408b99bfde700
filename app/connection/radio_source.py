"""A real USB (or network) coordinator as the HAN source.

The display forms its own ZigBee network on the stick (or resumes the one it formed before: zigpy
keeps the network settings in its database and backs them up), and whatever metering devices join
it – SE meters on a development HAN, LED-pulse readers, metering plugs – come into the same model
the IHD and CAD use. When the stick cannot be opened the message says why and what to do.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from zigpy.application import ControllerApplication

from app.connection.base import SourceUnavailable
from app.settings.user_dirs import data_dir

if TYPE_CHECKING:
    from han.radio.libraries import RadioChoice

LOGGER = logging.getLogger(__name__)

PROBE_S = 12.0
"""How long a stick has to answer at all. A real one answers within a few seconds (Z-Stack's
bootloader skip included); some radio libraries retry a silent port for close to a minute, and a
person who chose the wrong radio type should hear so within about fifteen seconds."""


def default_database() -> Path:
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "zigbee.db"


class RadioSource:
    def __init__(self, choice: RadioChoice | None, *, database: Path | None = None) -> None:
        self.choice = choice
        """None: find the coordinator among the USB serial ports."""
        self.database = database
        self.radio: ControllerApplication | None = None

    async def open(self) -> ControllerApplication:
        # The radio libraries' glue loads when a stick is opened: the host imports this module
        # whatever the source, and the embedded home's start needs none of it.
        from han.radio.libraries import auto_detect, controller_class, explain, radio_config

        choice = self.choice
        if choice is None:
            choice, tried = await auto_detect()
            if choice is None:
                found = "; ".join(tried) or "no USB serial devices at all"
                raise SourceUnavailable(f"No ZigBee coordinator answered (tried: {found})")
            LOGGER.warning("Found a %s coordinator at %s", choice.kind.name, choice.path)
            self.choice = choice
        application = controller_class(choice.kind)
        # Reach the stick first without zigpy's database: a failure then says exactly why (no such
        # device, permission, no answer), and leaves no database connection – whose thread would
        # keep the process from exiting – behind. Every radio library raises its own kinds.
        probe = application(radio_config(choice, database_path=None))
        try:
            async with asyncio.timeout(PROBE_S):
                await probe.connect()
        except Exception as error:
            raise SourceUnavailable(explain(error, choice)) from error
        finally:
            await probe.disconnect()
        database = self.database or default_database()
        try:
            self.radio = await application.new(
                radio_config(choice, database_path=str(database)), auto_form=True
            )
        except Exception as error:
            raise SourceUnavailable(explain(error, choice)) from error
        return self.radio

    def start(self) -> None:
        """Nothing to start: devices that joined before are known, new ones join when permitted."""

    async def permit_joining(self, seconds: int = 180) -> None:
        """Let new devices join for a while (the "Add a device" flow)."""
        if self.radio is not None:
            await self.radio.permit(seconds)

    async def close(self) -> None:
        """Release the stick; safe to call again, and ``open`` may follow (reconnection)."""
        radio, self.radio = self.radio, None
        if radio is not None:
            await radio.shutdown()
