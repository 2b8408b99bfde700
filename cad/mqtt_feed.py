"""The CAD's local feed: its readings published to an MQTT broker for other programs.

paho-mqtt runs the connection on its own thread (connect, keep-alive, reconnect with back-off up to
a minute); everything else – reading the model, deciding what to send – happens on the asyncio
loop, and paho's callbacks hop onto it with ``call_soon_threadsafe``. Electricity is published at
most every ``min_interval_s`` (the Glow CAD's ~10 s), always with the newest reading; gas when it
changes (every 30 minutes). The availability topic is retained: ``online`` while readings are live,
``offline`` when they go stale, the link drops or the CAD stops (and, as the broker's will, when the
CAD vanishes without saying).
"""

from __future__ import annotations

import asyncio
import enum
import json
import logging
import time
from collections.abc import Callable
from typing import Any, Final

import paho.mqtt.client as mqtt

from cad.feed_settings import FeedSettings
from cad.glow_payload import ELECTRICITY, GAS, electricity_message, gas_message, sensor_topic
from cad.ha_discovery import availability_topic, discovery_messages
from han.model import HomeModel, LinkState, ModelChange

LOGGER = logging.getLogger(__name__)

MIN_INTERVAL_S: Final = 10.0
CHECK_EVERY_S: Final = 10.0
"""How often availability is re-checked when nothing arrives (a reading going stale is silent)."""


class FeedStatus(enum.Enum):
    OFF = "off"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    UNREACHABLE = "unreachable"


StatusListener = Callable[[FeedStatus, str], None]
"""Told the feed's state and, when it is not connected, why (for the Feed tab)."""


