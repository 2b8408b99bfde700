"""A Home Automation power sensor (an LED-pulse reader's Electrical Measurement cluster) comes into
the same model as the Smart Energy meters: its active power is a ``Meter``'s demand, reported
after the display asks, and it follows the meter it reads."""

from __future__ import annotations

from decimal import Decimal

from han.model import Fuel, MeterKey
from home_emulator.devices.pulse_reader import ENDPOINT
from home_emulator.home import PULSE_READER_IEEE
from tests.conftest import OpenEmulatedHan

READER = MeterKey(PULSE_READER_IEEE, ENDPOINT)
ACTIVE_POWER = 0x050B


async def test_a_pulse_reader_is_a_meter_with_live_demand(emulated_han: OpenEmulatedHan) -> None:
    async with emulated_han(profile="family_of_four", pulse_reader=True) as han:
        await han.meter_ready()
        await han.until(lambda: READER in han.session.power_links)
        link = han.session.power_links[READER]
        await han.until(link.attached.is_set)
        assert link.reporting_configured
        assert READER not in han.session.links  # no Smart Energy metering on it

        reader = han.model.meters[READER]
        assert reader.fuel is Fuel.ELECTRICITY
        assert reader.demand_kw is not None
        assert reader.tariff.current is None  # no prices: the screens that need them stay empty
        pulse_reader = han.home.pulse_reader
        assert pulse_reader is not None
        for _ in range(2):
            for _ in range(7):  # past the sensor's longest silence (60 s): it reports regardless
                han.home.step()
            rules = pulse_reader.measurement.reporting_for(str(han.radio.ieee))
            sent = rules[ACTIVE_POWER].last_value
            assert isinstance(sent, int)
            assert abs(sent - max(han.home.esme.demand_w, 0)) < 5  # it follows the meter

            def shows(watts: int = sent) -> bool:
                return (
                    reader.demand_kw is not None and reader.demand_kw.value == Decimal(watts) / 1000
                )

            await han.until(shows)
        # The display's choice of "the electricity meter" is still the ESME, which has more to say.
        chosen = han.model.electricity_import_meter()
        assert chosen is not None
        assert chosen.key != READER
