"""Filling the history store from the meters: what the display missed, and what it hears now.

``HistoryBackfill`` does one meter at a time, on request:

- half hours: finds the gaps in the store (the display was off, or out of range) over the last
  ``depth`` and fills them from the meter's half-hourly profile, newest first, then turns every
  local day the store now holds whole into a day figure;
- days, weeks, months: writes the meter's own history attributes (``Meter.history``) – the only
  source for figures older than the profile reaches (13 months), and the one the store keeps on
  for the 24 months the consumer is owed;
- tariff changes: every price period the meter has published.

Depth is configurable because a profile costs one request per 24 half hours: 13 months is ~800
requests on the air. ``HistoryRecorder`` follows a running session: it writes histories and tariffs
when the model announces them and back-fills every meter now and then, on one task of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from app.history.store import (
    DAY_S,
    HALF_HOUR_S,
    SCALE,
    Channel,
    HalfHourRow,
    HistoryStore,
    Period,
    PeriodRow,
    Quantity,
    TariffRow,
    to_units,
)
from han.domain.history import PeriodFigures
from han.domain.local_calendar import LocalCalendar
from han.domain.units import MeteringUnit
from han.links.meter_link import MeterLink
from han.links.profile_reader import MAX_PERIODS_PER_REQUEST, ProfileChannel, fetch_profile
from han.model import Field, HomeModel, Meter, MeterKey, ModelChange

LOGGER = logging.getLogger(__name__)

RETRY_S = 30.0
"""How soon a recording that failed (a full or read-only data folder) is tried again."""

IMPORT_PROFILE_DAYS: Final = 396
"""What a GB meter keeps of half-hourly import: 13 months."""
EXPORT_PROFILE_DAYS: Final = 92
"""… and of export: 3 months."""


@dataclass(frozen=True)
class BackfillDepth:
    import_days: float = IMPORT_PROFILE_DAYS
    export_days: float = EXPORT_PROFILE_DAYS


@dataclass
class BackfillResult:
    half_hours: int = 0
    gap_runs: int = 0
    """Runs of missing half hours asked for (each one or more profile requests)."""
    days_derived: int = 0
    periods: int = 0
    tariffs: int = 0


def merge_runs(runs: list[tuple[int, int]], *, within_s: int) -> list[tuple[int, int]]:
    """Join gaps closer than ``within_s``: one request re-reading a few stored half hours is
    cheaper than two (the upsert makes re-reading harmless)."""
    merged: list[tuple[int, int]] = []
    for start, end in runs:
        if merged and start - merged[-1][1] < within_s:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


class HistoryBackfill:
    def __init__(
        self,
        store: HistoryStore,
        model: HomeModel,
        *,
        now: Callable[[], float] = time.time,
        depth: BackfillDepth | None = None,
        calendar: LocalCalendar | None = None,
    ) -> None:
        self.store = store
        self.model = model
        self._now = now
        self.depth = depth or BackfillDepth()
        self.calendar = calendar or LocalCalendar()
        self._nothing_before: dict[tuple[str, Channel], int] = {}
        """Where a meter's profile ran out: older gaps are not asked for again."""

    def han_now(self) -> float:
        return self.model.han_now(self._now())

    async def fill_meter(self, link: MeterLink) -> BackfillResult:
        meter = link.meter
        result = BackfillResult()
        await self.store.record_meter(
            str(meter.key),
            fuel=meter.fuel.value,
            unit=meter.unit.symbol if meter.unit is not None else "",
            seen_s=int(self.han_now()),
        )
        result.periods = await self.record_history(meter)
        result.tariffs = await self.record_tariffs(meter)
        for channel in self._channels(meter):
            written, runs = await self.fill_profile(link, channel)
            result.half_hours += written
            result.gap_runs += runs
            result.days_derived += await self.derive_days(meter, channel)
        return result

    def _channels(self, meter: Meter) -> list[Channel]:
        channels = [Channel.IMPORT]
        if meter.export_total_kwh is not None:
            channels.append(Channel.EXPORT)
        return channels

    # Half hours --------------------------------------------------------------------------------

    async def fill_profile(self, link: MeterLink, channel: Channel) -> tuple[int, int]:
        """Fill the store's gaps in one channel from the meter's profile: (half hours, runs)."""
        meter = link.meter
        key = str(meter.key)
        han_now = self.han_now()
        end = int(han_now) - int(han_now) % HALF_HOUR_S  # the last half hour that has closed
        days = self.depth.import_days if channel is Channel.IMPORT else self.depth.export_days
        start = end - int(days * DAY_S)
        start -= start % HALF_HOUR_S
        start = max(start, self._nothing_before.get((key, channel), start))
        gaps = await self.store.missing_half_hours(key, channel, start, end)
        runs = merge_runs(gaps, within_s=MAX_PERIODS_PER_REQUEST * HALF_HOUR_S)
        written = 0
        profile_channel = (
            ProfileChannel.IMPORT if channel is Channel.IMPORT else ProfileChannel.EXPORT
        )
        for run_start, run_end in reversed(runs):  # newest first: what a view most likely shows
            wanted = (run_end - run_start) // HALF_HOUR_S
            half_hours = await fetch_profile(
                link.metering,
                profile_channel,
                run_end,
                wanted,
                start_s=run_start,
                formatting=meter.formatting,
            )
            rows = [
                HalfHourRow(key, channel, h.start_s, to_units(h.amount, 1000)) for h in half_hours
            ]
            written += await self.store.upsert_half_hours(rows)
            if len(half_hours) < wanted and (not half_hours or half_hours[0].start_s > run_start):
                # Nothing older: older gaps stay gaps. Only an answer that ran out proves the meter
                # keeps no more (no answer at all may be a passing radio fault): remember that one.
                if half_hours:
                    self._nothing_before[(key, channel)] = half_hours[0].start_s
                break
        return written, len(runs)

    async def derive_days(self, meter: Meter, channel: Channel) -> int:
        """Day figures for every local day the store holds whole, over the back-fill depth."""
        key = str(meter.key)
        quantity = self._profile_quantity(meter, channel)
        if quantity is None:
            return 0
        han_now = self.han_now()
        days = self.depth.import_days if channel is Channel.IMPORT else self.depth.export_days
        today = self.calendar.day_start(han_now)
        rows = []
        for back in range(1, int(days) + 1):
            day = self.calendar.days_before(today, back)
            following = self.calendar.days_before(today, back - 1)
            total, count = await self.store.sum_half_hours(key, channel, day, following)
            if count and count == (following - day) // HALF_HOUR_S:  # 46/48/50 on DST days
                rows.append(PeriodRow(key, quantity, Period.DAY, day, total, complete=True))
        return await self.store.upsert_periods(rows, recorded_s=int(han_now))

    @staticmethod
    def _profile_quantity(meter: Meter, channel: Channel) -> Quantity | None:
        if meter.unit is MeteringUnit.KWH:
            return Quantity.ENERGY if channel is Channel.IMPORT else Quantity.EXPORT_ENERGY
        if meter.unit is MeteringUnit.CUBIC_METRES and channel is Channel.IMPORT:
            return Quantity.VOLUME
        return None

    # Days, weeks, months, tariffs -------------------------------------------------------------

    async def record_history(self, meter: Meter) -> int:
        """Write the meter's history attributes (as last read) into the store's periods."""
        history = meter.history
        starts = history.starts
        if starts is None:
            return 0
        key = str(meter.key)
        rows: list[PeriodRow] = []
        for quantity, measured in (
            (Quantity.ENERGY, history.energy_kwh),
            (Quantity.VOLUME, history.volume_m3),
            (Quantity.COST, history.cost_gbp),
        ):
            if measured is not None:
                rows += _period_rows(
                    key, quantity, measured.value, starts.days, starts.weeks, starts.months
                )
        return await self.store.upsert_periods(rows, recorded_s=int(self.han_now()))

    async def record_tariffs(self, meter: Meter) -> int:
        han_now = self.han_now()
        rows = [
            TariffRow(
                str(meter.key),
                int(period.start_s if period.start_s is not None else han_now),
                None if period.end_s is None else int(period.end_s),
                period.unit_price_gbp_per_kwh,
                period.rate_label,
                period.tier,
            )
            for period in meter.tariff.schedule
        ]
        return await self.store.record_tariffs(rows, recorded_s=int(han_now))


