"""The emulated Z-Stack network processor: the host's MT requests in, its answers and callbacks out,
and the coordinator's place on the emulated home's air.

As Z-Stack 3.x on a CC2652 it
- answers SYS ping and version, restarts on a reset request (the network stops until the host
  starts it again; "clear state" in the startup options forgets it) and keeps its memory
  (``nvram.py``) across resets and host connections;
- forms a network on BDB commissioning, or resumes the one in memory (``formation.py``);
- registers the host's endpoints and answers ZDO requests about itself (``own_zdo.py``);
- once its network is up, is a display on the ``Air``: AF data requests become frames to the
  addressed emulated node, confirmed with AF data confirm (MAC_NO_ACK when nobody answers), and
  what the nodes send comes back as callbacks (``callbacks.py``); a message too long for one MT
  frame (a supplier message of up to 254 characters, reassembled from its APS fragments) is held
  until the host fetches it with AF data retrieve (``held_messages.py``).

Who may join: a node in the hub's device log is on the HAN already (an installer joined it), so by
default it joins the coordinator's network as soon as the network is up (``JoinPolicy.AT_START``).
With ``JoinPolicy.ON_PERMIT`` a node the coordinator has not seen before (``address_manager.py``)
waits until the host permits joining, as a new device would.
"""

from __future__ import annotations

import enum
import logging
import struct
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import zigpy.types as t
import zigpy.zdo.types as zdo_t

from home_emulator.air import spectrum
from home_emulator.air.medium import Air, AlreadyAttached, NoSuchNode
from home_emulator.znp import address_manager, callbacks, formation, own_zdo, status
from home_emulator.znp import commands as mt
from home_emulator.znp.commands import Command
from home_emulator.znp.frames import CommandType, Frame
from home_emulator.znp.held_messages import HeldMessages
from home_emulator.znp.nib import NetworkInfoBase
from home_emulator.znp.nv_commands import HANDLERS as NV_HANDLERS
from home_emulator.znp.nvram import Nvram, OsalId, StartupOption
from home_emulator.znp.own_zdo import RegisteredEndpoint

LOGGER = logging.getLogger(__name__)

Send = Callable[[Frame], None]
Fields = dict[str, Any]

CAPABILITIES = 0x0001 | 0x0002 | 0x0008 | 0x0010 | 0x0040 | 0x0100 | 0x0200 | 0x0400
"""SYS, MAC, AF, ZDO, UTIL, APP, GP and APP_CNF: a Z-Stack 3.x coordinator build."""
RELEASE = {"TransportRev": 2, "ProductId": 1, "MajorRel": 2, "MinorRel": 7, "MaintRel": 1}
VERSION = {
    **RELEASE,
    "CodeRevision": 20240710,
    "BootloaderBuildType": 0,
    "BootloaderRevision": 0xFFFFFFFF,
}
ASSOCIATED_DEVICE_SIZE = 36
ZNP_IEEE = t.EUI64.convert("00:12:4b:00:ff:fe:00:01")
"""The served coordinator's EUI-64 (TI's OUI, as a CC2652's would carry)."""
"""sizeof(associated_devices_t) on a 32-bit ARM build: how a host learns struct alignment."""
_RESET_REASON_EXTERNAL = 1
_STARTING_AS_COORDINATOR, _STARTED_AS_COORDINATOR = 8, 9
_BDB_SUCCESS, _BDB_IN_PROGRESS, _BDB_FORMATION_FAILURE = 0, 1, 8
_BDB_NWK_FORMATION = 0x04
_STEERING_WINDOW_S = 180
_ADDR_GROUP, _ADDR_IEEE, _ADDR_BROADCAST = 1, 3, 15
_ZDO_PROFILE, _HA_PROFILE = 0x0000, 0x0104
_ROUTER_CAPABILITY = 0x8E
_CHANGE_CHANNEL, _NEW_CHANNEL_MASK = 0xFE, 0xFF
"""Scan durations in a network update that are not scans (ZigBee's Mgmt_NWK_Update_req)."""
_NEIGHBOUR_LQI = 200
"""The home's routers are a room or two away from the stick: heard well."""
_MAX_RETRIEVE = 248
"""A retrieve's answer is its status, length and data in one MT frame of 250 bytes."""


class JoinPolicy(enum.Enum):
    AT_START = "start"
    ON_PERMIT = "permit"


