"""One air, several displays: answers go to the asker, reports to the bound display, and the device
log decides who hears anything."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from decimal import Decimal

import pytest
import zigpy.exceptions
import zigpy.types as t
from zigpy.zdo import types as zdo_t

from han.clusters import GBMetering
from han.model import HomeModel
from han.session import HanSession
from home_emulator.air.medium import AlreadyAttached, NoSuchNode
from home_emulator.air.virtual_radio import COORDINATOR_IEEE, VirtualRadio
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.zigbee.zcl_server import ReportingRule

SECOND_DISPLAY = t.EUI64.convert("00:0d:6f:ff:fe:00:00:02")
STRANGER = t.EUI64.convert("00:0d:6f:ff:fe:00:00:99")
METERING = GBMetering.cluster_id


class Display:
    """A display's radio reduced to what the air sees of it."""

    def __init__(self, ieee: t.EUI64) -> None:
        self.ieee = ieee
        self.frames: list[t.ZigbeePacket] = []
        self.joined: list[t.EUI64] = []
        self.left: list[t.EUI64] = []

    def frame_from_air(self, packet: t.ZigbeePacket) -> None:
        self.frames.append(packet)

    def node_joined(self, nwk: int, ieee: t.EUI64) -> None:
        self.joined.append(ieee)

    def node_left(self, nwk: int, ieee: t.EUI64) -> None:
        self.left.append(ieee)

    def clusters_heard(self) -> set[int]:
        return {int(packet.cluster_id) for packet in self.frames}

    def addressed_to(self) -> list[object]:
        """The address each frame heard was sent to; every frame on the air has one."""
        addresses: list[object] = []
        for packet in self.frames:
            assert packet.dst is not None, "a frame reached this display with no destination"
            addresses.append(packet.dst.address)
        return addresses


def _home() -> EmulatedHome:
    home = EmulatedHome(HomeSpec(seed=7, start_epoch_s=1_780_000_000, history_days=1, gas=False))
    home.hub.device_log.add(SECOND_DISPLAY, new_install_code(), DeviceType.IHD)
    return home


def _zdo(command: zdo_t.ZDOCmd, tsn: int, dst_nwk: int, *args: object) -> t.ZigbeePacket:
    _, schema = zdo_t.CLUSTERS[command]
    return t.ZigbeePacket(
        src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(0x0000)),
        src_ep=t.uint8_t(0),
        dst=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(dst_nwk)),
        dst_ep=t.uint8_t(0),
        tsn=t.uint8_t(tsn),
        profile_id=t.uint16_t(0),
        cluster_id=t.uint16_t(command),
        data=t.SerializableBytes(bytes([tsn]) + t.serialize(list(args), schema)),
    )


def _bind(home: EmulatedHome, display: Display) -> None:
    """The display binds the meter's Metering server to itself, as zigpy's session does."""
    node = home.esme.node
    destination = zdo_t.MultiAddress(addrmode=3, ieee=display.ieee, endpoint=1)
    bind = _zdo(zdo_t.ZDOCmd.Bind_req, 9, node.nwk, node.ieee, 1, METERING, destination)
    home.air.to_node(bind, display)


def _report_demand(home: EmulatedHome) -> None:
    metering = home.esme.node.endpoints[1].servers[METERING]
    demand = GBMetering.attributes_by_name["instantaneous_demand"].id
    metering.reporting[demand] = ReportingRule(0, 60, 1)


def test_a_display_hears_the_nodes_join_and_answers_to_its_own_questions_only() -> None:
    home = _home()
    first, second = Display(COORDINATOR_IEEE), Display(SECOND_DISPLAY)
    home.air.attach(first)
    home.air.attach(second)
    home.power_on()
    nodes = [node.ieee for node in home.nodes]
    assert first.joined == nodes
    assert second.joined == nodes  # announcements go to every display

    esme = home.esme.node
    home.air.to_node(_zdo(zdo_t.ZDOCmd.Node_Desc_req, 5, esme.nwk, t.NWK(esme.nwk)), second)

    assert [int(packet.cluster_id) for packet in second.frames] == [zdo_t.ZDOCmd.Node_Desc_rsp]
    assert first.frames == []


def test_a_display_that_attaches_late_hears_the_nodes_already_there() -> None:
    home = _home()
    home.power_on()
    late = Display(SECOND_DISPLAY)
    home.air.attach(late)
    assert late.joined == [node.ieee for node in home.nodes]


