"""The half-hourly profile a meter serves through Metering GetProfile.

GB meters keep 13 months of half-hourly import and 3 months of export. A request names the channel
(0 delivered, 1 received), an end time (0 = now) and how many periods; the answer lists the periods
ending at or before that time, most recent first, as ZSE orders them. After a change of tenancy no
half hour from before the move-in is served: the answer stops there, as at the end of the records.
"""

from __future__ import annotations

from typing import Any, Final

from home_emulator.metering.registers import HALF_HOUR_S, CumulativeRegister
from home_emulator.tariffs import ZIGBEE_EPOCH_S
from home_emulator.zigbee.zcl_server import CommandReply

IMPORT_RETENTION_S: Final = 396 * 24 * 3600  # 13 months
EXPORT_RETENTION_S: Final = 92 * 24 * 3600  # 3 months
MAX_PERIODS: Final = 24
"""At most this many periods in one response (keeps the frame inside one ZigBee packet)."""
THIRTY_MINUTES: Final = 0x02


class ProfileStatus:
    SUCCESS = 0x00
    UNDEFINED_CHANNEL = 0x01
    CHANNEL_NOT_SUPPORTED = 0x02
    INVALID_END_TIME = 0x03
    MORE_PERIODS_THAN_CAN_BE_RETURNED = 0x04
    NO_INTERVALS_AVAILABLE = 0x05


def profile_reply(
    delivered: CumulativeRegister,
    received: CumulativeRegister | None,
    request: Any,
    *,
    now_s: float,
) -> CommandReply:
    channel = int(request.interval_channel)
    requested_end = int(request.end_time)
    wanted = int(request.number_of_periods)
    end_s = now_s if requested_end == 0 else requested_end + ZIGBEE_EPOCH_S

    def answer(status: int, end: float, intervals: list[int]) -> CommandReply:
        return (
            "get_profile_response",
            {
                "end_time": max(0, int(end) - ZIGBEE_EPOCH_S),
                "status": status,
                "profile_interval_period": THIRTY_MINUTES,
                "number_of_periods_delivered": len(intervals),
                "intervals": intervals,
            },
        )

    if channel not in (0, 1):
        return answer(ProfileStatus.UNDEFINED_CHANNEL, end_s, [])
    register = delivered if channel == 0 else received
    if register is None:
        return answer(ProfileStatus.CHANNEL_NOT_SUPPORTED, end_s, [])
    if end_s > now_s:
        return answer(ProfileStatus.INVALID_END_TIME, end_s, [])
    if wanted > MAX_PERIODS:
        return answer(ProfileStatus.MORE_PERIODS_THAN_CAN_BE_RETURNED, end_s, [])
    retention = IMPORT_RETENTION_S if channel == 0 else EXPORT_RETENTION_S
    end = min(int(end_s) - int(end_s) % HALF_HOUR_S, register.last_boundary_s)
    oldest_kept = int(now_s) - retention
    intervals: list[int] = []
    boundary = end
    while len(intervals) < wanted and boundary - HALF_HOUR_S >= oldest_kept:
        value = register.visible_between(boundary - HALF_HOUR_S, boundary)
        if value is None:
            break
        intervals.append(value)
        boundary -= HALF_HOUR_S
    if not intervals:
        return answer(ProfileStatus.NO_INTERVALS_AVAILABLE, end, [])
    return answer(ProfileStatus.SUCCESS, end, intervals)
