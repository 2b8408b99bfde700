"""What the emulated EmberZNet NCP says about itself when the host asks it over ZDO (node
descriptor, endpoints): the answers shared by every emulated stick
(``home_emulator/zigbee/coordinator_zdo.py``), with an EFR32's figures. Its host scans the band with
EZSP's own ``startScan``, not over ZDO.
"""

from __future__ import annotations

from home_emulator.zigbee.coordinator_zdo import HostEndpoint, Stick

Endpoint = HostEndpoint
"""An endpoint the host added with ``addEndpoint`` since the last reset."""

SILICON_LABS_MANUFACTURER_CODE = 0x1002
EMBER_ZNET = Stick(
    manufacturer_code=SILICON_LABS_MANUFACTURER_CODE,
    maximum_buffer_size=82,
    maximum_incoming_transfer_size=82,
    maximum_outgoing_transfer_size=82,
)


def answer(
    cluster_id: int, data: bytes, endpoints: dict[int, HostEndpoint]
) -> tuple[int, bytes] | None:
    """(response cluster, response frame with the request's TSN) or None: nothing to say."""
    return EMBER_ZNET.answer(cluster_id, data, endpoints)
