"""Pairing a CAD: by the hub's passkey inside the pairing window, or remotely with a CIN."""

from __future__ import annotations

import asyncio

import zigpy.types as t

from han.links.pairing import PairingOutcome, pair_with_passkey
from han.model import HomeModel
from han.session import HanSession
from home_emulator.air.virtual_radio import VirtualRadio
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.devices.pairing import PortalOutcome
from home_emulator.home import EmulatedHome, HomeSpec

CAD = "00:0d:6f:ff:fe:00:0c:ad"


async def _cad_on(home: EmulatedHome) -> tuple[VirtualRadio, HomeModel, HanSession]:
    radio = await VirtualRadio.new(VirtualRadio.config_for(home.air, ieee=CAD))
    assert isinstance(radio, VirtualRadio)  # zigpy's factory is typed for its base class
    model = HomeModel()
    session = HanSession(radio, model)
    session.start()
    return radio, model, session


async def _keep_stepping(home: EmulatedHome) -> None:
    while True:
        home.step()
        await asyncio.sleep(0.01)


async def test_a_cad_pairs_with_the_passkey_while_the_hub_listens() -> None:
    home = EmulatedHome(HomeSpec(start_epoch_s=1_780_000_000, history_days=1))
    home.power_on()
    radio, model, session = await _cad_on(home)
    stepping = asyncio.ensure_future(_keep_stepping(home))
    try:
        assert (
            await pair_with_passkey(radio, home.pairing.passkey, find_hub_s=0.5)
            is PairingOutcome.NOT_LISTENING
        )
        home.pairing.press()
        assert await pair_with_passkey(radio, "0000000000") is PairingOutcome.WRONG_PASSKEY
        assert not home.hub.device_log.admits(t.EUI64.convert(CAD))
        assert await pair_with_passkey(radio, home.pairing.passkey) is PairingOutcome.PAIRED
        assert home.hub.device_log.entries[t.EUI64.convert(CAD)].device_type is DeviceType.CAD
        async with asyncio.timeout(10):
            while model.electricity_import_meter() is None:  # noqa: ASYNC110 - the CAD now hears the meter
                await asyncio.sleep(0.01)
    finally:
        stepping.cancel()
        await asyncio.gather(stepping, return_exceptions=True)
        await session.stop()
        await radio.shutdown()
        home.close()


async def test_the_pairing_window_closes() -> None:
    home = EmulatedHome(HomeSpec(start_epoch_s=1_780_000_000, history_days=1))
    home.power_on()
    home.pairing.press(window_s=60)
    for _ in range(7):
        home.step()
    assert not home.pairing.listening
    home.close()


def test_remote_pairing_needs_the_cin_shown_on_the_display() -> None:
    home = EmulatedHome(HomeSpec(start_epoch_s=1_780_000_000, history_days=1))
    portal = home.portal
    code = new_install_code()
    assert portal.request_pairing(CAD, code, "1234") is PortalOutcome.NO_CIN
    portal.issue_cin()
    shown = portal.cin_on_display
    assert shown is not None
    assert any(shown[:4] in message.text for message in home.hub.messages.values())
    assert (
        portal.request_pairing(CAD, code, "0000 0000" if shown != "00000000" else "1")
        is PortalOutcome.WRONG_CIN
    )
    assert portal.request_pairing(CAD, b"\x01" * 18, shown) is PortalOutcome.BAD_INSTALL_CODE
    assert portal.request_pairing(CAD, code, f"{shown[:4]} {shown[4:]}") is PortalOutcome.PAIRED
    assert home.hub.device_log.admits(t.EUI64.convert(CAD))
    assert portal.request_pairing(CAD, code, shown) is PortalOutcome.NO_CIN  # a CIN is good once
    home.close()


def test_the_passkey_is_ten_digits_and_stable() -> None:
    first = EmulatedHome(HomeSpec(start_epoch_s=1_780_000_000, history_days=1))
    second = EmulatedHome(HomeSpec(start_epoch_s=1_780_000_000, history_days=1))
    assert first.pairing.passkey == second.pairing.passkey
    assert len(first.pairing.passkey) == 10
    assert first.pairing.passkey.isdigit()
    first.close()
    second.close()
