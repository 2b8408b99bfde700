"""The emulated EmberZNet network co-processor: the host's EZSP commands in, its responses and
callbacks out, and the coordinator's place on the emulated home's air.

As EmberZNet 6.10 (EZSP protocol 8) on an EFR32 it
- answers ``version`` with protocol 8 whatever the host asked for (the host then switches to it
  and asks again), and holds its configuration, policies and endpoints until the next reset;
- keeps its network, keys and frame counters (``tokens.py``) across resets and host connections;
- after a reset the network is down until the host initialises it (``networkInit``: the network
  in its tokens comes up, or "not joined") or forms one (``formNetwork`` with the parameters and
  the ``setInitialSecurityState`` settings the host gave); either is told with
  ``stackStatusHandler`` NETWORK_UP, and leaving with NETWORK_DOWN;
- once its network is up, is a display on the ``Air``: ``sendUnicast`` becomes a frame to the
  addressed node, confirmed by ``messageSentHandler`` (delivery failed when nobody answers), what
  the nodes send comes back as ``incomingMessageHandler``, and ZDO requests to itself are answered
  from its own state (``own_zdo.py``).

When the home's nodes are announced: a node in the hub's device log is on the HAN already, so it
joins the coordinator's network as soon as that is up – but the host hears of it (trust-centre join
callback, then the node's device announcement) only once it operates the network (sends a frame,
permits joining, reads counters or its multicast table), so that the announcement does not reach a
host that is still reading the stick's settings and has no handler for it yet.
"""

from __future__ import annotations

import logging
import struct
import time
from collections.abc import Callable
from typing import Any

import zigpy.types as t
import zigpy.zdo.types as zdo_t

from home_emulator.air import fragments, spectrum
from home_emulator.air.medium import Air, AlreadyAttached, NoSuchNode
from home_emulator.ezsp import commands as ezsp
from home_emulator.ezsp import frames, own_zdo, status
from home_emulator.ezsp.commands import Command
from home_emulator.ezsp.frames import EzspFrame
from home_emulator.ezsp.tokens import SecuritySettings, Tokens

LOGGER = logging.getLogger(__name__)

Fields = dict[str, Any]
Send = Callable[[bytes, bool], None]
"""Hands an EZSP frame to the link; the flag says whether it may be dropped (a callback)."""

PROTOCOL_VERSION = 8
STACK_TYPE_MESH = 2
STACK_VERSION = 0x6A30
"""EmberZNet 6.10.3.0, one nibble per part: the release Sonoff's ZBDongle-E shipped with."""
VERSION_INFO = struct.pack("<HBBBBB", 292, 6, 10, 3, 0, 170)
"""VALUE_VERSION_INFO: build, major, minor, patch, special, release type (GA)."""
MFG_STRING = b"Emulated HAN"
MFG_BOARD_NAME = b"EZSP NCP"
_TOKEN_SIZE = 16
EZSP_IEEE = t.EUI64.convert("00:0b:57:ff:fe:00:00:01")
"""The served NCP's EUI-64 (Silicon Labs' OUI, as an EFR32's would carry)."""

_COORDINATOR = 1
_NO_NETWORK, _JOINED_NETWORK = 0, 2
_SECURED_REJOIN, _DEVICE_LEFT = 0, 2
_NO_ACTION = 3
_INCOMING_UNICAST, _INCOMING_BROADCAST = 0, 4
_OUTGOING_DIRECT, _OUTGOING_MULTICAST, _OUTGOING_BROADCAST = 0, 3, 6
_ENERGY_SCAN, _ACTIVE_SCAN = 0, 1
_KEY_TC_LINK, _KEY_CURRENT_NETWORK = 1, 3
_KEY_HAS_SEQUENCE, _KEY_HAS_OUTGOING_COUNTER, _KEY_HAS_PARTNER = 0x01, 0x02, 0x08
_GLOBAL_LINK_KEY, _HAVE_TC_LINK_KEY, _HASHED_LINK_KEY = 0x04, 0x10, 0x84
_INITIAL_HAVE_NETWORK_KEY = 0x0200
_MFG_STRING, _MFG_BOARD_NAME, _MFG_CUSTOM_EUI_64 = 1, 2, 12
_VALUE_FREE_BUFFERS, _VALUE_VERSION_INFO = 3, 17
_VALUE_NWK_FRAME_COUNTER, _VALUE_APS_FRAME_COUNTER = 35, 36
_TABLE_ENTRY_ERASED = 0xB6
"""An empty key table entry (bellows skips it)."""
_UNUSED_NODE_ID = 0xFFFF
_NO_NODE_ID = 0xFFFE
_ZDO_PROFILE, _HA_PROFILE = 0x0000, 0x0104
_ROUTER_CAPABILITY = 0x8E
_LQI, _RSSI = 255, -40
_COUNTERS = 41
"""EMBER_COUNTER_TYPE_COUNT in EmberZNet 6.10."""
_FREE_BUFFERS = 200
CONFIGURATION = {
    0x01: 75,  # packet buffers
    0x05: 8,  # address table
    0x06: 8,  # multicast table
    0x0C: 2,  # stack profile: ZigBee PRO
    0x0D: 5,  # security level
    0x1E: 4,  # key table
}
"""The stack's configuration after a reset (EzspConfigId → value), as the host may read it."""
_APS_OPTION_FRAGMENT = 0x8000