def test_reports_go_to_the_bound_display_only_then_to_each_bound_display() -> None:
    home = _home()
    first, second = Display(COORDINATOR_IEEE), Display(SECOND_DISPLAY)
    home.air.attach(first)
    home.air.attach(second)
    home.power_on()
    _bind(home, first)
    (binding,) = home.esme.node.bindings
    assert binding.dst_ieee == COORDINATOR_IEEE  # the Bind_req's IEEE, not NWK 0x0000
    _report_demand(home)
    first.frames.clear()

    home.step()

    assert first.clusters_heard() == {METERING}
    assert second.frames == []

    _bind(home, second)
    home.esme.metering.set("instantaneous_demand", home.esme.demand_w + 500)
    first.frames.clear()
    second.frames.clear()
    home.step()

    # One report per cluster, delivered once to each bound display, addressed by its EUI-64.
    assert [packet.data for packet in first.frames] == [packet.data for packet in second.frames]
    assert first.addressed_to() == [COORDINATOR_IEEE]
    assert second.addressed_to() == [SECOND_DISPLAY]


def test_a_display_not_in_the_device_log_hears_nothing_and_reaches_nothing() -> None:
    home = _home()
    stranger, admitted = Display(STRANGER), Display(COORDINATOR_IEEE)
    home.air.attach(stranger)
    home.air.attach(admitted)
    home.power_on()
    _bind(home, admitted)
    _report_demand(home)
    home.step()

    esme = home.esme.node
    with pytest.raises(NoSuchNode):
        home.air.to_node(_zdo(zdo_t.ZDOCmd.Node_Desc_req, 6, esme.nwk, t.NWK(esme.nwk)), stranger)
    home.air.to_coordinator(esme.packet(1, 1, METERING, b"\x18\x01\x0a", 0x0000))  # to anyone

    assert stranger.joined == []
    assert stranger.frames == []
    assert admitted.clusters_heard() == {zdo_t.ZDOCmd.Bind_rsp, METERING}


def test_taps_see_each_frame_once_with_its_direction() -> None:
    home = _home()
    first, second = Display(COORDINATOR_IEEE), Display(SECOND_DISPLAY)
    home.air.attach(first)
    home.air.attach(second)
    home.power_on()
    seen: list[tuple[int, str]] = []
    home.air.taps.append(lambda packet, way: seen.append((int(packet.cluster_id), way)))

    _bind(home, first)
    _report_demand(home)
    home.step()
    home.air.to_coordinator(home.esme.node.packet(1, 1, METERING, b"\x18\x02\x0a", 0x0000))

    assert seen == [
        (zdo_t.ZDOCmd.Bind_req, "down"),
        (zdo_t.ZDOCmd.Bind_rsp, "up"),
        (METERING, "up"),  # the report, to the bound display
        (METERING, "up"),  # a frame for every display: still one frame on the air
    ]
    assert len(second.frames) == 1


def test_two_displays_with_one_eui64_cannot_share_the_air() -> None:
    home = _home()
    home.air.attach(Display(COORDINATOR_IEEE))
    with pytest.raises(AlreadyAttached, match="already on this HAN"):
        home.air.attach(Display(COORDINATOR_IEEE))


@contextlib.asynccontextmanager
async def _display(home: EmulatedHome, ieee: t.EUI64) -> AsyncIterator[HanSession]:
    radio = await VirtualRadio.new(VirtualRadio.config_for(home.air, ieee=ieee))
    model = HomeModel()
    session = HanSession(radio, model)
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


async def _attached(session: HanSession) -> None:
    """Until the session has bound the meter, configured its reporting and read its values."""
    await _until(lambda: bool(session.links))
    async with asyncio.timeout(5):
        await asyncio.gather(*(link.attached.wait() for link in session.links.values()))


def _shows(session: HanSession, watts: int) -> bool:
    meter = session.model.electricity_import_meter()
    return (
        meter is not None
        and meter.demand_kw is not None
        and meter.demand_kw.value == Decimal(watts) / Decimal(1000)
    )


async def test_two_zigpy_displays_on_one_air_each_show_the_meter() -> None:
    home = _home()
    try:
        async with (
            _display(home, COORDINATOR_IEEE) as first,
            _display(home, SECOND_DISPLAY) as second,
        ):
            home.power_on()
            await _attached(first)
            await _attached(second)
            await _until(lambda: _shows(first, home.esme.demand_w))
            await _until(lambda: _shows(second, home.esme.demand_w))
            assert {binding.dst_ieee for binding in home.esme.node.bindings} >= {
                COORDINATOR_IEEE,
                SECOND_DISPLAY,
            }
            before = home.esme.demand_w
            home.esme.switch_on(3000, 600)  # a kettle: the next reports carry a new demand
            for _ in range(2):
                home.step()
            after = home.esme.demand_w
            assert after != before
            await _until(lambda: _shows(first, after) and _shows(second, after))
    finally:
        home.close()
        for _ in range(3):  # let callbacks already queued run while the loop is still ours
            await asyncio.sleep(0)


async def test_a_second_radio_with_the_same_eui64_fails_to_start() -> None:
    home = _home()
    try:
        async with _display(home, COORDINATOR_IEEE):
            with pytest.raises(zigpy.exceptions.ControllerException, match="already on this HAN"):
                await VirtualRadio.new(VirtualRadio.config_for(home.air, ieee=COORDINATOR_IEEE))
    finally:
        home.close()
