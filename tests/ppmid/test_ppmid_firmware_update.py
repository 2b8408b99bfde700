"""A firmware update on the PPMID's screen, through the emulated air: "Updating… 42 %" in the
header, the new version on the About page – and a second update on the same HAN stopping the first,
explained."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import zigpy.types as t
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from han.domain.firmware_status import PPMID_IMAGE_TYPE, UpdateState
from han.formats.firmware import FirmwareImage
from han.model import HomeModel
from han.session import HanSession
from home_emulator.air.virtual_radio import COORDINATOR_IEEE, VirtualRadio
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.metering.credit_engine import PrepaymentStart
from home_emulator.supplier.wan import SupplierWan
from tests.conftest import OpenEmulatedHan
from tests.ppmid.conftest import Kit
from tests.ppmid.ppmid_window import ppmid_on

NEW_VERSION = 0x01010000
PAYLOAD = bytes((i * 13 + 5) % 253 for i in range(40_000))
OTHER_DISPLAY = t.EUI64.convert("00:0d:6f:ff:fe:00:00:07")


@contextlib.asynccontextmanager
async def _ppmid(
    emulated_han: OpenEmulatedHan, kit: type[Kit], *, smets1_foc: bool = False
) -> AsyncIterator[Any]:
    async with emulated_han(
        start_epoch_s=kit.WEEKDAY_MORNING,
        electricity_prepayment=PrepaymentStart(),
        firmware=PPMID_IMAGE_TYPE,
        smets1_foc=smets1_foc,
    ) as han:
        await han.meter_ready()
        await han.until(lambda: han.session.ota is not None)
        with ppmid_on(han):
            yield han


async def test_an_update_shows_its_progress_and_then_the_new_version(
    emulated_han: OpenEmulatedHan, kit: type[Kit]
) -> None:
    async with _ppmid(emulated_han, kit) as han:
        shell = han.shell
        QTest.mouseClick(shell.page_for("balance").about, Qt.MouseButton.LeftButton)
        about = shell.page_for("about")
        assert shell.current_key() == "about"
        assert about.version.text() == "Software version 1.0.0"
        assert about.update_text.text() == "No update is under way."
        assert not shell.update_badge.isVisible()

        image = FirmwareImage.build(PAYLOAD, file_version=NEW_VERSION)
        SupplierWan(han.home).offer_firmware(str(COORDINATOR_IEEE), image)
        await han.until(lambda: shell.update_badge.text().startswith("Updating… "), 10)
        assert shell.update_badge.isVisible()
        await han.until(lambda: 30 <= han.model.firmware.percent <= 70, 10)
        await asyncio.sleep(0.02)  # the coalesced redraw
        percent = about.progress.value()
        assert about.progress.isVisible()
        assert about.update_text.text().startswith("Updating to version 1.1.0… ")
        assert 0 < percent < 100
        assert shell.update_badge.text().endswith(" %")

        await han.until(lambda: han.model.firmware.state is UpdateState.INSTALLED, 20)
        await han.until(lambda: about.version.text() == "Software version 1.1.0")
        assert about.update_text.text() == "Updated to version 1.1.0."
        assert not about.progress.isVisible()
        assert not shell.update_badge.isVisible()


async def test_on_a_smets1_han_a_second_update_stops_the_first_and_the_ppmid_says_so(
    emulated_han: OpenEmulatedHan, kit: type[Kit]
) -> None:
    async with _ppmid(emulated_han, kit, smets1_foc=True) as han:
        home = han.home
        home.hub.device_log.add(OTHER_DISPLAY, new_install_code(), DeviceType.PPMID)
        radio = await VirtualRadio.new(VirtualRadio.config_for(home.air, ieee=OTHER_DISPLAY))
        other = HanSession(radio, HomeModel(), firmware_image_type=PPMID_IMAGE_TYPE)
        other.start()
        try:
            await han.until(lambda: other.ota is not None, 10)
            wan = SupplierWan(home)
            image = FirmwareImage.build(PAYLOAD, file_version=NEW_VERSION)
            wan.offer_firmware(str(COORDINATOR_IEEE), image)
            await han.until(lambda: han.model.firmware.progress > 0.05, 10)
            wan.offer_firmware(str(OTHER_DISPLAY), image)  # the other device starts updating
            shell = han.shell
            await han.until(lambda: shell.update_badge.text() == "Update stopped – see About", 10)
            shell.go_to("about")
            about = shell.page_for("about")
            assert about.version.text() == "Software version 1.0.0"
            assert not about.progress.isVisible()  # stopped, not still running
            assert about.update_text.text().startswith(
                "The update to version 1.1.0 was stopped: another device in your home started "
                "updating at the same time."
            )
            await han.until(lambda: other.model.firmware.state is UpdateState.INSTALLED, 20)
        finally:
            await other.stop()
            await radio.shutdown()