OPERATING = frozenset(
    (
        ezsp.SEND_UNICAST,
        ezsp.SEND_BROADCAST,
        ezsp.SEND_MULTICAST,
        ezsp.PERMIT_JOINING,
        ezsp.READ_COUNTERS,
        ezsp.READ_AND_CLEAR_COUNTERS,
        ezsp.GET_MULTICAST_TABLE_ENTRY,
        ezsp.NOP,
    )
)
"""Commands a host sends once it runs the network (and listens to its callbacks)."""


class EmulatedEzsp:
    """One NCP; ``connect`` a host's link to it, ``handle`` the host's EZSP frames."""

    def __init__(self, air: Air, *, ieee: t.EUI64 = EZSP_IEEE, tokens: Tokens | None = None):
        self.air = air
        self.tokens = tokens or Tokens(ieee)
        self.formations = 0
        self._send: Send | None = None
        self._up = False
        self._on_air = False
        self._host_operating = False
        self._configuration: dict[int, int] = dict(CONFIGURATION)
        self._values: dict[int, bytes] = {}
        self._policies: dict[int, int] = {}
        self._endpoints: dict[int, own_zdo.Endpoint] = {}
        self._extended_timeouts: dict[t.EUI64, bool] = {}
        self._multicast: dict[int, dict[str, int]] = {}
        self._waiting: dict[int, t.EUI64] = {}
        self._permit_until = 0.0
        self._aps_sequence = 0
        self._callback_sequence = 0
        self._holding: list[tuple[Command, Fields]] | None = None
        self._scans = 0
        self._zdo_tsn = 0
        self.commands_handled = 0
        self.fragments_sent = 0
        self.fragments_acknowledged = 0
        """APS fragments handed to the host, and the host's acknowledgements of them."""

    # The host ----------------------------------------------------------------------------

    def connect(self, send: Send) -> None:
        """A host opened the port (a new one replaces the old: one serial port, one user)."""
        self.reset()
        self._send = send

    def disconnect(self, send: Send) -> None:
        if self._send is send:
            self.reset()
            self._send = None

    @property
    def network_up(self) -> bool:
        return self._up

    def reset(self) -> None:
        """The NCP restarts: its network goes down, its RAM settings are forgotten."""
        self._take_off_air()
        self._up = False
        self._host_operating = False
        self._configuration = dict(CONFIGURATION)
        self._values = {}
        self._policies = {}
        self._endpoints = {}
        self._extended_timeouts = {}
        self._multicast = {}
        self._waiting = {}
        self._permit_until = 0.0

    def handle(self, payload: bytes) -> None:
        try:
            request = frames.decode(payload)
        except ValueError as error:
            LOGGER.warning("malformed EZSP frame %s: %s", payload.hex(), error)
            return
        command = ezsp.BY_ID.get(request.frame_id)
        if request.legacy and command is not ezsp.VERSION:
            command = None
        handler = _DISPATCH.get(command) if command is not None else None
        if command is None or handler is None:
            LOGGER.info("EZSP frame 0x%04X is not emulated", request.frame_id)
            self._answer(request, ezsp.INVALID_COMMAND, status=status.EZSP_ERROR_INVALID_FRAME_ID)
            return
        try:
            fields = command.request.decode(request.parameters)
        except ValueError as error:
            LOGGER.warning("malformed %s: %s", command.name, error)
            self._answer(request, ezsp.INVALID_COMMAND, status=status.EZSP_ERROR_TRUNCATED)
            return
        LOGGER.debug("host: %s %s", command.name, fields)
        self.commands_handled += 1
        self._callback_sequence = request.sequence
        answer = handler(self, fields)
        after: list[tuple[Command, Fields]] = []
        if isinstance(answer, tuple):
            answer, after = answer
        self._answer(request, command, **answer)
        for callback, values in after:
            self._callback(callback, **values)
        if command in OPERATING and self._up and not self._host_operating:
            self._host_operating = True
            self._announce_waiting()

    def _answer(self, request: EzspFrame, command: Command, **values: Any) -> None:
        if self._send is not None:
            parameters = command.encode_response(**values)
            self._send(frames.encode_response(request, command.id, parameters), False)

    def _callback(self, command: Command, **values: Any) -> None:
        if self._holding is not None:
            self._holding.append((command, values))
            return
        if self._send is not None:
            # The sequence of the last command answered: never that of one the host awaits.
            parameters = command.encode_response(**values)
            self._send(
                frames.encode_callback(self._callback_sequence, command.id, parameters), True
            )

    # Version, configuration, tokens ------------------------------------------------------

    def _version(self, fields: Fields) -> Fields:
        return {
            "protocolVersion": PROTOCOL_VERSION,
            "stackType": STACK_TYPE_MESH,
            "stackVersion": STACK_VERSION,
        }

    def _nop(self, fields: Fields) -> Fields:
        return {}

    def _get_configuration(self, fields: Fields) -> Fields:
        value = self._configuration.get(fields["configId"])
        if value is None:
            return {"status": status.EZSP_ERROR_INVALID_ID, "value": 0}
        return {"status": status.SUCCESS, "value": value}

    def _set_configuration(self, fields: Fields) -> Fields:
        if self._up:  # the stack sizes its tables before the network starts
            return {"status": status.EZSP_ERROR_INVALID_CALL}
        self._configuration[fields["configId"]] = fields["value"]
        return {"status": status.SUCCESS}

    def _set_policy(self, fields: Fields) -> Fields:
        self._policies[fields["policyId"]] = fields["decisionId"]
        return {"status": status.SUCCESS}

    def _get_value(self, fields: Fields) -> Fields:
        value_id = fields["valueId"]
        if value_id == _VALUE_VERSION_INFO:
            return {"status": status.SUCCESS, "value": VERSION_INFO}
        if value_id == _VALUE_FREE_BUFFERS:
            return {"status": status.SUCCESS, "value": bytes((_FREE_BUFFERS,))}
        if value_id in self._values:
            return {"status": status.SUCCESS, "value": self._values[value_id]}
        return {"status": status.EZSP_ERROR_INVALID_ID, "value": b""}

    def _set_value(self, fields: Fields) -> Fields:
        value_id, value = fields["valueId"], fields["value"]
        if value_id in (_VALUE_NWK_FRAME_COUNTER, _VALUE_APS_FRAME_COUNTER):
            if self._up or len(value) != 4:  # counters are set before a network is formed
                return {"status": status.EZSP_ERROR_INVALID_CALL}
            counter = struct.unpack("<I", value)[0]
            if value_id == _VALUE_NWK_FRAME_COUNTER:
                self.tokens.nwk_frame_counter = counter
            else:
                self.tokens.aps_frame_counter = counter
        self._values[value_id] = value
        return {"status": status.SUCCESS}

    def _get_mfg_token(self, fields: Fields) -> Fields:
        token = fields["tokenId"]
        if token == _MFG_STRING:
            return {"tokenData": _padded(MFG_STRING)}
        if token == _MFG_BOARD_NAME:
            return {"tokenData": _padded(MFG_BOARD_NAME)}
        if token == _MFG_CUSTOM_EUI_64:
            return {"tokenData": b"\xff" * 8}  # never written: the EUI-64 is the chip's own
        return {"tokenData": b""}

    def _ok(self, fields: Fields) -> Fields:
        return {"status": status.SUCCESS}

    def _nothing(self, fields: Fields) -> Fields:
        return {}

    def _source_route_discovery(self, fields: Fields) -> Fields:
        return {"remainingTime": 0}

    def _add_endpoint(self, fields: Fields) -> Fields:
        endpoint = fields["endpoint"]
        if self._up or endpoint in self._endpoints:
            return {"status": status.EZSP_ERROR_INVALID_CALL}
        self._endpoints[endpoint] = own_zdo.Endpoint(
            endpoint,
            fields["profileId"],
            fields["deviceId"],
            fields["deviceVersion"],
            tuple(fields["inputClusterList"]),
            tuple(fields["outputClusterList"]),
        )
        return {"status": status.SUCCESS}

    # The network -------------------------------------------------------------------------

    def _network_init(self, fields: Fields) -> Fields | tuple[Fields, list[Any]]:
        if self._up:
            return {"status": status.INVALID_CALL}
        if self.tokens.network is None:
            return {"status": status.NOT_JOINED}
        LOGGER.info(
            "resumed the network on channel %d, PAN 0x%04X",
            self.tokens.network.channel,
            self.tokens.network.pan_id,
        )
        return self._bring_up()

    def _form_network(self, fields: Fields) -> Fields | tuple[Fields, list[Any]]:
        if self._up:
            return {"status": status.INVALID_CALL}
        network = self.tokens.form(fields["parameters"])
        self.formations += 1
        LOGGER.info(
            "formed a network: channel %d, PAN 0x%04X, extended PAN %s",
            network.channel,
            network.pan_id,
            network.extended_pan_id,
        )
        return self._bring_up()

    def _bring_up(self) -> tuple[Fields, list[Any]]:
        network = self.tokens.network
        assert network is not None
        self._up = True
        # The HAN is now this network: a capture says so, and its routers' beacons.
        self.air.pan_id = network.pan_id
        self.air.channel = network.channel
        self.air.extended_pan_id = network.extended_pan_id
        self._put_on_air()
        return {"status": status.SUCCESS}, [
            (ezsp.STACK_STATUS_HANDLER, {"status": status.NETWORK_UP})
        ]

    def _leave_network(self, fields: Fields) -> Fields | tuple[Fields, list[Any]]:
        if not self._up:
            return {"status": status.INVALID_CALL}
        self._take_off_air()
        self._up = False
        self._host_operating = False
        self.tokens.forget()
        return {"status": status.SUCCESS}, [
            (ezsp.STACK_STATUS_HANDLER, {"status": status.NETWORK_DOWN})
        ]

    def _network_state(self, fields: Fields) -> Fields:
        return {"status": _JOINED_NETWORK if self._up else _NO_NETWORK}

    def _network_parameters(self, fields: Fields) -> Fields:
        network = self.tokens.network
        if network is None:
            return {"status": status.NOT_JOINED, "nodeType": 0, "parameters": _NO_PARAMETERS}
        return {
            "status": status.SUCCESS,
            "nodeType": _COORDINATOR,
            "parameters": {
                "extendedPanId": network.extended_pan_id,
                "panId": network.pan_id,
                "radioTxPower": network.tx_power,
                "radioChannel": network.channel,
                "joinMethod": 0,
                "nwkManagerId": network.nwk_manager_id,
                "nwkUpdateId": network.update_id,
                "channels": network.channel_mask,
            },
        }

    def _eui64(self, fields: Fields) -> Fields:
        return {"eui64": self.tokens.ieee}

    def _node_id(self, fields: Fields) -> Fields:
        return {"nodeId": 0x0000 if self._up else _NO_NODE_ID}

    def _set_radio_power(self, fields: Fields) -> Fields:
        if self.tokens.network is not None:
            self.tokens.network.tx_power = fields["power"] & 0xFF
        return {"status": status.SUCCESS}

    # Security ----------------------------------------------------------------------------

    def _set_initial_security(self, fields: Fields) -> Fields:
        if self._up:
            return {"status": status.INVALID_CALL}
        state = fields["state"]
        bitmask = state["bitmask"]
        self.tokens.security = SecuritySettings(
            bitmask=bitmask,
            preconfigured_key=state["preconfiguredKey"],
            network_key=state["networkKey"] if bitmask & _INITIAL_HAVE_NETWORK_KEY else None,
            network_key_sequence=state["networkKeySequenceNumber"],
        )
        return {"status": status.SUCCESS}

    def _current_security(self, fields: Fields) -> Fields:
        network = self.tokens.network
        if network is None or not self._up:
            return {
                "status": status.NOT_JOINED,
                "state": {"bitmask": 0, "trustCenterLongAddress": t.EUI64(bytes(8))},
            }
        bitmask = _HAVE_TC_LINK_KEY | (network.security_bitmask & _GLOBAL_LINK_KEY)
        if network.security_bitmask & _HASHED_LINK_KEY == _HASHED_LINK_KEY:
            bitmask |= _HASHED_LINK_KEY
        return {
            "status": status.SUCCESS,
            "state": {"bitmask": bitmask, "trustCenterLongAddress": self.tokens.ieee},
        }

    def _get_key(self, fields: Fields) -> Fields:
        network = self.tokens.network
        kind = fields["keyType"]
        if network is None or kind not in (_KEY_TC_LINK, _KEY_CURRENT_NETWORK):
            return {"status": status.NOT_FOUND, "keyStruct": _no_key()}
        if kind == _KEY_CURRENT_NETWORK:
            key = {
                "bitmask": _KEY_HAS_SEQUENCE | _KEY_HAS_OUTGOING_COUNTER,
                "type": kind,
                "key": network.network_key,
                "outgoingFrameCounter": network.nwk_frame_counter,
                "incomingFrameCounter": 0,
                "sequenceNumber": network.network_key_sequence,
                "partnerEUI64": t.EUI64(bytes(8)),
            }
        else:
            key = {
                "bitmask": _KEY_HAS_OUTGOING_COUNTER | _KEY_HAS_PARTNER,
                "type": kind,
                "key": network.trust_centre_key,
                "outgoingFrameCounter": network.aps_frame_counter,
                "incomingFrameCounter": 0,
                "sequenceNumber": 0,
                "partnerEUI64": self.tokens.ieee,
            }
        return {"status": status.SUCCESS, "keyStruct": key}

    def _key_table_entry(self, fields: Fields) -> Fields:
        if fields["index"] >= self._configuration.get(0x1E, 0):
            return {"status": status.INDEX_OUT_OF_RANGE, "keyStruct": _no_key()}
        return {"status": _TABLE_ENTRY_ERASED, "keyStruct": _no_key()}

    def _clear_key_table(self, fields: Fields) -> Fields:
        return {"status": status.SUCCESS}

    # Tables ------------------------------------------------------------------------------

    def _child_data(self, fields: Fields) -> Fields:
        # The home's nodes are routers, none of them the stick's child.
        empty = {"eui64": t.EUI64(bytes(8)), "type": 0, "id": 0, "phy": 0, "power": 0, "timeout": 0}
        return {"status": status.NOT_JOINED, "childData": empty}

    def _address_table_node_id(self, fields: Fields) -> Fields:
        return {"nodeId": _UNUSED_NODE_ID}

    def _address_table_eui64(self, fields: Fields) -> Fields:
        return {"eui64": t.EUI64(bytes(8))}

    def _replace_address_table_entry(self, fields: Fields) -> Fields:
        self._extended_timeouts[fields["newEui64"]] = bool(fields["newExtendedTimeout"])
        return {
            "status": status.SUCCESS,
            "oldEui64": t.EUI64(bytes(8)),
            "oldId": _UNUSED_NODE_ID,
            "oldExtendedTimeout": 0,
        }

    def _get_extended_timeout(self, fields: Fields) -> Fields:
        return {"extendedTimeout": int(self._extended_timeouts.get(fields["remoteEui64"], False))}

    def _set_extended_timeout(self, fields: Fields) -> Fields:
        self._extended_timeouts[fields["remoteEui64"]] = bool(fields["extendedTimeout"])
        return {}

    def _node_id_of(self, fields: Fields) -> Fields:
        if fields["eui64"] == self.tokens.ieee:
            return {"nodeId": 0x0000}
        nwk = self._nwk_of(fields["eui64"])
        return {"nodeId": _UNUSED_NODE_ID if nwk is None else nwk}

    def _eui64_of(self, fields: Fields) -> Fields:
        node = self.air.nodes.get(fields["nodeId"])
        if fields["nodeId"] == 0x0000:
            return {"status": status.SUCCESS, "eui64": self.tokens.ieee}
        if node is None:
            return {"status": status.NOT_FOUND, "eui64": t.EUI64(bytes(8))}
        return {"status": status.SUCCESS, "eui64": node.ieee}

    def _get_multicast(self, fields: Fields) -> Fields:
        index = fields["index"]
        if index >= self._configuration.get(0x06, 0):
            return {"status": status.INDEX_OUT_OF_RANGE, "value": _NO_MULTICAST}
        return {"status": status.SUCCESS, "value": self._multicast.get(index, _NO_MULTICAST)}

    def _set_multicast(self, fields: Fields) -> Fields:
        index = fields["index"]
        if index >= self._configuration.get(0x06, 0):
            return {"status": status.INDEX_OUT_OF_RANGE}
        self._multicast[index] = fields["value"]
        return {"status": status.SUCCESS}

    def _counters(self, fields: Fields) -> Fields:
        return {"values": [0] * _COUNTERS}

    def _custom_frame(self, fields: Fields) -> Fields:
        # A stock EmberZNet build has no custom frames: the host learns it has no extensions.
        return {"status": status.INVALID_CALL, "reply": b""}

    # Joining -----------------------------------------------------------------------------

    def _permit_joining(self, fields: Fields) -> Fields:
        duration = fields["duration"]
        self._permit_until = time.monotonic() + duration if duration else 0.0
        return {"status": status.SUCCESS if self._up else status.INVALID_CALL}

    def _announce_waiting(self) -> None:
        for nwk, ieee in list(self._waiting.items()):
            self.node_joined(nwk, ieee)

    # Scans -------------------------------------------------------------------------------

    def _start_scan(self, fields: Fields) -> tuple[Fields, list[Any]]:
        mask = fields["channelMask"]
        channels = [channel for channel in spectrum.ZIGBEE_CHANNELS if mask & (1 << channel)]
        results: list[Any] = []
        if fields["scanType"] == _ENERGY_SCAN:
            han = self.tokens.network.channel if self._up and self.tokens.network else None
            for channel in channels:
                energy = spectrum.energy(channel, han, self._scans)
                results.append(
                    (
                        ezsp.ENERGY_SCAN_RESULT_HANDLER,
                        {"channel": channel, "maxRssiValue": energy_to_rssi(energy)},
                    )
                )
            self._scans += 1
        elif fields["scanType"] == _ACTIVE_SCAN:
            for beacon in self._beacons():
                if beacon.channel in channels:
                    results.append((ezsp.NETWORK_FOUND_HANDLER, _network_found(beacon)))
        else:
            return {"status": status.BAD_ARGUMENT}, []
        done = (ezsp.SCAN_COMPLETE_HANDLER, {"channel": 0, "status": status.SUCCESS})
        return {"status": status.SUCCESS}, [*results, done]

    def _beacons(self) -> list[spectrum.Beacon]:
        network = self.tokens.network
        home = []
        if self._up and network is not None:
            home = [
                spectrum.Beacon(
                    source=node.nwk,
                    pan_id=network.pan_id,
                    channel=network.channel,
                    extended_pan_id=network.extended_pan_id,
                    permit_joining=time.monotonic() < self._permit_until,
                    depth=1,
                    lqi=200,
                    update_id=network.update_id,
                )
                for node in self.air.nodes.values()
                if node.logical_type == zdo_t.LogicalType.Router and node.powered
            ]
        return [*home, spectrum.NEIGHBOURS_HAN]

    # Data --------------------------------------------------------------------------------

    def _send_unicast(self, fields: Fields) -> tuple[Fields, list[Any]]:
        if not self._up:
            return {"status": status.NETWORK_DOWN, "sequence": 0}, []
        sequence = self._next_aps_sequence()
        aps = dict(fields["apsFrame"], sequence=sequence)
        destination = fields["indexOrDestination"]
        contents = fields["messageContents"]
        answers: list[tuple[Command, Fields]] = []
        if destination == 0x0000:
            delivered = status.SUCCESS
            answers = self._to_ourselves(fields["apsFrame"], contents)
        else:
            delivered, answers = self._to_node(destination, fields["apsFrame"], contents)
        sent = {
            "type": fields["type"],
            "indexOrDestination": destination,
            "apsFrame": aps,
            "messageTag": fields["messageTag"],
            "status": delivered,
            "messageContents": b"",
        }
        # The node's answers reach the host after the confirmation: the radio hears the MAC
        # acknowledgement before any reply.
        return {"status": status.SUCCESS, "sequence": sequence}, [
            (ezsp.MESSAGE_SENT_HANDLER, sent),
            *answers,
        ]

    def _send_broadcast(self, fields: Fields) -> tuple[Fields, list[Any]]:
        return self._send_unconfirmed(fields, _OUTGOING_BROADCAST, fields["destination"])

    def _send_multicast(self, fields: Fields) -> tuple[Fields, list[Any]]:
        return self._send_unconfirmed(fields, _OUTGOING_MULTICAST, fields["apsFrame"]["groupId"])

    def _send_unconfirmed(
        self, fields: Fields, kind: int, destination: int
    ) -> tuple[Fields, list[Any]]:
        """Broadcasts and group frames: the emulated nodes have nothing to answer to them."""
        if not self._up:
            return {"status": status.NETWORK_DOWN, "sequence": 0}, []
        sequence = self._next_aps_sequence()
        sent = {
            "type": kind,
            "indexOrDestination": destination,
            "apsFrame": dict(fields["apsFrame"], sequence=sequence),
            "messageTag": fields["messageTag"],
            "status": status.SUCCESS,
            "messageContents": b"",
        }
        return {"status": status.SUCCESS, "sequence": sequence}, [(ezsp.MESSAGE_SENT_HANDLER, sent)]

    def _next_aps_sequence(self) -> int:
        self._aps_sequence = (self._aps_sequence + 1) & 0xFF
        return self._aps_sequence

    def _to_node(
        self, nwk: int, aps: Fields, contents: bytes
    ) -> tuple[int, list[tuple[Command, Fields]]]:
        dst_ep = aps["destinationEndpoint"]
        packet = t.ZigbeePacket(
            src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(0x0000)),
            src_ep=t.uint8_t(aps["sourceEndpoint"]),
            dst=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(nwk)),
            dst_ep=t.uint8_t(dst_ep),
            tsn=t.uint8_t(contents[0] if dst_ep == 0 and contents else aps["sequence"]),
            profile_id=t.uint16_t(_ZDO_PROFILE if dst_ep == 0 else aps["profileId"]),
            cluster_id=t.uint16_t(aps["clusterId"]),
            data=t.SerializableBytes(contents),
        )
        answers: list[tuple[Command, Fields]] = []
        self._holding = answers
        try:
            self.air.to_node(packet, self)
            delivered = status.SUCCESS
        except NoSuchNode:
            delivered = status.DELIVERY_FAILED
        except Exception:  # a node that fails must not take the coordinator down
            LOGGER.exception("delivering %r failed", packet)
            delivered = status.DELIVERY_FAILED
        finally:
            self._holding = None
        return delivered, answers

    def _to_ourselves(self, aps: Fields, contents: bytes) -> list[tuple[Command, Fields]]:
        if aps["destinationEndpoint"] != 0:
            return []
        answer = own_zdo.answer(aps["clusterId"], contents, self._endpoints)
        if answer is None:
            return []
        cluster, data = answer
        frame = {
            "type": _INCOMING_UNICAST,
            "apsFrame": _aps(_ZDO_PROFILE, cluster, 0, 0, data[0]),
            "lastHopLqi": _LQI,
            "lastHopRssi": _RSSI,
            "sender": 0x0000,
            "bindingIndex": 0xFF,
            "addressIndex": 0xFF,
            "messageContents": data,
        }
        return [(ezsp.INCOMING_MESSAGE_HANDLER, frame)]

    def _nwk_of(self, ieee: t.EUI64) -> int | None:
        return next((node.nwk for node in self.air.nodes.values() if node.ieee == ieee), None)

    # The air's side (home_emulator.air.medium.Coordinator) --------------------------------------

    @property
    def ieee(self) -> t.EUI64:
        return self.tokens.ieee

    def _put_on_air(self) -> None:
        if self._on_air:
            return
        if not self.air.admits(self.ieee):
            LOGGER.warning(
                "coordinator %s is not in the hub's device log, so it hears nothing (serve --admit %s)",
                self.ieee,
                self.ieee,
            )
        try:
            self.air.attach(self)
        except AlreadyAttached as error:
            LOGGER.error("the coordinator is not on the air: %s", error)
            return
        self._on_air = True

    def _take_off_air(self) -> None:
        if self._on_air:
            self.air.detach(self)
            self._on_air = False

    def node_joined(self, nwk: int, ieee: t.EUI64) -> None:
        if not self._up:
            return
        if not self._host_operating:
            self._waiting[nwk] = ieee
            return
        self._waiting.pop(nwk, None)
        node = self.air.nodes.get(nwk)
        capability = (
            int(node.node_descriptor().mac_capability_flags) if node else _ROUTER_CAPABILITY
        )
        self._callback(
            ezsp.TRUST_CENTER_JOIN_HANDLER,
            newNodeId=nwk,
            newNodeEui64=ieee,
            status=_SECURED_REJOIN,
            policyDecision=_NO_ACTION,
            parentOfNewNodeId=0x0000,
        )
        announcement = struct.pack("<H", nwk) + t.EUI64(ieee).serialize() + bytes((capability,))
        self._zdo_tsn = (self._zdo_tsn + 1) & 0xFF
        tsn = self._zdo_tsn
        self._callback(
            ezsp.INCOMING_MESSAGE_HANDLER,
            type=_INCOMING_BROADCAST,
            apsFrame=_aps(_ZDO_PROFILE, int(zdo_t.ZDOCmd.Device_annce), 0, 0, tsn),
            lastHopLqi=_LQI,
            lastHopRssi=_RSSI,
            sender=nwk,
            bindingIndex=0xFF,
            addressIndex=0xFF,
            messageContents=bytes((tsn,)) + announcement,
        )

    def node_left(self, nwk: int, ieee: t.EUI64) -> None:
        self._waiting.pop(nwk, None)
        if self._up and self._host_operating:
            self._callback(
                ezsp.TRUST_CENTER_JOIN_HANDLER,
                newNodeId=nwk,
                newNodeEui64=ieee,
                status=_DEVICE_LEFT,
                policyDecision=_NO_ACTION,
                parentOfNewNodeId=0x0000,
            )

    def frame_from_air(self, packet: t.ZigbeePacket) -> None:
        if not self._up or not self._host_operating or packet.src is None:
            return
        source = int(packet.src.address)  # type: ignore[arg-type]  # nodes send from a NWK address
        data = packet.data.serialize()
        # EmberZNet hands the host frames for any endpoint: its endpoint table only answers ZDO
        # descriptor requests (and bellows does not add its endpoints again after a reset).
        dst_ep = int(packet.dst_ep or 0)
        profile = _ZDO_PROFILE if not dst_ep else int(packet.profile_id or _HA_PROFILE)
        sequence = data[0] if not dst_ep and data else int(packet.tsn or 0)
        aps = _aps(profile, int(packet.cluster_id), int(packet.src_ep or 0), dst_ep, sequence)
        blocks = _blocks(aps, data)
        if len(blocks) > 1:
            self.fragments_sent += len(blocks)
        for block_aps, block in blocks:
            self._callback(
                ezsp.INCOMING_MESSAGE_HANDLER,
                type=_INCOMING_UNICAST,
                apsFrame=block_aps,
                lastHopLqi=int(packet.lqi) if packet.lqi is not None else _LQI,
                lastHopRssi=int(packet.rssi) if packet.rssi is not None else _RSSI,
                sender=source,
                bindingIndex=0xFF,
                addressIndex=0xFF,
                messageContents=block,
            )

    def _send_reply(self, fields: Fields) -> Fields:
        """The host's APS acknowledgement of a fragment: the node sent its blocks already."""
        self.fragments_acknowledged += 1
        return {"status": status.SUCCESS if self._up else status.NETWORK_DOWN}


