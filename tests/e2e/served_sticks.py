"""A coordinator stick served as ``python -m home_emulator serve --znp/--ezsp`` serves it, in the
test's own loop: the home with the stick admitted, its server listening, and what the stick keeps
of the network the display formed on it. With the wait and the checks the stick tests share."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from decimal import Decimal

from han.model import HomeModel
from han.session import HanSession
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.ezsp.ncp import EZSP_IEEE, EmulatedEzsp
from home_emulator.ezsp.server import EzspServer
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.znp import formation
from home_emulator.znp.coordinator import ZNP_IEEE, EmulatedZnp
from home_emulator.znp.server import ZnpServer

SPEC = HomeSpec(seed=7, start_epoch_s=1_780_000_000, history_days=1, gas=False)
STICKS = ("znp", "ezsp")
WAIT_S = {"znp": 15.0, "ezsp": 20.0}
"""How long a reading may take to come through each library (bellows' start is the slower)."""


@dataclass
class ServedStick:
    radio: str
    """The radio type, as ``--source RADIO:PATH`` names it."""
    home: EmulatedHome
    url: str
    """What the app is given: ``RADIO:socket://HOST:PORT``."""
    kept_network: Callable[[], tuple[int, int] | None]
    """(PAN id, channel) of the network the stick keeps, once a host formed one on it."""

    @property
    def wait_s(self) -> float:
        return WAIT_S[self.radio]


@asynccontextmanager
async def served_stick(radio: str) -> AsyncIterator[ServedStick]:
    home = EmulatedHome(SPEC)
    kept_network: Callable[[], tuple[int, int] | None]
    server: ZnpServer | EzspServer
    if radio == "znp":
        home.hub.device_log.add(ZNP_IEEE, new_install_code(), DeviceType.IHD)
        znp = EmulatedZnp(home.air, ieee=ZNP_IEEE)
        server = ZnpServer(znp)

        def kept_network() -> tuple[int, int] | None:
            nib = formation.network(znp.nvram)
            return None if nib is None else (nib.pan_id, nib.channel)

    else:
        home.hub.device_log.add(EZSP_IEEE, new_install_code(), DeviceType.IHD)
        ncp = EmulatedEzsp(home.air)
        server = EzspServer(ncp)

        def kept_network() -> tuple[int, int] | None:
            network = ncp.tokens.network
            return None if network is None else (network.pan_id, network.channel)

    host, port = await server.start("127.0.0.1", 0)
    home.power_on()
    try:
        yield ServedStick(radio, home, f"{radio}:socket://{host}:{port}", kept_network)
    finally:
        await server.close()
        home.close()


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
