"""Pairing this display as a CAD with a hub, by the hub's passkey (see home_emulator.devices.pairing for
the hub's side). Qt-free: the CAD's pairing screen awaits these."""

from __future__ import annotations

import asyncio
import enum
from typing import Any

from zigpy.application import ControllerApplication
from zigpy.exceptions import ZigbeeException

from han.clusters import PAIRING_CLUSTER_ID, PairingStatus


class PairingOutcome(enum.Enum):
    PAIRED = "paired"
    WRONG_PASSKEY = "wrong passkey"
    NOT_LISTENING = "hub not listening"
    NO_ANSWER = "no answer"


def _pairing_service(app: ControllerApplication) -> Any | None:
    for device in app.devices.values():
        for endpoint_id, endpoint in getattr(device, "endpoints", {}).items():
            if endpoint_id and PAIRING_CLUSTER_ID in getattr(endpoint, "in_clusters", {}):
                return endpoint.in_clusters[PAIRING_CLUSTER_ID]
    return None


async def pair_with_passkey(
    app: ControllerApplication, passkey: str, *, find_hub_s: float = 20.0
) -> PairingOutcome:
    """Find a hub that is listening and present the passkey to it."""
    digits = "".join(ch for ch in passkey if ch.isdigit())
    loop = asyncio.get_running_loop()
    deadline = loop.time() + find_hub_s
    service = _pairing_service(app)
    while service is None:
        if loop.time() >= deadline:
            return PairingOutcome.NOT_LISTENING
        await asyncio.sleep(0.1)  # the hub appears once zigpy has interviewed it
        service = _pairing_service(app)
    try:
        response = await service.request_pairing(passkey=digits)
    except (ZigbeeException, TimeoutError):
        return PairingOutcome.NO_ANSWER
    status = getattr(response, "status", None)
    if status == PairingStatus.accepted:
        return PairingOutcome.PAIRED
    if status == PairingStatus.wrong_passkey:
        return PairingOutcome.WRONG_PASSKEY
    if status == PairingStatus.not_listening:
        return PairingOutcome.NOT_LISTENING
    return PairingOutcome.NO_ANSWER
