"""What the PPMID's balance screen says for each fuel in prepayment – Qt-free.

Balance, predicted days left (from the meter's recent daily costs), emergency credit, friendly
credit, debt and the state of the supply, each in words; plus what the person may do now (top up,
use emergency credit, turn an armed supply back on).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from app.wording import PLAIN_ENGLISH, Wording, fill
from han.domain.credit import Credit, SupplyState, predicted_days_left
from han.model import Fuel, HomeModel, LinkState, Meter, MeterKey


@dataclass(frozen=True)
class FuelCredit:
    """One prepayment meter on the balance screen."""

    meter: MeterKey
    fuel: str
    """"Electricity" or "Gas"."""
    balance: str
    """"£4.32", or "–" until the meter has said."""
    days_left: str
    emergency_credit: str
    friendly_credit: str
    """Empty unless friendly (non-disconnect) hours are keeping the supply on."""
    debt: str
    supply: str
    low: bool
    can_use_emergency_credit: bool
    emergency_credit_amount: str
    """The emergency credit the meter would give, "£5.00" (for the confirmation)."""
    supply_armed: bool
    gas: bool = False


@dataclass(frozen=True)
class BalancePage:
    fuels: tuple[FuelCredit, ...]
    notice: str
    """Shown instead of the fuels while there are none: still looking, or not in prepayment."""

    @property
    def low(self) -> bool:
        return any(fuel.low for fuel in self.fuels)


def prepayment_meters(model: HomeModel) -> list[Meter]:
    """Meters in prepayment, electricity first (gas is topped up at its own meter's code)."""
    meters = [
        meter
        for meter in model.meters.values()
        if meter.credit.in_prepayment and not meter.is_generation
    ]
    return sorted(meters, key=lambda meter: meter.fuel is not Fuel.ELECTRICITY)


def is_low(credit: Credit) -> bool:
    return credit.low or (
        credit.balance_gbp is not None
        and credit.low_credit_warning_gbp is not None
        and credit.balance_gbp.value < credit.low_credit_warning_gbp.value
    )


def daily_spend(meter: Meter) -> list[Decimal | None]:
    """Whole days the meter has costed (yesterday and the days before), newest first."""
    history = meter.history.cost_gbp
    return list(history.value.previous_days) if history is not None else []


class CreditViewModel:
    def __init__(self, model: HomeModel, wording: Wording = PLAIN_ENGLISH) -> None:
        self._model = model
        self._wording = wording

    def page(self) -> BalancePage:
        w = self._wording
        meters = prepayment_meters(self._model)
        if meters:
            return BalancePage(tuple(self.fuel(meter) for meter in meters), "")
        if self._model.link is not LinkState.CONNECTED or not any(
            meter.credit.mode is not None for meter in self._model.meters.values()
        ):
            notice = w.translate("BalanceScreen", "Looking for your meter…")
        else:
            notice = w.translate(
                "BalanceScreen", "Your meter is not in prepayment mode: there is nothing to top up."
            )
        return BalancePage((), notice)

    def fuel_name(self, meter: Meter) -> str:
        w = self._wording
        if meter.fuel is Fuel.GAS:
            return w.translate("BalanceScreen", "Gas")
        return w.translate("BalanceScreen", "Electricity")

    def fuel(self, meter: Meter) -> FuelCredit:
        w = self._wording
        credit = meter.credit
        balance = credit.balance_gbp.value if credit.balance_gbp is not None else None
        available = credit.emergency_credit_available and not credit.emergency_credit_in_use
        amount = credit.emergency_credit_gbp.value if credit.emergency_credit_gbp else Decimal(0)
        return FuelCredit(
            meter=meter.key,
            fuel=self.fuel_name(meter),
            balance=w.money(balance) if balance is not None else "–",
            days_left=self.days_left(balance, daily_spend(meter)),
            emergency_credit=self.emergency_credit(credit),
            friendly_credit=(
                w.translate(
                    "BalanceScreen",
                    "Friendly credit: your supply stays on until the friendly hours end.",
                )
                if credit.friendly_credit_in_use
                else ""
            ),
            debt=self.debt(credit),
            supply=self.supply(meter),
            low=is_low(credit),
            can_use_emergency_credit=available,
            emergency_credit_amount=w.money(amount),
            supply_armed=meter.supply is not None and meter.supply.value is SupplyState.ARMED,
            gas=meter.fuel is Fuel.GAS,
        )

    def days_left(self, balance: Decimal | None, spends: list[Decimal | None]) -> str:
        w = self._wording
        if balance is None:
            return ""
        if balance <= 0:
            return w.translate("BalanceScreen", "No credit left")
        days = predicted_days_left(balance, spends)
        if days is None:
            return w.translate("BalanceScreen", "Days left: not known yet")
        whole = days.to_integral_value(rounding=ROUND_FLOOR)
        if whole < 1:
            return w.translate("BalanceScreen", "Less than a day left at your recent use")
        if whole == 1:
            return w.translate("BalanceScreen", "About 1 day left at your recent use")
        return fill(
            w.translate("BalanceScreen", "About %1 days left at your recent use"), str(int(whole))
        )

    def emergency_credit(self, credit: Credit) -> str:
        w = self._wording
        remaining = credit.emergency_credit_gbp.value if credit.emergency_credit_gbp else None
        if credit.emergency_credit_in_use and remaining is not None:
            return fill(
                w.translate("BalanceScreen", "Using emergency credit: %1 left"), w.money(remaining)
            )
        if credit.emergency_credit_available and remaining is not None:
            return fill(
                w.translate("BalanceScreen", "Emergency credit available: %1"), w.money(remaining)
            )
        limit = (
            credit.emergency_credit_limit_gbp.value
            if credit.emergency_credit_limit_gbp
            else Decimal(0)
        )
        if limit > 0:
            return fill(
                w.translate("BalanceScreen", "Emergency credit: %1 when your credit runs low"),
                w.money(limit),
            )
        return w.translate("BalanceScreen", "No emergency credit")

    def debt(self, credit: Credit) -> str:
        """The debt and how fast it is being repaid, from the meter's Debt attributes."""
        w = self._wording
        if credit.debt_gbp is None or credit.debt_gbp.value <= 0:
            return w.translate("BalanceScreen", "No debt")
        debt = w.money(credit.debt_gbp.value)
        recovery = credit.recovery.value if credit.recovery is not None else None
        weekly = recovery.per_week_gbp if recovery is not None else Decimal(0)
        share = recovery.top_up_percent if recovery is not None else Decimal(0)
        if weekly > 0 and share > 0:
            return fill(
                w.translate("BalanceScreen", "Debt %1, repaid at %2 a week and %3% of each top-up"),
                debt,
                w.money(weekly),
                w.number(share, _places(share)),
            )
        if weekly > 0:
            return fill(
                w.translate("BalanceScreen", "Debt %1, repaid at %2 a week"), debt, w.money(weekly)
            )
        if share > 0:
            return fill(
                w.translate("BalanceScreen", "Debt %1, repaid from %2% of each top-up"),
                debt,
                w.number(share, _places(share)),
            )
        return fill(w.translate("BalanceScreen", "Debt %1"), debt)

    def supply(self, meter: Meter) -> str:
        w = self._wording
        state = meter.supply.value if meter.supply is not None else None
        if state is SupplyState.ON:
            return w.translate("BalanceScreen", "Supply: on")
        if state is SupplyState.ARMED and meter.fuel is Fuel.GAS:
            return w.translate(
                "BalanceScreen", "Supply: off – ready; turn it back on at the gas meter"
            )
        if state is SupplyState.ARMED:
            return w.translate("BalanceScreen", "Supply: off – ready to turn back on")
        if state is SupplyState.OFF:
            if meter.credit.disconnected_for_credit or meter.credit.exhausted:
                return w.translate(
                    "BalanceScreen", "Supply: off – credit has run out; please top up"
                )
            return w.translate("BalanceScreen", "Supply: off")
        return ""


def _places(value: Decimal) -> int:
    """Decimal places worth showing: 25 → 0, 12.5 → 1."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
