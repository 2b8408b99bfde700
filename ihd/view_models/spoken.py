"""The Now screen in one sentence, as a screen reader or the display's voice says it.

"Electricity now 0.33 kilowatts, costing 8 pence an hour, use is low, updated 10:04": units in
words (a synthesiser reads "kW" as two letters), small sums in pence, the time without seconds.
Qt-free; the words come from the ``Wording`` in use, so it is said in English or Welsh alike.
"""

from __future__ import annotations

from decimal import Decimal

from app.wording import QT_TRANSLATE_NOOP, Wording, fill, round_half_up
from han.model import AmbientLevel

_USE = {
    AmbientLevel.LOW: QT_TRANSLATE_NOOP("Spoken", "use is low"),
    AmbientLevel.MEDIUM: QT_TRANSLATE_NOOP("Spoken", "use is medium"),
    AmbientLevel.HIGH: QT_TRANSLATE_NOOP("Spoken", "use is high"),
}


def spoken_money(gbp: Decimal, wording: Wording) -> str:
    """Under a pound in pence ("8 pence"), else as the screen shows it ("£1.20")."""
    if abs(gbp) < 1:
        pence = round_half_up(gbp * 100, 0)
        return fill(wording.translate("Spoken", "%1 pence"), f"{pence:.0f}")
    return wording.money(gbp)


def spoken_units(text: str, wording: Wording) -> str:
    """Words as shown, their kWh spelt out for a synthesiser ("2.9 kWh" → "2.9 kilowatt hours")."""
    return text.replace(" kWh", " " + wording.translate("Spoken", "kilowatt hours"))


def use_words(level: AmbientLevel, wording: Wording) -> str:
    return wording.translate("Spoken", _USE[level])


def now_sentence(
    wording: Wording,
    *,
    demand_kw: Decimal | None,
    cost_per_hour_gbp: Decimal | None,
    ambient: AmbientLevel | None,
    updated_at: float | None,
    stale: bool,
) -> str:
    """What is on the Now screen, in words; parts not known yet are left out."""
    w = wording
    if demand_kw is None:
        parts = [w.translate("Spoken", "Electricity now not known yet")]
    else:
        kw = w.number(demand_kw, 2 if abs(demand_kw) < 10 else 1)
        parts = [fill(w.translate("Spoken", "Electricity now %1 kilowatts"), kw)]
    if cost_per_hour_gbp is not None:
        money = spoken_money(cost_per_hour_gbp, w)
        parts.append(fill(w.translate("Spoken", "costing %1 an hour"), money))
    if ambient is not None:
        parts.append(use_words(ambient, w))
    if updated_at is not None:
        template = (
            w.translate("Spoken", "out of date, last heard at %1")
            if stale
            else w.translate("Spoken", "updated %1")
        )
        parts.append(fill(template, w.clock(updated_at)))
    return ", ".join(parts)
