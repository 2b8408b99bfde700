"""A virtual radio on a served air (tcp://…) behaves as on the in-process air: zigpy's interview,
reads and reporting work unchanged; delivery errors, refusals and a lost home are reported."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from decimal import Decimal
from typing import Any

import pytest
import zigpy.exceptions
import zigpy.types as t

from han.model import HomeModel
from han.session import HanSession
from home_emulator.air.link import parse_address
from home_emulator.air.server import AirServer
from home_emulator.air.virtual_radio import COORDINATOR_IEEE, VirtualRadio
from home_emulator.home import EmulatedHome, HomeSpec
from tests.zigbee_device import zigbee_device

STRANGER = "00:0d:6f:ff:fe:00:00:99"


class Served:
    def __init__(self, home: EmulatedHome) -> None:
        self.home = home
        self.announced: list[str] = []
        self.server = AirServer(home.air, announce=self.announced.append)
        self.url = ""


@contextlib.asynccontextmanager
async def _served_home() -> AsyncIterator[Served]:
    """A home served on a free loopback port in this loop; its clock is stepped by the test."""
    home = EmulatedHome(HomeSpec(seed=7, start_epoch_s=1_780_000_000, history_days=1, gas=False))
    served = Served(home)
    host, port = await served.server.start("127.0.0.1", 0)
    served.url = f"tcp://{host}:{port}"
    home.power_on()
    try:
        yield served
    finally:
        await served.server.close()
        home.close()


class LostListener:
    def __init__(self) -> None:
        self.lost = asyncio.Event()
        self.error: Exception | None = None

    def connection_lost(self, error: Exception) -> None:
        self.error = error
        self.lost.set()


@contextlib.asynccontextmanager
async def _display(url: str, ieee: Any = None) -> AsyncIterator[HanSession]:
    radio = await VirtualRadio.new(VirtualRadio.config_for(url, ieee=ieee))
    session = HanSession(radio, HomeModel())
    session.start()
    try:
        yield session
    finally:
        await session.stop()
        await radio.shutdown()


async def _until(condition: Callable[[], bool], timeout_s: float = 5.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - the model is read by polling here
            await asyncio.sleep(0.001)


def _shows(session: HanSession, watts: int) -> bool:
    meter = session.model.electricity_import_meter()
    return (
        meter is not None
        and meter.demand_kw is not None
        and meter.demand_kw.value == Decimal(watts) / Decimal(1000)
    )


async def _attached(session: HanSession) -> None:
    await _until(lambda: bool(session.links))
    async with asyncio.timeout(5):
        await asyncio.gather(*(link.attached.wait() for link in session.links.values()))


def test_device_paths_name_a_host_and_port() -> None:
    assert parse_address("tcp://127.0.0.1:8640") == ("127.0.0.1", 8640)
    assert parse_address("tcp://[::1]:8640") == ("::1", 8640)
    for bad in ("tcp://127.0.0.1", "udp://h:1", "tcp://:80", "tcp://h:0", "tcp://h:x", "h:1"):
        with pytest.raises(ValueError, match="tcp://"):
            parse_address(bad)


async def test_the_session_reads_and_hears_reports_over_tcp() -> None:
    async with _served_home() as served, _display(served.url) as session:
        home = served.home
        await _attached(session)
        await _until(lambda: _shows(session, home.esme.demand_w))
        radio = session.application
        assert zigbee_device(radio, home.esme.node.ieee).model == "ESME-1"  # zigpy's own interview

        home.esme.switch_on(3000, 600)
        for _ in range(2):
            home.step()
        await _until(lambda: _shows(session, home.esme.demand_w))
        (line,) = served.announced
        assert line.startswith(f"display {COORDINATOR_IEEE} attached (127.0.0.1:")


async def test_a_frame_to_an_absent_node_is_a_delivery_error() -> None:
    async with _served_home() as served, _display(served.url) as session:
        await _attached(session)
        absent = t.ZigbeePacket(
            dst=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(0x7777)),
            src_ep=t.uint8_t(1),
            dst_ep=t.uint8_t(1),
            profile_id=t.uint16_t(0x0109),
            cluster_id=t.uint16_t(0x0702),
            data=t.SerializableBytes(b"\x00\x01\x00\x00\x00"),
        )
        with pytest.raises(zigpy.exceptions.DeliveryError, match="no node"):
            await session.application.send_packet(absent)


async def test_a_display_not_in_the_device_log_is_refused() -> None:
    async with _served_home() as served:
        with pytest.raises(
            zigpy.exceptions.ControllerException,
            match=r"this display \(00:0d:6f:ff:fe:00:00:99\) is not in the hub's device log",
        ):
            await VirtualRadio.new(VirtualRadio.config_for(served.url, ieee=STRANGER))
        await _until(lambda: bool(served.announced))
        assert "refused" in served.announced[0]
        assert served.home.air.coordinators == []


async def test_a_second_display_with_the_same_eui64_is_refused() -> None:
    async with _served_home() as served, _display(served.url):
        with pytest.raises(zigpy.exceptions.ControllerException, match="already attached"):
            await VirtualRadio.new(VirtualRadio.config_for(served.url))


async def test_no_home_at_the_address_fails_like_a_missing_stick() -> None:
    async with _served_home() as served:
        url = served.url
    with pytest.raises(zigpy.exceptions.ControllerException, match="cannot reach"):
        await VirtualRadio.new(VirtualRadio.config_for(url))


@pytest.mark.logs_warning(r"^lost the emulated home: the emulated home closed the connection")
async def test_a_home_that_goes_away_is_reported_as_a_lost_connection() -> None:
    async with _served_home() as served, _display(served.url) as session:
        await _attached(session)
        listener = LostListener()
        session.application.add_listener(listener)
        await served.server.close()
        async with asyncio.timeout(5):
            await listener.lost.wait()
        assert served.home.air.coordinators == []
        with pytest.raises(zigpy.exceptions.DeliveryError, match="gone"):
            await session.application.send_packet(
                t.ZigbeePacket(
                    dst=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(0x1001)),
                    data=t.SerializableBytes(b"\x00\x01\x00\x00\x00"),
                )
            )


@pytest.mark.logs_warning(r"a message of \d+ bytes is not this protocol")
async def test_a_connection_that_is_not_a_display_is_hung_up_on() -> None:
    async with _served_home() as served:
        host, port = parse_address(served.url)
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(b"GET / HTTP/1.1\r\n\r\n")
        assert await reader.read() == b""  # closed without a word
        writer.close()
        await writer.wait_closed()
        assert served.announced == []
        assert served.server.displays == {}
