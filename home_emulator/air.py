"""The emulated HAN's medium: every frame between the coordinator and the emulated nodes passes here.

The coordinator side is pluggable – the in-process virtual radio today, an emulated USB coordinator
later – and taps see every frame in both directions (packet captures, benchmarks, tests).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import ClassVar, Protocol

import zigpy.types as t

from home_emulator.node import EmulatedNode

Tap = Callable[[t.ZigbeePacket, str], None]
"""Called with each frame and its direction: "up" (node → coordinator) or "down"."""


class Coordinator(Protocol):
    @property
    def ieee(self) -> t.EUI64: ...

    def frame_from_air(self, packet: t.ZigbeePacket) -> None: ...

    def node_joined(self, nwk: int, ieee: t.EUI64) -> None: ...

    def node_left(self, nwk: int, ieee: t.EUI64) -> None: ...


class NoSuchNode(LookupError):
    pass


class NotAdmitted(PermissionError):
    """A node not in the hub's device log tried to join."""


class Air:
    _registry: ClassVar[dict[str, Air]] = {}
    _ids = itertools.count(1)

    def __init__(self) -> None:
        self.nodes: dict[int, EmulatedNode] = {}
        self.coordinator: Coordinator | None = None
        self.admits: Callable[[t.EUI64], bool] = lambda _eui64: True
        """The hub's device log: who may be on this HAN at all."""
        self.taps: list[Tap] = []
        self.path = f"air://{next(self._ids)}"
        Air._registry[self.path] = self

    @classmethod
    def at(cls, path: str) -> Air:
        """The air a radio's device path names, as a serial port names a stick."""
        try:
            return cls._registry[path]
        except KeyError:
            raise NoSuchNode(f"no emulated HAN at {path!r}") from None

    def close(self) -> None:
        Air._registry.pop(self.path, None)
        self.coordinator = None

    def attach(self, coordinator: Coordinator) -> None:
        self.coordinator = coordinator
        if self.admits(coordinator.ieee):
            for node in self.nodes.values():
                coordinator.node_joined(node.nwk, node.ieee)

    @property
    def _coordinator_admitted(self) -> bool:
        return self.coordinator is not None and self.admits(self.coordinator.ieee)

    def detach(self, coordinator: Coordinator) -> None:
        if self.coordinator is coordinator:
            self.coordinator = None

    def join(self, node: EmulatedNode) -> None:
        if not self.admits(node.ieee):
            raise NotAdmitted(f"{node.ieee} is not in the hub's device log: it cannot join")
        self.nodes[node.nwk] = node
        if self.coordinator is not None and self._coordinator_admitted:
            self.coordinator.node_joined(node.nwk, node.ieee)

    def leave(self, node: EmulatedNode) -> None:
        if self.nodes.pop(node.nwk, None) is not None and self.coordinator is not None:
            self.coordinator.node_left(node.nwk, node.ieee)

    def to_node(self, packet: t.ZigbeePacket) -> None:
        """A frame from the coordinator; the addressed node's answers go straight back up."""
        for tap in self.taps:
            tap(packet, "down")
        address = packet.dst.address if packet.dst is not None else None
        node = self.nodes.get(address) if isinstance(address, int) else None
        if node is None or not node.powered or not self._coordinator_admitted:
            raise NoSuchNode(f"no node {address!r} on the air")
        for answer in node.receive(packet):
            self.to_coordinator(answer)

    def to_coordinator(self, packet: t.ZigbeePacket) -> None:
        for tap in self.taps:
            tap(packet, "up")
        if self.coordinator is not None and self._coordinator_admitted:
            self.coordinator.frame_from_air(packet)
