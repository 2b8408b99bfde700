"""``--source ezsp:socket://HOST:PORT``: the app's data path through bellows and the emulated
EmberZNet coordinator shows the same live readings as ``--source emulator`` for the same home and
seed."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from decimal import Decimal

from app.connection.radio_source import RadioSource
from app.connection.sources import EmulatorSource, HanSource, open_source
from han.model import HomeModel
from han.session import HanSession
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.ezsp.ncp import EZSP_IEEE, EmulatedEzsp
from home_emulator.ezsp.server import EzspServer
from home_emulator.home import EmulatedHome, HomeSpec

SPEC = HomeSpec(seed=7, start_epoch_s=1_780_000_000, history_days=1, gas=False)
STEPS = 12
"""Meter steps of 10 emulated seconds, each a new demand reading on both displays."""


async def until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
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


async def test_the_app_sees_the_same_live_demand_through_bellows_as_on_the_emulator() -> None:
    served = EmulatedHome(SPEC)  # python -m home_emulator serve --ezsp …
    served.hub.device_log.add(EZSP_IEEE, new_install_code(), DeviceType.IHD)
    ncp = EmulatedEzsp(served.air)
    server = EzspServer(ncp)
    host, port = await server.start("127.0.0.1", 0)
    served.power_on()
    embedded = EmulatedHome(SPEC)  # python -m app --source emulator, same seed
    sources: list[tuple[HanSource, EmulatedHome]] = [
        (open_source(f"ezsp:socket://{host}:{port}", speed=1, seed=7), served),
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
        through_ezsp, on_the_emulator = seen
        assert through_ezsp == on_the_emulator
        assert len(set(through_ezsp)) > 1, "the demand moved: these are live readings"
        network = ncp.tokens.network
        assert network is not None, "the display formed its network on the stick"
        formed = sessions[0].application.state.network_info
        assert (network.pan_id, network.channel) == (formed.pan_id, formed.channel)
        assert served.air.pan_id == network.pan_id, "the HAN is the network the stick formed"
    finally:
        for session in sessions:
            await session.stop()
        for source, _home in sources:
            await source.close()
        await server.close()
        served.close()
