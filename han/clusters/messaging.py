"""Messaging (0x0703): supplier messages for the display, and the consumer's confirmation."""

from __future__ import annotations

from typing import Final

import zigpy.types as t
from zigpy.zcl.clusters.smartenergy import Messaging
from zigpy.zcl.foundation import BaseCommandDefs, ZCLCommandDef

from han.clusters.undecodable import ReportsUndecodableFrames


class MessageControl(t.bitmap8):
    """Transmission bits 0–1, importance bits 2–3, enhanced confirmation bit 5, confirmation bit 7."""

    importance_medium = 0x04
    importance_high = 0x08
    importance_critical = 0x0C
    enhanced_confirmation_required = 0x20
    confirmation_required = 0x80


class GBMessaging(ReportsUndecodableFrames, Messaging):
    _skip_registry = False

    class ServerCommandDefs(BaseCommandDefs):
        get_last_message: Final = ZCLCommandDef(id=0x00, schema={})
        message_confirmation: Final = ZCLCommandDef(
            id=0x01,
            schema={
                "message_id": t.uint32_t,
                "confirmation_time": t.UTCTime,
                "message_confirmation_control?": t.bitmap8,
                "message_response?": t.LVBytes,
            },
        )

    class ClientCommandDefs(BaseCommandDefs):
        display_message: Final = ZCLCommandDef(
            id=0x00,
            schema={
                "message_id": t.uint32_t,
                "message_control": MessageControl,
                "start_time": t.UTCTime,
                "duration_in_minutes": t.uint16_t,
                "message": t.CharacterString,
                "extended_message_control?": t.bitmap8,
            },
        )
        cancel_message: Final = ZCLCommandDef(
            id=0x01, schema={"message_id": t.uint32_t, "message_control": MessageControl}
        )
