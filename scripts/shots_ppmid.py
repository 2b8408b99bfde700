"""The PPMID's screenshots on emulated prepayment homes."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QApplication
from shots_common import SMALL, longest_scenario_message, save, settle, until

from app.host.context import ExperienceContext
from app.host.window import HostWindow
from app.settings.display_settings import DisplaySettings
from app.ui import i18n
from han.model import HomeModel

if TYPE_CHECKING:
    from home_emulator.api.home import HomeSpec, PrepaymentStart


async def large_text(window, settings: DisplaySettings, page: str) -> None:  # type: ignore[no-untyped-def]
    """The page in large text, both languages, then back to standard English."""
    settings.set_theme("large")
    for language in ("en", "cy"):
        settings.set_language(language)
        await settle()
        await save(window, f"ppmid-{page}-{language}-large-{SMALL[0]}x{SMALL[1]}.png")
    settings.set_theme("standard")
    settings.set_language("en")
    await settle()


def prepayment_home(
    morning: float, balance: str, gas: PrepaymentStart | None = None, **debt: Any
) -> HomeSpec:
    """The tour's prepayment home: electricity (and gas, when given) on prepayment."""
    from home_emulator.api.home import HomeSpec, PrepaymentStart, units

    start = PrepaymentStart(balance=units(balance), **debt)
    return HomeSpec(
        seed=3,
        start_epoch_s=morning,
        history_days=10,
        electricity_prepayment=start,
        gas_prepayment=gas,
    )


