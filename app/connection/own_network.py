"""The display's own ZigBee network on a USB coordinator: letting devices join, and backing it up.

Only a display on a real (or emulated) coordinator has one – on the embedded home the hub decides
who joins – so the host offers this port only for radio sources. It follows the connection's
current radio, which changes when the stick is unplugged and comes back. Backups are zigpy's open
coordinator backup format, written atomically: a replacement stick of the same kind can take the
network over with its devices.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import zigpy.types as t
from zigpy.backups import NetworkBackup

from app.settings.atomic_file import write_text_atomically
from app.settings.user_dirs import data_dir
from han.formats.install_codes import parse_eui64, parse_install_code

BACKUP_NAME = "zigbee-network-backup.json"


class Backups(Protocol):
    async def create_backup(self, *, load_devices: bool) -> NetworkBackup: ...


class Coordinator(Protocol):
    """What the network asks of zigpy's ControllerApplication: joining and its backups."""

    async def permit(self, time_s: int) -> None: ...

    async def permit_with_link_key(
        self, node: t.EUI64, link_key: t.KeyData, time_s: int
    ) -> None: ...

    @property
    def backups(self) -> Backups: ...


class NetworkError(Exception):
    """The network could not do what was asked; the message says why, for the person."""


def default_backup_path() -> Path:
    return data_dir() / BACKUP_NAME


class OwnNetwork:
    def __init__(
        self,
        radio: Callable[[], Coordinator | None],
        *,
        backup_path: Path | None = None,
    ) -> None:
        self._radio = radio
        self.backup_path = backup_path or default_backup_path()

    def _live(self) -> Coordinator:
        radio = self._radio()
        if radio is None:
            raise NetworkError("The coordinator is not connected; wait until it is back.")
        return radio

    async def permit_joining(self, seconds: int) -> None:
        """Open the network for ``seconds`` (0 closes it again)."""
        await self._live().permit(seconds)

    async def permit_with_install_code(self, eui64: str, install_code: str, seconds: int) -> None:
        """Let one device join with the link key from its install code (raises ``LabelError``
        for a mistyped label before anything is sent)."""
        node = parse_eui64(eui64)
        _, key = parse_install_code(install_code)
        radio = self._live()
        try:
            await radio.permit_with_link_key(node=node, link_key=key, time_s=seconds)
        except NotImplementedError:
            raise NetworkError(
                "This coordinator cannot admit devices by install code: a device that needs one "
                "cannot join it."
            ) from None

    async def back_up(self) -> Path:
        """Write the network's backup (keys, devices) and return where."""
        backup = await self._live().backups.create_backup(load_devices=True)
        text = json.dumps(backup.as_open_coordinator_json(), indent=2, sort_keys=True)
        try:
            write_text_atomically(self.backup_path, text)
        except OSError as error:
            raise NetworkError(
                f"Could not write the backup to {self.backup_path} ({error.strerror or error})."
            ) from error
        return self.backup_path
