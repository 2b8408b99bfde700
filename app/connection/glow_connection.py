"""The display's link to a Glow feed: an MQTT broker carrying a Glow device's messages.

The same surface as ``HanConnection`` (``open``, ``open_or_keep_trying``, ``start``, ``links``,
``session``, ``subscribe``, ``state``, ``close``), so the host, the window's "Reconnecting…" and
the history recorder treat it as any other source. There is no HAN session behind it: no meter
links to back-fill from, no hub to send commands to – the screens say what a feed cannot carry.

paho-mqtt runs the broker connection on its own thread and reconnects by itself after 1, 2, 4 …
up to 30 seconds; its callbacks hop onto the asyncio loop, where every decision is taken and the
model is written. When the broker goes away the model's link is marked lost (every value keeps
the time it arrived, so screens show it out of date); the next reading after the broker is back
marks it connected again.

Bad input never reaches the model: a message that is not Glow JSON or lacks a figure is refused
whole, counted (``bad_messages``, and the model's undecodable count), and logged once per reason.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections import Counter
from collections.abc import Callable
from typing import Any, Final

import paho.mqtt.client as mqtt

from app.connection.base import SourceUnavailable
from app.connection.glow_address import GlowAddress
from app.connection.glow_feed import (
    STATE,
    GlowHome,
    NotGlow,
    check_state,
    message_kind,
    parse_reading,
    topic_filter,
)
from app.connection.han_connection import Backoff, ConnectionState, StateListener
from han.links.meter_link import MeterLink
from han.model import HomeModel, MeterKey
from han.session import HanSession

LOGGER = logging.getLogger(__name__)

OPEN_TIMEOUT_S: Final = 10.0
"""How long a desktop run waits for the broker before saying what is wrong."""
KEEPALIVE_S: Final = 30


class GlowConnection:
    """Reads one Glow device's feed into ``model``; every thread and task it starts, ``close``
    ends."""

    def __init__(
        self,
        address: GlowAddress,
        model: HomeModel,
        *,
        backoff: Backoff | None = None,
        now: Callable[[], float] = time.time,
        open_timeout_s: float = OPEN_TIMEOUT_S,
    ) -> None:
        self.address = address
        self.model = model
        self.backoff = backoff or Backoff()
        self.home = GlowHome(model, address.device_id)
        self._now = now
        self._open_timeout_s = open_timeout_s
        self.session: HanSession | None = None
        """Always None: a feed has no HAN session (commands say so)."""
        self.state = ConnectionState.RECONNECTING
        self.attempts = 0
        """Failed attempts since the broker was last reached (0 while connected)."""
        self.last_error = ""
        self.readings = 0
        self.bad_messages: Counter[str] = Counter()
        """Refused messages by reason."""
        self._listeners: list[StateListener] = []
        self._client: mqtt.Client | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._first_answer: asyncio.Future[str | None] | None = None
        self._logged: set[str] = set()

    # Opening --------------------------------------------------------------------------------

    async def open(self) -> None:
        """Connect now; SourceUnavailable saying why if the broker refuses or does not answer."""
        self._connect()
        assert self._first_answer is not None
        try:
            refusal = await asyncio.wait_for(
                asyncio.shield(self._first_answer), self._open_timeout_s
            )
        except TimeoutError:
            refusal = self.last_error or "no answer"
        if refusal is not None:
            self._stop_client()
            raise SourceUnavailable(f"cannot read the Glow feed at {self.address}: {refusal}")

    async def open_or_keep_trying(self) -> None:
        """Connect in the background and keep trying (a kiosk may start before its broker)."""
        self._connect()

    def start(self) -> None:
        """Nothing to release: readings flow as soon as the broker sends them."""

    def _connect(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._first_answer = self._loop.create_future()
        address = self.address
        client = mqtt.Client(
            mqtt.CallbackAPIVersion.VERSION2,
            client_id=f"smets-ihd-{address.device_id.lower()}-{uuid.uuid4().hex[:8]}",
        )
        if address.username:
            client.username_pw_set(address.username, address.password)
        if address.tls:  # the broker's certificate checked against the given CA or the system's
            client.tls_set(ca_certs=address.ca_file)
        client.reconnect_delay_set(
            min_delay=max(1, round(self.backoff.first_s)),
            max_delay=max(1, round(self.backoff.longest_s)),
        )
        client.on_connect = self._connected_cb
        client.on_disconnect = self._disconnected_cb
        client.on_connect_fail = self._connect_failed_cb
        client.on_message = self._message_cb
        self._client = client
        client.connect_async(address.host, address.port, keepalive=KEEPALIVE_S)
        client.loop_start()

    # Ports for the rest of the app ----------------------------------------------------------

    @property
    def links(self) -> dict[MeterKey, MeterLink]:
        """No meter links: a feed carries no profile to back-fill from."""
        return {}

    def subscribe(self, listener: StateListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _set_state(self, state: ConnectionState) -> None:
        if state is not self.state:
            self.state = state
            for listener in list(self._listeners):
                listener(state)

    # paho's thread --------------------------------------------------------------------------

    def _connected_cb(self, _c: Any, _u: Any, _flags: Any, reason: Any, _props: Any) -> None:
        self._hop(self._on_connected, None if not reason.is_failure else str(reason))

    def _disconnected_cb(self, _c: Any, _u: Any, _flags: Any, reason: Any, _props: Any) -> None:
        self._hop(self._on_lost, str(reason))

    def _connect_failed_cb(self, _c: Any, _u: Any) -> None:
        self._hop(self._on_lost, "the broker does not answer")

    def _message_cb(self, _c: Any, _u: Any, message: Any) -> None:
        self._hop(self._on_message, message.topic, bytes(message.payload), self._now())

    def _hop(self, callback: Callable[..., None], *args: Any) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed in between
                loop.call_soon_threadsafe(callback, *args)

    # The asyncio loop -----------------------------------------------------------------------

    def _on_connected(self, refusal: str | None) -> None:
        client = self._client
        if client is None:
            return
        if refusal is not None:
            self._on_lost(f"the broker refused the display: {refusal}")
            return
        self._answer(None)
        if self.attempts:
            LOGGER.warning("Glow feed back after %d attempt(s)", self.attempts)
        self.attempts = 0
        self.last_error = ""
        self._logged.discard("lost")
        client.subscribe(topic_filter(self.address.prefix, self.address.device_id), qos=0)
        self._set_state(ConnectionState.LIVE)

    def _on_lost(self, reason: str) -> None:
        if self._client is None:
            return
        self.attempts += 1
        self.last_error = reason
        self._answer(reason)
        self._log_once("lost", "Lost the Glow feed at %s: %s; trying again", self.address, reason)
        self.model.mark_lost()
        self._set_state(ConnectionState.RECONNECTING)

    def _answer(self, refusal: str | None) -> None:
        if self._first_answer is not None and not self._first_answer.done():
            self._first_answer.set_result(refusal)

    def _on_message(self, topic: str, payload: bytes, received_at: float) -> None:
        if self._client is None:
            return
        kind = message_kind(topic, self.address.prefix, self.address.device_id)
        if kind is None:
            return  # another program's topic under the device: not ours to judge
        try:
            if kind == STATE:
                check_state(payload)
                return
            reading = parse_reading(kind, payload)
        except NotGlow as error:
            self._refuse(f"{kind}: {error}")
            return
        self.readings += 1
        self.home.apply(reading, received_at)

    def _refuse(self, reason: str) -> None:
        self.bad_messages[reason] += 1
        self.model.count_undecodable_frame()
        self._log_once(reason, "Ignored a Glow feed message (%s)", reason)

    def _log_once(self, key: str, text: str, *args: object) -> None:
        """Once per kind of trouble: a broker that stays away or a feed that keeps sending the
        same bad message must not fill the log."""
        if key in self._logged:
            LOGGER.debug(text, *args)
            return
        self._logged.add(key)
        LOGGER.warning(text, *args)

    # Closing --------------------------------------------------------------------------------

    def _stop_client(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.disconnect()
            client.loop_stop()

    async def close(self) -> None:
        # loop_stop joins paho's thread, which may be in a blocking connect: not on the loop.
        client, self._client = self._client, None
        if client is not None:
            client.disconnect()
            await asyncio.to_thread(client.loop_stop)
