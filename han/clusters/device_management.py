"""Device Management (0x0708): here, the supplier's notice of a change of tenancy.

zigpy 2.4 leaves the cluster empty. A GB meter sends PublishChangeOfTenancy to the HAN devices
when the occupier changes; a display then forgets what it logged before the move-in (the meters
have already stopped serving it).
"""

from __future__ import annotations

from typing import Final

import zigpy.types as t
from zigpy.zcl.clusters.smartenergy import DeviceManagement
from zigpy.zcl.foundation import BaseCommandDefs, ZCLCommandDef

from han.clusters.undecodable import ReportsUndecodableFrames


class GBDeviceManagement(ReportsUndecodableFrames, DeviceManagement):
    _skip_registry = False

    class ClientCommandDefs(BaseCommandDefs):
        publish_change_of_tenancy: Final = ZCLCommandDef(
            id=0x00,
            schema={
                "provider_id": t.uint32_t,
                "issuer_event_id": t.uint32_t,
                "tariff_type": t.uint8_t,
                "implementation_date_time": t.UTCTime,
                "proposed_tenancy_change_control": t.bitmap32,
            },
        )
