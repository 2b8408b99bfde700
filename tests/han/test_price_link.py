"""Prices through the air: current and next, the switch at a band boundary, gas prices."""

from __future__ import annotations

from decimal import Decimal

from han.domain.tariff import PricePeriod
from han.model import Field, ModelChange
from home_emulator.tariffs import economy7
from tests.conftest import EmulatedHan, OpenEmulatedHan
from tests.value_of import value_of

MIDNIGHT_UTC = 1_781_481_600
"""2026-06-15 00:00 UTC. Economy 7 (GMT) nights run 00:30–07:30 UTC."""
NIGHT_STARTS = MIDNIGHT_UTC + 1800
DAY_STARTS = MIDNIGHT_UTC + 7 * 3600 + 1800


async def test_economy7_current_and_next_price_and_the_switch_at_the_band_boundary(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han(
        start_epoch_s=NIGHT_STARTS - 600, history_days=3, electricity_tariff=economy7()
    ) as han:
        await _both_meters_ready(han)
        meter = han.model.electricity_import_meter()
        assert meter is not None
        tariff = meter.tariff
        assert tariff.rate_label == "Day"
        assert tariff.tier == 1
        assert _known(tariff.current).number_of_tiers == 2
        assert value_of(tariff.unit_price_gbp_per_kwh) == Decimal("0.3000")
        night = _known(tariff.next)
        assert night.rate_label == "Night"
        assert night.unit_price_gbp_per_kwh == Decimal("0.1500")
        assert night.start_s == NIGHT_STARTS
        assert night.end_s == DAY_STARTS
        assert value_of(tariff.standing_charge_gbp_per_day) == Decimal("0.6012")
        metering = han.home.esme.metering
        assert {tier: reading.value for tier, reading in meter.tier_import_kwh.items()} == {
            tier: Decimal(metering.get(f"current_tier{tier}_summ_delivered")) / 1000
            for tier in (1, 2)
        }

        # Before the meter says anything more, the model already knows when the night begins.
        assert _known(tariff.price_at(NIGHT_STARTS - 1)).rate_label == "Day"
        assert _known(tariff.price_at(NIGHT_STARTS)).rate_label == "Night"
        assert _known(tariff.next_after(NIGHT_STARTS - 1)).start_s == NIGHT_STARTS

        changes: list[ModelChange] = []
        han.model.subscribe(changes.append)
        while han.home.now_s < NIGHT_STARTS:
            han.home.step()
        # At the switch the meter pushes the new current price (and the next) to bound displays.
        await han.until(
            lambda: (
                tariff.unit_price_gbp_per_kwh is not None
                and tariff.unit_price_gbp_per_kwh.value == Decimal("0.1500")
            )
        )
        assert tariff.rate_label == "Night"
        assert tariff.tier == 2
        await han.until(lambda: tariff.next is not None and tariff.next.start_s == DAY_STARTS)
        assert _known(tariff.next).rate_label == "Day"
        assert any({Field.TARIFF, Field.UNIT_PRICE} <= change.fields for change in changes)
        # The day period has ended but is kept for a day, so a chart of today is still whole.
        assert _known(tariff.price_at(NIGHT_STARTS - 1)).rate_label == "Day"
        assert tariff.current is not None
        assert tariff.current.rate_label == "Night"


async def test_the_gas_mirror_publishes_its_own_price_and_conversion(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han(profile="family_of_four", history_days=3) as han:
        await _both_meters_ready(han)
        gas = han.model.gas_meter()
        assert gas is not None
        tariff = gas.tariff
        assert value_of(tariff.unit_price_gbp_per_kwh) == Decimal("0.0634")
        assert tariff.rate_label == "Gas"
        assert tariff.next is None  # a single rate holds until changed
        assert _known(tariff.current).end_s is None
        assert value_of(tariff.standing_charge_gbp_per_day) == Decimal("0.3143")
        assert value_of(tariff.calorific_value_mj_per_m3) == Decimal("39.5")
        assert value_of(tariff.volume_correction) == Decimal("1.02264")
        electricity = han.model.electricity_import_meter()
        assert electricity is not None
        assert value_of(electricity.tariff.unit_price_gbp_per_kwh) == Decimal("0.2450")
        assert electricity.tariff.calorific_value_mj_per_m3 is None


async def _both_meters_ready(han: EmulatedHan) -> None:
    """The ESME and the hub's gas mirror have both attached (the hub may be interviewed last)."""
    await han.until(lambda: len(han.session.links) == 2)
    await han.meter_ready()


def _known(period: PricePeriod | None) -> PricePeriod:
    assert period is not None, "the meter has not published this price period"
    return period