class MqttFeed:
    def __init__(
        self,
        model: HomeModel,
        device_id: str,
        settings: FeedSettings,
        *,
        now: Callable[[], float] = time.time,
        min_interval_s: float = MIN_INTERVAL_S,
        on_status: StatusListener | None = None,
    ) -> None:
        self.model = model
        self.device_id = device_id
        self.settings = settings
        self._now = now
        self._min_interval_s = min_interval_s
        self._on_status = on_status
        self.status = FeedStatus.OFF
        self.published = 0
        self._client: mqtt.Client | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._connected = False
        self._announced: frozenset[str] = frozenset()
        self._available: bool | None = None
        self._last_electricity_at = -float("inf")
        self._electricity_timer: asyncio.TimerHandle | None = None
        self._last_gas: dict[str, Any] | None = None
        self._check_timer: asyncio.TimerHandle | None = None

    # Life ----------------------------------------------------------------------------------

    def start(self) -> None:
        """Connect in the background (on the running asyncio loop); returns at once."""
        self._loop = asyncio.get_running_loop()
        client = mqtt.Client(
            mqtt.CallbackAPIVersion.VERSION2, client_id=f"smets-cad-{self.device_id.lower()}"
        )
        if self.settings.username:
            client.username_pw_set(self.settings.username, self.settings.password or None)
        if self.settings.tls:  # certificate checked against the given CA or the system's
            client.tls_set(ca_certs=self.settings.ca_file or None)
        client.will_set(self._availability_topic, "offline", qos=1, retain=True)
        client.reconnect_delay_set(min_delay=1, max_delay=60)
        client.on_connect = self._connected_cb
        client.on_disconnect = self._disconnected_cb
        client.on_connect_fail = self._connect_failed_cb
        self._client = client
        self._set_status(FeedStatus.CONNECTING, "")
        client.connect_async(self.settings.host, self.settings.port, keepalive=30)
        client.loop_start()
        self._unsubscribe = self.model.subscribe(self._model_changed)
        self._schedule_check()

    def stop(self) -> None:
        """Say ``offline``, disconnect and end paho's thread (waits for it, briefly)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        for timer in (self._electricity_timer, self._check_timer):
            if timer is not None:
                timer.cancel()
        self._electricity_timer = self._check_timer = None
        client, self._client = self._client, None
        if client is not None:
            if self._connected:
                client.publish(
                    self._availability_topic, "offline", qos=1, retain=True
                ).wait_for_publish(2)
            client.disconnect()
            client.loop_stop()
        self._connected = False
        self._set_status(FeedStatus.OFF, "")

    # paho's thread -------------------------------------------------------------------------

    def _connected_cb(self, _c: Any, _u: Any, _flags: Any, reason: Any, _props: Any) -> None:
        self._hop(self._on_connected, not reason.is_failure, str(reason))

    def _disconnected_cb(self, _c: Any, _u: Any, _flags: Any, reason: Any, _props: Any) -> None:
        self._hop(self._on_disconnected, str(reason))

    def _connect_failed_cb(self, _c: Any, _u: Any) -> None:
        self._hop(self._on_disconnected, "no answer")

    def _hop(self, callback: Callable[..., None], *args: Any) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(callback, *args)

    # The asyncio loop ----------------------------------------------------------------------

    def _on_connected(self, accepted: bool, reason: str) -> None:
        if self._client is None:
            return
        if not accepted:
            self._connected = False
            self._set_status(FeedStatus.UNREACHABLE, f"the broker refused the CAD: {reason}")
            return
        self._connected = True
        self._announced = frozenset()
        self._available = None
        self._set_status(FeedStatus.CONNECTED, "")
        self._last_electricity_at = -float("inf")
        self._last_gas = None
        self._publish_due()

    def _on_disconnected(self, reason: str) -> None:
        if self._client is None:
            return
        self._connected = False
        self._set_status(
            FeedStatus.UNREACHABLE,
            f"cannot reach {self.settings.host}:{self.settings.port} ({reason}); trying again",
        )

    def _model_changed(self, change: ModelChange) -> None:
        if self._connected:
            self._publish_due()

    def _publish_due(self) -> None:
        now = self._now()
        messages = self._messages(now)  # built once per change: every step below needs them
        self._announce_sensors(frozenset(messages))
        self._update_availability(messages)
        gas = messages.get(GAS)
        if gas is not None and gas != self._last_gas:
            self._last_gas = gas
            self._send(GAS, gas)
        wait = self._last_electricity_at + self._min_interval_s - now
        if wait <= 0:
            self._publish_electricity(now, messages.get(ELECTRICITY))
        elif self._electricity_timer is None and self._loop is not None:
            self._electricity_timer = self._loop.call_later(wait, self._electricity_due)

    def _messages(self, now: float) -> dict[str, dict[str, Any]]:
        """The live meters' messages by name (a stale meter has none)."""
        found = {
            ELECTRICITY: electricity_message(self.model, now),
            GAS: gas_message(self.model, now),
        }
        return {name: message for name, message in found.items() if message is not None}

    def _electricity_due(self) -> None:
        self._electricity_timer = None
        if self._connected:
            now = self._now()
            self._publish_electricity(now, electricity_message(self.model, now))

    def _publish_electricity(self, now: float, message: dict[str, Any] | None) -> None:
        if message is not None:
            self._last_electricity_at = now
            self._send(ELECTRICITY, message)

    def _announce_sensors(self, present: frozenset[str]) -> None:
        if not self.settings.discovery or present <= self._announced:
            return
        self._announced |= present
        client = self._client
        assert client is not None
        for topic, payload in discovery_messages(
            self.settings.prefix, self.device_id, self._announced
        ):
            client.publish(topic, payload, qos=1, retain=True)
            self.published += 1

    def _update_availability(self, messages: dict[str, dict[str, Any]]) -> None:
        live = self.model.link is LinkState.CONNECTED and bool(messages)
        if live != self._available and self._client is not None:
            self._available = live
            self._client.publish(
                self._availability_topic, "online" if live else "offline", qos=1, retain=True
            )
            self.published += 1

    def _schedule_check(self) -> None:
        if self._loop is not None:
            self._check_timer = self._loop.call_later(CHECK_EVERY_S, self._check)

    def _check(self) -> None:
        self.check()
        self._schedule_check()

    def check(self) -> None:
        """Re-decide availability now: readings go stale without any message saying so."""
        if self._connected:
            self._update_availability(self._messages(self._now()))

    def _send(self, meter_name: str, message: dict[str, Any]) -> None:
        assert self._client is not None
        topic = sensor_topic(self.settings.prefix, self.device_id, meter_name)
        self._client.publish(topic, json.dumps(message, separators=(",", ":")), qos=0)
        self.published += 1

    def _set_status(self, status: FeedStatus, why: str) -> None:
        self.status = status
        if self._on_status is not None:
            self._on_status(status, why)

    @property
    def _availability_topic(self) -> str:
        return availability_topic(self.settings.prefix, self.device_id)
