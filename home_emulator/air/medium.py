"""The emulated HAN's medium: every frame between the displays and the emulated nodes passes here.

Each display runs its own zigpy, and zigpy is always the coordinator of the network it runs: every
display is NWK 0x0000 in its own view of the HAN. What tells displays apart on this air is their
EUI-64, so the air carries several coordinators keyed by ``Coordinator.ieee`` and routes by it:

- an answer goes back to the display that asked (``to_node(packet, sender)``);
- a frame a node addresses by binding carries the bound display's EUI-64 as its destination
  (``AddrMode.IEEE``) and goes to that display only;
- anything else – a join announcement, a frame addressed to NWK 0x0000 – goes to every display.

The hub's device log decides, per display and per frame, who hears anything (``admits``). Displays
are pluggable – the in-process virtual radio, a TCP link to a served home (``air_server.py``), an
emulated USB coordinator later – and taps see every frame once, with its direction.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import ClassVar, Protocol

import zigpy.types as t

from home_emulator.zigbee.node import EmulatedNode

Tap = Callable[[t.ZigbeePacket, str], None]
"""Called with each frame and its direction: "up" (node → display), "down", or "across" (node →
node: a display never receives it)."""

_IEEE = t.AddrMode.IEEE
DEFAULT_PAN_ID = 0x1A62
DEFAULT_CHANNEL = 15
"""The PAN of a HAN whose coordinator has not said otherwise (the virtual radio's)."""
_CLIENT_TO_SERVER_MASK = 0x08
ACROSS = "across"
"""A tap's direction for a frame between two nodes."""


class Coordinator(Protocol):
    """A display's radio as the air sees it."""

    @property
    def ieee(self) -> t.EUI64: ...

    def frame_from_air(self, packet: t.ZigbeePacket) -> None: ...

    def node_joined(self, nwk: int, ieee: t.EUI64) -> None: ...

    def node_left(self, nwk: int, ieee: t.EUI64) -> None: ...


class NoSuchNode(LookupError):
    pass


class NotAdmitted(PermissionError):
    """A node not in the hub's device log tried to join."""


class AlreadyAttached(ValueError):
    """A second display with an EUI-64 already on the air: the air could not tell them apart."""


class Air:
    _registry: ClassVar[dict[str, Air]] = {}
    _ids = itertools.count(1)

    def __init__(self) -> None:
        self.nodes: dict[int, EmulatedNode] = {}
        # (EUI-64, display) pairs: the EUI-64 is read once at attach, and a short list scanned
        # with == beats hashing an EUI64 (its hash formats a string) on every frame. The list is
        # replaced, never changed in place, so a display leaving mid-delivery is safe.
        self._displays: list[tuple[t.EUI64, Coordinator]] = []
        self.admits: Callable[[t.EUI64], bool] = lambda _eui64: True
        """The hub's device log: who may be on this HAN at all."""
        self.role_of: Callable[[t.EUI64], str | None] = lambda _eui64: None
        """The kind of device a display is in the device log (a CAD may only read)."""
        self.guest_access: Callable[[EmulatedNode, t.ZigbeePacket], bool] = lambda _node, _packet: (
            False
        )
        """Whether a display not (yet) in the device log may send this frame: the hub's pairing
        window lets a new CAD reach the hub's pairing service, and nothing else."""
        self.taps: list[Tap] = []
        self.pan_id = DEFAULT_PAN_ID
        """The HAN's PAN as the network's coordinator formed it (a capture stamps it)."""
        self.channel = DEFAULT_CHANNEL
        """The channel the HAN is on; a channel change moves every node on it."""
        self.extended_pan_id = t.EUI64(bytes(8))
        """The network's extended PAN id, once a coordinator has formed or resumed it."""
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
        self._displays = []

    # Displays ------------------------------------------------------------------------------

    @property
    def coordinators(self) -> list[Coordinator]:
        """The displays on the air, in the order they attached."""
        return [display for _, display in self._displays]

    def attach(self, coordinator: Coordinator) -> None:
        """A display's network is up: it hears the nodes already on the air, if it is admitted."""
        ieee = t.EUI64(coordinator.ieee)
        if any(known == ieee for known, _ in self._displays):
            raise AlreadyAttached(f"a display with EUI-64 {ieee} is already on this HAN")
        self._displays = [*self._displays, (ieee, coordinator)]
        if self.admits(ieee):
            for node in list(self.nodes.values()):
                coordinator.node_joined(node.nwk, node.ieee)

    def invite(self, node: EmulatedNode) -> None:
        """Show ``node`` to displays outside the device log (a hub listening for a new CAD)."""
        for ieee, display in list(self._displays):
            if not self.admits(ieee):
                display.node_joined(node.nwk, node.ieee)

    def welcome(self, ieee: t.EUI64) -> None:
        """A display just added to the device log: it now sees every node on the HAN."""
        for known, display in list(self._displays):
            if known == ieee:
                for node in list(self.nodes.values()):
                    display.node_joined(node.nwk, node.ieee)

    def detach(self, coordinator: Coordinator) -> None:
        self._displays = [entry for entry in self._displays if entry[1] is not coordinator]

    # Nodes ---------------------------------------------------------------------------------

    def join(self, node: EmulatedNode, *, outside_the_han: bool = False) -> None:
        """A node joins. ``outside_the_han``: a household's own device (a pulse reader) that the
        displays' own networks carry – the hub's device log has no say over it."""
        if not outside_the_han and not self.admits(node.ieee):
            raise NotAdmitted(f"{node.ieee} is not in the hub's device log: it cannot join")
        self.nodes[node.nwk] = node
        for ieee, display in list(self._displays):
            if self.admits(ieee):
                display.node_joined(node.nwk, node.ieee)

    def leave(self, node: EmulatedNode) -> None:
        if self.nodes.pop(node.nwk, None) is None:
            return
        for ieee, display in list(self._displays):
            if self.admits(ieee):
                display.node_left(node.nwk, node.ieee)

    # Frames --------------------------------------------------------------------------------

    def to_node(self, packet: t.ZigbeePacket, sender: Coordinator | None = None) -> None:
        """A frame from a display; the addressed node's answers go straight back to ``sender``.

        Without a sender (tools, tests) the answers go to every display. A display the device log
        does not admit reaches nothing, as if it were not on the HAN at all.
        """
        for tap in self.taps:
            tap(packet, "down")
        address = packet.dst.address if packet.dst is not None else None
        node = self.nodes.get(address) if isinstance(address, int) else None
        if (
            node is None
            or not node.powered
            or (
                sender is not None
                and not self.admits(sender.ieee)
                and not self.guest_access(node, packet)
            )
        ):
            raise NoSuchNode(f"no node {address!r} on the air")
        role = self.role_of(t.EUI64(sender.ieee)) if sender is not None else None
        requester = t.EUI64(sender.ieee) if sender is not None else None
        for answer in node.receive(packet, role=role, requester=requester):
            for tap in self.taps:
                tap(answer, "up")
            if sender is not None:
                sender.frame_from_air(answer)
            else:
                self._to_every_display(answer)

    def to_coordinator(self, packet: t.ZigbeePacket) -> None:
        """A frame from a node: to the display it names by EUI-64, else to every display."""
        for tap in self.taps:
            tap(packet, "up")
        dst = packet.dst
        if dst is not None and dst.addr_mode is _IEEE:
            # The report path at up to 100,000× real time: no allocation, no hashing.
            for ieee, display in self._displays:
                if ieee == dst.address:
                    if self.admits(ieee):
                        display.frame_from_air(packet)
                    return
            return  # bound to a display that is not attached now: the frame is lost, as on air
        self._to_every_display(packet)

    def between_nodes(self, packet: t.ZigbeePacket) -> list[t.ZigbeePacket]:
        """A frame from one node of the HAN to another (the gas meter to the gas proxy on the hub,
        a meter asking the hub the time). Displays do not hear it; taps do. The addressee answers
        what a client asks (a read) and the answers, returned, are on the air too; what a server
        pushes (a report to a mirror) the hub takes in in-process."""
        for tap in self.taps:
            tap(packet, ACROSS)
        address = packet.dst.address if packet.dst is not None else None
        node = self.nodes.get(address) if isinstance(address, int) else None
        data = packet.data.serialize()
        if node is None or not node.powered or not data or data[0] & _CLIENT_TO_SERVER_MASK:
            return []
        answers = node.receive(packet)
        for answer in answers:
            for tap in self.taps:
                tap(answer, ACROSS)
        return answers

    def _to_every_display(self, packet: t.ZigbeePacket) -> None:
        for ieee, display in self._displays:
            if self.admits(ieee):
                display.frame_from_air(packet)