def _period_rows(
    key: str,
    quantity: Quantity,
    figures: PeriodFigures,
    days: tuple[int, ...],
    weeks: tuple[int, ...],
    months: tuple[int, ...],
) -> list[PeriodRow]:
    scale = SCALE[quantity]
    rows: list[PeriodRow] = []
    for period, starts, running, closed in (
        (Period.DAY, days, figures.today, figures.previous_days),
        (Period.WEEK, weeks, figures.this_week, figures.previous_weeks),
        (Period.MONTH, months, figures.this_month, figures.previous_months),
    ):
        amounts: list[Decimal | None] = [running, *closed]
        for index, (start, amount) in enumerate(zip(starts, amounts, strict=False)):
            if amount is not None:
                rows.append(
                    PeriodRow(key, quantity, period, start, to_units(amount, scale), index > 0)
                )
    return rows


class HistoryRecorder:
    """Keeps the store in step with a running session, on one task it owns.

    Writes a meter's histories when the model announces ``Field.HISTORY`` and its prices on
    ``Field.TARIFF``; back-fills every meter once attached and then every ``fill_every_s``."""

    def __init__(
        self,
        backfill: HistoryBackfill,
        links: Callable[[], dict[MeterKey, MeterLink]],
        *,
        fill_every_s: float = 600.0,
        retry_s: float = RETRY_S,
    ) -> None:
        self._backfill = backfill
        self._links = links
        self._fill_every_s = fill_every_s
        self._retry_s = retry_s
        self._failed = False
        """The last pass failed (a full or read-only folder): try again after ``retry_s``."""
        self._pending: dict[MeterKey, set[Field]] = {}
        self._tenancy_changed = False
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._unsubscribe: Callable[[], None] | None = None

    def start(self) -> None:
        model = self._backfill.model
        self._unsubscribe = model.subscribe(self._on_change)
        # What the model announced before the recorder followed it (a display opens its store
        # after its first reading) is written on the first pass, as if it had been heard then.
        for key in model.meters:
            self._pending[key] = {Field.HISTORY, Field.TARIFF}
        self._tenancy_changed = model.tenancy_start_s is not None
        if self._pending or self._tenancy_changed:
            self._wake.set()
        self._task = asyncio.get_running_loop().create_task(self._run(), name="history-recorder")

    async def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def _on_change(self, change: ModelChange) -> None:
        if change.meter is None:
            if Field.TENANCY in change.fields:
                self._tenancy_changed = True
                self._wake.set()
            return
        wanted = change.fields & {Field.HISTORY, Field.TARIFF}
        if wanted:
            self._pending.setdefault(change.meter, set()).update(wanted)
            self._wake.set()

    def _pass_failed(self, error: Exception, pending: dict[MeterKey, set[Field]]) -> None:
        if not self._failed:  # once per outage, not once per retry
            LOGGER.warning("Recording history failed (%s); trying again", error, exc_info=True)
        self._failed = True
        # What was not written is asked for again: the meters' figures are re-read and their
        # profiles back-fill the gap, so nothing is lost once there is room.
        for key, kinds in pending.items():
            self._pending.setdefault(key, set()).update(kinds)

    async def _run(self) -> None:
        # The link each meter was last filled through: a new link (the display reconnected after
        # losing its source) fills again at once, so the outage's half hours come back from the
        # meter's profile straight away.
        filled: dict[MeterKey, MeterLink] = {}
        while True:
            # A meter still attaching is looked at again soon; then every ``fill_every_s``.
            waiting = any(filled.get(key) is not link for key, link in self._links().items())
            wait_s = min(self._fill_every_s, 1.0) if waiting else self._fill_every_s
            if self._failed:
                wait_s = min(wait_s, self._retry_s)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(wait_s):
                    await self._wake.wait()
            timed_out = not self._wake.is_set()
            self._wake.clear()
            pending, self._pending = self._pending, {}
            links = self._links()
            try:
                move_in = self._backfill.model.tenancy_start_s
                if self._tenancy_changed and move_in is not None:
                    self._tenancy_changed = False
                    removed = await self._backfill.store.forget_before(int(move_in))
                    LOGGER.info(
                        "Change of tenancy: %d rows from before the move-in forgotten", removed
                    )
                for key, kinds in pending.items():
                    meter = self._backfill.model.meters.get(key)
                    if meter is None:
                        continue
                    if Field.HISTORY in kinds:
                        await self._backfill.record_history(meter)
                    if Field.TARIFF in kinds:
                        await self._backfill.record_tariffs(meter)
                # A copy: a meter may be heard for the first time while another is filled.
                for key, link in list(links.items()):
                    if link.attached.is_set() and (timed_out or filled.get(key) is not link):
                        await self._backfill.fill_meter(link)
                        filled[key] = link
                await self._backfill.store.prune(int(self._backfill.han_now()))
                self._failed = False
                self._backfill.store.health.wrote()  # a whole pass, the retried writes too
            except Exception as error:  # a store or radio error must not end the recording for good
                self._pass_failed(error, pending)
