"""A meter's histories and running totals, kept in step with the model.

The day, week and month history attributes (consumption, consumption in the alternative unit for gas,
and cost) change only when a local day ends, so they are read when the display attaches and again
when the HAN's clock passes local midnight – not polled. The running totals that move all day (this
week and month, today's cost, maximum demand, the tier registers) are read every ``totals_poll_s``
of display time: they are not reported, so a fast-running home does not flood the air with them.

Between reads the running figures follow today's energy as it is reported (``follow_today``): each
kWh the meter reports adds to the week and the month and is costed at the price of the moment, so
every figure of a meter is of one moment whenever a screen is drawn – today's cost is today's
energy at the day's prices, the week holds today – however fast the home runs. A read replaces the
followed figures only when it is itself of one moment (today's energy unchanged across the reads).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

from zigpy.zcl import Cluster

from han.domain.history import (
    PREVIOUS_DAYS,
    PREVIOUS_MONTHS,
    PREVIOUS_WEEKS,
    PeriodStarts,
)
from han.domain.history_names import ALTERNATIVE_CONSUMPTION, CONSUMPTION, COST, HistoryAttributes
from han.domain.local_calendar import LocalCalendar
from han.domain.units import COST_DECIMAL_PLACES, MeteringUnit, decimal_places, scaled
from han.links.attributes import read_attributes
from han.model import Field, Fuel, HomeModel, Measured, Meter, MeterKey, ModelChange

LOGGER = logging.getLogger(__name__)

TOTALS_POLL_S: Final = 60.0
HAN_CLOCK_WAIT_S: Final = 3.0
"""How long attaching waits for the hub's time, which says which day "today" is."""
MAX_TIER_REGISTERS: Final = 15
SNAPSHOT_TRIES: Final = 3
"""Reads of the costs that may see today's energy move before the figures read are let go."""
_FOLLOWED: Final = (Field.WEEK_IMPORT_KWH, Field.MONTH_IMPORT_KWH)
_FOLLOWED_COSTS: Final = (Field.TODAY_COST_GBP, Field.WEEK_COST_GBP, Field.MONTH_COST_GBP)
_ALL_FOLLOWED: Final = frozenset(_FOLLOWED + _FOLLOWED_COSTS)
_FOLLOWED_ON_METER: Final = tuple(
    (field, field.value, field in _FOLLOWED) for field in _FOLLOWED + _FOLLOWED_COSTS
)
"""Each followed field, the ``Meter`` attribute it names and whether it is energy (else a cost):
looked up once, as today's energy moves them on every report."""


_COST_FIELDS: Final = {
    COST.today: Field.TODAY_COST_GBP,
    COST.this_week: Field.WEEK_COST_GBP,
    COST.this_month: Field.MONTH_COST_GBP,
}


def one_price_all_day(meter: Meter) -> bool:
    """Whether today's energy at the price of now is today's cost: a single-rate tariff, every
    price the meter has published the same (not time-of-use, blocks or half-hourly prices)."""
    current = meter.tariff.current
    if current is not None and (current.number_of_tiers or 1) > 1:
        return False
    return len({period.unit_price_gbp_per_kwh for period in meter.tariff.schedule}) <= 1


def energy_attributes(meter: Meter) -> HistoryAttributes | None:
    """Which set holds this meter's energy in kWh: its own unit's, or (gas) the alternative one."""
    if meter.unit is MeteringUnit.KWH:
        return CONSUMPTION
    if meter.alternative_unit is MeteringUnit.KWH:
        return ALTERNATIVE_CONSUMPTION
    return None


DAILY_FREEZE_TIME: Final = "daily_freeze_time"
"""ZSE Metering 0x0005: when the meter freezes its day's counters (high byte hours, low minutes)."""


def day_ends_at_s(freeze_time: Any) -> int | None:
    """Seconds after midnight at which the meter's days end, or None for midnight (or not said)."""
    if freeze_time is None:
        return None
    hours, minutes = divmod(int(freeze_time), 0x100)
    if not (0 <= hours < 24 and 0 <= minutes < 60) or hours == minutes == 0:
        return None
    return hours * 3600 + minutes * 60


def period_starts(calendar: LocalCalendar, han_s: float) -> PeriodStarts:
    today = calendar.day_start(han_s)
    week = calendar.week_start(han_s)
    month = calendar.month_start(han_s)
    return PeriodStarts(
        days=tuple(calendar.days_before(today, n) for n in range(PREVIOUS_DAYS + 1)),
        weeks=tuple(calendar.days_before(week, 7 * n) for n in range(PREVIOUS_WEEKS + 1)),
        months=tuple(calendar.months_before(month, n) for n in range(PREVIOUS_MONTHS + 1)),
    )


