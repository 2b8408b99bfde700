"""What the IHD home screen ("Now") says, worked out from the home model – Qt-free and testable alone.

It decides wording, rounding and staleness; the widget only paints what it is given. Words and
formats come from a ``Wording`` (the display's language); by default plain English.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from app.wording import PLAIN_ENGLISH, Wording, fill
from han.freshness import QUIET_AFTER_HAN_S, last_heard_han_s, out_of_date, silence_han_s
from han.links.history_link import one_price_all_day
from han.model import AmbientLevel, Fuel, HomeModel, LinkState, Meter
from ihd.view_models.spoken import now_sentence

SEARCH_HINT_AFTER_S: Final = 30.0
"""After this long with no meter heard, the display also says what to check."""
DEMAND_STALE_AFTER_S: Final = QUIET_AFTER_HAN_S
"""Meters report demand every ~10 s; a minute of the meters' time without a word from the meter
means the link is in trouble (demand and the ambient level it gives alike: ``han.freshness``)."""
TODAY_STALE_AFTER_S: Final = 15 * 60.0
"""Today's totals are reported at least every 10 minutes (the gas mirror's move half-hourly):
the meter's silence this long, in the meters' time, makes them out of date."""


@dataclass(frozen=True)
class Shown:
    """One value as the screen shows it."""

    text: str
    unit: str
    stale: bool
    note: str = ""


NOTHING: Final = Shown("–", "", stale=True)


@dataclass(frozen=True)
class FuelToday:
    """One fuel's day so far: cost (big), energy beside it, the standing charge said separately."""

    fuel: Fuel
    caption: str
    cost: Shown
    energy: Shown
    standing_charge: str


@dataclass(frozen=True)
class HomeScreen:
    searching: bool
    search_message: str
    demand: Shown
    cost_per_hour: Shown
    ambient: AmbientLevel | None
    ambient_stale: bool
    today: tuple[FuelToday, ...]
    """Electricity first, then gas when the home has a gas meter."""
    last_updated: str
    unread_messages: int
    """Put into words by the view: lupdate marks a counted phrase as plural only in ``tr()``."""
    spoken: str = ""
    """The live readings in one sentence, for screen readers and the display's voice."""


def format_kw(kw: Decimal, wording: Wording = PLAIN_ENGLISH) -> str:
    return wording.number(kw, 2 if abs(kw) < 10 else 1)


def format_money(gbp: Decimal, wording: Wording = PLAIN_ENGLISH) -> str:
    return wording.money(gbp)


def age_note(age: float, wording: Wording = PLAIN_ENGLISH) -> str:
    """How long a value has gone unconfirmed (seconds of the meters' time), in words."""
    if age < 90:
        return fill(wording.translate("Age", "%1 s old"), f"{age:.0f}")
    if age < 90 * 60:
        return fill(wording.translate("Age", "%1 min old"), f"{age / 60:.0f}")
    return fill(wording.translate("Age", "%1 h old"), f"{age / 3600:.0f}")


