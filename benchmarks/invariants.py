"""What must hold between the figures of one screen whenever it is drawn, at any speed of the home.

Samples the view-models the displays draw from – the IHD's home screen and History totals, the
PPMID's balance, the CAD's Glow-style feed – together with the model behind them, and records every
violation:

- today's cost is today's energy at the day's prices and nothing else (within the rounding of the
  figures as shown): what it added since the first sample of the day is the energy added since
  then, at prices between the lowest and the highest unit price the meter published meanwhile (the
  whole day's, once the run has seen the day begin);
- this week's and this month's energy hold today's;
- the ambient level shown is the one the meter's thresholds give for the demand shown;
- a prepayment meter's credit moves with use: over a run in which it used energy and cost money,
  its balance (or the emergency credit and debt behind it) moved too.

Qt-free: the test suite and the ``fast_forward`` benchmark both run it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Final

from cad.feed.glow_payload import electricity_message
from han.model import AmbientLevel, Fuel, HomeModel, Meter, MeterKey
from ihd.view_models.history_summary import HistorySummaryViewModel
from ihd.view_models.home import HomeViewModel
from ppmid.view_models.credit import CreditViewModel

SHOWN_MONEY_STEP: Final = Decimal("0.005")
"""Half a penny: a cost is shown to the penny."""
SHOWN_ENERGY_STEP: Final = Decimal("0.005")
"""Half a hundredth of a kWh: today's energy is shown to two places."""
SHOWN_KW_STEP: Final = Decimal("0.005")
METER_ENERGY_STEP: Final = Decimal("0.0005")
"""Half a Wh: the meters' registers count whole Wh."""

AmbientLevelOf = Callable[[int], int]
"""The meter's own thresholds: watts of demand → ambient level."""


def amount(text: str) -> Decimal | None:
    """The number in a figure as shown ("£1,234.56", "−£0.12", "12.47 kWh"), or None for "–"."""
    cleaned = text.replace("£", "").replace(",", "").replace("kWh", "").replace("−", "-").strip()
    if not cleaned or cleaned == "–":
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


@dataclass
class _Prices:
    low: Decimal | None = None
    high: Decimal | None = None

    def see(self, price: Decimal) -> None:
        self.low = price if self.low is None else min(self.low, price)
        self.high = price if self.high is None else max(self.high, price)


@dataclass
class _Anchor:
    """The day's cost and energy when the checker first saw them (zero at a day it saw begin)."""

    kwh: Decimal
    cost: Decimal
    last_kwh: Decimal
    last_cost: Decimal | None = None


@dataclass
class _CreditWatch:
    first_energy: Decimal | None = None
    last_energy: Decimal | None = None
    money: set[tuple[Decimal | None, ...]] = field(default_factory=set)


