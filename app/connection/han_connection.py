"""The display's link to its HAN source, kept up by itself.

When the source goes away – a served home stopped, a USB stick unplugged – zigpy tells its
listeners ``connection_lost``. The connection then marks the model's link lost (every value keeps
the time it arrived, so screens show it out of date, never as live), stops the session's tasks,
releases the old radio and opens the source again after 1, 2, 4 … up to 30 seconds until it
answers. The new session writes into the same model, and the history recorder follows whichever
session is current, so nothing already logged is lost and gaps are back-filled from the meters.

Listeners hear every change of ``state`` (the window shows a calm "Reconnecting…" meanwhile).
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from zigpy.application import ControllerApplication

from han.links.meter_link import MeterLink
from han.model import HomeModel, MeterKey
from han.session import HanSession

LOGGER = logging.getLogger(__name__)


class ConnectionState(enum.Enum):
    LIVE = "live"
    """A radio is up and a session listens to it (meters may still be on their way)."""
    RECONNECTING = "reconnecting"
    """The source went away (or has not answered yet); trying again with backoff."""


@dataclass(frozen=True)
class Backoff:
    """Waits between attempts: ``first_s``, doubling, never longer than ``longest_s``."""

    first_s: float = 1.0
    longest_s: float = 30.0
    factor: float = 2.0

    def delays(self) -> Iterator[float]:
        delay = self.first_s
        while True:
            yield delay
            delay = min(self.longest_s, delay * self.factor)


class ReopenableSource(Protocol):
    """A HAN source (``app.connection.sources``) as the connection uses it."""

    async def open(self) -> ControllerApplication: ...

    def start(self) -> None: ...

    async def close(self) -> None: ...


StateListener = Callable[[ConnectionState], None]


class HanConnection:
    """Owns the current session on ``source``; every task it starts, ``close`` ends."""

    def __init__(
        self,
        source: ReopenableSource,
        model: HomeModel,
        *,
        backoff: Backoff | None = None,
        session_factory: Callable[[ControllerApplication, HomeModel], HanSession] = HanSession,
    ) -> None:
        self.source = source
        self.model = model
        self.backoff = backoff or Backoff()
        self._new_session = session_factory
        self.session: HanSession | None = None
        """The live session; None while reconnecting."""
        self.state = ConnectionState.LIVE
        self.attempts = 0
        """Attempts since the source was lost (0 while live)."""
        self.last_error = ""
        """Why the last attempt failed, for the log and the status line."""
        self._listeners: list[StateListener] = []
        self._reconnecting: asyncio.Task[None] | None = None
        self._closed = False

    # Opening --------------------------------------------------------------------------------

    async def open(self) -> HanSession:
        """Open the source and attach a session; the source's own error if it cannot be reached."""
        radio = await self.source.open()
        return self._attach(radio)

    async def open_or_keep_trying(self) -> None:
        """Open now if the source answers; otherwise keep trying in the background (a kiosk that
        starts before its stick or its served home must not give up)."""
        try:
            await self.open()
        except Exception as error:  # every radio library raises its own kinds
            LOGGER.warning("HAN source not there yet: %s", error)
            self.last_error = str(error)
            self._set_state(ConnectionState.RECONNECTING)
            self._reconnecting = asyncio.get_running_loop().create_task(
                self._keep_trying(), name="han-reconnect"
            )

    def start(self) -> None:
        """Let the source's traffic flow (the session is listening by now)."""
        if self.session is not None:
            self.source.start()

    def _attach(self, radio: ControllerApplication) -> HanSession:
        session = self.session = self._new_session(radio, self.model)
        radio.add_listener(self)
        session.start()
        return session

    # Ports for the rest of the app ----------------------------------------------------------

    @property
    def links(self) -> dict[MeterKey, MeterLink]:
        """The current session's meter links (none while reconnecting)."""
        return self.session.links if self.session is not None else {}

    def subscribe(self, listener: StateListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _set_state(self, state: ConnectionState) -> None:
        if state is not self.state:
            self.state = state
            for listener in list(self._listeners):
                listener(state)

    # Losing and finding the source again ----------------------------------------------------

    def connection_lost(self, error: Any) -> None:
        """zigpy's listener hook: the radio (or the served home behind it) has gone."""
        if self._closed or self._reconnecting is not None:
            return
        LOGGER.warning("Lost the HAN source: %s", error)
        self.last_error = str(error)
        self._reconnecting = asyncio.get_running_loop().create_task(
            self._reconnect(), name="han-reconnect"
        )

    async def _reconnect(self) -> None:
        self._set_state(ConnectionState.RECONNECTING)
        self.model.mark_lost()
        session, self.session = self.session, None
        if session is not None:
            await session.stop()
        await self._release_radio()
        await self._keep_trying()

    async def _keep_trying(self) -> None:
        try:
            for delay in self.backoff.delays():
                await asyncio.sleep(delay)
                self.attempts += 1
                try:
                    radio = await self.source.open()
                except Exception as error:  # every radio library raises its own kinds
                    self.last_error = str(error)
                    LOGGER.info("Attempt %d to reach the HAN failed: %s", self.attempts, error)
                    await self._release_radio()
                    continue
                self._attach(radio)
                self.source.start()
                LOGGER.warning("HAN source back after %d attempt(s)", self.attempts)
                break
            self.attempts = 0
            self._set_state(ConnectionState.LIVE)
        finally:
            self._reconnecting = None

    async def _release_radio(self) -> None:
        """A half-dead radio must not keep the port or the socket; its errors are expected."""
        try:
            await self.source.close()
        except Exception as error:
            LOGGER.debug("Closing the lost radio: %s", error)

    # Closing --------------------------------------------------------------------------------

    async def close(self) -> None:
        self._closed = True
        if self._reconnecting is not None:
            self._reconnecting.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reconnecting
            self._reconnecting = None
        if self.session is not None:
            await self.session.stop()
        await self.source.close()
