"""IHD test set-up: English back after every test, and a display on a home in a known state."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from app.host.context import DeviceKind, ExperienceContext, PairedDevice, Silent
from app.settings.display_settings import DisplaySettings
from han.model import AmbientLevel, Fuel, HomeModel, Measured, MeterKey, SupplierMessage

if TYPE_CHECKING:  # Qt is imported when a display is made, not when the tests are collected
    from app.host.window import HostWindow
    from ihd.shell import IhdShell

NOW = 1_780_000_000.0
ESME = MeterKey("0d:6f:00:00:00:00:00:01", 1)
GAS = MeterKey("0d:6f:00:00:00:00:00:10", 2)


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    """A test that switches to Welsh must not leave the next test in Welsh."""
    yield
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        from app.ui import i18n

        i18n.use_language("en")


def dual_fuel_home(at: float = NOW - 5) -> HomeModel:
    """Electricity and gas with fresh readings, and two unread supplier messages."""
    model = HomeModel()
    meter = model.meter(ESME)
    meter.demand_kw = Measured(Decimal("2.874"), at)
    meter.today_import_kwh = Measured(Decimal("9.41"), at)
    meter.ambient = Measured(AmbientLevel.MEDIUM, at)
    meter.tariff.unit_price_gbp_per_kwh = Measured(Decimal("0.2450"), at)
    meter.tariff.standing_charge_gbp_per_day = Measured(Decimal("0.6012"), at)
    gas = model.meter(GAS)
    gas.fuel = Fuel.GAS
    gas.expected_update_s = 1800.0
    gas.today_import_kwh = Measured(Decimal("23.7"), at)
    gas.tariff.unit_price_gbp_per_kwh = Measured(Decimal("0.0634"), at)
    gas.tariff.standing_charge_gbp_per_day = Measured(Decimal("0.3143"), at)
    model.messages[1] = SupplierMessage(1, "Your new tariff starts on 1 July.", "medium", False, at)
    model.messages[2] = SupplierMessage(
        2, "Engineers visit your street on Tuesday.", "high", True, at + 1
    )
    model.mark_connected()
    return model


def paired() -> list[PairedDevice]:
    return [
        PairedDevice(GAS.ieee, DeviceKind.COMMS_HUB, 220, -52, NOW - 3),
        PairedDevice(ESME.ieee, DeviceKind.ELECTRICITY_METER, 90, -88, NOW - 3, ESME),
        PairedDevice(GAS.ieee, DeviceKind.GAS_METER, 220, -52, NOW - 3, GAS, via_hub=True),
    ]


@dataclass
class Display:
    """An IHD in the host's window on a home in a known state (no radio, no emulator)."""

    window: HostWindow
    shell: IhdShell
    model: HomeModel
    settings: DisplaySettings


@pytest.fixture
def display(qtbot: QtBot) -> Iterator[Display]:
    from app.host.window import HostWindow
    from ihd.shell import IhdShell

    model = dual_fuel_home()
    settings = DisplaySettings()
    context = ExperienceContext(
        model, now=lambda: NOW, devices=paired, settings=settings, sound=Silent()
    )
    shell = IhdShell(context)
    window = HostWindow("In-Home Display", shell, (800, 480), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield Display(window, shell, model, settings)
    shell.close()  # as the app does: the shell stops its ticks and leaves the model
    window.close()
