"""What the Budget screen says: spending so far against the person's budget for today, this week or
this month, as a level told in colour, shape *and* words – Qt-free.

Spending is both fuels' energy cost as the meters count it (VAT included) plus the standing charge
for the days of the period so far, so the figure is what the bill will say. Levels: under 90 % on
track (green), 90–100 % nearly there (amber), over 100 % over budget (red). Crossing the budget
raises an alert once per period.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from app.settings.display_settings import DisplaySettings
from app.wording import PLAIN_ENGLISH, Wording, fill
from han.domain.local_calendar import LocalCalendar
from han.freshness import age_han_s
from han.model import HomeModel, Measured, Meter
from ihd.view_models.home import TODAY_STALE_AFTER_S, age_note

NEARLY_AT: Final = Decimal("0.90")
PERIODS: Final = ("day", "week", "month")
STEP_GBP: Final = {"day": Decimal("0.50"), "week": Decimal("1.00"), "month": Decimal("5.00")}
"""How much one press of − or + changes the budget by."""
SUGGESTED_GBP: Final = {
    "day": Decimal("5.00"),
    "week": Decimal("30.00"),
    "month": Decimal("120.00"),
}
"""Where + starts when no budget is set."""


class BudgetLevel(enum.Enum):
    ON_TRACK = "on_track"
    NEARLY = "nearly"
    OVER = "over"


def level_for(fraction: Decimal) -> BudgetLevel:
    if fraction > 1:
        return BudgetLevel.OVER
    if fraction >= NEARLY_AT:
        return BudgetLevel.NEARLY
    return BudgetLevel.ON_TRACK


@dataclass(frozen=True)
class BudgetPage:
    period: str
    period_caption: str
    budget: str
    """"£5.00 a day", or that no budget is set."""
    spent: str
    fraction: float | None
    """Spent ÷ budget (may exceed 1); None when there is no budget or nothing known."""
    percent: str
    level: BudgetLevel | None
    level_words: str
    """"On track", "Nearly at your budget", "Over budget" – never colour alone."""
    detail: str
    stale: bool
    note: str
    alert: str
    """Set on the refresh that first finds the budget crossed this period."""
    compared: str = ""
    """Spending so far against the whole period before ("So far this week 51% of last week's
    £24.10"); "" when the meters' histories do not say what that period cost."""


class BudgetViewModel:
    def __init__(
        self,
        model: HomeModel,
        settings: DisplaySettings,
        wording: Wording = PLAIN_ENGLISH,
        calendar: LocalCalendar | None = None,
    ) -> None:
        self._model = model
        self._settings = settings
        self._wording = wording
        self._calendar = calendar or LocalCalendar()
        self._alerted: set[tuple[str, int]] = set()
        """(period, start) already alerted."""

    def captions(self) -> dict[str, str]:
        w = self._wording
        return {
            "day": w.translate("BudgetScreen", "Today"),
            "week": w.translate("BudgetScreen", "This week"),
            "month": w.translate("BudgetScreen", "This month"),
        }

    def meters(self) -> list[Meter]:
        return [
            meter
            for meter in (self._model.electricity_import_meter(), self._model.gas_meter())
            if meter is not None
        ]

    def spent(self, period: str, now: float) -> tuple[Decimal | None, bool, str]:
        """(energy cost + standing charge so far, stale, age note) for the period."""
        w = self._wording
        han_now = self._model.han_now(now)
        c = self._calendar
        start = {"day": c.day_start, "week": c.week_start, "month": c.month_start}[period](han_now)
        days = (c.local_date(han_now) - c.local_date(start)).days + 1
        total = Decimal(0)
        stale, note = False, ""
        meters = self.meters()
        if not meters:
            return None, True, ""
        for meter in meters:
            cost: Measured[Decimal] | None = {
                "day": meter.today_cost_gbp,
                "week": meter.week_cost_gbp,
                "month": meter.month_cost_gbp,
            }[period]
            if cost is None:
                return None, True, ""
            total += cost.value
            if cost.is_stale(now, max(TODAY_STALE_AFTER_S, 2 * meter.expected_update_s)):
                stale, note = True, age_note(age_han_s(self._model, cost, now), w)
            standing = meter.tariff.standing_charge_gbp_per_day
            if standing is not None:
                total += standing.value * days
        return total, stale, note

    def period_start(self, period: str, now: float) -> int:
        han_now = self._model.han_now(now)
        c = self._calendar
        return {"day": c.day_start, "week": c.week_start, "month": c.month_start}[period](han_now)

    def page(self, period: str, now: float) -> BudgetPage:
        w = self._wording
        caption = self.captions()[period]
        budget = self._settings.budget_gbp(period)
        spent, stale, note = self.spent(period, now)
        compared = self.compared(period, now, spent)
        per = {
            "day": w.translate("BudgetScreen", "%1 a day"),
            "week": w.translate("BudgetScreen", "%1 a week"),
            "month": w.translate("BudgetScreen", "%1 a month"),
        }[period]
        budget_text = (
            fill(per, w.money(budget))
            if budget is not None
            else w.translate("BudgetScreen", "No budget set – press + to set one")
        )
        spent_text = w.money(spent) if spent is not None else "–"
        detail = w.translate(
            "BudgetScreen", "Gas and electricity with standing charges, VAT included."
        )
        if budget is None or spent is None:
            return BudgetPage(
                period,
                caption,
                budget_text,
                spent_text,
                None,
                "",
                None,
                "",
                detail,
                stale,
                note,
                "",
                compared,
            )
        fraction = spent / budget
        level = level_for(fraction)
        words = {
            BudgetLevel.ON_TRACK: w.translate("BudgetScreen", "On track"),
            BudgetLevel.NEARLY: w.translate("BudgetScreen", "Nearly at your budget"),
            BudgetLevel.OVER: w.translate("BudgetScreen", "Over budget"),
        }[level]
        remaining = budget - spent
        if remaining >= 0:
            detail = (
                fill(w.translate("BudgetScreen", "%1 left."), w.money(remaining)) + " " + detail
            )
        else:
            detail = (
                fill(w.translate("BudgetScreen", "%1 over."), w.money(-remaining)) + " " + detail
            )
        alert = ""
        key = (period, self.period_start(period, now))
        if level is BudgetLevel.OVER and not stale and key not in self._alerted:
            self._alerted.add(key)
            alert = self.over_words(period)
        percent = f"{w.number(fraction * 100, 0)} %"
        return BudgetPage(
            period,
            caption,
            budget_text,
            spent_text,
            float(fraction),
            percent,
            level,
            words,
            detail,
            stale,
            note,
            alert,
            compared,
        )

    def previous_spent(self, period: str, now: float) -> Decimal | None:
        """What the whole period before cost, standing charges in – from the meters' own
        histories, and only when they were read in this period (else their "previous" is older)."""
        han_now = self._model.han_now(now)
        c = self._calendar
        start_of = {"day": c.day_start, "week": c.week_start, "month": c.month_start}[period]
        start = start_of(han_now)
        days = (c.local_date(start) - c.local_date(start_of(start - 1))).days
        meters = self.meters()
        total = Decimal(0)
        for meter in meters:
            history, starts = meter.history.cost_gbp, meter.history.starts
            if history is None or starts is None:
                return None
            figures = history.value
            kept = {
                "day": (starts.days, figures.previous_days),
                "week": (starts.weeks, figures.previous_weeks),
                "month": (starts.months, figures.previous_months),
            }[period]
            if not kept[0] or kept[0][0] != start or not kept[1] or kept[1][0] is None:
                return None
            total += kept[1][0]
            standing = meter.tariff.standing_charge_gbp_per_day
            if standing is not None:
                total += standing.value * days
        return total if meters and total > 0 else None

    def compared(self, period: str, now: float, spent: Decimal | None) -> str:
        """ "So far this week 51% of last week's £24.10": a running period against a whole one is
        said as a share of it, never as "more" or "less"."""
        before = self.previous_spent(period, now)
        if spent is None or before is None:
            return ""
        w = self._wording
        template = {
            "day": w.translate("BudgetScreen", "So far today %1% of yesterday's %2"),
            "week": w.translate("BudgetScreen", "So far this week %1% of last week's %2"),
            "month": w.translate("BudgetScreen", "So far this month %1% of last month's %2"),
        }[period]
        return fill(template, w.number(spent / before * 100, 0), w.money(before))

    def over_words(self, period: str) -> str:
        """The alert on crossing ``period``'s budget, in the language in use now (a banner raised
        in one language is put into words again when the person switches)."""
        w = self._wording
        caption = self.captions()[period]
        return fill(
            w.translate("BudgetScreen", "You have gone over your budget for %1."),
            caption.lower() if w.language == "en" else caption,
        )

    def change_budget(self, period: str, steps: int) -> None:
        """− / + on the screen: move the budget by whole steps (never below nothing)."""
        current = self._settings.budget_gbp(period)
        step = STEP_GBP[period]
        if current is None:
            if steps > 0:
                self._settings.set_budget(period, SUGGESTED_GBP[period])
            return
        self._settings.set_budget(period, max(Decimal(0), current + steps * step))
