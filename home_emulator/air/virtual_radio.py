"""The virtual radio: a genuine zigpy ``ControllerApplication`` whose "stick" is the emulated air.

Everything above it – zigpy's interview, device database, ZCL decoding, and the HAN session – runs
unmodified, exactly as with a USB coordinator. Its device path names the air the way a real radio's
names a serial port: ``air://1`` is an ``Air`` in this process, ``tcp://HOST:PORT`` a home served by
``python -m home_emulator serve`` (``air_link.py``). Either way the radio is one display on the air,
known by its EUI-64 (``config_for(..., ieee=...)``; the hub's device log must admit it).
"""

from __future__ import annotations

import asyncio
import collections
import logging
from typing import TYPE_CHECKING, Any

import zigpy.application
import zigpy.config as conf
import zigpy.device
import zigpy.endpoint
import zigpy.exceptions
import zigpy.state
import zigpy.types as t
from zigpy.zdo import types as zdo_t

from han.clusters import SE_PROFILE_ID
from han.formats.install_codes import printed_install_code
from han.quiet_log import QuietLog
from han.radio.air import SmartEnergyAware
from han.radio.ota_providers import no_ota
from home_emulator.air.address import SCHEME
from home_emulator.air.link_errors import LinkLost, LinkRefused
from home_emulator.air.medium import Air, AlreadyAttached, NoSuchNode

if TYPE_CHECKING:  # the served air's protocol loads only for a tcp:// home (``_open_link``)
    from home_emulator.air.link import AirLink

LOGGER = logging.getLogger(__name__)
_BAD_FRAMES = QuietLog(LOGGER)

COORDINATOR_IEEE = t.EUI64.convert("00:0d:6f:ff:fe:00:00:01")
"""The display EUI-64 an emulated home's device log admits by default (``HomeSpec.display_ieee``)."""
CONF_DISPLAY_IEEE = "emulated_display_ieee"
"""zigpy config key (zigpy keeps keys it does not know): the EUI-64 this radio uses on the air."""
CONF_DISPLAY_INSTALL_CODE = "emulated_display_install_code"
"""zigpy config key: the install code (hex) this display proves its identity with to a served
home; without it, the code printed on the display's label (``printed_install_code``)."""
_BROADCASTS = (t.AddrMode.Broadcast, t.AddrMode.Group)
_UNKNOWN_IEEE = t.EUI64.convert("ff:ff:ff:ff:ff:ff:ff:ff")
"""zigpy's node info before the network is loaded."""


