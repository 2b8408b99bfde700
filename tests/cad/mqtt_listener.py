"""A test's own MQTT client on the broker: everything published, in arrival order."""

from __future__ import annotations

import asyncio
import queue
from typing import Any

import paho.mqtt.client as mqtt


class Listener:
    """Everything published on the broker, as (topic, payload, retained) in arrival order."""

    def __init__(self, port: int, name: str = "listener") -> None:
        self.messages: queue.SimpleQueue[tuple[str, bytes, bool]] = queue.SimpleQueue()
        self.seen: list[tuple[str, bytes, bool]] = []
        self.client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"test-{name}")
        self.client.on_message = lambda _c, _u, m: self.messages.put(
            (m.topic, bytes(m.payload), m.retain)
        )
        self.client.connect("127.0.0.1", port)
        self.client.subscribe("#", qos=1)
        self.client.loop_start()

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()

    async def wait_for(self, wanted: Any, timeout_s: float = 10.0) -> tuple[str, bytes, bool]:
        """The first message (already seen or arriving) for which ``wanted(topic, payload)``."""
        async with asyncio.timeout(timeout_s):
            while True:
                for message in self.seen:
                    if wanted(message[0], message[1]):
                        return message
                while not self.messages.empty():
                    self.seen.append(self.messages.get())
                await asyncio.sleep(0.01)

    def last(self, topic: str) -> bytes | None:
        while not self.messages.empty():
            self.seen.append(self.messages.get())
        found = [payload for seen_topic, payload, _ in self.seen if seen_topic == topic]
        return found[-1] if found else None