def _blocks(aps: Fields, data: bytes) -> list[tuple[Fields, bytes]]:
    """A payload longer than one secured frame reaches an EmberZNet host as the APS fragments that
    crossed the air, each in its own ``incomingMessageHandler``: the fragment option set, the
    group id holding the number of blocks (high byte) and the block's index (low byte). The host
    reassembles them and acknowledges each (``sendReply``)."""
    if len(data) <= fragments.ONE_FRAME_BYTES:
        return [(aps, data)]
    blocks = [
        data[at : at + fragments.BLOCK_BYTES] for at in range(0, len(data), fragments.BLOCK_BYTES)
    ]
    count = len(blocks)
    return [
        (dict(aps, options=_APS_OPTION_FRAGMENT, groupId=count << 8 | index), block)
        for index, block in enumerate(blocks)
    ]


def energy_to_rssi(energy: int) -> int:
    """The strongest signal (dBm) a receiver heard on a channel, from its energy reading (0–255):
    IEEE 802.15.4's energy detection is linear in dBm; this maps 0–255 onto -100 to -20 dBm."""
    return round(-100 + energy * 80 / 255)


def _aps(profile: int, cluster: int, src_ep: int, dst_ep: int, sequence: int) -> Fields:
    return {
        "profileId": profile,
        "clusterId": cluster,
        "sourceEndpoint": src_ep,
        "destinationEndpoint": dst_ep,
        "options": 0,
        "groupId": 0,
        "sequence": sequence & 0xFF,
    }


