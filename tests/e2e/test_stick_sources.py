"""``--source znp:socket://HOST:PORT`` and ``--source ezsp:socket://HOST:PORT``: the app's data path
through zigpy-znp or bellows and the emulated coordinator shows the same live readings as
``--source emulator`` for the same home and seed."""

from __future__ import annotations

import asyncio
import functools
from decimal import Decimal

import pytest

from app.connection.radio_source import RadioSource
from app.connection.sources import EmulatorSource, HanSource, open_source
from han.model import HomeModel
from han.session import HanSession
from home_emulator.home import EmulatedHome
from tests.e2e.served_sticks import SPEC, ServedStick, reporting, shows_demand_of, until

STEPS = 12
"""Meter steps of 10 emulated seconds, each a new demand reading on both displays."""


async def test_the_app_sees_the_same_live_demand_through_the_stick_as_on_the_emulator(
    stick: ServedStick,
) -> None:
    served = stick.home  # python -m home_emulator serve --znp/--ezsp …
    embedded = EmulatedHome(SPEC)  # python -m app --source emulator, same seed
    sources: list[tuple[HanSource, EmulatedHome]] = [
        (open_source(stick.url, speed=1, seed=7), served),
        (EmulatorSource(embedded), embedded),
    ]
    assert isinstance(sources[0][0], RadioSource)
    sessions: list[HanSession] = []
    try:
        models = []
        for source, _home in sources:
            model = HomeModel()
            session = HanSession(await source.open(), model)
            session.start()
            sessions.append(session)
            models.append(model)
        embedded.power_on()  # the embedded home's clock stays still: the test steps both homes
        await until(lambda: all(reporting(session) for session in sessions), stick.wait_s)

        seen: list[list[Decimal]] = [[], []]
        for _ in range(STEPS):
            for _source, home in sources:
                home.step()
            for index, (model, (_source, home)) in enumerate(zip(models, sources, strict=True)):
                await until(functools.partial(shows_demand_of, model, home), stick.wait_s)
                meter = model.electricity_import_meter()
                assert meter is not None
                assert meter.demand_kw is not None
                seen[index].append(meter.demand_kw.value)
        through_the_stick, on_the_emulator = seen
        assert through_the_stick == on_the_emulator
        assert len(set(through_the_stick)) > 1, "the demand moved: these are live readings"
        kept = stick.kept_network()
        assert kept is not None, "the display formed its network on the stick"
        formed = sessions[0].application.state.network_info
        assert kept == (formed.pan_id, formed.channel)
        assert served.air.pan_id == kept[0], "the HAN is the network the stick formed"
    finally:
        for session in sessions:
            await session.stop()
        for source, _home in sources:
            await source.close()


@pytest.mark.parametrize("stick", ["znp"], indirect=True)
async def test_a_channel_change_moves_the_han_and_the_display_keeps_its_readings(
    stick: ServedStick,
) -> None:
    """zigpy's own channel change, as Home Assistant's "change channel" runs it: the broadcast to
    the HAN, then the coordinator's move – the display goes on reading the meter afterwards."""
    served = stick.home
    source = open_source(stick.url, speed=1, seed=7)
    model = HomeModel()
    radio = await source.open()
    session = HanSession(radio, model)
    session.start()
    try:
        await until(lambda: reporting(session))
        before = radio.state.network_info
        assert served.air.channel == before.channel
        new_channel = 25 if before.channel != 25 else 20
        await asyncio.wait_for(radio.move_network_to_channel(new_channel), 60)
        assert radio.state.network_info.channel == new_channel
        assert radio.state.network_info.nwk_update_id == (before.nwk_update_id + 1) % 0xFF
        assert served.air.channel == new_channel  # the HAN moved with its coordinator
        for _ in range(3):
            served.step()
            await until(functools.partial(shows_demand_of, model, served))
    finally:
        await session.stop()
        await source.close()
