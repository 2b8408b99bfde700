"""Make frames that fail to decode visible instead of silently dropped.

zigpy catches a decoding error deep inside its device pipeline and only logs it at debug level. The GB
clusters override the public ``Cluster.deserialize`` hook, emit an ``undecodable_frame`` event the HAN
session counts, and re-raise so zigpy still drops the frame exactly as before.

A frame that decodes but reports an attribute in another data type than the attribute's own (a
character string for the demand, a uint24 for a uint48 register, a bitmap for the payment mode) or
with a value its type cannot hold is undecodable too: taken as it is, it would show a wrong value.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Final

from zigpy.zcl import Cluster
from zigpy.zcl import foundation as f

from han.quiet_log import QuietLog

LOGGER = logging.getLogger(__name__)
_QUIET = QuietLog(LOGGER)
"""A peer sending garbage costs kilobytes of log, not megabytes."""

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
            header, args = super().deserialize(data)
            self._check_types(header, args)
            return header, args
        except Exception as error:
            frame = UndecodableFrame(
                device_ieee=str(self.endpoint.device.ieee),
                endpoint_id=self.endpoint.endpoint_id,
                cluster_id=self.cluster_id,
                data=bytes(data),
                reason=f"{type(error).__name__}: {error}",
            )
            _QUIET.warning(
                "Ignoring undecodable frame from %s ep %d cluster 0x%04X (%s): %s",
                frame.device_ieee,
                frame.endpoint_id,
                frame.cluster_id,
                frame.reason,
                frame.data.hex(" "),
            )
            self.emit(UNDECODABLE_FRAME, frame)
            raise

    def _check_types(self, header: f.ZCLHeader, args: Any) -> None:
        """Raise for an attribute value whose data type is not the attribute's own.

        zigpy decoded the value by the data type the frame names; every GB attribute's type takes
        every value of its own data type (``tests/han/test_hostile_reports.py`` walks them), so
        the data type's id is the whole check."""
        if not header.frame_control.is_general:
            return
        if header.command_id == f.GeneralCommand.Report_Attributes:
            values = [(record.attrid, record.value) for record in args.attribute_reports]
        elif header.command_id == f.GeneralCommand.Read_Attributes_rsp:
            values = [
                (record.attrid, record.value)
                for record in args.status_records
                if record.status == f.Status.SUCCESS
            ]
        else:
            return
        for attrid, typed in values:
            attribute = self.attributes.get(attrid)
            if attribute is None:
                continue  # unknown to the display: zigpy keeps it aside, nothing shows it
            if int(typed.type) != int(attribute.zcl_type):
                raise WrongDataType(
                    f"attribute 0x{int(attrid):04X} ({attribute.name}) sent as data type"
                    f" 0x{int(typed.type):02X}, not its own 0x{int(attribute.zcl_type):02X}"
                )


class WrongDataType(ValueError):
    """An attribute value in another data type than the attribute's."""
