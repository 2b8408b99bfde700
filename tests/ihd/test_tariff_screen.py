"""The Tariff screen shows the prices the meters published: Economy 7 through the air."""

from __future__ import annotations

import time
from decimal import Decimal

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext
from han.model import Fuel, Measured
from home_emulator.tariffs import economy7
from ihd.pages.tariff import TariffScreen
from ihd.view_models.tariff import TariffViewModel
from tests.conftest import OpenEmulatedHan
from tests.ihd.conftest import NOW, dual_fuel_home

MIDNIGHT_UTC = 1_781_481_600
"""2026-06-15 00:00 UTC. Economy 7 (GMT) nights run 00:30–07:30 UTC."""
NIGHT_STARTS = MIDNIGHT_UTC + 1800


async def test_the_current_and_next_prices_are_the_meters_economy7_prices(
    emulated_han: OpenEmulatedHan, qtbot: QtBot
) -> None:
    async with emulated_han(
        start_epoch_s=NIGHT_STARTS - 600, history_days=3, electricity_tariff=economy7()
    ) as han:
        await han.until(lambda: len(han.session.links) == 2)
        await han.meter_ready()
        meter = han.model.electricity_import_meter()
        assert meter is not None
        screen = TariffScreen(ExperienceContext(han.model, now=time.time))
        qtbot.addWidget(screen)
        card = screen.cards[Fuel.ELECTRICITY]
        current = meter.tariff.current
        assert current is not None
        assert current.unit_price_gbp_per_kwh == Decimal("0.3000")
        assert card.price.text() == "30.00p per kWh"
        assert card.band.text().startswith("Day until ")
        following = meter.tariff.next
        assert following is not None
        assert following.rate_label == "Night"
        assert "15.00p per kWh (Night)" in card.next_price.text()
        assert card.next_price.text().startswith("From ")
        assert card.standing.text() == "Standing charge £0.60 a day"
        assert screen.cards[Fuel.GAS].price.text() == "6.34p per kWh"

        timeline = TariffViewModel(han.model).timeline(meter, time.time())
        assert len(timeline.pence) == 48  # a summer day in half hours
        night = [
            price
            for start, price in zip(timeline.edges[:-1], timeline.pence, strict=True)
            if NIGHT_STARTS <= start < NIGHT_STARTS + 7 * 3600
        ]
        assert night
        assert all(price == 15.0 for price in night)
        assert timeline.pence[timeline.now_index] == 30.0
        assert screen.timeline.bar_count == 48
        assert screen.slot.text().startswith("Now · ")
        screen.close()


def test_prices_dim_and_say_their_age_when_the_meter_goes_quiet(qtbot: QtBot) -> None:
    model = dual_fuel_home()
    screen = TariffScreen(ExperienceContext(model, now=lambda: NOW))
    qtbot.addWidget(screen)
    card = screen.cards[Fuel.ELECTRICITY]
    assert card.price.property("stale") == "false"
    assert card.price.text() == "24.50p per kWh"

    later = NOW + 20 * 60
    screen.context.now = lambda: later
    screen.refresh()
    assert card.price.property("stale") == "true"
    assert card.note.text() == "20 min old"


def test_a_half_hourly_tariff_is_48_bars_of_its_own_prices() -> None:
    from han.domain.tariff import PricePeriod

    model = dual_fuel_home()
    meter = model.electricity_import_meter()
    assert meter is not None
    midnight = TariffViewModel(model)._calendar.day_start(NOW)
    prices = [Decimal(10 + n) / 100 for n in range(48)]
    meter.tariff.schedule = tuple(
        PricePeriod(price, "Agile", None, None, midnight + n * 1800, midnight + (n + 1) * 1800)
        for n, price in enumerate(prices)
    )
    meter.tariff.as_of_s = NOW
    meter.tariff.unit_price_gbp_per_kwh = Measured(prices[0], NOW)
    timeline = TariffViewModel(model).timeline(meter, NOW)
    assert np.allclose(timeline.pence, [float(p * 100) for p in prices])


async def test_an_agile_home_joined_mid_afternoon_draws_all_48_of_todays_half_hours(
    emulated_han: OpenEmulatedHan, qtbot: QtBot
) -> None:
    from home_emulator.tariffs import agile

    # 15:10 BST: 30 half hours of today have gone before the display is switched on.
    tariff = agile()
    async with emulated_han(
        start_epoch_s=MIDNIGHT_UTC + 14 * 3600 + 600, history_days=3, electricity_tariff=tariff
    ) as han:
        await han.until(lambda: len(han.session.links) == 2)
        await han.meter_ready()
        meter = han.model.electricity_import_meter()
        assert meter is not None
        await han.until(lambda: len(meter.tariff.schedule) >= 48)
        timeline = TariffViewModel(han.model).timeline(meter, time.time())
        assert len(timeline.pence) == 48
        assert not np.isnan(timeline.pence).any()
        # Every bar is the meter's own price for its half hour, VAT included, in pence.
        for start, pence in zip(timeline.edges[:-1], timeline.pence, strict=True):
            assert pence == pytest.approx(
                float(tariff.rate_at(float(start)).unit_price_gbp_per_kwh * 100)
            )
        screen = TariffScreen(ExperienceContext(han.model, now=time.time))
        qtbot.addWidget(screen)
        assert screen.timeline.bar_count == 48
