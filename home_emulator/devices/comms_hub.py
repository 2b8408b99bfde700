"""The comms hub (CHF) as the HAN sees it: time, supplier messages, the device log, outages.

zigpy is the coordinator of the network it runs, so the hub's *services* are an emulated node on the
air: a Time server (the HAN's clock, also under acceleration), a Messaging server (supplier messages,
some needing the consumer's confirmation), an OTA Upgrade server (firmware for consumer devices,
``ota_server.py``), and – on a second endpoint – the gas proxy's mirror.
"""

from __future__ import annotations

import functools
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import zigpy.types as t
from zigpy.zcl import foundation as f

from han.clusters import BASIC_CLUSTER, MESSAGING_CLUSTER, OTA_CLUSTER, TIME_CLUSTER
from han.clusters.messaging import MessageControl
from home_emulator.devices.device_log import DeviceLog
from home_emulator.devices.ota_server import OtaServer
from home_emulator.zigbee.node import EmulatedEndpoint, EmulatedNode
from home_emulator.zigbee.zcl_server import CommandReply, ServerCluster, encode_general

LOGGER = logging.getLogger(__name__)

HUB_ENDPOINT = 1
HUB_DEVICE_ID = 0x0500  # Smart Energy "Energy Service Interface"
TIME_ATTRIBUTES = (0x0000, 0x0001)
"""Time and TimeStatus: what a meter reads to keep the HAN's clock (the hub is its master)."""
ZIGBEE_EPOCH_S = int(datetime(2000, 1, 1, tzinfo=ZoneInfo("UTC")).timestamp())
OUTAGE_ALERT_AFTER_S = 180
"""GB hubs alert an outage once mains has been lost for more than three minutes."""
UNTIL_CANCELLED = 0xFFFF

IMPORTANCE = {
    "low": 0x00,
    "medium": MessageControl.importance_medium,
    "high": MessageControl.importance_high,
    "critical": MessageControl.importance_critical,
}


def zigbee_time(epoch_s: float) -> int:
    return int(epoch_s) - ZIGBEE_EPOCH_S


@dataclass
class SupplierMessage:
    message_id: int
    text: str
    importance: str
    confirmation_required: bool
    start_s: float
    duration_min: int = UNTIL_CANCELLED
    confirmed_at_s: float | None = None
    cancelled: bool = False

    @property
    def control(self) -> int:
        bits = IMPORTANCE[self.importance]
        return bits | (MessageControl.confirmation_required if self.confirmation_required else 0)


@dataclass(frozen=True)
class HubEvent:
    at_s: float
    kind: str
    detail: str = ""