def _network_found(beacon: spectrum.Beacon) -> Fields:
    return {
        "networkFound": {
            "channel": beacon.channel,
            "panId": beacon.pan_id,
            "extendedPanId": t.EUI64(beacon.extended_pan_id),
            "allowingJoin": int(beacon.permit_joining),
            "stackProfile": 2,
            "nwkUpdateId": beacon.update_id,
        },
        "lastHopLqi": beacon.lqi,
        "lastHopRssi": energy_to_rssi(beacon.lqi),
    }


def _padded(text: bytes) -> bytes:
    return text + b"\xff" * (_TOKEN_SIZE - len(text))


def _no_key() -> Fields:
    return {
        "bitmask": 0,
        "type": 0,
        "key": bytes(16),
        "outgoingFrameCounter": 0,
        "incomingFrameCounter": 0,
        "sequenceNumber": 0,
        "partnerEUI64": t.EUI64(bytes(8)),
    }


_NO_PARAMETERS: Fields = {
    "extendedPanId": t.EUI64(bytes(8)),
    "panId": 0,
    "radioTxPower": 0,
    "radioChannel": 0,
    "joinMethod": 0,
    "nwkManagerId": 0,
    "nwkUpdateId": 0,
    "channels": 0,
}
_NO_MULTICAST: Fields = {"multicastId": 0, "endpoint": 0, "networkIndex": 0}

