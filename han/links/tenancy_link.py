"""Listens for the meter's notice of a change of tenancy (Device Management PublishChangeOfTenancy).

The model then knows the move-in (``HomeModel.tenancy_start_s``, HAN time) and announces
``"tenancy"``: the display's stores forget what they logged before it, and the history links read
the meters' histories again – the meters no longer serve the previous occupant's.
"""

from __future__ import annotations

import logging
from typing import Any, Final

from zigpy.exceptions import ZigbeeException
from zigpy.zcl import Cluster

from han.links.hub_link import ZIGBEE_EPOCH_S
from han.model import HomeModel, ModelChange

LOGGER = logging.getLogger(__name__)

PUBLISH_CHANGE_OF_TENANCY: Final = 0x00


class TenancyLink:
    def __init__(self, model: HomeModel, device_management: Cluster) -> None:
        self._model = model
        self._cluster = device_management

    async def run(self) -> None:
        """Bind so the meter's notices reach this display; listen for as long as the session runs."""
        self._cluster.add_listener(self)
        try:
            await self._cluster.bind()
        except (ZigbeeException, TimeoutError) as error:
            LOGGER.info("Could not bind to the meter's device management: %s", error)

    def stop(self) -> None:
        self._cluster.remove_listener(self)

    def cluster_command(self, tsn: int, command_id: int, args: Any) -> None:
        """zigpy listener hook: the meter's Device Management server sent a command."""
        if command_id != PUBLISH_CHANGE_OF_TENANCY or not hasattr(args, "implementation_date_time"):
            return
        move_in = float(int(args.implementation_date_time) + ZIGBEE_EPOCH_S)
        if self._model.tenancy_start_s is not None and move_in <= self._model.tenancy_start_s:
            return  # the same notice again (from another meter, or repeated)
        self._model.tenancy_start_s = move_in
        self._model.announce(ModelChange(None, frozenset({"tenancy"})))
