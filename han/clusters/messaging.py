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


class Utf8String(t.CharacterString):
    """A ZCL character string whose length octet counts its UTF-8 octets, as a ZCL string's does.

    zigpy's ``CharacterString`` writes the number of characters instead, so a message holding a "£"
    or a Welsh "ŵ" (two octets each) would be read one octet short for each – its last letters
    lost. Reading is the same either way.
    """

    def serialize(self) -> bytes:
        if getattr(self, "invalid", False):  # zigpy sets it in __new__ without declaring it
            return super().serialize()
        octets = self.encode("utf8")
        if len(octets) >= self._invalid_length:
            raise ValueError(f"String is too long ({len(octets)} octets)")
        return len(octets).to_bytes(self._prefix_length, "little") + octets


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
                "message": Utf8String,
                "extended_message_control?": t.bitmap8,
            },
        )
        cancel_message: Final = ZCLCommandDef(
            id=0x01, schema={"message_id": t.uint32_t, "message_control": MessageControl}
        )
