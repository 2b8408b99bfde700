"""Runs the CAD's MQTT feed with whatever settings are saved, and swaps them while it runs.

The Feed tab asks this to save, test and apply settings; the shell starts it once the CAD is
paired and stops it on close. Qt-free: the view only renders ``status`` and ``problem``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cad.feed.mqtt import FeedStatus, MqttFeed
from cad.feed.settings import FeedSettings, FeedSettingsFile
from han.model import HomeModel


class FeedControl:
    def __init__(
        self,
        model: HomeModel,
        device_id: Callable[[], str],
        *,
        settings_file: FeedSettingsFile | None = None,
        now: Callable[[], float],
        **feed_options: Any,
    ) -> None:
        """``feed_options`` go to every ``MqttFeed`` made (its station, signal, site ids)."""
        self.model = model
        self._device_id = device_id
        self.file = settings_file or FeedSettingsFile()
        self._now = now
        self._feed_options = feed_options
        self.settings: FeedSettings | None = self.file.load()
        self.feed: MqttFeed | None = None
        self.status = FeedStatus.OFF
        self.why = ""
        self._listeners: list[Callable[[], None]] = []
        self._running = False

    @property
    def problem(self) -> str | None:
        """Why saved settings could not be used (a damaged file), for the Feed tab."""
        return self.file.problem

    def subscribe(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def start(self) -> None:
        """Begin publishing if a broker is set (call on the asyncio loop, once paired)."""
        self._running = True
        self._restart()

    def stop(self) -> None:
        self._running = False
        feed, self.feed = self.feed, None
        if feed is not None:
            feed.stop()

    def apply(self, settings: FeedSettings) -> None:
        """Validate, save, then reconnect with the new settings. On FeedSettingsError or OSError
        (a full disk) nothing changes: the old settings stay saved and the old feed keeps running."""
        self.settings = self.file.save(settings)
        self._restart()

    def turn_off(self) -> None:
        self.file.turn_off()
        self.settings = None
        self._restart()

    def _restart(self) -> None:
        feed, self.feed = self.feed, None
        if feed is not None:
            feed.stop()
        if self._running and self.settings is not None and self._device_id():
            self.feed = MqttFeed(
                self.model,
                self._device_id(),
                self.settings,
                now=self._now,
                on_status=self._status_changed,
                **self._feed_options,
            )
            self.feed.start()
        else:
            self._status_changed(FeedStatus.OFF, "")

    def _status_changed(self, status: FeedStatus, why: str) -> None:
        self.status, self.why = status, why
        for listener in list(self._listeners):
            listener()