Handler = Callable[[EmulatedEzsp, Fields], "Fields | tuple[Fields, list[Any]]"]
_DISPATCH: dict[Command, Handler] = {
    ezsp.VERSION: EmulatedEzsp._version,
    ezsp.NOP: EmulatedEzsp._nop,
    ezsp.ADD_ENDPOINT: EmulatedEzsp._add_endpoint,
    ezsp.GET_MFG_TOKEN: EmulatedEzsp._get_mfg_token,
    ezsp.SET_CONCENTRATOR: EmulatedEzsp._ok,
    ezsp.SET_MANUFACTURER_CODE: EmulatedEzsp._nothing,
    ezsp.NETWORK_INIT: EmulatedEzsp._network_init,
    ezsp.NETWORK_STATE: EmulatedEzsp._network_state,
    ezsp.START_SCAN: EmulatedEzsp._start_scan,
    ezsp.FORM_NETWORK: EmulatedEzsp._form_network,
    ezsp.LEAVE_NETWORK: EmulatedEzsp._leave_network,
    ezsp.PERMIT_JOINING: EmulatedEzsp._permit_joining,
    ezsp.GET_EUI64: EmulatedEzsp._eui64,
    ezsp.GET_NODE_ID: EmulatedEzsp._node_id,
    ezsp.GET_NETWORK_PARAMETERS: EmulatedEzsp._network_parameters,
    ezsp.SEND_UNICAST: EmulatedEzsp._send_unicast,
    ezsp.SEND_BROADCAST: EmulatedEzsp._send_broadcast,
    ezsp.SEND_MULTICAST: EmulatedEzsp._send_multicast,
    ezsp.SEND_REPLY: EmulatedEzsp._send_reply,
    ezsp.CUSTOM_FRAME: EmulatedEzsp._custom_frame,
    ezsp.GET_CHILD_DATA: EmulatedEzsp._child_data,
    ezsp.GET_CONFIGURATION_VALUE: EmulatedEzsp._get_configuration,
    ezsp.SET_CONFIGURATION_VALUE: EmulatedEzsp._set_configuration,
    ezsp.SET_POLICY: EmulatedEzsp._set_policy,
    ezsp.SET_SOURCE_ROUTE_DISCOVERY_MODE: EmulatedEzsp._source_route_discovery,
    ezsp.GET_ADDRESS_TABLE_REMOTE_EUI64: EmulatedEzsp._address_table_eui64,
    ezsp.GET_ADDRESS_TABLE_REMOTE_NODE_ID: EmulatedEzsp._address_table_node_id,
    ezsp.LOOKUP_NODE_ID_BY_EUI64: EmulatedEzsp._node_id_of,
    ezsp.LOOKUP_EUI64_BY_NODE_ID: EmulatedEzsp._eui64_of,
    ezsp.GET_MULTICAST_TABLE_ENTRY: EmulatedEzsp._get_multicast,
    ezsp.SET_MULTICAST_TABLE_ENTRY: EmulatedEzsp._set_multicast,
    ezsp.READ_AND_CLEAR_COUNTERS: EmulatedEzsp._counters,
    ezsp.READ_COUNTERS: EmulatedEzsp._counters,
    ezsp.ADD_OR_UPDATE_KEY_TABLE_ENTRY: EmulatedEzsp._ok,
    ezsp.SET_INITIAL_SECURITY_STATE: EmulatedEzsp._set_initial_security,
    ezsp.GET_CURRENT_SECURITY_STATE: EmulatedEzsp._current_security,
    ezsp.GET_KEY: EmulatedEzsp._get_key,
    ezsp.GET_KEY_TABLE_ENTRY: EmulatedEzsp._key_table_entry,
    ezsp.SET_EXTENDED_TIMEOUT: EmulatedEzsp._set_extended_timeout,
    ezsp.GET_EXTENDED_TIMEOUT: EmulatedEzsp._get_extended_timeout,
    ezsp.REPLACE_ADDRESS_TABLE_ENTRY: EmulatedEzsp._replace_address_table_entry,
    ezsp.SET_RADIO_POWER: EmulatedEzsp._set_radio_power,
    ezsp.GET_VALUE: EmulatedEzsp._get_value,
    ezsp.SET_VALUE: EmulatedEzsp._set_value,
    ezsp.ADD_TRANSIENT_LINK_KEY: EmulatedEzsp._ok,
    ezsp.CLEAR_KEY_TABLE: EmulatedEzsp._clear_key_table,
    ezsp.GP_SINK_TABLE_CLEAR_ALL: EmulatedEzsp._nothing,
}
"""What the NCP does with each command it knows: the response's values, and any callbacks."""
