"""The CAD's local feed: its readings published to an MQTT broker for other programs.

paho-mqtt runs the connection on its own thread (connect, keep-alive, reconnect with back-off up to
a minute); everything else – reading the model, deciding what to send – happens on the asyncio
loop, and paho's callbacks hop onto it with ``call_soon_threadsafe``.

What goes out (shapes in ``glow_payload``):
- ``electricitymeter`` at most every ``min_interval_s`` (the Glow CAD's ~10 s), always the newest;
- ``gasmeter`` once per new gas reading: a mirror's figures arrive as several reports within a
  moment, so the message waits ``gas_settle_s`` after the last of them and goes out whole;
- ``STATE`` (retained) on connecting, when the HAN link changes, and every ``state_every_s``;
- prepayment credit, when a meter is in prepayment, on a topic no Glow consumer reads.

Availability is ``<prefix>-cad/<id>/availability`` (retained ``online``/``offline``, also the
broker's will), beside the Glow tree rather than in it. Glow itself publishes no availability and
its consumers never expect one: they subscribe to ``<prefix>/#`` and parse what arrives as Glow
JSON – the Home Assistant integration for the feed treats every topic whose name contains
``STATE`` as the status JSON, others dispatch on the JSON's top key – so a plain ``online``
anywhere under ``<prefix>/`` breaks them; they judge freshness by each message's ``timestamp``
and by messages stopping, which ours do when readings go stale. Home Assistant's discovery
(``ha_discovery``) points every entity at the availability topic: ``offline`` when readings go
stale, the link drops or the CAD stops.

Discovery and every retained message are published again whenever the broker connection comes
back (a restarted broker without persistence has forgotten them) and whenever Home Assistant
announces itself with ``online`` on ``homeassistant/status``.
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

from cad.feed.glow_payload import (
    ELECTRICITY,
    GAS,
    PREPAYMENT,
    Signal,
    Station,
    cad_topic,
    electricity_message,
    gas_message,
    prepayment_message,
    sensor_topic,
    state_message,
    state_topic,
    station_for,
)
from cad.feed.ha_discovery import (
    DISCOVERY_PREFIX,
    STATUS_TOPIC,
    HomeFeatures,
    availability_topic,
    discovery_messages,
    features_of,
)
from cad.feed.settings import FeedSettings
from han.model import HomeModel, LinkState, ModelChange

LOGGER = logging.getLogger(__name__)

MIN_INTERVAL_S: Final = 10.0
CHECK_EVERY_S: Final = 10.0
"""How often availability is re-checked when nothing arrives (a reading going stale is silent)."""
GAS_SETTLE_S: Final = 2.0
STATE_EVERY_S: Final = 60.0


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
        gas_settle_s: float = GAS_SETTLE_S,
        state_every_s: float = STATE_EVERY_S,
        on_status: StatusListener | None = None,
        station: Station | None = None,
        signal: Callable[[], Signal | None] = lambda: None,
        site_ids: Callable[[], dict[str, str]] = dict,
    ) -> None:
        self.model = model
        self.device_id = device_id
        self.settings = settings
        self.station = station or station_for(device_id)
        self._signal = signal
        self._site_ids = site_ids
        self._now = now
        self._min_interval_s = min_interval_s
        self._gas_settle_s = gas_settle_s
        self._state_every_s = state_every_s
        self._on_status = on_status
        self.status = FeedStatus.OFF
        self.published = 0
        self._client: mqtt.Client | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._connected = False
        self._announced: HomeFeatures | None = None
        self._available: bool | None = None
        self._last_electricity_at = -float("inf")
        self._electricity_timer: asyncio.TimerHandle | None = None
        self._gas_timer: asyncio.TimerHandle | None = None
        self._last_gas: dict[str, Any] | None = None
        self._last_prepayment: dict[str, Any] | None = None
        self._link: LinkState | None = None
        self._check_timer: asyncio.TimerHandle | None = None
        self._state_timer: asyncio.TimerHandle | None = None

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
        client.on_message = self._message_cb
        self._client = client
        self._set_status(FeedStatus.CONNECTING, "")
        client.connect_async(self.settings.host, self.settings.port, keepalive=30)
        client.loop_start()
        self._unsubscribe = self.model.subscribe(self._model_changed)
        self._schedule_check()
        self._schedule_state()

    def stop(self) -> None:
        """Say ``offline``, disconnect and end paho's thread (waits for it, briefly)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        for timer in (
            self._electricity_timer,
            self._gas_timer,
            self._check_timer,
            self._state_timer,
        ):
            if timer is not None:
                timer.cancel()
        self._electricity_timer = self._gas_timer = self._check_timer = self._state_timer = None
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

    def _message_cb(self, _c: Any, _u: Any, message: Any) -> None:
        self._hop(self._on_message, message.topic, bytes(message.payload))

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
        self._set_status(FeedStatus.CONNECTED, "")
        if self.settings.discovery:
            self._client.subscribe(STATUS_TOPIC, qos=1)
        self._republish()

    def _republish(self) -> None:
        """Everything again, as to a broker (or a Home Assistant) that has forgotten it all."""
        self._announced = None
        self._available = None
        self._link = None
        self._last_electricity_at = -float("inf")
        self._last_gas = None
        self._last_prepayment = None
        self._publish_due(gas_now=True)

    def _on_message(self, topic: str, payload: bytes) -> None:
        if self._client is None or not self._connected:
            return
        if topic == STATUS_TOPIC and payload.strip().lower() == b"online":
            LOGGER.info("Home Assistant came online: announcing the sensors again")
            self._republish()

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

    def _publish_due(self, *, gas_now: bool = False) -> None:
        now = self._now()
        site_ids = self._site_ids()
        electricity = electricity_message(self.model, now, site_ids)
        gas = gas_message(self.model, now, site_ids)
        self._announce_sensors()
        self._update_availability(electricity is not None or gas is not None)
        if self.model.link is not self._link:
            self._publish_state()
        if gas is not None and gas != self._last_gas:
            if gas_now or self._gas_settle_s <= 0:
                self._publish_gas()
            elif self._loop is not None:
                if self._gas_timer is not None:
                    self._gas_timer.cancel()
                self._gas_timer = self._loop.call_later(self._gas_settle_s, self._publish_gas)
        prepayment = prepayment_message(self.model, now)
        if prepayment is not None and prepayment != self._last_prepayment:
            self._last_prepayment = prepayment
            self._send(
                PREPAYMENT, prepayment, cad_topic(self.settings.prefix, self.device_id, PREPAYMENT)
            )
        wait = self._last_electricity_at + self._min_interval_s - now
        if wait <= 0:
            self._publish_electricity(now, electricity)
        elif self._electricity_timer is None and self._loop is not None:
            self._electricity_timer = self._loop.call_later(wait, self._electricity_due)

    def _publish_gas(self) -> None:
        """The gas reading once its reports have settled: one whole message per new reading."""
        self._gas_timer = None
        if not self._connected:
            return
        gas = gas_message(self.model, self._now(), self._site_ids())
        if gas is not None and gas != self._last_gas:
            self._last_gas = gas
            self._send(GAS, gas)

    def _electricity_due(self) -> None:
        self._electricity_timer = None
        if self._connected:
            now = self._now()
            self._publish_electricity(now, electricity_message(self.model, now, self._site_ids()))

    def _publish_electricity(self, now: float, message: dict[str, Any] | None) -> None:
        if message is not None:
            self._last_electricity_at = now
            self._send(ELECTRICITY, message)

    def _publish_state(self) -> None:
        client = self._client
        if client is None or not self._connected:
            return
        self._link = self.model.link
        message = state_message(self.model, self.station, self._now(), self._signal())
        client.publish(
            state_topic(self.settings.prefix, self.device_id),
            json.dumps(message, separators=(",", ":")),
            qos=1,
            retain=True,
        )
        self.published += 1

    def _announce_sensors(self) -> None:
        if not self.settings.discovery:
            return
        features = features_of(self.model, self._now())
        if self._announced is not None and features <= self._announced:
            return
        # A feature once seen stays announced: a meter that goes quiet is shown unavailable
        # (the LWT), not removed from the person's dashboards.
        self._announced = features if self._announced is None else self._announced | features
        client = self._client
        assert client is not None
        for topic, payload in discovery_messages(
            self.settings.prefix, self.device_id, self._announced, DISCOVERY_PREFIX
        ):
            client.publish(topic, payload, qos=1, retain=True)
            self.published += 1

    def _update_availability(self, live_readings: bool) -> None:
        live = self.model.link is LinkState.CONNECTED and live_readings
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

    def _schedule_state(self) -> None:
        if self._loop is not None:
            self._state_timer = self._loop.call_later(self._state_every_s, self._state_due)

    def _state_due(self) -> None:
        self._publish_state()
        self._schedule_state()

    def check(self) -> None:
        """Re-decide availability now: readings go stale without any message saying so."""
        if self._connected:
            now = self._now()
            site_ids = self._site_ids()
            self._update_availability(
                electricity_message(self.model, now, site_ids) is not None
                or gas_message(self.model, now, site_ids) is not None
            )

    def _send(self, name: str, message: dict[str, Any], topic: str | None = None) -> None:
        assert self._client is not None
        topic = topic or sensor_topic(self.settings.prefix, self.device_id, name)
        self._client.publish(topic, json.dumps(message, separators=(",", ":")), qos=0)
        self.published += 1

    def _set_status(self, status: FeedStatus, why: str) -> None:
        self.status = status
        if self._on_status is not None:
            self._on_status(status, why)

    @property
    def _availability_topic(self) -> str:
        return availability_topic(self.settings.prefix, self.device_id)
