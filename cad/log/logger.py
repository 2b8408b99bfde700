"""The CAD's logger: everything a read-only device may read, into the history store.

- half hours (import, export, gas), days/weeks/months and tariff changes: ``HistoryRecorder`` and
  ``HistoryBackfill`` from the host, which fill whatever the log is missing from the meters' own
  profile – so a logger killed at any moment fills its gap when it starts again;
- live demand at the meter's cadence: ``demand_log`` (its own table in the same file).

Every write is one transaction of idempotent upserts: a restart never duplicates a row. A full or
read-only data folder stops nothing but the saving: the readings not yet written are held (up to
``MAX_HELD_READINGS``), ``health`` says the log is not being kept, and each new reading – or
``retry_s`` without one – tries again, so the log resumes by itself when there is room.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from pathlib import Path

from app.history.backfill import RETRY_S, BackfillDepth, HistoryBackfill, HistoryRecorder
from app.history.health import HistoryHealth
from app.history.store import HALF_HOUR_S, Channel, HistoryStore
from cad.log.demand import DemandLog, DemandRow
from han.links.meter_link import MeterLink
from han.model import Field, Fuel, HomeModel, MeterKey, ModelChange

LOGGER = logging.getLogger(__name__)

MAX_HELD_READINGS = 100_000
"""Readings held while they cannot be written: over a week at one every ten seconds."""


class CadLogger:
    """Follows a running session; ``start()`` then ``stop()``, both on the asyncio loop."""

    def __init__(
        self,
        path: Path,
        model: HomeModel,
        links: Callable[[], dict[MeterKey, MeterLink]],
        *,
        now: Callable[[], float] = time.time,
        depth: BackfillDepth | None = None,
        fill_every_s: float = 600.0,
        retry_s: float = RETRY_S,
    ) -> None:
        self.path = path
        self.model = model
        self._links = links
        self._now = now
        self._depth = depth
        self._fill_every_s = fill_every_s
        self._retry_s = retry_s
        self.health = HistoryHealth()
        self.store = HistoryStore(path, health=self.health)
        self.demand = DemandLog(self.store)
        self._recorder: HistoryRecorder | None = None
        self._pending: list[DemandRow] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._backfill: HistoryBackfill | None = None
        self._filled_slot: int | None = None
        self._forget_demand = False

    async def start(self) -> None:
        """Follow the model and open the log (tried again later if the folder will not have it)."""
        self._unsubscribe = self.model.subscribe(self._on_change)
        try:
            await self._open()
        except Exception as error:
            LOGGER.warning("Cannot open the CAD's log at %s (%s); trying again", self.path, error)
        self._task = asyncio.get_running_loop().create_task(self._write(), name="cad-demand-log")

    async def _open(self) -> None:
        await self.store.start()
        await self.demand.start()
        backfill = self._backfill = HistoryBackfill(
            self.store, self.model, now=self._now, depth=self._depth
        )
        self._recorder = HistoryRecorder(
            backfill, self._links, fill_every_s=self._fill_every_s, retry_s=self._retry_s
        )
        self._recorder.start()

    async def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._recorder is not None:
            await self._recorder.stop()
            self._recorder = None
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        with contextlib.suppress(Exception):
            if self.store.is_open:
                await self._flush()
        await self.store.close()

    def _on_change(self, change: ModelChange) -> None:
        if change.meter is None and Field.TENANCY in change.fields:
            self._forget_demand = True  # the recorder forgets the half hours and periods
            self._wake.set()
            return
        if change.meter is None or Field.DEMAND_KW not in change.fields:
            return
        if self.model.han_clock is None:  # readings are logged on the HAN's time, once it is known
            return
        meter = self.model.meters.get(change.meter)
        if meter is None or meter.fuel is not Fuel.ELECTRICITY or meter.demand_kw is None:
            return
        at_s = int(self.model.han_now(self._now()))
        watts = int(meter.demand_kw.value * 1000)
        self._pending.append(DemandRow(str(change.meter), at_s, watts))
        if len(self._pending) > MAX_HELD_READINGS:  # not saved for a week: the oldest go
            del self._pending[0]
        self._wake.set()

    async def _write(self) -> None:
        failed = self._recorder is None  # the log could not be opened: try again soon
        while True:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._retry_s if failed else None):
                    await self._wake.wait()
            self._wake.clear()
            try:
                if self._recorder is None:
                    await self._open()
                    self.health.wrote()  # the log opened: its schema is written
                await self._flush()
                move_in = self.model.tenancy_start_s
                if self._forget_demand and move_in is not None:
                    self._forget_demand = False
                    await self.demand.forget_before(int(move_in))
                await self._follow_half_hours()
                failed = False
                self.health.wrote()
            except Exception as error:  # a full disk must not end the logging for good
                if not failed:  # once per outage, not once per retry
                    LOGGER.warning("Logging failed (%s); trying again", error, exc_info=True)
                failed = True

    async def _follow_half_hours(self) -> None:
        """Each time a half hour closes on the HAN's clock, read it (and any gap) from the meters'
        profiles – the recorder alone would wait ``fill_every_s`` of the display's time."""
        backfill = self._backfill
        if backfill is None or self.model.han_clock is None:
            return
        slot = int(backfill.han_now()) // HALF_HOUR_S
        if slot == self._filled_slot:
            return
        self._filled_slot = slot
        for link in list(self._links().values()):
            if not link.attached.is_set():
                continue
            channels = [Channel.IMPORT]
            if link.meter.export_total_kwh is not None:
                channels.append(Channel.EXPORT)
            for channel in channels:
                await backfill.fill_profile(link, channel)

    async def _flush(self) -> None:
        rows, self._pending = self._pending, []
        if not rows:
            return
        try:
            await self.demand.record(rows)
        except BaseException:
            # One transaction: none of them was written. Keep them, oldest first, for the next try.
            self._pending = (rows + self._pending)[-MAX_HELD_READINGS:]
            raise
