"""Firmware over the air (ZigBee OTA Upgrade, 0x0019) and PPMID swap-out, through the emulated air:
the hub offers an image, the display fetches and checks it block by block and installs it; on a
SMETS1 HAN enrolled in the DCC a second update on the same HAN stops the first (on a SMETS2 HAN both
run); a swapped-out PPMID is refused by the hub from then on."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import zigpy.types as t

from app.connection.han_bridge import SessionCommands
from app.host.context import CommandFailed
from han.domain.firmware_status import FIRST_VERSION, PPMID_IMAGE_TYPE, UpdateFailure, UpdateState
from han.formats.firmware import FirmwareImage
from han.model import Field, HomeModel, ModelChange
from han.session import HanSession
from home_emulator.air.virtual_radio import COORDINATOR_IEEE, VirtualRadio
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.metering.credit_engine import PrepaymentStart
from home_emulator.supplier.wan import SupplierWan

MORNING = datetime(2026, 1, 13, 11, 0, tzinfo=ZoneInfo("Europe/London")).timestamp()
SECOND_PPMID = t.EUI64.convert("00:0d:6f:ff:fe:00:00:02")
NEW_VERSION = 0x01010000
PAYLOAD = bytes((i * 7 + 3) % 251 for i in range(48_000))  # ~750 blocks of 64 bytes


def _home(*, smets1_foc: bool = False) -> EmulatedHome:
    home = EmulatedHome(
        HomeSpec(
            seed=7,
            start_epoch_s=MORNING,
            history_days=3,
            electricity_prepayment=PrepaymentStart(),
            smets1_foc=smets1_foc,
        )
    )
    log = home.hub.device_log
    log.remove(COORDINATOR_IEEE)  # the installer's display is a PPMID in this home
    log.add(COORDINATOR_IEEE, new_install_code(), DeviceType.PPMID)
    return home


@contextlib.asynccontextmanager
async def _ppmid(home: EmulatedHome, ieee: t.EUI64) -> AsyncIterator[HanSession]:
    radio = await VirtualRadio.new(VirtualRadio.config_for(home.air, ieee=ieee))
    session = HanSession(radio, HomeModel(), firmware_image_type=PPMID_IMAGE_TYPE)
    session.start()
    try:
        yield session
    finally:
        await session.stop()
        await radio.shutdown()


async def _until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - zigpy state has no event to wait on
            await asyncio.sleep(0.001)


async def _ready(session: HanSession) -> None:
    await _until(lambda: session.ota is not None and bool(session.links))
    async with asyncio.timeout(10):
        await asyncio.gather(*(link.attached.wait() for link in session.links.values()))


@contextlib.asynccontextmanager
async def _closing(home: EmulatedHome) -> AsyncIterator[EmulatedHome]:
    try:
        yield home
    finally:
        home.close()
        for _ in range(3):
            await asyncio.sleep(0)


async def test_an_offered_image_is_fetched_checked_and_installed_with_progress() -> None:
    async with _closing(_home()) as home, _ppmid(home, COORDINATOR_IEEE) as ppmid:
        home.power_on()
        await _ready(ppmid)
        model = ppmid.model
        assert model.firmware.version == FIRST_VERSION
        seen: list[float] = []

        def watch(change: ModelChange) -> None:
            if Field.FIRMWARE in change.fields:
                seen.append(model.firmware.progress)

        model.subscribe(watch)
        image = FirmwareImage.build(PAYLOAD, file_version=NEW_VERSION)
        SupplierWan(home).offer_firmware(str(COORDINATOR_IEEE), image)
        await _until(lambda: model.firmware.state is UpdateState.INSTALLED)
        assert model.firmware.version == NEW_VERSION
        assert seen == sorted(seen)
        assert any(0.4 < progress < 0.6 for progress in seen)  # progress shown on the way
        assert len(seen) > 100
        kinds = [event.kind for event in home.hub.events]
        assert "firmware update started" in kinds
        assert "firmware updated" in kinds


@contextlib.asynccontextmanager
async def _second_update_while_the_first_runs(
    *, smets1_foc: bool
) -> AsyncIterator[tuple[EmulatedHome, HanSession, HanSession]]:
    """Two PPMIDs on one HAN: an update offered to the first and, once it is under way, the same
    image offered to the second."""
    async with _closing(_home(smets1_foc=smets1_foc)) as home:
        home.hub.device_log.add(SECOND_PPMID, new_install_code(), DeviceType.PPMID)
        async with _ppmid(home, COORDINATOR_IEEE) as first, _ppmid(home, SECOND_PPMID) as second:
            home.power_on()
            await _ready(first)
            await _ready(second)
            wan = SupplierWan(home)
            image = FirmwareImage.build(PAYLOAD, file_version=NEW_VERSION)
            wan.offer_firmware(str(COORDINATOR_IEEE), image)
            await _until(lambda: first.model.firmware.progress > 0.05)
            wan.offer_firmware(str(SECOND_PPMID), image)
            yield home, first, second


async def test_on_a_smets1_han_a_second_update_stops_the_first_and_the_display_says_so() -> None:
    async with _second_update_while_the_first_runs(smets1_foc=True) as (home, first, second):
        await _until(lambda: first.model.firmware.state is UpdateState.FAILED)
        status = first.model.firmware
        assert status.failure is UpdateFailure.ANOTHER_UPDATE
        assert status.version == FIRST_VERSION  # it keeps what it runs
        assert status.new_version == NEW_VERSION
        await _until(lambda: second.model.firmware.state is UpdateState.INSTALLED)
        assert second.model.firmware.version == NEW_VERSION
        assert any(event.kind == "firmware update stopped" for event in home.hub.events)


async def test_on_a_smets2_han_a_second_update_leaves_the_first_running() -> None:
    async with _second_update_while_the_first_runs(smets1_foc=False) as (home, first, second):
        await _until(lambda: second.model.firmware.state is not UpdateState.CURRENT)
        await _until(lambda: first.model.firmware.state is UpdateState.INSTALLED)
        await _until(lambda: second.model.firmware.state is UpdateState.INSTALLED)
        assert first.model.firmware.version == second.model.firmware.version == NEW_VERSION
        assert not any(event.kind == "firmware update stopped" for event in home.hub.events)


@pytest.mark.logs_warning(r"^Firmware \w+ rejected: the image is damaged")
async def test_a_damaged_image_is_refused_and_not_installed() -> None:
    async with _closing(_home()) as home, _ppmid(home, COORDINATOR_IEEE) as ppmid:
        home.power_on()
        await _ready(ppmid)
        good = FirmwareImage.build(PAYLOAD[:4000], file_version=NEW_VERSION)
        damaged = bytearray(good.data)
        damaged[200] ^= 0xFF  # a byte of the upgrade image, after the header
        image = FirmwareImage(good.manufacturer_code, good.image_type, NEW_VERSION, bytes(damaged))
        SupplierWan(home).offer_firmware(str(COORDINATOR_IEEE), image)
        await _until(lambda: ppmid.model.firmware.state is UpdateState.FAILED)
        assert ppmid.model.firmware.failure is UpdateFailure.DAMAGED
        assert ppmid.model.firmware.version == FIRST_VERSION
        assert any(event.kind == "firmware update failed" for event in home.hub.events)


async def test_a_swapped_out_ppmid_is_removed_and_can_no_longer_reach_the_meters() -> None:
    async with _closing(_home()) as home:
        async with _ppmid(home, COORDINATOR_IEEE) as old:
            home.power_on()
            await _ready(old)
            key = next(iter(old.links))
            wan = SupplierWan(home)
            with pytest.raises(ValueError, match="not a PPMID"):
                wan.swap_ppmid(str(home.esme.node.ieee), str(SECOND_PPMID))
            wan.swap_ppmid(str(COORDINATOR_IEEE), str(SECOND_PPMID))
            log = home.hub.device_log
            assert COORDINATOR_IEEE not in log.entries
            assert log.entries[SECOND_PPMID].device_type is DeviceType.PPMID
            assert log.historic[0].eui64 == COORDINATOR_IEEE
            with pytest.raises(CommandFailed):
                await asyncio.wait_for(SessionCommands(old).top_up(key, "73947252416745201637"), 30)
            assert any("replaced by" in event.detail for event in home.hub.events)
        async with _ppmid(home, SECOND_PPMID) as new:
            await _ready(new)  # the replacement joins and finds the hub and the meters
            answer = await SessionCommands(new).top_up(next(iter(new.links)), "1" * 20)
            assert answer.outcome.name == "INVALID"  # the meter answers the new PPMID


async def test_a_scenario_sends_firmware_to_the_installers_display() -> None:
    from home_emulator.scenario.home_builder import build_home
    from home_emulator.scenario.model import SCENARIO_DIR, parse_scenario

    text = (SCENARIO_DIR / "dual-fuel-prepay.toml").read_text(encoding="utf-8")
    text += '\n[[events]]\nat = "11:01"\nkind = "firmware"\nversion = "1.2"\nkilobytes = 8\n'
    home = build_home(parse_scenario(text, "firmware.toml"), history_days=2)
    async with _closing(home), _ppmid(home, COORDINATOR_IEEE) as ppmid:
        home.power_on()
        await _ready(ppmid)
        for _ in range(12):  # past 11:01
            home.step()
        await _until(lambda: ppmid.model.firmware.state is UpdateState.INSTALLED)
        assert ppmid.model.firmware.version == 0x01020000