class HomeViewModel:
    def __init__(self, model: HomeModel, wording: Wording = PLAIN_ENGLISH) -> None:
        self._model = model
        self._wording = wording

    def screen(self, now: float, *, started_at: float) -> HomeScreen:
        meter = self._model.electricity_import_meter()
        if meter is None or self._model.link is LinkState.SEARCHING:
            return self._searching(now, started_at)
        return self._live(meter, now)

    def _searching(self, now: float, started_at: float) -> HomeScreen:
        w = self._wording
        message = w.translate("NowScreen", "Looking for your meter…")
        if now - started_at >= SEARCH_HINT_AFTER_S:
            message += "\n" + w.translate(
                "NowScreen",
                "Still searching. Check the display is near the meter and the hub is powered.",
            )
        return HomeScreen(
            searching=True,
            search_message=message,
            demand=NOTHING,
            cost_per_hour=NOTHING,
            ambient=None,
            ambient_stale=True,
            today=(),
            last_updated="",
            unread_messages=self._model.unread_messages,
        )

    def _live(self, meter: Meter, now: float) -> HomeScreen:
        w = self._wording
        price = meter.tariff.unit_price_gbp_per_kwh
        demand = meter.demand_kw
        per_hour = w.translate("NowScreen", "per hour")

        model = self._model
        if demand is not None:
            # Live while the meter is heard, whatever it reported last (han.freshness).
            demand_stale = out_of_date(model, meter, now, DEMAND_STALE_AFTER_S, demand)
            note = age_note(silence_han_s(model, meter, now, demand), w) if demand_stale else ""
            demand_shown = Shown(format_kw(demand.value, w), "kW", demand_stale, note)
        else:
            demand_stale = True
            demand_shown = Shown("–", "kW", True)

        if demand is not None and price is not None:
            cost_shown = Shown(
                w.money(demand.value * price.value), per_hour, demand_stale, demand_shown.note
            )
        else:
            no_price = w.translate("NowScreen", "price not known yet") if price is None else ""
            cost_shown = Shown("–", per_hour, True, no_price)

        gas = self._model.gas_meter()
        today = [self._today(meter, now)] + ([self._today(gas, now)] if gas is not None else [])
        ambient = meter.ambient
        return HomeScreen(
            searching=False,
            search_message="",
            demand=demand_shown,
            cost_per_hour=cost_shown,
            ambient=ambient.value if ambient is not None else None,
            # Reported only when it changes: as live as the meter that sends it.
            ambient_stale=ambient is None
            or out_of_date(model, meter, now, DEMAND_STALE_AFTER_S, ambient),
            today=tuple(today),
            last_updated=self._last_updated(meter, demand_stale),
            unread_messages=self._model.unread_messages,
            spoken=now_sentence(
                w,
                demand_kw=demand.value if demand is not None else None,
                cost_per_hour_gbp=(
                    demand.value * price.value if demand is not None and price is not None else None
                ),
                ambient=ambient.value if ambient is not None else None,
                updated_at=last_heard_han_s(model, meter),
                stale=demand_stale,
            ),
        )

    def _today(self, meter: Meter, now: float) -> FuelToday:
        w = self._wording
        caption = (
            w.translate("NowScreen", "Gas today")
            if meter.fuel is Fuel.GAS
            else w.translate("NowScreen", "Electricity today")
        )
        price = meter.tariff.unit_price_gbp_per_kwh
        used = meter.today_import_kwh
        if used is None:
            energy, cost = Shown("–", "kWh", True), NOTHING
        else:
            # A gas mirror has news every half hour; electricity every few seconds.
            quiet_after = max(TODAY_STALE_AFTER_S, 2 * meter.expected_update_s)
            stale = out_of_date(self._model, meter, now, quiet_after, used)
            silence = silence_han_s(self._model, meter, now, used)
            note = age_note(silence, w) if stale else ""
            energy = Shown(w.number(used.value, 2), "kWh", stale)
            if meter.today_cost_gbp is not None:  # the meter's own figure knows every rate
                cost = Shown(w.money(meter.today_cost_gbp.value), "", stale, note)
            elif price is not None and one_price_all_day(meter):
                cost = Shown(w.money(used.value * price.value), "", stale, note)
            elif price is not None:  # today's energy at one rate of several would be wrong
                cost = Shown("–", "", True, note)
            else:
                cost = Shown("–", "", True, w.translate("NowScreen", "price not known yet"))
        standing = meter.tariff.standing_charge_gbp_per_day
        standing_text = (
            fill(w.translate("NowScreen", "plus standing charge %1 a day"), w.money(standing.value))
            if standing is not None
            else ""
        )
        return FuelToday(meter.fuel, caption, cost, energy, standing_text)

    def _last_updated(self, meter: Meter, demand_stale: bool) -> str:
        w = self._wording
        updated = last_heard_han_s(self._model, meter)  # the meters' time, like the corner clock
        if updated is None:
            return ""
        heard = w.clock(updated, seconds=True)
        if demand_stale:
            return fill(
                w.translate(
                    "NowScreen",
                    "Out of date: last heard from the meter at %1. Trying to reconnect…",
                ),
                heard,
            )
        return fill(w.translate("NowScreen", "Updated %1"), heard)
