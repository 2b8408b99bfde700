"""Today, this week, this month and this year, per fuel and together – Qt-free.

Figures are the meter's own (live running totals, and its day/month histories for the year and for
comparisons); prices include VAT (5 % on domestic energy in GB) and the standing charge is said
separately, so the totals match the bill once it is added. A comparison sets yesterday against the
same weekday a week before: two whole days, never a day still running against a finished one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Final

from app.wording import GB_TIME, PLAIN_ENGLISH, QT_TRANSLATE_NOOP, Wording, fill
from han.domain.local_calendar import LocalCalendar
from han.freshness import age_han_s
from han.model import Fuel, HomeModel, Measured, Meter
from ihd.view_models.home import TODAY_STALE_AFTER_S, age_note

WEEKDAYS: Final = (
    QT_TRANSLATE_NOOP("HistoryScreen", "Monday"),
    QT_TRANSLATE_NOOP("HistoryScreen", "Tuesday"),
    QT_TRANSLATE_NOOP("HistoryScreen", "Wednesday"),
    QT_TRANSLATE_NOOP("HistoryScreen", "Thursday"),
    QT_TRANSLATE_NOOP("HistoryScreen", "Friday"),
    QT_TRANSLATE_NOOP("HistoryScreen", "Saturday"),
    QT_TRANSLATE_NOOP("HistoryScreen", "Sunday"),
)
"""Whole weekday names: "less than the Wednesday before" (a short date's "Wed" reads as a word)."""

NOON_S: Final = 12 * 3600
WEEKDAY_BEFORE: Final = 7
"""previous_days[7] is the day a week before yesterday."""


@dataclass(frozen=True)
class Figure:
    """One period of one fuel: money and energy, dimmed with its age when out of date."""

    caption: str
    cost: str
    energy: str
    stale: bool
    note: str = ""


@dataclass(frozen=True)
class FuelSummary:
    fuel: Fuel
    caption: str
    figures: tuple[Figure, ...]
    """Today, this week, this month, this year."""
    standing_charge: str
    comparison: str


@dataclass(frozen=True)
class Summary:
    fuels: tuple[FuelSummary, ...]
    combined: tuple[Figure, ...]
    """Both fuels together, by period (money only where every fuel has it)."""
    vat_note: str


class HistorySummaryViewModel:
    def __init__(
        self,
        model: HomeModel,
        wording: Wording = PLAIN_ENGLISH,
        calendar: LocalCalendar | None = None,
    ) -> None:
        self._model = model
        self._wording = wording
        self._calendar = calendar or LocalCalendar()

    def meters(self) -> list[Meter]:
        meters = []
        electricity = self._model.electricity_import_meter()
        if electricity is not None:
            meters.append(electricity)
        gas = self._model.gas_meter()
        if gas is not None:
            meters.append(gas)
        return meters

    def summary(self, now: float) -> Summary:
        w = self._wording
        fuels = tuple(self._fuel(meter, now) for meter in self.meters())
        combined = []
        captions = self._captions()
        for index, caption in enumerate(captions):
            costs = [self._cost(meter, index, now) for meter in self.meters()]
            energies = [self._energy(meter, index, now) for meter in self.meters()]
            known_costs = [c for c, _ in costs if c is not None]
            known_energy = [e for e, _ in energies if e is not None]
            stale = any(s for _, s in costs) or any(s for _, s in energies)
            combined.append(
                Figure(
                    caption,
                    w.money(sum(known_costs, Decimal(0)))
                    if known_costs and len(known_costs) == len(costs)
                    else "–",
                    f"{w.number(sum(known_energy, Decimal(0)), 1)} kWh"
                    if known_energy and len(known_energy) == len(energies)
                    else "–",
                    stale,
                )
            )
        return Summary(
            fuels,
            tuple(combined),
            w.translate("HistoryScreen", "Prices include VAT at 5 %."),
        )

    def _captions(self) -> tuple[str, ...]:
        w = self._wording
        return (
            w.translate("HistoryScreen", "Today"),
            w.translate("HistoryScreen", "This week"),
            w.translate("HistoryScreen", "This month"),
            w.translate("HistoryScreen", "This year"),
        )

    def _fuel(self, meter: Meter, now: float) -> FuelSummary:
        w = self._wording
        caption = (
            w.translate("HistoryScreen", "Gas")
            if meter.fuel is Fuel.GAS
            else w.translate("HistoryScreen", "Electricity")
        )
        figures = []
        for index, period in enumerate(self._captions()):
            cost, cost_stale = self._cost(meter, index, now)
            energy, energy_stale = self._energy(meter, index, now)
            stale = cost_stale or energy_stale
            note = ""
            live = meter.today_import_kwh
            if stale and live is not None:
                note = age_note(age_han_s(self._model, live, now), w)
            figures.append(
                Figure(
                    period,
                    w.money(cost) if cost is not None else "–",
                    f"{w.number(energy, 1)} kWh" if energy is not None else "–",
                    stale,
                    note,
                )
            )
        standing = meter.tariff.standing_charge_gbp_per_day
        standing_text = (
            fill(
                w.translate("HistoryScreen", "Standing charge %1 a day, not in the totals above"),
                w.money(standing.value),
            )
            if standing is not None
            else ""
        )
        return FuelSummary(
            meter.fuel, caption, tuple(figures), standing_text, self.comparison(meter)
        )

    # Figures -----------------------------------------------------------------------------------

    def _stale(self, measured: Measured[Decimal] | None, meter: Meter, now: float) -> bool:
        if measured is None:
            return True
        return measured.is_stale(now, max(TODAY_STALE_AFTER_S, 2 * meter.expected_update_s))

    def _live(self, meter: Meter, index: int, cost: bool) -> Measured[Decimal] | None:
        if cost:
            return (meter.today_cost_gbp, meter.week_cost_gbp, meter.month_cost_gbp)[index]
        return (meter.today_import_kwh, meter.week_import_kwh, meter.month_import_kwh)[index]

    def _year(self, meter: Meter, now: float, cost: bool) -> Decimal | None:
        """This calendar year: this month (live) and the meter's previous months of the year."""
        history = meter.history
        figures = history.cost_gbp if cost else history.energy_kwh
        if figures is None or history.starts is None:
            return None
        this_month = self._live(meter, 2, cost)
        running = this_month.value if this_month is not None else figures.value.this_month
        if running is None:
            return None
        han_now = self._model.han_now(now)
        year = self._calendar.local_date(han_now).year
        total = running
        for start, amount in zip(
            history.starts.months[1:], figures.value.previous_months, strict=False
        ):
            if self._calendar.local_date(start).year != year:
                break
            if amount is None:
                return None
            total += amount
        return total

    def _cost(self, meter: Meter, index: int, now: float) -> tuple[Decimal | None, bool]:
        if index == 3:
            return self._year(meter, now, True), self._stale(meter.month_cost_gbp, meter, now)
        measured = self._live(meter, index, True)
        if measured is None:
            return None, False
        return measured.value, self._stale(measured, meter, now)

    def _energy(self, meter: Meter, index: int, now: float) -> tuple[Decimal | None, bool]:
        if index == 3:
            return self._year(meter, now, False), self._stale(meter.today_import_kwh, meter, now)
        measured = self._live(meter, index, False)
        if measured is None:
            return None, False
        return measured.value, self._stale(measured, meter, now)

    def comparison(self, meter: Meter) -> str:
        """ "Yesterday 8.6 kWh, £2.10: £0.42 less than the Tuesday before" (the energy when the
        meter keeps a day history of it), and what yesterday covers when the meter's day is
        short."""
        said = [self._against_week_before(meter), self.short_day_note(meter)]
        return ". ".join(part for part in said if part)

    def _against_week_before(self, meter: Meter) -> str:
        w = self._wording
        history = meter.history
        if history.cost_gbp is None or history.starts is None:
            return ""
        days = history.cost_gbp.value.previous_days
        if len(days) <= WEEKDAY_BEFORE or days[0] is None or days[WEEKDAY_BEFORE] is None:
            return ""
        yesterday, week_before = days[0], days[WEEKDAY_BEFORE]
        midday = datetime.fromtimestamp(history.starts.days[1] + NOON_S, GB_TIME)  # any zone
        weekday = w.translate("HistoryScreen", WEEKDAYS[midday.weekday()])
        difference = yesterday - week_before
        spent = w.money(yesterday)
        energy = history.energy_kwh.value.previous_days if history.energy_kwh else ()
        if energy and energy[0] is not None:
            spent = f"{w.number(energy[0], 1)} kWh, {spent}"  # what was used, then what it cost
        if difference < 0:
            template = w.translate("HistoryScreen", "Yesterday %1: %2 less than the %3 before")
        elif difference > 0:
            template = w.translate("HistoryScreen", "Yesterday %1: %2 more than the %3 before")
        else:
            template = w.translate("HistoryScreen", "Yesterday %1: the same as the %3 before")
        return fill(template, spent, w.money(abs(difference)), weekday)

    def short_day_note(self, meter: Meter) -> str:
        """A meter whose day figures stop before midnight (a SMETS1 gas meter in summer time): how
        many hours yesterday's figure holds, so a short day is not taken for a day of low use."""
        history = meter.history
        if not history.day_ends_at_s or history.starts is None:
            return ""
        w = self._wording
        start = history.starts.days[1]
        end = self._calendar.days_before(start, -1) - (24 * 3600 - history.day_ends_at_s)
        hours = round((end - start) / 3600)
        return fill(
            w.translate("HistoryScreen", "This meter ends its day at %1: yesterday is %2 hours"),
            w.clock(end),
            str(hours),
        )
