"""Your network on a real radio path: the app on ``--source znp:socket://…`` against the emulated
Z-Stack coordinator whose meters join only when permitted. Opening the network from the IHD lets
them join; they are listed as recognised, their readings arrive, and the backup is zigpy's own."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable

from app.connection.own_network import OwnNetwork
from app.host.running import RunningApp
from app.settings.options import Options
from home_emulator.commands.serve import ZNP_IEEE
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.home import ESME_IEEE, EmulatedHome, HomeSpec
from home_emulator.znp.coordinator import EmulatedZnp, JoinPolicy
from home_emulator.znp.server import ZnpServer
from ihd.pages.more import MoreScreen
from ihd.pages.network import NetworkScreen
from ihd.shell import IhdShell
from tests.ihd.screen_of import screen_of


async def until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - waiting on what a person would see
            await asyncio.sleep(0.01)


async def test_opening_the_network_lets_the_meters_join_and_they_are_listed() -> None:
    home = EmulatedHome(HomeSpec(seed=7, start_epoch_s=1_780_000_000, history_days=1, gas=False))
    home.hub.device_log.add(ZNP_IEEE, new_install_code(), DeviceType.IHD)
    server = ZnpServer(EmulatedZnp(home.air, ieee=ZNP_IEEE, join_policy=JoinPolicy.ON_PERMIT))
    host, port = await server.start("127.0.0.1", 0)
    home.power_on()
    app = RunningApp(Options(source=f"znp:socket://{host}:{port}"))
    try:
        window = await app.start()
        shell = window.view
        assert isinstance(shell, IhdShell)
        await asyncio.sleep(1.0)
        assert app.model.electricity_import_meter() is None  # nothing joins unasked

        shell.go_to("more")
        more = screen_of(shell, "more", MoreScreen)
        assert more.buttons["network"].isVisibleTo(more)
        more.buttons["network"].click()
        screen = screen_of(shell, "network", NetworkScreen)
        screen.open_button.click()
        await until(lambda: screen.state.text().startswith("Open for new devices: "))
        await until(lambda: f"an electricity meter, {ESME_IEEE}" in screen.joined.text())

        async def step_until_reading() -> None:
            while app.model.electricity_import_meter() is None:
                home.step()
                await asyncio.sleep(0.05)

        await asyncio.wait_for(step_until_reading(), 20)

        screen.backup_button.click()
        await until(lambda: screen.backup_state.text().startswith("Backed up at"))
        network = screen.network
        assert isinstance(network, OwnNetwork), "a ZNP source gives the display its own network"
        backup = json.loads(network.backup_path.read_text())
        devices = {device["ieee_address"] for device in backup["devices"]}
        assert ESME_IEEE.replace(":", "") in devices

        screen.close_button.click()
        await until(lambda: screen.state.text() == "Closed: no new device can join.")
    finally:
        await app.stop()
        await server.close()
        home.close()