async def ppmid_screens() -> None:
    """The PPMID on emulated prepayment homes: ``ppmid-<page>-<language>-<theme>-800x480.png``."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    import zigpy.types as t
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.connection.han_bridge import SessionCommands
    from han.domain.firmware_status import PPMID_IMAGE_TYPE, UpdateState
    from han.formats.firmware import FirmwareImage
    from han.formats.utrn import encode_utrn
    from han.session import HanSession
    from home_emulator.api.home import (
        CreditSettings,
        DeviceType,
        PrepaymentStart,
        new_install_code,
        units,
    )

    def model_of(session: HanSession) -> HomeModel:
        return session.model

    from home_emulator.api.from_scenario import home_spec
    from home_emulator.api.home import (
        SUPPLIER_ORIGINATOR,
        EmulatedHome,
        SupplierWan,
        VirtualRadio,
        supplier_key,
    )
    from home_emulator.api.scenarios import open_scenario
    from ppmid.balance_screen import BalanceScreen
    from ppmid.emergency_screen import EmergencyScreen
    from ppmid.messages_screen import MessagesScreen
    from ppmid.page import PpmidPage
    from ppmid.shell import PpmidShell
    from ppmid.supply_screen import SupplyScreen
    from ppmid.top_up_screen import TopUpScreen

    Page = TypeVar("Page", bound=PpmidPage)

    def page_of(shell: PpmidShell, key: str, kind: type[Page]) -> Page:
        page = shell.page_for(key)
        assert isinstance(page, kind), f"{key!r} is a {type(page).__name__}"
        return page

    morning = datetime(2026, 1, 13, 11, 0, tzinfo=ZoneInfo("Europe/London")).timestamp()
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    application.setQuitOnLastWindowClosed(False)  # closing one home's window must not end the run

    def file(page: str, language: str = "en") -> str:
        return f"ppmid-{page}-{language}-standard-{SMALL[0]}x{SMALL[1]}.png"

    async def open_home(
        spec: HomeSpec,
    ) -> tuple[EmulatedHome, VirtualRadio, HanSession, PpmidShell, HostWindow, DisplaySettings]:
        home = EmulatedHome(spec)
        started = home.clock.now()
        radio = await VirtualRadio.new(VirtualRadio.config_for(home.air))
        assert isinstance(radio, VirtualRadio)  # zigpy's ``new`` is typed for any application
        model = HomeModel()
        session = HanSession(radio, model, firmware_image_type=PPMID_IMAGE_TYPE)
        session.start()
        home.power_on()
        await until(lambda: bool(session.links))
        await asyncio.gather(*(link.attached.wait() for link in session.links.values()))
        settings = DisplaySettings()
        i18n.use_language("en")
        context = ExperienceContext(
            model,
            commands=SessionCommands(session),
            settings=settings,
            now=lambda: started,
        )
        shell = PpmidShell(context)
        window = HostWindow("PPMID", shell, SMALL, settings)
        window.show()
        await settle()
        return home, radio, session, shell, window, settings

    async def close(
        home: EmulatedHome, radio: VirtualRadio, session: HanSession, window: HostWindow
    ) -> None:
        window.view.close()
        window.close()
        await session.stop()
        await radio.shutdown()
        home.close()

    def vend(home: EmulatedHome, step: int, pounds: int, fuel: str = "electricity") -> str:
        meter = home.gas if fuel == "gas" else home.esme
        assert meter is not None
        keys = meter.keys
        return encode_utrn(
            supplier_private_key=supplier_key(),
            meter_public_key=keys.meter_private_key.public_key(),
            originator=SUPPLIER_ORIGINATOR,
            target=keys.target,
            counter=step << 32,
            pounds=pounds,
        )

    home, radio, session, shell, window, settings = await open_home(
        prepayment_home(morning, "4.32")
    )
    balance = page_of(shell, "balance", BalanceScreen)
    await until(lambda: bool(balance.cards) and balance.cards[0].balance.text().startswith("£"))
    for language in ("en", "cy"):
        settings.set_language(language)
        await settle()
        await save(window, file("balance", language))
    settings.set_language("en")
    window.resize(1280, 720)
    await settle()
    await save(window, "ppmid-balance-en-standard-1280x720.png")
    window.resize(*SMALL)

    # The longest message a scenario may send (a planned power cut), pushed by the hub to every
    # bound display: counted on the balance page, read whole on the Messages page – scrolling in
    # large text – and no longer "New" once confirmed to the hub.
    text = longest_scenario_message()
    home.send_message(text, confirm=True, importance="high")
    await until(lambda: any(m.text == text for m in model_of(session).messages.values()))
    await until(lambda: "1" in balance.messages.words())
    await settle()
    await save(window, file("balance-message"))
    settings.set_language("cy")
    await settle()
    await save(window, file("balance-message", "cy"))
    settings.set_language("en")
    messages = page_of(shell, "messages", MessagesScreen)
    QTest.mouseClick(balance.messages, Qt.MouseButton.LeftButton)
    await settle()
    await save(window, file("messages-long"))
    settings.set_theme("large")
    for language in ("en", "cy"):
        settings.set_language(language)
        await settle()
        await save(window, f"ppmid-messages-long-{language}-large-{SMALL[0]}x{SMALL[1]}.png")
    while messages.scroll_pages(+1) and not messages.card.text.at_end():  # PageDown, as a person
        await settle()
    await settle()
    await save(window, f"ppmid-messages-long-end-cy-large-{SMALL[0]}x{SMALL[1]}.png")
    settings.set_theme("standard")
    settings.set_language("en")
    QTest.mouseClick(messages.confirm, Qt.MouseButton.LeftButton)
    await until(lambda: not messages.confirm.isVisible() and not messages.card.new.isVisible())
    await settle()
    await save(window, file("messages-confirmed"))
    shell.go_to("balance")

    top_up = page_of(shell, "top_up", TopUpScreen)
    shell.go_to("top_up")
    QTest.keyClicks(top_up, vend(home, 1, 10)[:13])
    await settle()
    await save(window, file("keypad"))
    QTest.keyClick(top_up, Qt.Key.Key_Delete)
    QTest.keyClicks(top_up, vend(home, 1, 10))
    QTest.keyClick(top_up, Qt.Key.Key_Return)
    await until(lambda: "added" in top_up.result.text())
    await settle()
    await save(window, file("top-up-accepted"))
    QTest.keyClicks(top_up, vend(home, 1, 10))
    QTest.keyClick(top_up, Qt.Key.Key_Return)
    await until(lambda: "already" in top_up.result.text())
    await settle()
    await save(window, file("top-up-already-used"))
    wan = SupplierWan(home)
    wan.disable_supply()
    wan.arm_supply()
    home.step()
    shell.go_to("balance")
    await until(lambda: balance.cards[0].supply.isVisible())
    await settle()
    await save(window, file("supply-armed"))
    QTest.mouseClick(balance.cards[0].supply, Qt.MouseButton.LeftButton)
    supply = page_of(shell, "supply", SupplyScreen)
    QTest.mousePress(supply.hold, Qt.MouseButton.LeftButton)
    await until(lambda: supply.hold.progress > 0.55)
    await save(window, file("enable-supply-holding"))
    await until(lambda: bool(supply.result.text()))
    QTest.mouseRelease(supply.hold, Qt.MouseButton.LeftButton)
    await settle()
    await save(window, file("enable-supply-done"))
    await close(home, radio, session, window)

    home, radio, session, shell, window, settings = await open_home(
        prepayment_home(morning, "1.02")
    )
    engine = home.esme.prepay.engine
    assert engine is not None
    while engine.balance >= units("0.90"):
        home.step()
    balance = page_of(shell, "balance", BalanceScreen)
    await until(lambda: balance.cards[0].emergency.isVisible() and shell.alarm.isVisible())
    await settle()
    await save(window, file("low-credit"))
    settings.set_language("cy")
    await settle()
    await save(window, file("low-credit", "cy"))
    await large_text(window, settings, "low-credit")
    QTest.mouseClick(balance.cards[0].emergency, Qt.MouseButton.LeftButton)
    await settle()
    await save(window, file("emergency-credit"))
    emergency = page_of(shell, "emergency", EmergencyScreen)
    QTest.mouseClick(emergency.confirm, Qt.MouseButton.LeftButton)
    await until(lambda: bool(emergency.result.text()))
    await settle()
    await save(window, file("emergency-credit-on"))
    await close(home, radio, session, window)

    # Both fuels on prepayment: the gas runs out, a gas code typed with electricity chosen, the
    # gas valve that only the gas meter's button reopens; electricity repays a debt.
    gas = PrepaymentStart(balance=units("0.08"), settings=CreditSettings(emergency_credit_limit=0))
    home, radio, session, shell, window, settings = await open_home(
        prepayment_home(
            morning,
            "18.40",
            gas,
            settings=CreditSettings(time_debt_recovery_per_day=units("0.50")),
            time_debt=units("85.20"),
        )
    )
    balance = page_of(shell, "balance", BalanceScreen)
    await until(lambda: len(balance.cards) == 2)
    await settle()
    await save(window, file("dual-fuel-balance"))
    settings.set_language("cy")
    await settle()
    await save(window, file("dual-fuel-balance", "cy"))
    await large_text(window, settings, "dual-fuel-balance")
    gas_meter = home.gas
    assert gas_meter is not None
    while gas_meter.supply_status == 2 or home.now_s % 1800:
        home.step()
    gas_card = balance.cards[1]
    await until(lambda: "run out" in gas_card.lines["supply"].text())
    await settle()
    await save(window, file("dual-fuel-gas-off"))
    top_up = page_of(shell, "top_up", TopUpScreen)
    shell.go_to("top_up")
    QTest.keyClicks(top_up, vend(home, 1, 10, "gas"))
    await settle()
    await save(window, file("dual-fuel-keypad"))
    QTest.keyClick(top_up, Qt.Key.Key_Return)
    await until(lambda: "added" in top_up.result.text())
    await settle()
    await save(window, file("dual-fuel-gas-code-sent-on"))
    shell.go_to("balance")
    await until(lambda: gas_card.supply.isVisible())
    await settle()
    await save(window, file("dual-fuel-gas-armed"))
    QTest.mouseClick(gas_card.supply, Qt.MouseButton.LeftButton)
    supply = page_of(shell, "supply", SupplyScreen)
    QTest.mousePress(supply.hold, Qt.MouseButton.LeftButton)
    await until(lambda: bool(supply.result.text()) and not supply.view_model.sending)
    QTest.mouseRelease(supply.hold, Qt.MouseButton.LeftButton)
    await settle()
    await save(window, file("gas-only-at-the-meter"))

    # A firmware update over the air: progress in the header and on About, then the new version.
    shell.go_to("about")
    wan = SupplierWan(home)
    payload = bytes(i % 251 for i in range(150_000))
    wan.offer_firmware(str(radio.ieee), FirmwareImage.build(payload, file_version=0x01010000))
    await until(lambda: model_of(session).firmware.percent >= 42, 120)
    await settle()
    await save(window, file("update-progress"))
    await until(lambda: model_of(session).firmware.state is UpdateState.INSTALLED, 120)
    await settle()
    await save(window, file("update-installed"))
    await close(home, radio, session, window)

    # A second update on the HAN stopping the first: a SMETS1 hub's rule (S1SR 18.63–18.65), met on
    # a home whose SMETS1 meters the DCC runs (the smets1-foc scenario, at the tour's pace).
    home, radio, session, shell, window, settings = await open_home(
        home_spec(open_scenario("smets1-foc"), speed=1.0, history_days=10)
    )
    shell.go_to("about")
    wan = SupplierWan(home)
    other_ieee = "00:0d:6f:ff:fe:00:00:07"
    home.hub.device_log.add(t.EUI64.convert(other_ieee), new_install_code(), DeviceType.PPMID)
    other_radio = await VirtualRadio.new(VirtualRadio.config_for(home.air, ieee=other_ieee))
    other = HanSession(other_radio, HomeModel(), firmware_image_type=PPMID_IMAGE_TYPE)
    other.start()
    await until(lambda: other.ota is not None)
    newer = FirmwareImage.build(payload, file_version=0x01020000)
    wan.offer_firmware(str(radio.ieee), newer)
    await until(
        lambda: (
            model_of(session).firmware.state is UpdateState.DOWNLOADING
            and model_of(session).firmware.percent >= 10
        )
    )
    wan.offer_firmware(other_ieee, newer)
    await until(lambda: model_of(session).firmware.state is UpdateState.FAILED, 60)
    await settle()
    await save(window, file("update-stopped"))
    settings.set_language("cy")
    await settle()
    await save(window, file("update-stopped", "cy"))
    settings.set_language("en")
    await other.stop()
    await other_radio.shutdown()
    await close(home, radio, session, window)
