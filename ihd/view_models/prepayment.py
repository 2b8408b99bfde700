"""What the IHD's Prepayment screen says (read-only: top-ups are the PPMID's) – Qt-free.

Shown only while a meter is in prepayment: its balance, how many days it is likely to last (the
average of recent whole days' spending, standing charge in), emergency credit (available, in use,
how much is left) and debt. Values dim and say their age when the meter has gone quiet.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from app.wording import PLAIN_ENGLISH, Wording, fill
from han.domain.credit import predicted_days_left
from han.freshness import out_of_date, silence_han_s
from han.model import Fuel, HomeModel, Measured, Meter
from ihd.view_models.home import age_note

CREDIT_STALE_AFTER_S: Final = 15 * 60.0
"""The balance is reported at least every few minutes while the meter is heard."""
RECENT_DAYS: Final = 7


@dataclass(frozen=True)
class PrepaymentCard:
    fuel: Fuel
    caption: str
    balance: str
    balance_caption: str
    days_left: str
    emergency: str
    debt: str
    warning: str
    """Low credit, emergency credit in use, supply off – "" when all is well."""
    stale: bool
    note: str


def prepayment_meters(model: HomeModel) -> list[Meter]:
    return [meter for meter in model.meters.values() if meter.credit.in_prepayment]


class PrepaymentViewModel:
    def __init__(self, model: HomeModel, wording: Wording = PLAIN_ENGLISH) -> None:
        self._model = model
        self._wording = wording

    def cards(self, now: float) -> tuple[PrepaymentCard, ...]:
        return tuple(self._card(meter, now) for meter in prepayment_meters(self._model))

    def _card(self, meter: Meter, now: float) -> PrepaymentCard:
        w = self._wording
        credit = meter.credit
        caption = (
            w.translate("PrepaymentScreen", "Gas")
            if meter.fuel is Fuel.GAS
            else w.translate("PrepaymentScreen", "Electricity")
        )
        balance = credit.balance_gbp
        # Credit is reported when it moves: as live as the meter that reports it.
        quiet_after = max(CREDIT_STALE_AFTER_S, 2 * meter.expected_update_s)
        stale = balance is None or out_of_date(self._model, meter, now, quiet_after, balance)
        silence = silence_han_s(self._model, meter, now, balance)
        note = age_note(silence, w) if balance is not None and stale else ""
        balance_text = w.money(balance.value) if balance is not None else "–"
        days = self.days_left(meter)
        if days is None:
            days_text = w.translate("PrepaymentScreen", "Days left: not known yet")
        else:
            days_text = fill(
                w.translate("PrepaymentScreen", "About %1 days left at your usual spending"),
                w.number(days, 0),
            )
        emergency = self._emergency(meter)
        debt = credit.debt_gbp
        debt_text = (
            fill(w.translate("PrepaymentScreen", "Debt %1"), w.money(debt.value))
            if debt is not None and debt.value > 0
            else w.translate("PrepaymentScreen", "No debt")
        )
        warnings = []
        if credit.disconnected_for_credit or credit.exhausted:
            warnings.append(
                w.translate("PrepaymentScreen", "Credit has run out: the supply is off")
            )
        elif credit.emergency_credit_in_use:
            warnings.append(w.translate("PrepaymentScreen", "Using emergency credit"))
        elif credit.low:
            warnings.append(w.translate("PrepaymentScreen", "Credit is low: top up soon"))
        return PrepaymentCard(
            meter.fuel,
            caption,
            balance_text,
            w.translate("PrepaymentScreen", "Credit left"),
            days_text,
            emergency,
            debt_text,
            " · ".join(warnings),
            stale,
            note,
        )

    def _emergency(self, meter: Meter) -> str:
        w = self._wording
        credit = meter.credit
        left: Measured[Decimal] | None = credit.emergency_credit_gbp
        if credit.emergency_credit_in_use and left is not None:
            return fill(
                w.translate("PrepaymentScreen", "Emergency credit in use: %1 left"),
                w.money(left.value),
            )
        if credit.emergency_credit_available and left is not None:
            return fill(
                w.translate("PrepaymentScreen", "Emergency credit of %1 available"),
                w.money(left.value),
            )
        if left is not None:
            return fill(w.translate("PrepaymentScreen", "Emergency credit %1"), w.money(left.value))
        return ""

    def days_left(self, meter: Meter) -> Decimal | None:
        balance = meter.credit.balance_gbp
        history = meter.history.cost_gbp
        if balance is None or history is None:
            return None
        standing = meter.tariff.standing_charge_gbp_per_day
        per_day = standing.value if standing is not None else Decimal(0)
        spends = [
            None if spend is None else spend + per_day
            for spend in history.value.previous_days[:RECENT_DAYS]
        ]
        return predicted_days_left(balance.value, spends)