class VirtualRadio(SmartEnergyAware, zigpy.application.ControllerApplication):
    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self._air: Air | None = None
        self._link: AirLink | None = None
        self._inbox: collections.deque[t.ZigbeePacket] = collections.deque()
        self._delivery_scheduled = False
        self._network: tuple[zigpy.state.NodeInfo, zigpy.state.NetworkInfo] | None = None

    @classmethod
    def config_for(
        cls,
        air: Air | str,
        *,
        database_path: str | None = None,
        ieee: t.EUI64 | str | None = None,
        install_code: bytes | None = None,
    ) -> dict[str, Any]:
        """zigpy config for a radio on ``air`` (an ``Air`` or a device path such as tcp://…)."""
        config: dict[str, Any] = {
            conf.CONF_DEVICE: {conf.CONF_DEVICE_PATH: air if isinstance(air, str) else air.path},
            conf.CONF_DATABASE: database_path,
            conf.CONF_NWK_BACKUP_ENABLED: False,
            conf.CONF_TOPO_SCAN_ENABLED: False,
            conf.CONF_OTA: no_ota(),
        }
        if ieee is not None:
            config[CONF_DISPLAY_IEEE] = str(
                t.EUI64.convert(ieee) if isinstance(ieee, str) else ieee
            )
        if install_code is not None:
            config[CONF_DISPLAY_INSTALL_CODE] = install_code.hex()
        return config

    @property
    def ieee(self) -> t.EUI64:
        """This radio's own EUI-64: the display's identity in the hub's device log."""
        ieee = self.state.node_info.ieee
        return ieee if ieee and ieee != _UNKNOWN_IEEE else self._configured_ieee()

    def _install_code(self) -> bytes:
        text = self.config.get(CONF_DISPLAY_INSTALL_CODE)
        return bytes.fromhex(text) if text else printed_install_code(str(self._configured_ieee()))

    def _configured_ieee(self) -> t.EUI64:
        text = self.config.get(CONF_DISPLAY_IEEE)
        return t.EUI64.convert(text) if text else COORDINATOR_IEEE

    # Radio lifecycle -------------------------------------------------------------------------

    async def connect(self) -> None:
        path = self.config[conf.CONF_DEVICE][conf.CONF_DEVICE_PATH]
        if path.startswith(f"{SCHEME}://"):
            self._link = await self._open_link(path)
            return
        try:
            self._air = Air.at(path)
        except NoSuchNode as error:
            raise zigpy.exceptions.ControllerException(str(error)) from error

    async def _open_link(self, path: str) -> AirLink:
        from home_emulator.air.link import AirLink

        try:
            return await AirLink.open(
                path,
                self,
                self.connection_lost,
                ieee=self._configured_ieee(),
                install_code=self._install_code(),
            )
        except LinkRefused as error:  # before OSError: a refusal is a PermissionError
            raise zigpy.exceptions.ControllerException(
                f"{error} (the emulated home at {path} refused it)"
            ) from error
        except (OSError, TimeoutError, ValueError) as error:
            raise zigpy.exceptions.ControllerException(
                f"cannot reach an emulated home at {path}: {error or type(error).__name__}"
            ) from error

    async def disconnect(self) -> None:
        if self._link is not None:
            await self._link.close()
            self._link = None
        if self._air is not None:
            self._air.detach(self)
            self._air = None

    async def load_network_info(self, *, load_devices: bool = False) -> None:
        if self._network is None:
            self._network = self._default_network()
        self.state.node_info, self.state.network_info = self._network

    async def write_network_info(
        self, *, network_info: zigpy.state.NetworkInfo, node_info: zigpy.state.NodeInfo
    ) -> None:
        self._network = (node_info, network_info)

    async def reset_network_info(self) -> None:
        self._network = None

    async def start_network(self) -> None:
        await self.load_network_info()
        node = self.state.node_info
        coordinator = self.add_device(node.ieee, node.nwk)
        coordinator.node_desc = zdo_t.NodeDescriptor(
            logical_type=zdo_t.LogicalType.Coordinator,
            complex_descriptor_available=0,
            user_descriptor_available=0,
            reserved=0,
            aps_flags=0,
            frequency_band=zdo_t.NodeDescriptor.FrequencyBand.Freq2400MHz,
            mac_capability_flags=zdo_t.NodeDescriptor.MACCapabilityFlags.AlternatePanCoordinator,
            manufacturer_code=0x1234,
            maximum_buffer_size=82,
            maximum_incoming_transfer_size=82,
            server_mask=0x2C41,
            maximum_outgoing_transfer_size=82,
            descriptor_capability_field=zdo_t.NodeDescriptor.DescriptorCapability.NONE,
        )
        endpoint = coordinator.add_endpoint(1)
        endpoint.status = zigpy.endpoint.Status.ZDO_INIT
        endpoint.profile_id = SE_PROFILE_ID
        endpoint.device_type = 0x0507  # type: ignore[assignment]  # SE "In-Home Display"
        coordinator.model = "Virtual radio"
        coordinator.manufacturer = "Emulated HAN"
        if self._link is not None:
            self._link.start()
            return
        assert self._air is not None
        try:
            self._air.attach(self)
        except AlreadyAttached as error:
            raise zigpy.exceptions.ControllerException(str(error)) from error

    async def force_remove(self, dev: zigpy.device.Device) -> None:
        return None

    async def add_endpoint(self, descriptor: zdo_t.SimpleDescriptor) -> None:
        return None

    async def permit_ncp(self, time_s: int = 60) -> None:
        return None

    async def permit_with_link_key(
        self, node: t.EUI64, link_key: t.KeyData, time_s: int = 60
    ) -> None:
        return None

    # Frames ---------------------------------------------------------------------------------

    async def send_packet(self, packet: t.ZigbeePacket) -> None:
        if self._air is None and self._link is None:
            raise zigpy.exceptions.DeliveryError("the virtual radio is not connected")
        if packet.dst is not None and packet.dst.addr_mode in _BROADCASTS:
            return  # permit-join and other broadcasts: the emulated nodes have nothing to say
        try:
            if self._link is not None:
                await self._link.send(packet)
            else:
                assert self._air is not None
                self._air.to_node(packet, self)
        except (NoSuchNode, LinkLost) as error:
            raise zigpy.exceptions.DeliveryError(str(error)) from error

    def frame_from_air(self, packet: t.ZigbeePacket) -> None:
        # Never deliver inside send_packet: zigpy registers its response future after sending.
        # Frames queue up and one callback delivers a whole burst, in order: far fewer loop
        # callbacks when the emulated home runs thousands of times faster than real time.
        self._inbox.append(packet)
        if not self._delivery_scheduled:
            self._delivery_scheduled = True
            asyncio.get_running_loop().call_soon(self._deliver)

    def _deliver(self) -> None:
        self._delivery_scheduled = False
        inbox = self._inbox
        with self.frames_together():  # a burst's records are applied once, after its last frame
            while inbox:
                packet = inbox.popleft()
                try:
                    self.packet_received(packet)
                except Exception as error:
                    _BAD_FRAMES.warning(
                        "frame from %s on cluster 0x%04X not delivered (%s: %s)",
                        packet.src,
                        int(packet.cluster_id),
                        type(error).__name__,
                        error,
                    )

    def node_joined(self, nwk: int, ieee: t.EUI64) -> None:
        self.handle_join(t.NWK(nwk), ieee, t.NWK(0x0000))

    def node_left(self, nwk: int, ieee: t.EUI64) -> None:
        self.handle_leave(t.NWK(nwk), ieee)

    def _default_network(self) -> tuple[zigpy.state.NodeInfo, zigpy.state.NetworkInfo]:
        ieee = self._configured_ieee()
        node_info = zigpy.state.NodeInfo(
            nwk=t.NWK(0x0000),
            ieee=ieee,
            logical_type=zdo_t.LogicalType.Coordinator,
            model="Virtual radio",
            manufacturer="Emulated HAN",
            version="1",
        )
        network_info = zigpy.state.NetworkInfo(
            extended_pan_id=t.ExtendedPanId(t.EUI64.convert("00:0d:6f:ff:fe:00:00:01")),
            pan_id=t.PanId(0x1A62),
            nwk_update_id=t.uint8_t(0),
            nwk_manager_id=t.NWK(0x0000),
            channel=t.uint8_t(15),
            channel_mask=t.Channels.CHANNEL_15,
            security_level=t.uint8_t(5),
            network_key=zigpy.state.Key(
                key=t.KeyData.convert("01:03:05:07:09:0b:0d:0f:00:02:04:06:08:0a:0c:0d"),
                seq=t.uint8_t(0),
            ),
            tc_link_key=zigpy.state.Key(key=t.KeyData(b"ZigBeeAlliance09"), partner_ieee=ieee),
            stack_specific={},
            source="virtual_radio",
        )
        return node_info, network_info
