"""The emulated meters' tariff engine: what energy costs when, and how prices go on the air.

- Money is ``Decimal`` pounds; unit prices are held to £0.0001, the resolution they have on the air.
- Times are Unix epoch seconds (UTC); tariffs switch on the local clock (Europe/London, so DST
  moves them), except where a tariff says it follows GMT.
- Time-priced tariffs (:class:`SingleRate`, :class:`TimeOfUse`, :class:`Agile`, and any of them
  :func:`with_switch_offset`) share the :class:`Tariff` interface; :class:`Block` prices by the
  consumption so far in its block period as well.
- :func:`cost_of` and friends cost history exactly in integer cost units (see ``money``);
  :func:`publish_price_fields` writes a :class:`PricePeriod` as the ZSE PublishPrice command.

Modules: ``rates`` (Rate, PricePeriod, Tariff), ``local_time``, ``money``, ``day_profile``
(shared TOU machinery), ``single``, ``time_of_use``, ``half_hourly`` (Agile), ``block``, ``offset``,
``costing``, ``on_air``.
"""

from home_emulator.tariffs.block import Block, BlockPeriod
from home_emulator.tariffs.costing import (
    AnyTariff,
    cost_of,
    standing_charge_for_days,
    tiers_for,
    total_cost_gbp,
)
from home_emulator.tariffs.half_hourly import Agile, agile
from home_emulator.tariffs.money import (
    COST_UNITS_PER_GBP,
    PRICE_TRAILING_DIGITS,
    cost_units_to_gbp,
    energy_wh,
    price_on_air,
)
from home_emulator.tariffs.offset import (
    MAX_SWITCH_OFFSET_S,
    SwitchOffset,
    random_switch_offset,
    with_switch_offset,
)
from home_emulator.tariffs.on_air import ZIGBEE_EPOCH_S, publish_price_fields, zigbee_time
from home_emulator.tariffs.rates import PricePeriod, Rate, Tariff
from home_emulator.tariffs.single import SingleRate
from home_emulator.tariffs.time_of_use import TimeOfUse, economy7

__all__ = [
    "COST_UNITS_PER_GBP",
    "MAX_SWITCH_OFFSET_S",
    "PRICE_TRAILING_DIGITS",
    "ZIGBEE_EPOCH_S",
    "Agile",
    "AnyTariff",
    "Block",
    "BlockPeriod",
    "PricePeriod",
    "Rate",
    "SingleRate",
    "SwitchOffset",
    "Tariff",
    "TimeOfUse",
    "agile",
    "cost_of",
    "cost_units_to_gbp",
    "economy7",
    "energy_wh",
    "price_on_air",
    "publish_price_fields",
    "random_switch_offset",
    "standing_charge_for_days",
    "tiers_for",
    "total_cost_gbp",
    "with_switch_offset",
    "zigbee_time",
]
