"""One way to tell followers that something moved: a typed emitter.

The home model, the display's settings, the HAN connection and the CAD's feed each own one
``Emitter`` and hand out its ``subscribe``. A follower keeps the returned ``Unsubscribe`` and calls
it when it closes, so nothing stays subscribed after its widget is gone.

A follower's error is its own: it is logged with its traceback and the other followers still
hear the event, because a broken screen must not stop the recorder or the meter link that
announced the change. A follower may subscribe or unsubscribe (itself or another) while an event
is being delivered: a follower that left is not called again, and one that joined hears the
next event, not the current one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["Emitter", "Unsubscribe"]

LOGGER = logging.getLogger(__name__)

T = TypeVar("T")

Unsubscribe = Callable[[], None]
"""Stop hearing the emitter; calling it again does nothing."""


class _Subscription(Generic[T]):
    """One follower's place in the list: it stays valid while a delivery iterates over a copy."""

    __slots__ = ("active", "listener")

    def __init__(self, listener: Callable[[T], object]) -> None:
        self.listener = listener
        self.active = True


class Emitter(Generic[T]):
    """Delivers each emitted ``T`` to every follower, in the order they subscribed."""

    __slots__ = ("_name", "_subscriptions")

    def __init__(self, name: str) -> None:
        self._name = name
        """What emits, for the log when a follower fails (``"home model"``)."""
        self._subscriptions: list[_Subscription[T]] = []

    def subscribe(self, listener: Callable[[T], object]) -> Unsubscribe:
        subscription = _Subscription(listener)
        self._subscriptions.append(subscription)
        return lambda: self._leave(subscription)

    @property
    def listener_count(self) -> int:
        """Followers still subscribed: a test checks this is back to what it was."""
        return len(self._subscriptions)

    def emit(self, event: T) -> None:
        for subscription in tuple(self._subscriptions):
            if not subscription.active:
                continue  # left during this delivery
            try:
                subscription.listener(event)
            except Exception:
                LOGGER.exception(
                    "A follower of the %s failed on %r: %r",
                    self._name,
                    event,
                    subscription.listener,
                )

    def _leave(self, subscription: _Subscription[T]) -> None:
        if subscription.active:
            subscription.active = False
            self._subscriptions.remove(subscription)
