"""The hub's CAD pairing service (manufacturer-specific cluster 0xFC50).

GB's 2012 consultation proposed that a consumer could pair a Consumer Access Device by pressing a
pairing button on the comms hub and typing the hub's passkey into the CAD ("option 1"). No ZSE
cluster exists for it, so the emulated hub offers this one while its pairing window is open; the
CAD presents the passkey and the hub answers with the outcome.
"""

from __future__ import annotations

from typing import Final

import zigpy.types as t
from zigpy.zcl import Cluster
from zigpy.zcl.foundation import BaseAttributeDefs, BaseCommandDefs, ZCLCommandDef

from han.clusters.undecodable import ReportsUndecodableFrames

PAIRING_CLUSTER_ID: Final = 0xFC50


class PairingStatus(t.enum8):
    accepted = 0x00
    wrong_passkey = 0x01
    not_listening = 0x02
    device_log_full = 0x03


class GBCadPairing(ReportsUndecodableFrames, Cluster):
    cluster_id = t.uint16_t(PAIRING_CLUSTER_ID)
    ep_attribute = "gb_cad_pairing"
    _skip_registry = False

    class AttributeDefs(BaseAttributeDefs):
        pass

    class ServerCommandDefs(BaseCommandDefs):
        request_pairing: Final = ZCLCommandDef(id=0x00, schema={"passkey": t.CharacterString})

    class ClientCommandDefs(BaseCommandDefs):
        pairing_response: Final = ZCLCommandDef(id=0x00, schema={"status": PairingStatus})