class EmulatedZnp:
    """One coordinator stick; ``connect`` a host to it, ``handle`` the host's frames."""

    def __init__(
        self,
        air: Air,
        *,
        ieee: t.EUI64,
        nvram: Nvram | None = None,
        join_policy: JoinPolicy = JoinPolicy.AT_START,
    ) -> None:
        self.air = air
        self.nvram = nvram or Nvram(ieee)
        self.join_policy = join_policy
        self.formations = 0
        """Networks formed since the server started (a resumed network is not one)."""
        self._send: Send | None = None
        self._running: NetworkInfoBase | None = None
        self._ieee_on_air: t.EUI64 | None = None
        self._endpoints: dict[int, RegisteredEndpoint] = {}
        self._zdo_callbacks = False
        self._waiting: dict[int, t.EUI64] = {}
        """Nodes that would join but may not yet (callbacks not registered, joining not permitted)."""
        self._permit_until = 0.0
        self._channel_mask = formation.DEFAULT_CHANNEL_MASK
        self._holding: list[Frame] | None = None
        self._zdo_tsn = 0
        self._scans = 0
        """Energy scans answered: each reads the band a little differently."""
        self.held = HeldMessages()
        """Incoming messages too long for one MT frame, until the host fetches them."""

    # The host ----------------------------------------------------------------------------

    def connect(self, send: Send) -> None:
        """A host opened the port (a new one replaces the old: one serial port, one user)."""
        self._stop_network()
        self._send = send

    def disconnect(self, send: Send) -> None:
        if self._send is send:
            self._stop_network()
            self._send = None

    @property
    def running(self) -> NetworkInfoBase | None:
        """The network while it is up."""
        return self._running

    def handle(self, frame: Frame) -> None:
        command = mt.REQUESTS.get(frame.key)
        if command is None:
            if frame.type is CommandType.SREQ:
                LOGGER.info("MT request %02X %02X is not emulated", frame.cmd0, frame.command)
                self._reply_error(frame, mt.INVALID_COMMAND_ID)
            return
        try:
            fields = command.decode(frame.data)
        except ValueError as error:
            LOGGER.warning("malformed %s: %s", command.name, error)
            if frame.type is CommandType.SREQ:
                self._reply_error(frame, mt.INVALID_PARAMETER)
            return
        LOGGER.debug("host: %s %s", command.name, fields)
        nv = NV_HANDLERS.get(command)
        if nv is not None:
            response, handler = nv
            self._emit(response.frame(**handler(self.nvram, fields)))
        else:
            _DISPATCH[command](self, fields)

    def _emit(self, frame: Frame) -> None:
        if self._holding is not None and frame.type is CommandType.AREQ:
            self._holding.append(frame)
        elif self._send is not None:
            self._send(frame)

    def _reply(self, command: Command, **fields: Any) -> None:
        self._emit(command.frame(**fields))

    def _reply_error(self, frame: Frame, code: int) -> None:
        self._reply(mt.COMMAND_NOT_RECOGNIZED, ErrorCode=code, RequestHeader=bytes(frame.key))

    # SYS and UTIL ------------------------------------------------------------------------

    def _ping(self, fields: Fields) -> None:
        self._reply(mt.PING_RSP, Capabilities=CAPABILITIES)

    def _version(self, fields: Fields) -> None:
        self._reply(mt.VERSION_RSP, **VERSION)

    def _reset(self, fields: Fields) -> None:
        self._stop_network()
        self.held.clear()
        options = (self.nvram.item(OsalId.STARTUP_OPTION) or b"\x00")[0]
        if options & StartupOption.CLEAR_STATE:
            self.nvram.clear_network_state()
        if options:
            self.nvram.put(OsalId.STARTUP_OPTION, b"\x00")
        self.nvram.restore_hardware_address()
        self.nvram.restore_factory_items()
        self._channel_mask = formation.DEFAULT_CHANNEL_MASK  # BDB settings are not kept
        self._endpoints = {}
        self._zdo_callbacks = False
        self._reply(mt.RESET_IND, Reason=_RESET_REASON_EXTERNAL, **RELEASE)

    def _set_tx_power(self, fields: Fields) -> None:
        self._reply(mt.SET_TX_POWER_RSP, StatusOrPower=status.SUCCESS)

    def _led(self, fields: Fields) -> None:
        self._reply(mt.LED_CONTROL_RSP, Status=status.SUCCESS)

    def _find_device(self, fields: Fields) -> None:
        unused = struct.pack("<H", 0xFFFE) + bytes(ASSOCIATED_DEVICE_SIZE - 2)
        self._reply(mt.ASSOC_FIND_DEVICE_RSP, Device=unused)

    # Commissioning -----------------------------------------------------------------------

    def _set_channel(self, fields: Fields) -> None:
        if fields["IsPrimary"]:
            self._channel_mask = fields["Channel"]
        self._reply(mt.BDB_SET_CHANNEL_RSP, Status=status.SUCCESS)

    def _commission(self, fields: Fields) -> None:
        mode = fields["Mode"]
        self._reply(mt.BDB_START_COMMISSIONING_RSP, Status=status.SUCCESS)
        if not mode & _BDB_NWK_FORMATION:
            # Network steering on a coordinator is opening its network for joining.
            self._open_for_joining(_STEERING_WINDOW_S)
            self._notify(_BDB_SUCCESS, mode, 0)
            return
        self._reply(mt.STATE_CHANGE_IND, State=_STARTING_AS_COORDINATOR)
        self._notify(_BDB_IN_PROGRESS, _BDB_NWK_FORMATION, mode)  # formation still to finish
        formed_now = self._start_network()
        self._reply(mt.STATE_CHANGE_IND, State=_STARTED_AS_COORDINATOR)
        # Z-Stack reports success only for a new network; resuming one is a "formation failure".
        self._notify(_BDB_SUCCESS if formed_now else _BDB_FORMATION_FAILURE, _BDB_NWK_FORMATION, 0)
        self._put_on_air()

    def _notify(self, result: int, mode: int, remaining: int) -> None:
        self._reply(
            mt.BDB_COMMISSIONING_NOTIFICATION, Status=result, Mode=mode, RemainingModes=remaining
        )

    def _startup_from_app(self, fields: Fields) -> None:
        """Z-Stack 1.2's way to start: the same network, announced the older way."""
        formed_now = self._start_network()
        self._reply(mt.STARTUP_FROM_APP_RSP, State=1 if formed_now else 0)
        self._reply(mt.STATE_CHANGE_IND, State=_STARTED_AS_COORDINATOR)
        self._put_on_air()

    def _start_network(self) -> bool:
        """Resume the network in memory or form one; True if it was formed now."""
        if self._running is not None:
            return False
        nib = formation.network(self.nvram)
        formed_now = nib is None
        if nib is None:
            nib = formation.form(self.nvram, self._channel_mask)
            self.formations += 1
            LOGGER.info(
                "formed a network: channel %d, PAN 0x%04X, extended PAN %s",
                nib.channel,
                nib.pan_id,
                nib.extended_pan_id,
            )
        else:
            LOGGER.info("resumed the network on channel %d, PAN 0x%04X", nib.channel, nib.pan_id)
        self._running = nib
        # The HAN is now this network: a capture says so, and its routers' beacons.
        self.air.pan_id = nib.pan_id
        self.air.channel = nib.channel
        self.air.extended_pan_id = nib.extended_pan_id
        return formed_now

    def _put_on_air(self) -> None:
        if self._ieee_on_air is not None:
            return
        ieee = self.ieee
        if not self.air.admits(ieee):
            LOGGER.warning(
                "coordinator %s is not in the hub's device log, so it hears nothing (serve --admit %s)",
                ieee,
                ieee,
            )
        try:
            self.air.attach(self)
        except AlreadyAttached as error:
            LOGGER.error("the coordinator is not on the air: %s", error)
            return
        self._ieee_on_air = ieee

    def _stop_network(self) -> None:
        if self._ieee_on_air is not None:
            self.air.detach(self)
            self._ieee_on_air = None
        self._running = None
        self._waiting = {}
        self._permit_until = 0.0

    # Endpoints, ZDO callbacks, joining ---------------------------------------------------

    def _register(self, fields: Fields) -> None:
        endpoint = fields["Endpoint"]
        if endpoint in self._endpoints or not 1 <= endpoint <= 242:
            self._reply(mt.AF_REGISTER_RSP, Status=status.APS_DUPLICATE_ENTRY)
            return
        self._endpoints[endpoint] = RegisteredEndpoint(
            endpoint,
            fields["ProfileId"],
            fields["DeviceId"],
            fields["DeviceVersion"],
            tuple(fields["InputClusters"]),
            tuple(fields["OutputClusters"]),
        )
        self._reply(mt.AF_REGISTER_RSP, Status=status.SUCCESS)

    def _callback_register(self, fields: Fields) -> None:
        """The host listens to ZDO now: announce the nodes that were waiting for it."""
        self._reply(mt.MSG_CALLBACK_REGISTER_RSP, Status=status.SUCCESS)
        if not self._zdo_callbacks:
            self._zdo_callbacks = True
            for nwk, ieee in list(self._waiting.items()):
                self.node_joined(nwk, ieee)

    def _permit_join(self, fields: Fields) -> None:
        self._reply(mt.MGMT_PERMIT_JOIN_REQ_RSP, Status=status.SUCCESS)
        to_us = fields["AddrMode"] == _ADDR_BROADCAST or fields["Dst"] == 0x0000
        source = 0x0000 if to_us else fields["Dst"]
        self._reply(mt.MGMT_PERMIT_JOIN_RSP, Src=source, Status=status.SUCCESS)
        if to_us:
            self._reply(mt.PERMIT_JOIN_IND, Duration=fields["Duration"])
            self._open_for_joining(fields["Duration"])

    def _open_for_joining(self, duration_s: int) -> None:
        self._permit_until = time.monotonic() + duration_s if duration_s else 0.0
        if duration_s:
            for nwk, ieee in list(self._waiting.items()):
                self.node_joined(nwk, ieee)

    def _install_code(self, fields: Fields) -> None:
        self._reply(mt.BDB_ADD_INSTALL_CODE_RSP, Status=status.SUCCESS)

    def _install_code_only(self, fields: Fields) -> None:
        self._reply(mt.BDB_SET_JOIN_USES_INSTALL_CODE_KEY_RSP, Status=status.SUCCESS)

    # The air's side (home_emulator.air.medium.Coordinator) --------------------------------------

    @property
    def ieee(self) -> t.EUI64:
        """The EUI-64 in memory (a host may write another), fixed while on the air."""
        if self._ieee_on_air is not None:
            return self._ieee_on_air
        stored = self.nvram.item(OsalId.EXTADDR)
        return t.EUI64(stored) if stored is not None else self.nvram.hardware_ieee

    def node_joined(self, nwk: int, ieee: t.EUI64) -> None:
        if self._running is None:
            return
        may_join = self.join_policy is JoinPolicy.AT_START or (
            address_manager.knows(self.nvram, ieee) or time.monotonic() < self._permit_until
        )
        if not self._zdo_callbacks or not may_join:
            self._waiting[nwk] = ieee
            return
        self._waiting.pop(nwk, None)
        address_manager.remember(self.nvram, nwk, ieee)
        node = self.air.nodes.get(nwk)
        capability = (
            int(node.node_descriptor().mac_capability_flags) if node else _ROUTER_CAPABILITY
        )
        self._zdo_tsn = (self._zdo_tsn + 1) & 0xFF
        for frame in callbacks.joined(nwk, ieee, capability, self._zdo_tsn):
            self._emit(frame)

    def node_left(self, nwk: int, ieee: t.EUI64) -> None:
        self._waiting.pop(nwk, None)
        if self._running is not None and self._zdo_callbacks:
            self._emit(callbacks.left(nwk, ieee))

    def frame_from_air(self, packet: t.ZigbeePacket) -> None:
        if self._running is None or not self._zdo_callbacks or packet.src is None:
            return
        source = int(packet.src.address)  # type: ignore[arg-type]  # nodes send from a NWK address
        data = packet.data.serialize()
        if not packet.dst_ep:
            self._emit(callbacks.zdo_message(source, int(packet.cluster_id), data))
        elif packet.dst_ep not in self._endpoints:
            LOGGER.debug("frame for unregistered endpoint %d dropped", packet.dst_ep)
        elif len(data) > callbacks.MAX_INCOMING:
            stamp = self.held.hold(data)
            self._emit(callbacks.held_message(packet, source, len(data), stamp))
        else:
            self._emit(callbacks.incoming_message(packet, source, data))

    def _data_retrieve(self, fields: Fields) -> None:
        stamp, index, length = fields["TimeStamp"], fields["Index"], fields["Length"]
        if length == 0:  # the host has it all: free it
            freed = self.held.free(stamp)
            self._reply(
                mt.AF_DATA_RETRIEVE_RSP,
                Status=status.SUCCESS if freed else status.FAILURE,
                Data=b"",
            )
            return
        if length > _MAX_RETRIEVE:
            self._reply(mt.AF_DATA_RETRIEVE_RSP, Status=status.INVALID_PARAMETER, Data=b"")
            return
        chunk = self.held.read(stamp, index, length)
        if chunk is None:  # never held, fetched and freed, or kept too long
            self._reply(mt.AF_DATA_RETRIEVE_RSP, Status=status.FAILURE, Data=b"")
        else:
            self._reply(mt.AF_DATA_RETRIEVE_RSP, Status=status.SUCCESS, Data=chunk)

    # Data requests -----------------------------------------------------------------------

    def _route_check(self, fields: Fields) -> None:
        known = fields["Dst"] in self.air.nodes
        result = status.ROUTE_SUCCESS if known else status.ROUTE_NO_ENTRY
        self._reply(mt.EXT_ROUTE_CHK_RSP, Status=result)

    def _route_discovery(self, fields: Fields) -> None:
        self._reply(mt.EXT_ROUTE_DISC_RSP, Status=status.SUCCESS)

    def _data_request(self, fields: Fields) -> None:
        mode, address = fields["Dst"]
        dst_ep, src_ep, tsn = fields["DstEndpoint"], fields["SrcEndpoint"], fields["TSN"]
        if self._running is None:
            self._reply(mt.AF_DATA_REQUEST_EXT_RSP, Status=status.FAILURE)
            return
        self._reply(mt.AF_DATA_REQUEST_EXT_RSP, Status=status.SUCCESS)
        if mode in (_ADDR_BROADCAST, _ADDR_GROUP):
            if mode == _ADDR_GROUP:  # broadcasts are not confirmed
                self._reply(mt.AF_DATA_CONFIRM, Status=status.SUCCESS, Endpoint=src_ep, TSN=tsn)
            return  # permit-join and other broadcasts: the emulated nodes have nothing to say
        nwk = self._nwk_of(mode, address)
        if nwk == 0x0000:
            self._to_ourselves(dst_ep, fields["ClusterId"], fields["Data"], src_ep, tsn)
            return
        registered = self._endpoints.get(src_ep)
        profile = _ZDO_PROFILE if dst_ep == 0 else registered.profile if registered else _HA_PROFILE
        packet = t.ZigbeePacket(
            src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(0x0000)),
            src_ep=t.uint8_t(src_ep),
            dst=t.AddrModeAddress(
                addr_mode=t.AddrMode.NWK, address=t.NWK(0xFFFE if nwk is None else nwk)
            ),
            dst_ep=t.uint8_t(dst_ep),
            tsn=t.uint8_t(tsn),
            profile_id=t.uint16_t(profile),
            cluster_id=t.uint16_t(fields["ClusterId"]),
            data=t.SerializableBytes(fields["Data"]),
        )
        # The node's answers reach the host after the confirmation: the radio hears the MAC
        # acknowledgement before any reply.
        answers: list[Frame] = []
        self._holding = answers
        try:
            self.air.to_node(packet, self)
            delivered = status.SUCCESS
        except NoSuchNode:
            delivered = status.MAC_NO_ACK
        except Exception:  # a node that fails must not take the coordinator down
            LOGGER.exception("delivering %r failed", packet)
            delivered = status.MAC_NO_ACK
        finally:
            self._holding = None
        if dst_ep != 0:  # Z-Stack confirms AF frames, not ZDO requests
            self._reply(mt.AF_DATA_CONFIRM, Status=delivered, Endpoint=src_ep, TSN=tsn)
        for frame in answers:
            self._emit(frame)

    def _nwk_of(self, mode: int, address: Any) -> int | None:
        if mode != _ADDR_IEEE:
            return int(address)
        if address == self.ieee:
            return 0x0000
        return next((node.nwk for node in self.air.nodes.values() if node.ieee == address), None)

    def _to_ourselves(self, dst_ep: int, cluster: int, data: bytes, src_ep: int, tsn: int) -> None:
        if dst_ep != 0:
            self._reply(mt.AF_DATA_CONFIRM, Status=status.SUCCESS, Endpoint=src_ep, TSN=tsn)
            return
        answer = own_zdo.answer(
            cluster, data, self._endpoints, han_channel=self._han_channel(), scan=self._scans
        )
        if cluster == int(zdo_t.ZDOCmd.Mgmt_NWK_Update_req):
            self._scans += 1
        if answer is not None and self._zdo_callbacks:
            self._emit(callbacks.zdo_message(0x0000, *answer))

    def _han_channel(self) -> int | None:
        return self._running.channel if self._running is not None else None

    # The radio: scans and channel changes --------------------------------------------------

    def _network_update(self, fields: Fields) -> None:
        """A channel change (scan duration 0xFE) or new channel mask (0xFF) for ourselves; an
        energy scan is answered as the ZDO request it also is."""
        self._reply(mt.MGMT_NWK_UPDATE_REQ_RSP, Status=status.SUCCESS)
        if fields["Dst"] != 0x0000 or self._running is None:
            return
        channels = [n for n in spectrum.ZIGBEE_CHANNELS if fields["Channels"] & (1 << n)]
        duration = fields["ScanDuration"]
        if duration == _CHANGE_CHANNEL and len(channels) == 1:
            self._move_to(channels[0])
        elif duration == _NEW_CHANNEL_MASK:
            self._rewrite_nib(
                replace(
                    self._running,
                    channel_mask=fields["Channels"],
                    manager_address=fields["NwkManagerAddr"],
                )
            )

    def _move_to(self, channel: int) -> None:
        """Move the network, and the HAN with it, to ``channel``: the meters heard the host's
        broadcast before the coordinator was told to move (zigpy sends it first)."""
        assert self._running is not None
        if channel == self._running.channel:
            return
        moved = replace(
            self._running, channel=channel, update_id=(self._running.update_id + 1) & 0xFF
        )
        self._rewrite_nib(moved)
        self.air.channel = channel
        LOGGER.info("moved the network to channel %d (update %d)", channel, moved.update_id)

    def _rewrite_nib(self, nib: NetworkInfoBase) -> None:
        self.nvram.put(OsalId.NIB, nib.encode())
        self._running = nib

    def _network_discovery(self, fields: Fields) -> None:
        """Beacons from the routers on the channels asked: the home's own HAN and next door's."""
        self._reply(mt.NETWORK_DISCOVERY_REQ_RSP, Status=status.SUCCESS)
        asked = fields["Channels"]
        heard = [beacon for beacon in self._beacons() if asked & (1 << beacon.channel)]
        if heard:
            self._emit(callbacks.beacons(heard))
        self._reply(mt.NWK_DISCOVERY_CNF, Status=status.SUCCESS)

    def _beacons(self) -> list[spectrum.Beacon]:
        permit = time.monotonic() < self._permit_until
        epid = self.air.extended_pan_id
        home = [
            spectrum.Beacon(
                source=node.nwk,
                pan_id=self.air.pan_id,
                channel=self.air.channel,
                extended_pan_id=epid,
                permit_joining=permit,
                depth=1,
                lqi=_NEIGHBOUR_LQI,
                update_id=self._running.update_id if self._running is not None else 0,
            )
            for node in self.air.nodes.values()
            if node.logical_type == zdo_t.LogicalType.Router and node.powered
        ]
        return [*home, spectrum.NEIGHBOURS_HAN]


