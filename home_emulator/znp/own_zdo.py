"""What the emulated Z-Stack says about itself when the host asks it over ZDO (node descriptor,
endpoints, energy scans): the answers shared by every emulated stick
(``home_emulator/zigbee/coordinator_zdo.py``), with a CC2652's figures. Z-Stack answers an energy
scan addressed to itself, reading the band as the home hears it (``home_emulator/air/spectrum.py``).
"""

from __future__ import annotations

from home_emulator.air import spectrum
from home_emulator.zigbee.coordinator_zdo import HostEndpoint, Stick

RegisteredEndpoint = HostEndpoint
"""An endpoint the host registered with AF register since the last reset."""

TI_MANUFACTURER_CODE = 0x0000
Z_STACK = Stick(
    manufacturer_code=TI_MANUFACTURER_CODE,
    maximum_buffer_size=80,
    maximum_incoming_transfer_size=160,
    maximum_outgoing_transfer_size=160,
)


def answer(
    cluster_id: int,
    data: bytes,
    endpoints: dict[int, HostEndpoint],
    *,
    han_channel: int | None = None,
    scan: int = 0,
) -> tuple[int, bytes] | None:
    """(response cluster, response frame with the request's TSN) or None: nothing to say.
    ``scan`` counts the scans answered before: each reads the band a little differently."""
    return Z_STACK.answer(
        cluster_id,
        data,
        endpoints,
        energy=lambda channel: spectrum.energy(channel, han_channel, scan),
    )