class HistoryLink:
    def __init__(
        self,
        model: HomeModel,
        key: MeterKey,
        metering: Cluster,
        prepayment: Cluster | None,
        *,
        now: Callable[[], float] = time.time,
        calendar: LocalCalendar | None = None,
        totals_poll_s: float = TOTALS_POLL_S,
        han_clock_wait_s: float = HAN_CLOCK_WAIT_S,
    ) -> None:
        self._model = model
        self._key = key
        self._metering = metering
        self._prepayment = prepayment
        self._now = now
        self._calendar = calendar or LocalCalendar()
        self._totals_poll_s = totals_poll_s
        self._han_clock_wait_s = han_clock_wait_s
        self._cost_places = COST_DECIMAL_PLACES
        self._read_for_day_s: int | None = None
        self._clock_heard = asyncio.Event()
        self._day_ended = asyncio.Event()
        self._unsubscribe: Callable[[], None] | None = None

    @property
    def meter(self) -> Meter:
        return self._model.meter(self._key)

    async def attach(self) -> None:
        self._unsubscribe = self._model.subscribe(self._on_model_change)
        await self._await_han_clock()
        if self._prepayment is not None:
            formatting = await read_attributes(
                self._prepayment, ["historical_cost_consumption_formatting"]
            )
            if "historical_cost_consumption_formatting" in formatting:
                self._cost_places = decimal_places(
                    formatting["historical_cost_consumption_formatting"]
                )
        await self.refresh_history()
        await self.refresh_totals()

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    async def run(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._totals_poll_s):
                    await self._day_ended.wait()
            if self._day_ended.is_set() or self._day_changed():
                self._day_ended.clear()
                await self.refresh_history()
            await self.refresh_totals()

    # The day ------------------------------------------------------------------------------

    def _han_now(self) -> float:
        return self._model.han_now(self._now())

    def _day_changed(self) -> bool:
        day = self._calendar.day_start(self._han_now())
        # "Differs", not "later": if the hub's time arrived after the first read, that read was
        # labelled with the display's own date and must be taken again.
        return self._read_for_day_s is not None and day != self._read_for_day_s

    def _on_model_change(self, change: ModelChange) -> None:
        if change.meter is None and Field.TENANCY in change.fields:
            self._day_ended.set()  # read the histories again: the old occupant's are gone
        if change.meter is None and Field.HAN_CLOCK in change.fields:
            self._clock_heard.set()
            if self._day_changed():
                self._day_ended.set()

    async def _await_han_clock(self) -> None:
        try:
            async with asyncio.timeout(self._han_clock_wait_s):
                while self._model.han_clock is None:
                    self._clock_heard.clear()
                    await self._clock_heard.wait()
        except TimeoutError:
            LOGGER.info(
                "No HAN time for %s: its history is labelled by the display's clock", self._key
            )

    # Reading ---------------------------------------------------------------------------------

    async def refresh_history(self) -> None:
        """Read every history set of the meter into ``Meter.history``."""
        meter = self.meter
        han_s = self._han_now()
        energy_set = energy_attributes(meter)
        main = await read_attributes(self._metering, [*CONSUMPTION.names(), DAILY_FREEZE_TIME])
        read_at = self._now()
        history = meter.history
        history.day_ends_at_s = day_ends_at_s(main.get(DAILY_FREEZE_TIME))
        if meter.unit is MeteringUnit.CUBIC_METRES:
            history.volume_m3 = Measured(CONSUMPTION.figures(main, meter.formatting.scale), read_at)
        if energy_set is CONSUMPTION:
            history.energy_kwh = Measured(
                CONSUMPTION.figures(main, meter.formatting.scale), read_at
            )
        elif energy_set is not None:
            alternative = await read_attributes(self._metering, energy_set.names())
            history.energy_kwh = Measured(
                energy_set.figures(alternative, meter.formatting.scale), self._now()
            )
        if self._prepayment is not None:
            costs = await read_attributes(self._prepayment, COST.names())
            if costs:
                history.cost_gbp = Measured(COST.figures(costs, self._cost_scale), self._now())
        history.starts = period_starts(self._calendar, han_s)
        self._read_for_day_s = history.starts.today
        self._model.announce(ModelChange(self._key, frozenset({Field.HISTORY})))

    def _cost_scale(self, raw: int) -> Decimal:
        return scaled(raw, self._cost_places)

    async def refresh_totals(self) -> None:
        """Read the running figures that are not reported: week, month, costs, maxima, tiers.

        Today's energy is read with them (one frame, one moment) and again after the costs: the
        costs are taken only if it did not move meanwhile, so they are of the same moment."""
        meter = self.meter
        wanted = self._totals_wanted(meter)
        energy_set = energy_attributes(meter)
        today_name = energy_set.today if energy_set is not None else None
        asked_at = self._now()
        values: dict[str, Any] = {}
        costs: dict[str, Any] = {}
        names = [*([today_name] if today_name else []), *wanted]  # one frame: one moment
        for _ in range(SNAPSHOT_TRIES):
            asked_at = self._now()
            values = await read_attributes(self._metering, names)
            if self._prepayment is None:
                break
            costs = await read_attributes(self._prepayment, list(_COST_FIELDS))
            if today_name is None or today_name not in values:
                break
            # Asked one after the other: today's energy unchanged on both sides of the costs
            # means nothing was used (so nothing costed) between the two answers.
            again = await read_attributes(self._metering, [today_name])
            if again.get(today_name) == values[today_name]:
                break
            costs = {}  # today's energy moved between the reads: these costs are of another moment
        now = self._now()
        changed: set[Field] = set()
        today_raw = values.pop(today_name, None) if today_name else None
        for name, raw in values.items():
            target = wanted[name]
            amount = meter.formatting.scale(int(raw))
            if isinstance(target, int):
                meter.tier_import_kwh[target] = Measured(amount, now)
                changed.add(Field.TIER_IMPORT_KWH)
            else:
                setattr(meter, target.value, Measured(amount, now))
                changed.add(target)
        for name, raw in costs.items():
            setattr(meter, _COST_FIELDS[name].value, Measured(self._cost_scale(int(raw)), now))
            changed.add(_COST_FIELDS[name])
        if today_raw is not None:
            read_kwh = meter.formatting.scale(int(today_raw))
            changed |= self._settle_today(read_kwh, asked_at, changed & _ALL_FOLLOWED)
        if changed:
            self._model.announce(ModelChange(self._key, frozenset(changed | {Field.TOTALS})))

    def _settle_today(self, read_kwh: Decimal, asked_at: float, read: set[Field]) -> set[Field]:
        """Make today's energy and the running figures agree after a read of some of them
        (``read``: the fields the read set). A report that arrived while they were read is newer:
        the figures read follow it. Else the energy read is the latest, and the figures not read
        follow it there."""
        meter = self.meter
        now = self._now()
        current = meter.today_import_kwh
        if current is not None and current.updated_at >= asked_at:
            return self._move(read_kwh, current.value, now, read)
        changed = {Field.TODAY_IMPORT_KWH}
        if current is not None:
            changed |= self._move(current.value, read_kwh, now, _ALL_FOLLOWED - read)
        meter.today_import_kwh = Measured(read_kwh, now)
        return changed

    def follow_today(self, previous_kwh: Decimal, now: float) -> set[Field]:
        """Today's energy moved from ``previous_kwh`` to the model's: the week, the month and the
        costs move with it, the new energy priced at the price of the moment."""
        today = self.meter.today_import_kwh
        if today is None:
            return set()
        return self._move(previous_kwh, today.value, now, _ALL_FOLLOWED)

    def _move(
        self, from_kwh: Decimal, to_kwh: Decimal, now: float, names: frozenset[Field] | set[Field]
    ) -> set[Field]:
        """Carry the running figures ``names`` from a moment when today's energy was ``from_kwh``
        to one when it is ``to_kwh``. A fall means a new day began: today's cost starts again from
        today's energy; what was used before midnight since the last figure is not known here, so
        the week and the month hold at least what they held plus today's until the reads that
        follow (the histories are read again at once) settle them."""
        meter = self.meter
        new_day = to_kwh < from_kwh
        added = to_kwh if new_day else to_kwh - from_kwh
        if new_day:
            self._day_ended.set()
        elif not added:
            return set()
        price = meter.tariff.unit_price_gbp_per_kwh
        changed: set[Field] = set()
        for name, attribute, is_energy in _FOLLOWED_ON_METER:
            if name not in names:
                continue
            figure = getattr(meter, attribute)
            if figure is None and name is Field.TODAY_COST_GBP and price is not None:
                # Not read yet (a fast home moves between any two reads): a day seen from its
                # start, or one that had a single price so far, can be costed from here on.
                if new_day:
                    figure = Measured(Decimal(0), now)
                elif one_price_all_day(meter):
                    figure = Measured(from_kwh * price.value, now)
            if figure is None:
                continue
            if is_energy:
                setattr(meter, attribute, Measured(figure.value + added, now))
            elif price is not None:  # a cost follows at the price of the moment
                base = Decimal(0) if new_day and name is Field.TODAY_COST_GBP else figure.value
                setattr(meter, attribute, Measured(base + added * price.value, now))
            elif new_day and not added and name is Field.TODAY_COST_GBP:
                setattr(meter, attribute, Measured(Decimal(0), now))  # nothing used yet today
            else:
                # No price yet (the display is still attaching): a cost cannot follow the energy,
                # and one left where it was would sit beside energy it does not price.
                setattr(meter, attribute, None)
            changed.add(name)
        return changed | ({Field.TOTALS} if changed else set())

    def _totals_wanted(self, meter: Meter) -> dict[str, Field | int]:
        """Attribute → ``Meter`` field (the tier's number for tier registers) for this kind of
        meter."""
        energy_set = energy_attributes(meter)
        wanted: dict[str, Field | int] = {}
        if energy_set is not None:
            wanted[energy_set.this_week] = Field.WEEK_IMPORT_KWH
            wanted[energy_set.this_month] = Field.MONTH_IMPORT_KWH
        if meter.fuel is Fuel.ELECTRICITY:
            wanted["current_max_demand_delivered"] = Field.MAX_IMPORT_DEMAND_KW
            wanted["current_max_demand_received"] = Field.MAX_EXPORT_DEMAND_KW
            current = meter.tariff.current
            tiers = current.number_of_tiers if current and current.number_of_tiers else 1
            for tier in range(1, min(tiers, MAX_TIER_REGISTERS) + 1):
                wanted[f"current_tier{tier}_summ_delivered"] = tier
        return wanted
