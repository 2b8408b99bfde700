"""What the IHD home screen says, worked out from the home model – Qt-free and testable alone.

It decides wording, rounding and staleness; the widget only paints what it is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from han.model import AmbientLevel, HomeModel, LinkState, Measured, Meter

SEARCH_HINT_AFTER_S: Final = 30.0
"""After this long with no meter heard, the display also says what to check."""
DEMAND_STALE_AFTER_S: Final = 60.0
"""Meters report demand every ~10 s; a minute without one means the link is in trouble."""
TODAY_STALE_AFTER_S: Final = 15 * 60.0

PENNY: Final = Decimal("0.01")


@dataclass(frozen=True)
class Shown:
    """One value as the screen shows it."""

    text: str
    unit: str
    stale: bool
    note: str = ""


@dataclass(frozen=True)
class HomeScreen:
    searching: bool
    search_message: str
    demand: Shown
    cost_per_hour: Shown
    today_energy: Shown
    today_cost: Shown
    ambient: AmbientLevel | None
    ambient_stale: bool
    last_updated: str
    standing_charge: str


def format_kw(kw: Decimal) -> str:
    return f"{kw:.2f}" if abs(kw) < 10 else f"{kw:.1f}"


def format_money(gbp: Decimal) -> str:
    amount = gbp.quantize(PENNY, rounding=ROUND_HALF_UP)
    return f"£{amount:,.2f}" if amount >= 0 else f"−£{-amount:,.2f}"


def _age_note(measured: Measured[Decimal], now: float) -> str:
    age = measured.age_s(now)
    if age < 90:
        return f"{age:.0f} s old"
    if age < 90 * 60:
        return f"{age / 60:.0f} min old"
    return f"{age / 3600:.0f} h old"


class HomeViewModel:
    def __init__(self, model: HomeModel) -> None:
        self._model = model

    def screen(self, now: float, *, started_at: float) -> HomeScreen:
        meter = self._model.electricity_import_meter()
        if meter is None or self._model.link is LinkState.SEARCHING:
            return self._searching(now, started_at)
        return self._live(meter, now)

    def _searching(self, now: float, started_at: float) -> HomeScreen:
        message = "Looking for your meter…"
        if now - started_at >= SEARCH_HINT_AFTER_S:
            message += (
                "\nStill searching. Check the display is near the meter and the hub is powered."
            )
        nothing = Shown("–", "", stale=True)
        return HomeScreen(
            searching=True,
            search_message=message,
            demand=nothing,
            cost_per_hour=nothing,
            today_energy=nothing,
            today_cost=nothing,
            ambient=None,
            ambient_stale=True,
            last_updated="",
            standing_charge="",
        )

    def _live(self, meter: Meter, now: float) -> HomeScreen:
        price = meter.tariff.unit_price_gbp_per_kwh
        demand = meter.demand_kw
        today = meter.today_import_kwh

        if demand is not None:
            demand_stale = demand.is_stale(now, DEMAND_STALE_AFTER_S)
            note = _age_note(demand, now) if demand_stale else ""
            demand_shown = Shown(format_kw(demand.value), "kW", demand_stale, note)
        else:
            demand_stale = True
            demand_shown = Shown("–", "kW", True)

        if demand is not None and price is not None:
            per_hour = demand.value * price.value
            cost_shown = Shown(format_money(per_hour), "per hour", demand_stale, demand_shown.note)
        else:
            cost_shown = Shown(
                "–", "per hour", True, "price not known yet" if price is None else ""
            )

        if today is not None:
            today_stale = today.is_stale(now, TODAY_STALE_AFTER_S)
            note = _age_note(today, now) if today_stale else ""
            energy_shown = Shown(f"{today.value:.2f}", "kWh", today_stale, note)
            if price is not None:
                today_cost = Shown(format_money(today.value * price.value), "", today_stale, note)
            else:
                today_cost = Shown("–", "", True)
        else:
            energy_shown = Shown("–", "kWh", True)
            today_cost = Shown("–", "", True)

        standing = meter.tariff.standing_charge_gbp_per_day
        standing_text = (
            f"plus standing charge {format_money(standing.value)} a day"
            if standing is not None
            else ""
        )
        updated = meter.last_updated
        if updated is None:
            last_updated = ""
        elif demand_stale:
            heard = datetime.fromtimestamp(updated).strftime("%H:%M:%S")
            last_updated = (
                f"Out of date: last heard from the meter at {heard}. Trying to reconnect…"
            )
        else:
            last_updated = "Updated " + datetime.fromtimestamp(updated).strftime("%H:%M:%S")
        ambient = meter.ambient
        return HomeScreen(
            searching=False,
            search_message="",
            demand=demand_shown,
            cost_per_hour=cost_shown,
            today_energy=energy_shown,
            today_cost=today_cost,
            ambient=ambient.value if ambient is not None else None,
            ambient_stale=ambient is None or ambient.is_stale(now, DEMAND_STALE_AFTER_S),
            last_updated=last_updated,
            standing_charge=standing_text,
        )
