"""A meter's histories and running totals, kept in step with the model.

The day, week and month history attributes (consumption, consumption in the alternative unit for gas,
and cost) change only when a local day ends, so they are read when the display attaches and again
when the HAN's clock passes local midnight – not polled. The running totals that move all day (this
week and month, today's cost, maximum demand, the tier registers) are read every ``totals_poll_s``
of display time: they are not reported, so a fast-running home does not flood the air with them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Final

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
from han.model import Fuel, HomeModel, Measured, Meter, MeterKey, ModelChange

LOGGER = logging.getLogger(__name__)

TOTALS_POLL_S: Final = 60.0
HAN_CLOCK_WAIT_S: Final = 3.0
"""How long attaching waits for the hub's time, which says which day "today" is."""
MAX_TIER_REGISTERS: Final = 15


def energy_attributes(meter: Meter) -> HistoryAttributes | None:
    """Which set holds this meter's energy in kWh: its own unit's, or (gas) the alternative one."""
    if meter.unit is MeteringUnit.KWH:
        return CONSUMPTION
    if meter.alternative_unit is MeteringUnit.KWH:
        return ALTERNATIVE_CONSUMPTION
    return None


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
        if change.meter is None and "tenancy" in change.fields:
            self._day_ended.set()  # read the histories again: the old occupant's are gone
        if change.meter is None and "han_clock" in change.fields:
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
        main = await read_attributes(self._metering, CONSUMPTION.names())
        read_at = self._now()
        history = meter.history
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
        self._model.announce(ModelChange(self._key, frozenset({"history"})))

    def _cost_scale(self, raw: int) -> Decimal:
        return scaled(raw, self._cost_places)

    async def refresh_totals(self) -> None:
        """Read the running figures that are not reported: week, month, costs, maxima, tiers."""
        meter = self.meter
        wanted = self._totals_wanted(meter)
        values = await read_attributes(self._metering, list(wanted))
        if self._prepayment is not None:
            cost_names = {
                COST.today: "today_cost_gbp",
                COST.this_week: "week_cost_gbp",
                COST.this_month: "month_cost_gbp",
            }
            costs = await read_attributes(self._prepayment, list(cost_names))
        else:
            cost_names, costs = {}, {}
        now = self._now()
        changed: set[str] = set()
        for name, raw in values.items():
            field_name = wanted[name]
            amount = meter.formatting.scale(int(raw))
            if field_name.startswith("tier"):
                meter.tier_import_kwh[int(field_name[4:])] = Measured(amount, now)
                changed.add("tier_import_kwh")
            else:
                setattr(meter, field_name, Measured(amount, now))
                changed.add(field_name)
        for name, raw in costs.items():
            setattr(meter, cost_names[name], Measured(self._cost_scale(int(raw)), now))
            changed.add(cost_names[name])
        if changed:
            self._model.announce(ModelChange(self._key, frozenset(changed | {"totals"})))

    def _totals_wanted(self, meter: Meter) -> dict[str, str]:
        """Attribute → ``Meter`` field (``tierN`` for tier registers) for this kind of meter."""
        energy_set = energy_attributes(meter)
        wanted: dict[str, str] = {}
        if energy_set is not None:
            wanted[energy_set.this_week] = "week_import_kwh"
            wanted[energy_set.this_month] = "month_import_kwh"
        if meter.fuel is Fuel.ELECTRICITY:
            wanted["current_max_demand_delivered"] = "max_import_demand_kw"
            wanted["current_max_demand_received"] = "max_export_demand_kw"
            current = meter.tariff.current
            tiers = current.number_of_tiers if current and current.number_of_tiers else 1
            for tier in range(1, min(tiers, MAX_TIER_REGISTERS) + 1):
                wanted[f"current_tier{tier}_summ_delivered"] = f"tier{tier}"
        return wanted
