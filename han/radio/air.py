"""Adapting zigpy to the Smart Energy profile.

zigpy 2.x parses ZCL only for the Home Automation and ZLL profiles and drops every frame whose profile
is Smart Energy (0x0109) as "custom profile" – which would silently discard every GB meter's reports.
ZCL framing does not depend on the profile, so frames arriving on the SE profile are handed to zigpy's
ZCL pipeline under the HA profile id. Outgoing requests are untouched: zigpy sends them with the
endpoint's own profile (0x0109), as a GB meter expects.

zigpy hands on a frame's attribute records one by one and does not say when a frame is done. The
application says it: once zigpy has handled a frame – or, inside ``frames_together``, a run of
frames a radio delivers at once – its ``after_frames`` followers hear of it, so what the records
set can be applied as one change.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import zigpy.profiles.zha
import zigpy.types as t
from zigpy.application import ControllerApplication

from han.clusters import SE_PROFILE_ID
from han.events import Emitter, Unsubscribe

_HA_PROFILE_ID = t.uint16_t(zigpy.profiles.zha.PROFILE_ID)


class SmartEnergyAware:
    """Mixin for any zigpy ``ControllerApplication``: delivers SE-profile frames to zigpy's ZCL layer,
    and says when the frames it was handed have been handled."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._frames_handled: Emitter[None] = Emitter("radio's frames")
        self._frames_held = 0

    def after_frames(self, follower: Callable[[], object]) -> Unsubscribe:
        """Call ``follower`` each time zigpy has handled a frame, or a run of frames handed over
        together: the records they carried have all been heard."""
        return self._frames_handled.subscribe(lambda _: follower())

    @contextlib.contextmanager
    def frames_together(self) -> Iterator[None]:
        """The frames handed over inside this block are one run: followers hear once, after it."""
        self._frames_held += 1
        try:
            yield
        finally:
            self._frames_held -= 1
            if not self._frames_held:
                self._frames_handled.emit(None)

    def packet_received(self, packet: t.ZigbeePacket) -> None:
        if packet.profile_id == SE_PROFILE_ID:
            packet = _as_home_automation(packet)
        try:
            super().packet_received(packet)  # type: ignore[misc]
        finally:
            # Even a frame zigpy failed on part-way may have handed records on before it failed.
            if not self._frames_held:
                self._frames_handled.emit(None)


def _as_home_automation(packet: t.ZigbeePacket) -> t.ZigbeePacket:
    """A copy of ``packet`` under the HA profile id; the radio library's own packet is untouched.

    What ``packet.replace(profile_id=...)`` gives, without going through ``dataclasses.replace``
    (which rebuilds the packet field by field through its ``__init__``): every frame a meter
    sends takes this path, so its cost counts against zigpy's own decoding."""
    copy = object.__new__(type(packet))
    copy.__dict__.update(packet.__dict__)
    copy.profile_id = _HA_PROFILE_ID
    return copy


def smart_energy_application(
    radio_application: type[ControllerApplication],
) -> type[ControllerApplication]:
    """The radio library's ControllerApplication, taught to accept Smart Energy frames."""
    if issubclass(radio_application, SmartEnergyAware):
        return radio_application
    namespace: dict[str, Any] = {"__module__": __name__}
    return type(
        f"SmartEnergy{radio_application.__name__}", (SmartEnergyAware, radio_application), namespace
    )
