"""zigpy-znp, unmodified, against the emulated coordinator over TCP (``socket://``)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import zigpy.device
import zigpy.exceptions
import zigpy.types as t
from zigpy.application import ControllerApplication

from han.radio.libraries import RADIOS, RadioChoice, controller_class, radio_config
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.znp.coordinator import EmulatedZnp, JoinPolicy
from home_emulator.znp.server import ZnpServer

IEEE = t.EUI64.convert("00:12:4b:00:ff:fe:00:01")
METERING = 0x0702


class Stick:
    def __init__(self, home: EmulatedHome, coordinator: EmulatedZnp, url: str) -> None:
        self.home = home
        self.coordinator = coordinator
        self.url = url

    @contextlib.asynccontextmanager
    async def library(self, database: Path | None = None) -> AsyncIterator[ControllerApplication]:
        """zigpy-znp's ControllerApplication on the stick, forming a network if there is none."""
        choice = RadioChoice(RADIOS["znp"], self.url, 115_200)
        config: dict[str, Any] = radio_config(
            choice, database_path=str(database) if database else None
        )
        application = await controller_class(choice.kind).new(config, auto_form=True)
        try:
            yield application
        finally:
            await application.shutdown()

    def meter(self, application: ControllerApplication) -> zigpy.device.Device:
        device = application.devices[self.home.esme.node.ieee]
        assert isinstance(device, zigpy.device.Device)
        return device


@contextlib.asynccontextmanager
async def emulated_stick(policy: JoinPolicy = JoinPolicy.AT_START) -> AsyncIterator[Stick]:
    home = EmulatedHome(HomeSpec(seed=7, start_epoch_s=1_780_000_000, history_days=1, gas=False))
    home.hub.device_log.add(IEEE, new_install_code(), DeviceType.IHD)
    coordinator = EmulatedZnp(home.air, ieee=IEEE, join_policy=policy)
    server = ZnpServer(coordinator)
    host, port = await server.start("127.0.0.1", 0)
    home.power_on()
    try:
        yield Stick(home, coordinator, f"socket://{host}:{port}")
    finally:
        await server.close()
        home.close()


async def until(condition: Any, timeout_s: float = 10.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - zigpy's device state has no event to wait on
            await asyncio.sleep(0.005)


def _interviewed(application: ControllerApplication, ieee: t.EUI64) -> bool:
    device = application.devices.get(ieee)
    return device is not None and device.is_initialized


async def test_the_library_forms_a_network_sees_the_meter_join_and_reads_it() -> None:
    async with emulated_stick() as stick, stick.library() as application:
        assert stick.coordinator.formations >= 1
        network = stick.coordinator.running
        assert network is not None
        assert application.state.network_info.pan_id == network.pan_id
        assert application.state.node_info.ieee == IEEE
        await until(lambda: _interviewed(application, stick.home.esme.node.ieee))
        meter = stick.meter(application)
        assert METERING in meter.endpoints[1].in_clusters  # its Smart Energy clusters
        assert meter.endpoints[1].profile_id == 0x0109
        read, failed = (
            await meter.endpoints[1]
            .in_clusters[METERING]
            .read_attributes(["instantaneous_demand", "current_summ_delivered"])
        )
        assert not failed
        assert read["instantaneous_demand"] == stick.home.esme.demand_w


async def test_starting_again_resumes_the_network_instead_of_forming_one(tmp_path: Path) -> None:
    async with emulated_stick() as stick:
        async with stick.library(tmp_path / "zigbee.db") as first:
            formed = first.state.network_info
        formations, writes = stick.coordinator.formations, stick.coordinator.nvram.writes
        async with stick.library(tmp_path / "zigbee.db") as second:
            resumed = second.state.network_info
            await until(lambda: _interviewed(second, stick.home.esme.node.ieee))
        assert stick.coordinator.formations == formations
        assert (resumed.pan_id, resumed.extended_pan_id, resumed.network_key.key) == (
            formed.pan_id,
            formed.extended_pan_id,
            formed.network_key.key,
        )
        # Resuming writes a handful of settings at most; forming wrote the whole network.
        assert stick.coordinator.nvram.writes - writes < 10


# zigpy-znp's permit leaves a callback request in flight when the library disconnects at the end;
# it fails on the closed port and the loop logs that nobody read its error.
@pytest.mark.logs_warning(r"^Task exception was never retrieved")
async def test_with_join_on_permit_the_meter_waits_until_joining_is_permitted() -> None:
    async with emulated_stick(JoinPolicy.ON_PERMIT) as stick, stick.library() as application:
        meter_ieee = stick.home.esme.node.ieee
        assert meter_ieee not in application.devices
        await application.permit(60)
        await until(lambda: _interviewed(application, meter_ieee))


async def test_a_switched_off_meter_does_not_acknowledge() -> None:
    async with emulated_stick() as stick, stick.library() as application:
        await until(lambda: _interviewed(application, stick.home.esme.node.ieee))
        cluster = stick.meter(application).endpoints[1].in_clusters[METERING]
        stick.home.esme.node.powered = False
        with pytest.raises(zigpy.exceptions.DeliveryError):
            await cluster.read_attributes(["instantaneous_demand"])


@pytest.mark.logs_warning(r"refused: the port has a host")
async def test_the_port_serves_one_host_and_a_second_connection_is_refused() -> None:
    """As a serial line: a local connection cannot take the coordinator from the host using it."""
    async with emulated_stick() as stick, stick.library() as application:
        await until(lambda: _interviewed(application, stick.home.esme.node.ieee))
        host, port = stick.url.removeprefix("socket://").rsplit(":", 1)
        reader, writer = await asyncio.open_connection(host, int(port))
        async with asyncio.timeout(10):
            assert await reader.read() == b""  # closed by the emulated stick
        writer.close()
        meter = stick.meter(application)
        result = (
            await meter.endpoints[1].in_clusters[0x0702].read_attributes(["instantaneous_demand"])
        )
        assert "instantaneous_demand" in result[0]