_DISPATCH: dict[Command, Callable[[EmulatedZnp, Fields], None]] = {
    mt.PING: EmulatedZnp._ping,
    mt.VERSION: EmulatedZnp._version,
    mt.RESET_REQ: EmulatedZnp._reset,
    mt.SET_TX_POWER: EmulatedZnp._set_tx_power,
    mt.LED_CONTROL: EmulatedZnp._led,
    mt.ASSOC_FIND_DEVICE: EmulatedZnp._find_device,
    mt.BDB_SET_CHANNEL: EmulatedZnp._set_channel,
    mt.BDB_START_COMMISSIONING: EmulatedZnp._commission,
    mt.STARTUP_FROM_APP: EmulatedZnp._startup_from_app,
    mt.AF_REGISTER: EmulatedZnp._register,
    mt.MSG_CALLBACK_REGISTER: EmulatedZnp._callback_register,
    mt.MGMT_PERMIT_JOIN_REQ: EmulatedZnp._permit_join,
    mt.MGMT_NWK_UPDATE_REQ: EmulatedZnp._network_update,
    mt.NETWORK_DISCOVERY_REQ: EmulatedZnp._network_discovery,
    mt.BDB_ADD_INSTALL_CODE: EmulatedZnp._install_code,
    mt.BDB_SET_JOIN_USES_INSTALL_CODE_KEY: EmulatedZnp._install_code_only,
    mt.EXT_ROUTE_CHK: EmulatedZnp._route_check,
    mt.EXT_ROUTE_DISC: EmulatedZnp._route_discovery,
    mt.AF_DATA_REQUEST_EXT: EmulatedZnp._data_request,
    mt.AF_DATA_RETRIEVE: EmulatedZnp._data_retrieve,
}
"""The requests besides memory access (``nv_commands.py``), by command."""