@dataclass
class CommsHub:
    ieee: str
    nwk: int
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/London"))
    device_log: DeviceLog = field(default_factory=DeviceLog)
    messages: dict[int, SupplierMessage] = field(default_factory=dict)
    events: list[HubEvent] = field(default_factory=list)
    mains_lost_at_s: float | None = None
    live_now: Callable[[], float] | None = None
    """The home's time at this instant, between two steps of its meters: a hub's clock ticks every
    second, so a display reading it twice five seconds apart sees five seconds pass, not 0 or 10."""
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self) -> None:
        self.time = ServerCluster(
            TIME_CLUSTER,
            {
                # Master clock, synchronised, master for time zone and DST.
                "time_status": 0b0000_1011,
                "time_zone": 0,
                "dst_shift": 3600,
            },
        )
        self.time.before_read = self._tell_the_time
        self.messaging = ServerCluster(MESSAGING_CLUSTER)
        self.messaging.on_command("get_last_message", self._last_message)
        self.messaging.on_command("message_confirmation", self._confirmation)
        basic = ServerCluster(
            BASIC_CLUSTER,
            {
                "zcl_version": 3,
                "manufacturer": "Emulated Comms Hub Co",
                "model": "CHF-1",
                "power_source": 1,
            },
        )
        self.node = EmulatedNode(
            ieee=t.EUI64.convert(self.ieee),
            nwk=self.nwk,
            manufacturer_code=0x1234,
            endpoints={
                HUB_ENDPOINT: EmulatedEndpoint(
                    HUB_ENDPOINT,
                    HUB_DEVICE_ID,
                    {
                        BASIC_CLUSTER: basic,
                        TIME_CLUSTER: self.time,
                        MESSAGING_CLUSTER: self.messaging,
                    },
                )
            },
        )
        self._now_s = 0.0
        self.ota = OtaServer(self.node, HUB_ENDPOINT, log=self._log_event)
        self.node.endpoints[HUB_ENDPOINT].servers[OTA_CLUSTER] = self.ota.cluster

    def _log_event(self, kind: str, detail: str) -> None:
        self.events.append(HubEvent(self._now_s, kind, detail))

    # Clock --------------------------------------------------------------------------------

    def advance_to(self, epoch_s: float) -> None:
        self._now_s = epoch_s
        local = datetime.fromtimestamp(epoch_s, self.zone)
        dst_start, dst_end = _dst_bounds(local.year, self.zone)
        self.time.set("dst_start", zigbee_time(dst_start))
        self.time.set("dst_end", zigbee_time(dst_end))
        self._set_time(epoch_s)

    def _tell_the_time(self) -> None:
        if self.live_now is not None:
            self._set_time(self.live_now())

    def _set_time(self, epoch_s: float) -> None:
        local = datetime.fromtimestamp(epoch_s, self.zone)
        local_offset = int((local.utcoffset() or timedelta()).total_seconds())
        self.time.set("time", zigbee_time(epoch_s))
        self.time.set("standard_time", zigbee_time(epoch_s))
        self.time.set("local_time", zigbee_time(epoch_s) + local_offset)

    def time_request(self, node: EmulatedNode, endpoint: int) -> t.ZigbeePacket:
        """A meter asking the hub the time: Read Attributes of Time and TimeStatus, from the
        meter's ``endpoint`` to the hub's Time server. The hub answers like any read."""
        data = encode_general(
            node.next_tsn(),
            f.GeneralCommand.Read_Attributes,
            f.Direction.Client_to_Server,
            attribute_ids=list(TIME_ATTRIBUTES),
        )
        return node.packet(endpoint, HUB_ENDPOINT, TIME_CLUSTER, data, self.nwk)

    # Supplier messages --------------------------------------------------------------------

    def send_message(
        self,
        text: str,
        *,
        confirm: bool = False,
        importance: str = "medium",
        duration_min: int = UNTIL_CANCELLED,
        message_id: int | None = None,
    ) -> tuple[SupplierMessage, list[t.ZigbeePacket]]:
        """Store a message and return the DisplayMessage frames for every bound display."""
        if importance not in IMPORTANCE:
            raise ValueError(f"importance must be one of {', '.join(IMPORTANCE)}")
        if message_id is None:
            message_id = next(self._message_ids)
        if message_id in self.messages:
            raise ValueError(f"message #{message_id} was already sent")
        message = SupplierMessage(message_id, text, importance, confirm, self._now_s, duration_min)
        self.messages[message.message_id] = message
        self.events.append(HubEvent(self._now_s, "message sent", f"#{message.message_id}: {text}"))
        return message, self._to_bound_displays("display_message", self._display_fields(message))

    def cancel_message(self, message_id: int) -> list[t.ZigbeePacket]:
        message = self.messages.get(message_id)
        if message is None or message.cancelled:
            raise KeyError(f"no active message #{message_id}")
        message.cancelled = True
        self.events.append(HubEvent(self._now_s, "message cancelled", f"#{message_id}"))
        return self._to_bound_displays(
            "cancel_message", {"message_id": message_id, "message_control": message.control}
        )

    def _display_fields(self, message: SupplierMessage) -> dict[str, Any]:
        return {
            "message_id": message.message_id,
            "message_control": message.control,
            "start_time": zigbee_time(message.start_s),
            "duration_in_minutes": message.duration_min,
            # Whole: a text longer than one frame travels as APS fragments (air/fragments.py).
            "message": t.CharacterString(message.text),
        }

    def _last_message(self, _request: Any) -> CommandReply:
        active = [m for m in self.messages.values() if not m.cancelled]
        if not active:
            return f.Status.NOT_FOUND
        return "display_message", self._display_fields(active[-1])

    def _confirmation(self, request: Any) -> CommandReply:
        message = self.messages.get(int(request.message_id))
        if message is None:
            return f.Status.NOT_FOUND
        message.confirmed_at_s = self._now_s
        self.events.append(HubEvent(self._now_s, "message confirmed", f"#{message.message_id}"))
        return f.Status.SUCCESS

    def _to_bound_displays(self, command: str, fields: dict[str, Any]) -> list[t.ZigbeePacket]:
        self.node.to_bound(HUB_ENDPOINT, self.messaging.cluster_id, command, fields)
        return self.node.take_outbox()

    # Mains power --------------------------------------------------------------------------

    def mains_lost(self, at_s: float) -> None:
        if self.mains_lost_at_s is None:
            self.mains_lost_at_s = at_s
            self.events.append(HubEvent(at_s, "mains lost"))

    def mains_restored(self, at_s: float) -> None:
        if self.mains_lost_at_s is None:
            return
        lasted = at_s - self.mains_lost_at_s
        if lasted > OUTAGE_ALERT_AFTER_S:
            self.events.append(
                HubEvent(
                    self.mains_lost_at_s + OUTAGE_ALERT_AFTER_S,
                    "power outage alert",
                    "mains lost > 3 min",
                )
            )
        self.events.append(HubEvent(at_s, "mains restored", f"after {lasted:.0f} s"))
        self.mains_lost_at_s = None

    @property
    def outage_alerted(self) -> bool:
        lost = self.mains_lost_at_s
        return lost is not None and self._now_s - lost > OUTAGE_ALERT_AFTER_S

    # Persistence (home_store) ---------------------------------------------------------------

    @property
    def next_message_id(self) -> int:
        """The id the next message sent without one will get; kept across restarts so a restored
        hub never reuses an id a display has already seen."""
        following = next(self._message_ids)
        self._message_ids = itertools.count(following)  # a counter cannot be peeked: re-seed it
        return following

    @next_message_id.setter
    def next_message_id(self, value: int) -> None:
        self._message_ids = itertools.count(value)


@functools.lru_cache(maxsize=8)
def _dst_bounds(year: int, zone: ZoneInfo) -> tuple[float, float]:
    """When daylight saving starts and ends in ``year``, found from the zone's own rules."""
    transitions = []
    moment = datetime(year, 1, 1, tzinfo=ZoneInfo("UTC"))
    previous = moment.astimezone(zone).utcoffset()
    # Day by day, then hour by hour inside the day that changes: ~400 look-ups, once per year.
    while moment.year == year:
        following = moment + timedelta(days=1)
        if following.astimezone(zone).utcoffset() != previous:
            hour = moment
            while hour.astimezone(zone).utcoffset() == previous:
                hour += timedelta(hours=1)
            transitions.append(hour.timestamp())
            previous = hour.astimezone(zone).utcoffset()
        moment = following
    if len(transitions) != 2:
        return 0.0, 0.0  # a zone without daylight saving
    return transitions[0], transitions[1]