@dataclass
class InvariantChecker:
    model: HomeModel
    ambient_level_of: AmbientLevelOf | None = None
    violations: list[str] = field(default_factory=list)
    samples: int = 0
    _prices: dict[MeterKey, _Prices] = field(default_factory=dict)
    _credit: dict[MeterKey, _CreditWatch] = field(default_factory=dict)
    _anchors: dict[tuple[str, MeterKey], _Anchor] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._home = HomeViewModel(self.model)
        self._history = HistorySummaryViewModel(self.model)
        self._balance = CreditViewModel(self.model)

    def sample(self, now: float) -> None:
        """Check every screen as it would be drawn now."""
        self.samples += 1
        for meter in self.model.meters.values():
            self._learn_prices(meter)
            self._check_totals(meter)
            self._watch_credit(meter)
        self._check_home(now)
        self._check_history(now)
        self._check_feed(now)

    def finish(self) -> list[str]:
        """The run is over: the checks over the whole run, then every violation seen."""
        for key, watch in self._credit.items():
            used = (
                watch.last_energy - watch.first_energy
                if watch.last_energy is not None and watch.first_energy is not None
                else Decimal(0)
            )
            if used > 1 and len(watch.money) < 2:
                self.violations.append(f"{key}: used {used} kWh but its credit never moved")
        return self.violations

    def _fail(self, what: str) -> None:
        if len(self.violations) < 50:  # enough to read; a broken invariant repeats every sample
            self.violations.append(f"sample {self.samples}: {what}")

    def _learn_prices(self, meter: Meter) -> None:
        prices = self._prices.setdefault(meter.key, _Prices())
        price = meter.tariff.unit_price_gbp_per_kwh
        if price is not None:
            prices.see(price.value)
        for period in meter.tariff.schedule:
            prices.see(period.unit_price_gbp_per_kwh)

    def _cost_fits(
        self, where: str, key: MeterKey, cost: Decimal, kwh: Decimal, slack: Decimal
    ) -> bool:
        """Whether today's ``cost`` is today's ``kwh`` at prices the meter has published, counted
        from the day's first sample (± ``slack`` kWh and half a penny each end)."""
        anchor = self._anchors.get((where, key))
        if anchor is None or kwh < anchor.last_kwh - 2 * slack:  # first sight, or a new day
            start = (kwh, cost) if anchor is None else (Decimal(0), Decimal(0))
            anchor = self._anchors[(where, key)] = _Anchor(*start, last_kwh=kwh)
            anchor.last_cost = None
        prices = self._prices.get(key)
        last_kwh, last_cost = anchor.last_kwh, anchor.last_cost
        anchor.last_kwh, anchor.last_cost = kwh, cost
        if prices is None or prices.low is None or prices.high is None:
            return True  # nothing to check against yet
        # Since the last sample (a price that changed meanwhile moves only what is used after it),
        # and since the day's first sample.
        if (
            last_cost is not None
            and kwh >= last_kwh
            and not self._fits(prices, kwh - last_kwh, cost - last_cost, slack)
        ):
            return False
        return self._fits(prices, kwh - anchor.kwh, cost - anchor.cost, slack)

    @staticmethod
    def _fits(prices: _Prices, added: Decimal, added_cost: Decimal, slack: Decimal) -> bool:
        assert prices.low is not None
        assert prices.high is not None
        low_kwh, high_kwh = max(added - 2 * slack, Decimal(0)), added + 2 * slack
        lowest = min(low_kwh * prices.low, high_kwh * prices.low)
        highest = max(low_kwh * prices.high, high_kwh * prices.high)
        return lowest - 2 * SHOWN_MONEY_STEP <= added_cost <= highest + 2 * SHOWN_MONEY_STEP

    def _check_totals(self, meter: Meter) -> None:
        today = meter.today_import_kwh
        if today is None:
            return
        for name in ("week_import_kwh", "month_import_kwh"):
            figure = getattr(meter, name)
            if figure is not None and figure.value < today.value:
                self._fail(f"{meter.key}: {name} {figure.value} < today {today.value}")
        cost = meter.today_cost_gbp
        if meter.is_generation:  # its money is for what it generated, not for energy imported
            return
        if cost is not None and not self._cost_fits(
            "model", meter.key, cost.value, today.value, METER_ENERGY_STEP
        ):
            self._fail(
                f"{meter.key}: today's cost £{cost.value:.4f} is not {today.value} kWh at "
                f"{self._prices[meter.key]}"
            )

    def _check_home(self, now: float) -> None:
        screen = self._home.screen(now, started_at=now)
        if screen.searching:
            return
        meters = {
            Fuel.ELECTRICITY: self.model.electricity_import_meter(),
            Fuel.GAS: self.model.gas_meter(),
        }
        for card in screen.today:
            meter = meters.get(card.fuel)
            cost, kwh = amount(card.cost.text), amount(card.energy.text)
            if meter is None or cost is None or kwh is None:
                continue
            if not self._cost_fits("home", meter.key, cost, kwh, SHOWN_ENERGY_STEP):
                self._fail(f"home screen: {card.caption} {card.cost.text} · {card.energy.text} kWh")
        meter = meters[Fuel.ELECTRICITY]
        demand = meter.demand_kw if meter is not None else None
        if (
            self.ambient_level_of is None
            or screen.ambient is None
            or meter is None
            or demand is None
        ):
            return
        shown_kw = amount(screen.demand.text)
        if shown_kw is None:
            return
        levels = {
            self.ambient_level_of(int((shown_kw + step) * 1000))
            for step in (-SHOWN_KW_STEP, Decimal(0), SHOWN_KW_STEP)
        }
        if AmbientLevel(screen.ambient) not in levels:
            self._fail(
                f"home screen: ambient {screen.ambient.name} beside {screen.demand.text} kW "
                f"(meter {meter.key}: demand at {demand.updated_at:.3f}, ambient at "
                f"{meter.ambient.updated_at if meter.ambient else None})"
            )

    def _check_history(self, now: float) -> None:
        for fuel in self._history.summary(now).fuels:
            today, week, month = (amount(figure.energy) for figure in fuel.figures[:3])
            for caption, figure in (("week", week), ("month", month)):
                # Shown to one place here: allow the rounding of both.
                if today is not None and figure is not None and figure < today - Decimal("0.1"):
                    self._fail(f"History {fuel.caption}: this {caption} {figure} < today {today}")

    def _check_feed(self, now: float) -> None:
        message = electricity_message(self.model, now)
        if message is None:
            return
        imported = message["electricitymeter"]["energy"]["import"]
        day = imported["day"]
        if imported["week"] < day or imported["month"] < day:
            self._fail(f"CAD feed: day {day} beside week {imported['week']}")

    def _watch_credit(self, meter: Meter) -> None:
        if not meter.credit.in_prepayment or meter.today_import_kwh is None:
            return
        self._balance.page()  # what the PPMID draws from; must not raise at any moment
        watch = self._credit.setdefault(meter.key, _CreditWatch())
        energy = meter.import_total_kwh or meter.volume_total_m3
        if energy is not None:
            if watch.first_energy is None:
                watch.first_energy = energy.value
            watch.last_energy = energy.value
        credit = meter.credit
        watch.money.add(
            tuple(
                figure.value if figure is not None else None
                for figure in (credit.balance_gbp, credit.emergency_credit_gbp, credit.debt_gbp)
            )
        )
