"""Reading a meter's half-hourly profile (Metering GetProfile), page by page, back in time.

A GB meter keeps 13 months of half-hourly import and 3 months of export, and answers at most 24
periods per request (one frame). ``fetch_profile`` pages back from an end time until it has the
periods asked for, reaches a given start, or the meter has nothing older. Any error – no answer, a
status other than success, a meter that does not know the command – means "no more data": back-fill
is best effort, and what is missing is asked for again next time.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from zigpy.exceptions import ZigbeeException
from zigpy.zcl import Cluster

from han.domain.units import HALF_HOUR_S, from_zigbee_time, to_zigbee_time
from han.model import Formatting

LOGGER = logging.getLogger(__name__)

MAX_PERIODS_PER_REQUEST: Final = 24
THIRTY_MINUTES: Final = 0x02
"""ProfileIntervalPeriod of a half-hourly profile (0 daily, 1 hourly, 2 half-hourly, …)."""


class ProfileChannel(enum.IntEnum):
    """GetProfile's interval channel."""

    IMPORT = 0
    """Consumption delivered."""
    EXPORT = 1
    """Consumption received."""


class ProfileStatus(enum.IntEnum):
    SUCCESS = 0x00
    UNDEFINED_INTERVAL_CHANNEL = 0x01
    INTERVAL_CHANNEL_NOT_SUPPORTED = 0x02
    INVALID_END_TIME = 0x03
    MORE_PERIODS_REQUESTED_THAN_CAN_BE_RETURNED = 0x04
    NO_INTERVALS_AVAILABLE = 0x05


@dataclass(frozen=True, slots=True)
class HalfHour:
    """One closed half hour of the profile: what the register grew by between start and end."""

    start_s: int
    amount: Decimal
    """In the meter's unit (kWh, or m³ for gas), scaled by its formatting."""
    raw: int

    @property
    def end_s(self) -> int:
        return self.start_s + HALF_HOUR_S


async def fetch_profile(
    metering_cluster: Cluster,
    channel: ProfileChannel | int,
    end_s: float | None,
    periods: int,
    *,
    start_s: float | None = None,
    formatting: Formatting | None = None,
) -> list[HalfHour]:
    """Up to ``periods`` half hours ending at or before ``end_s`` (None: now), oldest first.

    Stops early at ``start_s`` (no half hour starting before it is returned) and when the meter has
    nothing older. Costs one request per 24 periods: 13 months is ~800 requests, so callers choose
    how deep to go."""
    formatting = formatting or Formatting()
    collected: list[HalfHour] = []
    request_end = end_s
    retried_now = False
    while len(collected) < periods:
        wanted = min(MAX_PERIODS_PER_REQUEST, periods - len(collected))
        response = await _get_profile(metering_cluster, int(channel), request_end, wanted)
        if response is None:
            break
        status = int(response.status)
        if status == ProfileStatus.INVALID_END_TIME and not collected and not retried_now:
            # The display's idea of HAN time ran ahead of the meter's clock: ask for "now".
            retried_now, request_end = True, None
            continue
        intervals = list(response.intervals)
        if status != ProfileStatus.SUCCESS or not intervals:
            break
        if int(response.profile_interval_period) != THIRTY_MINUTES:
            LOGGER.info(
                "Profile period %s is not half-hourly; ignored", response.profile_interval_period
            )
            break
        page_end = int(from_zigbee_time(int(response.end_time)))
        page_end -= page_end % HALF_HOUR_S
        reached_start = False
        for k, raw in enumerate(intervals):
            slot_start = page_end - (k + 1) * HALF_HOUR_S
            if start_s is not None and slot_start < start_s:
                reached_start = True
                break
            collected.append(HalfHour(slot_start, formatting.scale(int(raw)), int(raw)))
        if reached_start or len(intervals) < wanted:
            break  # the meter had no more than this
        request_end = page_end - len(intervals) * HALF_HOUR_S
    collected.sort(key=lambda half_hour: half_hour.start_s)
    return collected


async def _get_profile(cluster: Cluster, channel: int, end_s: float | None, count: int) -> Any:
    try:
        response = await cluster.get_profile(
            interval_channel=channel,
            end_time=0 if end_s is None else to_zigbee_time(end_s),
            number_of_periods=count,
        )
    except (ZigbeeException, TimeoutError) as error:
        LOGGER.info("GetProfile (channel %d) failed: %s", channel, error)
        return None
    if not hasattr(response, "intervals"):
        LOGGER.info("GetProfile (channel %d) answered %s", channel, response)
        return None  # a Default Response: the meter does not keep a profile
    return response
