"""Make frames that fail to decode visible instead of silently dropped.

zigpy catches a decoding error deep inside its device pipeline and only logs it at debug level. The GB
clusters override the public ``Cluster.deserialize`` hook, emit an ``undecodable_frame`` event the HAN
session counts, and re-raise so zigpy still drops the frame exactly as before.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Final

from zigpy.zcl import Cluster

LOGGER = logging.getLogger(__name__)

UNDECODABLE_FRAME: Final = "undecodable_frame"


@dataclass(frozen=True, kw_only=True)
class UndecodableFrame:
    device_ieee: str
    endpoint_id: int
    cluster_id: int
    data: bytes
    reason: str


class ReportsUndecodableFrames(Cluster):
    """Mixin for GB clusters: a frame that does not decode is logged, announced and dropped."""

    _skip_registry = True

    def deserialize(self, data: bytes) -> tuple[Any, Any]:
        try:
            return super().deserialize(data)
        except Exception as error:
            frame = UndecodableFrame(
                device_ieee=str(self.endpoint.device.ieee),
                endpoint_id=self.endpoint.endpoint_id,
                cluster_id=self.cluster_id,
                data=bytes(data),
                reason=f"{type(error).__name__}: {error}",
            )
            LOGGER.warning(
                "Ignoring undecodable frame from %s ep %d cluster 0x%04X (%s): %s",
                frame.device_ieee,
                frame.endpoint_id,
                frame.cluster_id,
                frame.reason,
                frame.data.hex(" "),
            )
            self.emit(UNDECODABLE_FRAME, frame)
            raise
