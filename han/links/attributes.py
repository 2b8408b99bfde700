"""Reading attributes the way a small radio frame allows: a few at a time, failures as absences.

A ZigBee frame carries about 80 bytes of payload, so a display asking for a meter's 29 history
attributes asks in several requests. An attribute the meter does not have, and a request that gets no
answer, both leave the attribute out of the result: callers treat absence as "not known".
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, Final

from zigpy.exceptions import ZigbeeException
from zigpy.zcl import Cluster
from zigpy.zcl.foundation import ZCLAttributeDef

LOGGER = logging.getLogger(__name__)

ATTRIBUTES_PER_READ: Final = 8
"""Eight 48-bit records (id, status, type, value: 10 bytes each) fit one frame with room to spare."""


async def read_attributes(
    cluster: Cluster, names: Sequence[str], *, per_read: int = ATTRIBUTES_PER_READ
) -> dict[str, Any]:
    """The attributes the meter answered with, by name (missing: unsupported or unanswered)."""
    values: dict[str, Any] = {}
    for first in range(0, len(names), per_read):
        chunk: list[int | str | ZCLAttributeDef] = list(names[first : first + per_read])
        try:
            success, failure = await cluster.read_attributes(chunk)
        except (ZigbeeException, TimeoutError) as error:
            LOGGER.info("Reading %s from %s failed: %s", chunk, _where(cluster), error)
            continue
        if failure:
            LOGGER.debug("%s does not support %s", _where(cluster), failure)
        values.update(success)
    return values


def _where(cluster: Cluster) -> str:
    endpoint = cluster.endpoint
    return f"{endpoint.device.ieee}/{endpoint.endpoint_id} 0x{cluster.cluster_id:04X}"
