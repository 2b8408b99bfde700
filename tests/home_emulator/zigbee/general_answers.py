"""What a node answered to a general ZCL command, read from the frame's payload.

zigpy builds each general command's schema at run time, so its fields are not known to the type
checker; the schema's ``as_dict`` is. The tests read the statuses through it here, once.
"""

from __future__ import annotations

from typing import Any

from zigpy.zcl import foundation as f


def _fields(command: f.GeneralCommand, payload: bytes) -> dict[str, Any]:
    response, _ = f.GENERAL_COMMANDS[command].schema.deserialize(payload)
    fields: dict[str, Any] = response.as_dict()
    return fields


def default_response_status(payload: bytes) -> f.Status:
    return f.Status(_fields(f.GeneralCommand.Default_Response, payload)["status"])


def record_statuses(command: f.GeneralCommand, payload: bytes) -> list[f.Status]:
    """The status of each record of a Read Attributes or Configure Reporting response."""
    return [f.Status(record.status) for record in _fields(command, payload)["status_records"]]
