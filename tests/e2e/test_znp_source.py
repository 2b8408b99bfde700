"""``--source znp:socket://HOST:PORT``: the app's data path through zigpy-znp and the emulated
coordinator shows the same live readings as ``--source emulator`` for the same home and seed."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from decimal import Decimal

from app.connection.radio_source import RadioSource
from app.connection.sources import EmulatorSource, HanSource, open_source
from han.model import HomeModel
from han.session import HanSession
from home_emulator.commands.serve import ZNP_IEEE
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.znp.coordinator import EmulatedZnp
from home_emulator.znp.server import ZnpServer

SPEC = HomeSpec(seed=7, start_epoch_s=1_780_000_000, history_days=1, gas=False)
STEPS = 12
"""Meter steps of 10 emulated seconds, each a new demand reading on both displays."""


async def until(condition: Callable[[], bool], timeout_s: float = 15.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - the model is polled, as the screen would be
            await asyncio.sleep(0.005)


def shows_demand_of(model: HomeModel, home: EmulatedHome) -> bool:
    meter = model.electricity_import_meter()
    return (
        meter is not None
        and meter.demand_kw is not None
        and meter.demand_kw.value == Decimal(home.esme.demand_w) / 1000
    )


def reporting(session: HanSession) -> bool:
    return any(link.reporting_configured for link in session.links.values())


async def test_the_app_sees_the_same_live_demand_through_zigpy_znp_as_on_the_emulator() -> None:
    served = EmulatedHome(SPEC)  # python -m home_emulator serve --znp …
    served.hub.device_log.add(ZNP_IEEE, new_install_code(), DeviceType.IHD)
    server = ZnpServer(EmulatedZnp(served.air, ieee=ZNP_IEEE))
    host, port = await server.start("127.0.0.1", 0)
    served.power_on()
    embedded = EmulatedHome(SPEC)  # python -m app --source emulator, same seed
    sources: list[tuple[HanSource, EmulatedHome]] = [
        (open_source(f"znp:socket://{host}:{port}", speed=1, seed=7), served),
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
        await until(lambda: all(reporting(session) for session in sessions))

        seen: list[list[Decimal]] = [[], []]
        for _ in range(STEPS):
            for _source, home in sources:
                home.step()
            for index, (model, (_source, home)) in enumerate(zip(models, sources, strict=True)):
                await until(functools.partial(shows_demand_of, model, home))
                meter = model.electricity_import_meter()
                assert meter is not None
                assert meter.demand_kw is not None
                seen[index].append(meter.demand_kw.value)
        through_znp, on_the_emulator = seen
        assert through_znp == on_the_emulator
        assert len(set(through_znp)) > 1, "the demand moved: these are live readings"
    finally:
        for session in sessions:
            await session.stop()
        for source, _home in sources:
            await source.close()
        await server.close()
        served.close()


async def test_a_channel_change_moves_the_han_and_the_display_keeps_its_readings() -> None:
    """zigpy's own channel change, as Home Assistant's "change channel" runs it: the broadcast to
    the HAN, then the coordinator's move – the display goes on reading the meter afterwards."""
    served = EmulatedHome(SPEC)
    served.hub.device_log.add(ZNP_IEEE, new_install_code(), DeviceType.IHD)
    server = ZnpServer(EmulatedZnp(served.air, ieee=ZNP_IEEE))
    host, port = await server.start("127.0.0.1", 0)
    served.power_on()
    source = open_source(f"znp:socket://{host}:{port}", speed=1, seed=7)
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
        await server.close()
        served.close()
