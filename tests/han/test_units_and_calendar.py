"""Units, device types and the GB local calendar the histories are counted on."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from han.domain.local_calendar import LocalCalendar
from han.domain.units import (
    ELECTRICITY_UPDATE_S,
    GAS_UPDATE_S,
    DeviceType,
    MeteringUnit,
    decimal_places,
    expected_update_s,
    from_zigbee_time,
    metering_unit,
    scaled,
    to_zigbee_time,
    trailing_digits,
)


def test_units_and_update_rates_from_what_the_meter_declares() -> None:
    assert metering_unit(0) is MeteringUnit.KWH
    assert metering_unit(0x81) is MeteringUnit.CUBIC_METRES  # BCD registers, same unit
    assert metering_unit(0x7E) is None
    assert MeteringUnit.CUBIC_METRES.symbol == "m³"
    assert expected_update_s(DeviceType.ELECTRIC) == ELECTRICITY_UPDATE_S
    assert expected_update_s(DeviceType.MIRRORED_GAS) == GAS_UPDATE_S
    assert expected_update_s(DeviceType.GAS) == GAS_UPDATE_S
    assert expected_update_s(None) == ELECTRICITY_UPDATE_S


def test_money_and_time_encodings() -> None:
    assert scaled(2450, trailing_digits(0x40)) == Decimal("0.2450")
    assert decimal_places(0b0_0110_100) == 4
    assert from_zigbee_time(0) == 946_684_800
    assert to_zigbee_time(from_zigbee_time(12345)) == 12345


def test_local_days_weeks_and_months() -> None:
    calendar = LocalCalendar()
    spring_forward = calendar.midnight(date(2026, 3, 29))
    assert calendar.midnight(date(2026, 3, 30)) - spring_forward == 23 * 3600
    autumn_back = calendar.midnight(date(2026, 10, 25))
    assert calendar.midnight(date(2026, 10, 26)) - autumn_back == 25 * 3600
    mid_june = calendar.midnight(date(2026, 6, 17)) + 3600  # a Wednesday
    assert calendar.local_date(calendar.week_start(mid_june)) == date(2026, 6, 15)
    assert calendar.local_date(calendar.day_start(mid_june)) == date(2026, 6, 17)
    january = calendar.month_start(calendar.midnight(date(2026, 1, 20)))
    assert calendar.local_date(calendar.months_before(january, 13)) == date(2024, 12, 1)
    assert calendar.local_date(calendar.days_before(spring_forward, -1)) == date(2026, 3, 30)
