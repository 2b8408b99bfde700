"""Supplier messages, one at a time as a display shows them (the IHD and the PPMID) – Qt-free.

A message is read once it has been on screen; one that asks for confirmation keeps asking until the
consumer presses Confirm and the hub has been told (``ExperienceContext.commands``). Newest first;
the screen opens on the newest unread message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from app.host.context import CommandFailed, HanCommands
from app.wording import PLAIN_ENGLISH, Wording, fill
from han.model import Field, HomeModel, ModelChange, SupplierMessage

IMPORTANT: Final = frozenset({"high", "critical"})


@dataclass(frozen=True)
class MessagePage:
    """What the Messages screen shows for one message (or for none)."""

    message_id: int | None
    position: str
    """"Message 1 of 3"."""
    text: str
    received: str
    important: str
    """"Important" for high and critical messages, else empty."""
    unread: bool
    confirmation: str
    """Asks for confirmation, says it is being sent, confirmed, or that it failed."""
    can_confirm: bool
    has_previous: bool
    has_next: bool
    confirmed: bool = False
    """The consumer has confirmed it: it is no longer new."""


class MessagesViewModel:
    def __init__(
        self,
        model: HomeModel,
        commands: HanCommands,
        wording: Wording = PLAIN_ENGLISH,
        *,
        from_feed: bool = False,
    ) -> None:
        self._model = model
        self._from_feed = from_feed
        """A meter feed carries no supplier messages: say so rather than "no messages"."""
        self._commands = commands
        self._wording = wording
        self._confirming: set[int] = set()
        self._failed: set[int] = set()

    def ordered(self) -> list[SupplierMessage]:
        return sorted(
            self._model.messages.values(),
            key=lambda message: (message.received_at, message.message_id),
            reverse=True,
        )

    def first_to_show(self) -> int | None:
        """The newest unread message, else the newest message."""
        messages = self.ordered()
        unread = [message for message in messages if not message.read]
        chosen = unread or messages
        return chosen[0].message_id if chosen else None

    def neighbour(self, message_id: int | None, step: int) -> int | None:
        ids = [message.message_id for message in self.ordered()]
        if message_id not in ids:
            return ids[0] if ids else None
        position = ids.index(message_id) + step
        return ids[position] if 0 <= position < len(ids) else message_id

    def page(self, message_id: int | None) -> MessagePage:
        w = self._wording
        messages = self.ordered()
        ids = [message.message_id for message in messages]
        if message_id not in ids:
            return MessagePage(
                None,
                "",
                w.translate(
                    "MessagesScreen", "Supplier messages are not available from this source."
                )
                if self._from_feed
                else w.translate("MessagesScreen", "No messages from your supplier."),
                "",
                "",
                False,
                "",
                False,
                False,
                False,
            )
        assert message_id is not None
        index = ids.index(message_id)
        message = messages[index]
        return MessagePage(
            message_id=message_id,
            position=fill(
                w.translate("MessagesScreen", "Message %1 of %2"), str(index + 1), str(len(ids))
            ),
            text=message.text,
            received=fill(
                w.translate("MessagesScreen", "Received %1 at %2"),
                w.day(message.received_at),
                w.clock(message.received_at),
            ),
            important=(
                w.translate("MessagesScreen", "Important")
                if message.importance in IMPORTANT
                else ""
            ),
            unread=not message.read,
            confirmation=self._confirmation(message),
            can_confirm=self._can_confirm(message),
            has_previous=index > 0,
            has_next=index < len(ids) - 1,
            confirmed=message.confirmed_at is not None,
        )

    def _can_confirm(self, message: SupplierMessage) -> bool:
        return (
            message.confirmation_required
            and message.confirmed_at is None
            and message.message_id not in self._confirming
        )

    def _confirmation(self, message: SupplierMessage) -> str:
        w = self._wording
        if not message.confirmation_required:
            return ""
        if message.confirmed_at is not None:
            return fill(
                w.translate("MessagesScreen", "You confirmed this message at %1."),
                w.clock(message.confirmed_at),
            )
        if message.message_id in self._confirming:
            return w.translate("MessagesScreen", "Telling your supplier…")
        if message.message_id in self._failed:
            return w.translate(
                "MessagesScreen", "Could not reach the smart meter hub. Please try again."
            )
        return w.translate(
            "MessagesScreen", "Your supplier asks you to confirm you have read this message."
        )

    def mark_read(self, message_id: int | None) -> None:
        """The message has been on screen: it no longer counts as unread."""
        message = self._model.messages.get(message_id) if message_id is not None else None
        if message is not None and not message.read:
            message.read = True
            self._model.announce(ModelChange(None, frozenset({Field.MESSAGES})))

    async def confirm(self, message_id: int) -> bool:
        """Tell the hub the message was read; False (and the page says so) if that failed."""
        self._confirming.add(message_id)
        self._failed.discard(message_id)
        self._model.announce(ModelChange(None, frozenset({Field.MESSAGES})))
        try:
            await self._commands.confirm_message(message_id)
        except CommandFailed:
            self._failed.add(message_id)
            return False
        finally:
            self._confirming.discard(message_id)
            self._model.announce(ModelChange(None, frozenset({Field.MESSAGES})))
        return True
