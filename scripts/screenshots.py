"""Render every IHD screen into docs/screenshots/ (offscreen), for the README and for review.

    python3 scripts/dev.py screenshots

Names are ``ihd-<screen>-<language>-<theme>-<width>x<height>.png``. Live screens come from the real app
on the emulated home (two supplier messages are sent first, one asking for confirmation), in English
and Welsh, standard and high contrast at 800×480, plus large text, 1024×600 and a desktop window for
the home screen. The searching and out-of-date states are the same shell given a model in that
state, since waiting for them would take minutes.
"""

from __future__ import annotations

import asyncio
import os
import sys
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: I001 - PySide6 before qasync

import qasync

from app import i18n, qt_messages
from app.context import ExperienceContext
from app.host import RunningApp
from app.options import Options
from app.settings import DisplaySettings
from app.window import HostWindow
from han.model import AmbientLevel, HomeModel, Measured, MeterKey, ModelChange
from ihd.shell import IhdShell

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
NOW = 1_780_000_000.0
SCREENS = ("now", "messages", "status", "settings")
SMALL = (800, 480)
WIDE = (1024, 600)


def name(screen: str, language: str, theme: str, size: tuple[int, int]) -> str:
    return f"ihd-{screen}-{language}-{theme}-{size[0]}x{size[1]}.png"


async def _settle() -> None:
    """Let language and style changes (posted events) land, then a paint."""
    for _ in range(3):
        await asyncio.sleep(0.05)


async def _until(condition, timeout_s: float = 30.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # noqa: ASYNC110 - waiting for what a person would see
            await asyncio.sleep(0.05)


def _save(widget: QWidget, file_name: str) -> None:
    path = OUT / file_name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path.relative_to(OUT.parent.parent)}")


def _unread_again(model: HomeModel) -> None:
    """Visiting Messages reads them; each language and theme should show the home screen's entry."""
    for message in model.messages.values():
        message.read = False
    model.announce(ModelChange(None, frozenset({"messages"})))


async def live() -> None:
    app = RunningApp(Options(speed=60, seed=3, size=SMALL))
    window = await app.start()
    shell = window.view
    assert isinstance(shell, IhdShell)
    home = app.source.home  # type: ignore[attr-defined]
    session = app.session
    assert session is not None
    now_screen = shell.screen_for("now")
    await _until(lambda: now_screen.cost_per_hour.value.text().startswith("£"))  # type: ignore[attr-defined]
    await _until(lambda: session.hub is not None and session.hub.attached.is_set())
    home.send_message("Your new tariff starts on 1 July.")
    home.send_message("Engineers visit your street Tue 9-11am. Supply may be off.", confirm=True)
    await _until(lambda: app.model.unread_messages == 2)
    for language in ("en", "cy"):
        for theme in ("standard", "contrast"):
            app.settings.set_language(language)
            app.settings.set_theme(theme)
            _unread_again(app.model)
            for screen in SCREENS:
                shell.go_to(screen)
                await _settle()
                _save(window, name(screen, language, theme, SMALL))
    app.settings.set_language("en")
    for theme, size in (("large", SMALL), ("standard", (1280, 720))):
        app.settings.set_theme(theme)
        window.resize(*size)
        _unread_again(app.model)
        shell.go_to("now")
        await _settle()
        _save(window, name("now", "en", theme, size))
    # The other common touchscreen (7" 1024×600): every screen, in both languages.
    app.settings.set_theme("standard")
    window.resize(*WIDE)
    for language in ("en", "cy"):
        app.settings.set_language(language)
        _unread_again(app.model)
        for screen in SCREENS:
            shell.go_to(screen)
            await _settle()
            _save(window, name(screen, language, "standard", WIDE))
    app.settings.set_language("en")
    await app.stop()


async def still(model: HomeModel, state: str, language: str) -> None:
    settings = DisplaySettings(language=language)
    i18n.use_language(language)
    shell = IhdShell(ExperienceContext(model, now=lambda: NOW, settings=settings))
    window = HostWindow("In-Home Display", shell, SMALL, settings)
    window.show()
    await _settle()
    _save(window, name(state, language, "standard", SMALL))
    window.close()


def _measured_home(at: float) -> HomeModel:
    model = HomeModel()
    meter = model.meter(MeterKey("0d:6f:00:00:00:00:00:01", 1))
    meter.demand_kw = Measured(Decimal("2.874"), at)
    meter.today_import_kwh = Measured(Decimal("9.41"), at)
    meter.ambient = Measured(AmbientLevel.MEDIUM, at)
    meter.tariff.unit_price_gbp_per_kwh = Measured(Decimal("0.2450"), at)
    meter.tariff.standing_charge_gbp_per_day = Measured(Decimal("0.6012"), at)
    model.mark_connected()
    return model


async def ppmid_screens() -> None:
    """The PPMID on emulated prepayment homes: ``ppmid-<page>-<language>-<theme>-800x480.png``."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    import zigpy.types as t
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.han_bridge import SessionCommands
    from han.firmware import PPMID_IMAGE_TYPE, FirmwareImage, UpdateState
    from han.session import HanSession
    from han.utrn import encode_utrn
    from home_emulator.credit_engine import CreditSettings, PrepaymentStart, units
    from home_emulator.device_log import DeviceType, new_install_code

    def model_of(session: HanSession) -> HomeModel:
        return session.model

    from home_emulator.esme import SUPPLIER_ORIGINATOR, supplier_key
    from home_emulator.home import EmulatedHome, HomeSpec
    from home_emulator.virtual_radio import VirtualRadio
    from home_emulator.wan import SupplierWan
    from ppmid.shell import PpmidShell

    morning = datetime(2026, 1, 13, 11, 0, tzinfo=ZoneInfo("Europe/London")).timestamp()
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    application.setQuitOnLastWindowClosed(False)  # closing one home's window must not end the run

    def file(page: str, language: str = "en") -> str:
        return f"ppmid-{page}-{language}-standard-{SMALL[0]}x{SMALL[1]}.png"

    async def open_home(balance: str, gas: PrepaymentStart | None = None, **debt):  # type: ignore[no-untyped-def]
        start = PrepaymentStart(balance=units(balance), **debt)
        home = EmulatedHome(
            HomeSpec(
                seed=3,
                start_epoch_s=morning,
                history_days=10,
                electricity_prepayment=start,
                gas_prepayment=gas,
            )
        )
        radio = await VirtualRadio.new(VirtualRadio.config_for(home.air))
        model = HomeModel()
        session = HanSession(radio, model, firmware_image_type=PPMID_IMAGE_TYPE)
        session.start()
        home.power_on()
        await _until(lambda: bool(session.links))
        await asyncio.gather(*(link.attached.wait() for link in session.links.values()))
        settings = DisplaySettings()
        i18n.use_language("en")
        context = ExperienceContext(
            model, commands=SessionCommands(session), settings=settings, now=lambda: morning
        )
        shell = PpmidShell(context)
        window = HostWindow("PPMID", shell, SMALL, settings)
        window.show()
        await _settle()
        return home, radio, session, shell, window, settings

    async def close(home, radio, session, window) -> None:  # type: ignore[no-untyped-def]
        window.view.close()
        window.close()
        await session.stop()
        await radio.shutdown()
        home.close()

    def vend(home, step: int, pounds: int, fuel: str = "electricity") -> str:  # type: ignore[no-untyped-def]
        keys = home.gas.keys if fuel == "gas" else home.esme.keys
        return encode_utrn(
            supplier_private_key=supplier_key(),
            meter_public_key=keys.meter_private_key.public_key(),
            originator=SUPPLIER_ORIGINATOR,
            target=keys.target,
            counter=step << 32,
            pounds=pounds,
        )

    home, radio, session, shell, window, settings = await open_home("4.32")
    balance = shell.page_for("balance")
    await _until(lambda: bool(balance.cards) and balance.cards[0].balance.text().startswith("£"))
    for language in ("en", "cy"):
        settings.set_language(language)
        await _settle()
        _save(window, file("balance", language))
    settings.set_language("en")
    window.resize(1280, 720)
    await _settle()
    _save(window, "ppmid-balance-en-standard-1280x720.png")
    window.resize(*SMALL)
    top_up = shell.page_for("top_up")
    shell.go_to("top_up")
    QTest.keyClicks(top_up, vend(home, 1, 10)[:13])
    await _settle()
    _save(window, file("keypad"))
    QTest.keyClick(top_up, Qt.Key.Key_Delete)
    QTest.keyClicks(top_up, vend(home, 1, 10))
    QTest.keyClick(top_up, Qt.Key.Key_Return)
    await _until(lambda: "added" in top_up.result.text())
    await _settle()
    _save(window, file("top-up-accepted"))
    QTest.keyClicks(top_up, vend(home, 1, 10))
    QTest.keyClick(top_up, Qt.Key.Key_Return)
    await _until(lambda: "already" in top_up.result.text())
    await _settle()
    _save(window, file("top-up-already-used"))
    wan = SupplierWan(home)
    wan.disable_supply()
    wan.arm_supply()
    home.step()
    shell.go_to("balance")
    await _until(lambda: balance.cards[0].supply.isVisible())
    await _settle()
    _save(window, file("supply-armed"))
    QTest.mouseClick(balance.cards[0].supply, Qt.MouseButton.LeftButton)
    supply = shell.page_for("supply")
    QTest.mousePress(supply.hold, Qt.MouseButton.LeftButton)
    await _until(lambda: supply.hold.progress > 0.55)
    _save(window, file("enable-supply-holding"))
    await _until(lambda: bool(supply.result.text()))
    QTest.mouseRelease(supply.hold, Qt.MouseButton.LeftButton)
    await _settle()
    _save(window, file("enable-supply-done"))
    await close(home, radio, session, window)

    home, radio, session, shell, window, settings = await open_home("1.02")
    while home.esme.prepay.engine.balance >= units("0.90"):
        home.step()
    balance = shell.page_for("balance")
    await _until(lambda: balance.cards[0].emergency.isVisible() and shell.alarm.isVisible())
    await _settle()
    _save(window, file("low-credit"))
    settings.set_language("cy")
    await _settle()
    _save(window, file("low-credit", "cy"))
    settings.set_language("en")
    QTest.mouseClick(balance.cards[0].emergency, Qt.MouseButton.LeftButton)
    await _settle()
    _save(window, file("emergency-credit"))
    emergency = shell.page_for("emergency")
    QTest.mouseClick(emergency.confirm, Qt.MouseButton.LeftButton)
    await _until(lambda: bool(emergency.result.text()))
    await _settle()
    _save(window, file("emergency-credit-on"))
    await close(home, radio, session, window)

    # Both fuels on prepayment: the gas runs out, a gas code typed with electricity chosen, the
    # gas valve that only the gas meter's button reopens; electricity repays a debt.
    gas = PrepaymentStart(balance=units("0.08"), settings=CreditSettings(emergency_credit_limit=0))
    home, radio, session, shell, window, settings = await open_home(
        "18.40",
        gas,
        settings=CreditSettings(time_debt_recovery_per_day=units("0.50")),
        time_debt=units("85.20"),
    )
    balance = shell.page_for("balance")
    await _until(lambda: len(balance.cards) == 2)
    await _settle()
    _save(window, file("dual-fuel-balance"))
    settings.set_language("cy")
    await _settle()
    _save(window, file("dual-fuel-balance", "cy"))
    settings.set_language("en")
    while home.gas.supply_status == 2 or home.now_s % 1800:
        home.step()
    gas_card = balance.cards[1]
    await _until(lambda: "run out" in gas_card.lines["supply"].text())
    await _settle()
    _save(window, file("dual-fuel-gas-off"))
    top_up = shell.page_for("top_up")
    shell.go_to("top_up")
    QTest.keyClicks(top_up, vend(home, 1, 10, "gas"))
    await _settle()
    _save(window, file("dual-fuel-keypad"))
    QTest.keyClick(top_up, Qt.Key.Key_Return)
    await _until(lambda: "added" in top_up.result.text())
    await _settle()
    _save(window, file("dual-fuel-gas-code-sent-on"))
    shell.go_to("balance")
    await _until(lambda: gas_card.supply.isVisible())
    await _settle()
    _save(window, file("dual-fuel-gas-armed"))
    QTest.mouseClick(gas_card.supply, Qt.MouseButton.LeftButton)
    supply = shell.page_for("supply")
    QTest.mousePress(supply.hold, Qt.MouseButton.LeftButton)
    await _until(lambda: bool(supply.result.text()) and not supply.view_model.sending)
    QTest.mouseRelease(supply.hold, Qt.MouseButton.LeftButton)
    await _settle()
    _save(window, file("gas-only-at-the-meter"))

    # A firmware update over the air: progress in the header and on About, then the new version;
    # then a second update on the HAN stopping the first.
    shell.go_to("about")
    wan = SupplierWan(home)
    payload = bytes(i % 251 for i in range(150_000))
    wan.offer_firmware(str(radio.ieee), FirmwareImage.build(payload, file_version=0x01010000))
    await _until(lambda: model_of(session).firmware.percent >= 42, 120)
    await _settle()
    _save(window, file("update-progress"))
    await _until(lambda: model_of(session).firmware.state is UpdateState.INSTALLED, 120)
    await _settle()
    _save(window, file("update-installed"))
    other_ieee = "00:0d:6f:ff:fe:00:00:07"
    home.hub.device_log.add(t.EUI64.convert(other_ieee), new_install_code(), DeviceType.PPMID)
    other_radio = await VirtualRadio.new(VirtualRadio.config_for(home.air, ieee=other_ieee))
    other = HanSession(other_radio, HomeModel(), firmware_image_type=PPMID_IMAGE_TYPE)
    other.start()
    await _until(lambda: other.ota is not None)
    newer = FirmwareImage.build(payload, file_version=0x01020000)
    wan.offer_firmware(str(radio.ieee), newer)
    await _until(
        lambda: (
            model_of(session).firmware.state is UpdateState.DOWNLOADING
            and model_of(session).firmware.percent >= 10
        )
    )
    wan.offer_firmware(other_ieee, newer)
    await _until(lambda: model_of(session).firmware.state is UpdateState.FAILED, 60)
    await _settle()
    _save(window, file("update-stopped"))
    settings.set_language("cy")
    await _settle()
    _save(window, file("update-stopped", "cy"))
    settings.set_language("en")
    await other.stop()
    await other_radio.shutdown()
    await close(home, radio, session, window)


async def cad_screens() -> None:
    """The CAD: pairing (both ways) and, once paired, its views – in a throw-away user folder, so
    the person's own pairing and log are untouched."""
    import tempfile

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.history_store import Channel

    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CONFIG_HOME"] = str(Path(folder) / "config")
        os.environ["XDG_DATA_HOME"] = str(Path(folder) / "data")
        app = RunningApp(Options(mode="cad", speed=60, seed=3, size=SMALL))
        window = await app.start()
        shell = window.view
        home = app.source.home  # type: ignore[attr-defined]
        pairing = shell.pairing  # type: ignore[attr-defined]

        def file(screen: str) -> str:
            return f"cad-{screen}-en-standard-{SMALL[0]}x{SMALL[1]}.png"

        await _settle()
        _save(window, file("pairing"))
        app.settings.set_language("cy")
        await _settle()
        _save(window, file("pairing").replace("-en-", "-cy-"))
        app.settings.set_language("en")
        await _settle()
        QTest.mouseClick(pairing.press_button, Qt.MouseButton.LeftButton)
        QTest.keyClicks(pairing.passkey, "0000000000")
        QTest.mouseClick(pairing.pair_button, Qt.MouseButton.LeftButton)
        await _until(lambda: "did not accept" in pairing.outcome.text())
        await _settle()
        _save(window, file("pairing-wrong-passkey"))
        pairing.tabs.setCurrentIndex(1)
        QTest.mouseClick(pairing.cin_button, Qt.MouseButton.LeftButton)
        await _settle()
        _save(window, file("pairing-remote"))
        pairing.tabs.setCurrentIndex(0)
        pairing.passkey.clear()
        QTest.keyClicks(pairing.passkey, home.pairing.passkey)
        QTest.mouseClick(pairing.pair_button, Qt.MouseButton.LeftButton)
        await _until(lambda: shell.is_paired)  # type: ignore[attr-defined]
        await _until(lambda: shell.live.cost_per_hour.value.text().startswith("£"), 60)  # type: ignore[attr-defined]
        await _settle()
        _save(window, file("live"))
        logger = shell.logger  # type: ignore[attr-defined]
        key = shell.logger_ref.electricity_meter()  # type: ignore[attr-defined]

        async def week_logged() -> bool:
            _, count = await logger.store.sum_half_hours(key, Channel.IMPORT, 0, 2**40)
            return count >= 7 * 48

        async with asyncio.timeout(120):
            while not await week_logged():  # noqa: ASYNC110 - the log has no event
                await asyncio.sleep(0.2)
        shell.tabs.setCurrentWidget(shell.history)  # type: ignore[attr-defined]
        await shell.history.reload()  # type: ignore[attr-defined]
        await _settle()
        _save(window, file("history"))
        shell.tabs.setCurrentWidget(shell.tariff)  # type: ignore[attr-defined]
        await _settle()
        _save(window, file("tariff"))
        shell.tabs.setCurrentWidget(shell.export)  # type: ignore[attr-defined]
        await _settle()
        _save(window, file("export"))
        feed = shell.feed  # type: ignore[attr-defined]
        shell.tabs.setCurrentWidget(feed)  # type: ignore[attr-defined]
        feed.host.setText("192.168.1.20")
        feed.prefix.setText("glow/#")
        feed.save.click()  # refused: the prefix is named and nothing is saved
        await _settle()
        _save(window, file("feed-bad-prefix"))
        device = shell.device  # type: ignore[attr-defined]
        shell.tabs.setCurrentWidget(device)  # type: ignore[attr-defined]
        device.refresh()
        device.unpair.click()
        await _settle()
        _save(window, file("unpair-confirm"))
        await app.stop()


async def ihd_more_screens() -> None:
    """History, Tariff, Budget and Credit on an emulated Economy 7 prepayment home with gas, its
    history store back-filled from the meters: ``ihd-<screen>-<language>-<theme>-800x480.png``."""
    import tempfile
    from datetime import datetime
    from decimal import Decimal
    from zoneinfo import ZoneInfo

    from app.history_backfill import HistoryBackfill
    from app.history_store import HistoryStore
    from han.session import HanSession
    from home_emulator.credit_engine import PrepaymentStart, units
    from home_emulator.home import EmulatedHome, HomeSpec
    from home_emulator.tariffs import economy7
    from home_emulator.virtual_radio import VirtualRadio

    evening = datetime(2026, 1, 13, 19, 10, tzinfo=ZoneInfo("Europe/London")).timestamp()
    home = EmulatedHome(
        HomeSpec(
            seed=3,
            profile="family_of_four",
            start_epoch_s=evening,
            history_days=60,
            electricity_tariff=economy7(),
            electricity_prepayment=PrepaymentStart(balance=units("12.40")),
        )
    )
    radio = await VirtualRadio.new(VirtualRadio.config_for(home.air))
    model = HomeModel()
    session = HanSession(radio, model)
    session.start()
    home.power_on()
    await _until(lambda: len(session.links) == 2)
    await asyncio.gather(*(link.attached.wait() for link in session.links.values()))
    with tempfile.TemporaryDirectory(prefix="smets-shots-") as folder:
        store = await HistoryStore.open(Path(folder) / "history.sqlite3")
        backfill = HistoryBackfill(store, model)
        for link in session.links.values():
            await backfill.fill_meter(link)
        settings = DisplaySettings()
        settings.set_budget("day", Decimal("6.00"))
        i18n.use_language("en")
        # The display's own clock is real; the emulated home's (HAN) clock says 19:10.
        context = ExperienceContext(model, settings=settings, history=store)
        shell = IhdShell(context)
        window = HostWindow("In-Home Display", shell, SMALL, settings)
        window.show()
        history = shell.screen_for("history")
        for language in ("en", "cy"):
            for theme in ("standard", "contrast"):
                settings.set_language(language)
                settings.set_theme(theme)
                for screen in ("history", "more", "tariff", "budget", "prepayment"):
                    shell.go_to(screen)
                    if screen == "history":
                        await history.loaded()  # type: ignore[attr-defined]
                        await _settle()
                        chart = history.chart  # type: ignore[attr-defined]
                        bars = range(chart.bar_count)
                        recorded = [i for i in bars if chart.value(i) == chart.value(i)]
                        chart.choose(recorded[-1])  # the latest half hour with a record
                    await _settle()
                    _save(window, name(screen, language, theme, SMALL))
                shell.go_to("history")
                history.totals_button.click()  # type: ignore[attr-defined]
                await _settle()
                _save(window, name("history-totals", language, theme, SMALL))
                history.chart_button.click()  # type: ignore[attr-defined]
        settings.set_theme("standard")
        window.resize(*WIDE)
        for language in ("en", "cy"):
            settings.set_language(language)
            for screen in ("history", "more", "tariff", "budget", "prepayment"):
                shell.go_to(screen)
                if screen == "history":
                    history.span_buttons[next(iter(history.span_buttons))].click()  # type: ignore[attr-defined]
                    await history.loaded()  # type: ignore[attr-defined]
                await _settle()
                _save(window, name(screen, language, "standard", WIDE))
        settings.set_language("en")
        window.view.close()
        window.close()
        await store.close()
    await session.stop()
    await radio.shutdown()
    home.close()


async def kiosk_screens() -> None:
    """Kiosk mode: ``kiosk-<scene>-<language>-<width>x<height>.png`` – the ambient view (IHD, and
    a PPMID on a prepayment home with its credit), the PIN keypad, the menu and settings behind it,
    and "Reconnecting…", at 800×480 and 1024×600; then the real fullscreen window under Xvfb."""
    import tempfile

    from PySide6.QtTest import QTest

    from app.han_connection import ConnectionState
    from app.kiosk.backlight import Backlight
    from app.kiosk.kiosk import Kiosk
    from app.kiosk.kiosk_settings import KioskSettings
    from app.kiosk.pin import hash_pin

    def file(scene: str, size: tuple[int, int], language: str = "en") -> str:
        return f"kiosk-{scene}-{language}-{size[0]}x{size[1]}.png"

    with tempfile.TemporaryDirectory(prefix="smets-kiosk-") as folder:
        panel = Path(folder) / "backlight" / "panel"  # the screen dims itself; pixels stay full
        panel.mkdir(parents=True)
        (panel / "max_brightness").write_text("255\n")
        (panel / "brightness").write_text("255\n")
        settings = KioskSettings(pin_hash=hash_pin("2468"))
        for mode, size in (("ihd", SMALL), ("ihd", (1024, 600)), ("ppmid", SMALL)):
            app = RunningApp(
                Options(
                    mode=mode,
                    speed=60,
                    seed=3,
                    size=size,
                    scenario=None if mode == "ihd" else "pensioner-prepay",
                )
            )
            window = await app.start()
            kiosk = Kiosk(
                window,
                app.model,
                app.settings,
                settings,
                backlight=Backlight(panel.parent),
                settings_path=Path(folder) / "settings.toml",
            )
            prepaid = mode == "ppmid"
            await _until(lambda m=app.model, p=prepaid: _ambient_known(m, prepaid=p))
            for language in ("en", "cy") if size == SMALL and mode == "ihd" else ("en",):
                app.settings.set_language(language)
                kiosk.rest_now()
                await _settle()
                scene = "ambient" if mode == "ihd" else "ppmid-ambient"
                _save(window, file(scene, size, language))
                if mode == "ppmid":
                    continue
                kiosk.presence.touched(0)
                kiosk._apply()
                kiosk.pin.open_panel()
                for digit in "24":
                    kiosk.pin.keypad.buttons[digit].click()
                await _settle()
                _save(window, file("pin", size, language))
                for digit in "00":
                    kiosk.pin.keypad.buttons[digit].click()
                kiosk.pin.ok.click()
                await _settle()
                _save(window, file("pin-wrong", size, language))
                QTest.keyClicks(kiosk.pin, "2468")
                kiosk.pin.ok.click()
                await _settle()
                _save(window, file("menu", size, language))
                kiosk.menu.settings.click()
                await _settle()
                _save(window, file("settings", size, language))
                kiosk.settings_panel.hide()
                window.reconnecting.follow(ConnectionState.LIVE)
                app.model.mark_lost()
                window.reconnecting.follow(ConnectionState.RECONNECTING)
                await _settle()
                _save(window, file("reconnecting", size, language))
                window.reconnecting.follow(ConnectionState.LIVE)
            app.settings.set_language("en")
            kiosk.stop()
            await app.stop()
    _kiosk_on_xvfb()


def _ambient_known(model: HomeModel, *, prepaid: bool) -> bool:
    meter = model.electricity_import_meter()
    if meter is None or meter.ambient is None:
        return False
    return not prepaid or meter.credit.balance_gbp is not None


def _kiosk_on_xvfb() -> None:
    """``python -m app --kiosk`` fullscreen on an 800×480 X server in memory, as a Pi shows it."""
    import shutil
    import subprocess
    import tempfile

    from app import settings_store
    from app.kiosk.pin import hash_pin
    from app.settings_store import StoredSettings

    if shutil.which("Xvfb") is None:
        print("Xvfb is not installed: kiosk-800x480.png left as it was")
        return
    with tempfile.TemporaryDirectory(prefix="smets-kiosk-") as home:
        environment = dict(
            os.environ, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data"
        )
        os.environ["XDG_CONFIG_HOME"] = environment["XDG_CONFIG_HOME"]
        settings_store.save(StoredSettings().with_kiosk(pin_hash=hash_pin("2468")))
        read_end, write_end = os.pipe()
        server = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                "800x480x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_end,),
        )
        os.close(write_end)
        with os.fdopen(read_end) as announced:
            display = ":" + announced.readline().strip()
        path = OUT / "kiosk-800x480.png"
        try:
            subprocess.run(
                [sys.executable, "-m", "app", "--kiosk", "--seed", "3", "--quit-after", "10",
                 "--screenshot", str(path)],
                env=dict(environment, DISPLAY=display, QT_QPA_PLATFORM="xcb"),
                check=True,
                timeout=120,
            )  # fmt: skip
        finally:
            server.terminate()
            server.wait()


async def network_screens() -> None:
    """Your network on the emulated Z-Stack coordinator, its meters waiting to be permitted:
    ``ihd-network-<language>-standard-800x480.png`` after opening it and a meter joining."""
    import tempfile

    from home_emulator.device_log import DeviceType, new_install_code
    from home_emulator.home import EmulatedHome, HomeSpec
    from home_emulator.serve_command import ZNP_IEEE
    from home_emulator.znp.coordinator import EmulatedZnp, JoinPolicy
    from home_emulator.znp.server import ZnpServer

    with tempfile.TemporaryDirectory(prefix="smets-network-") as folder:
        os.environ["XDG_DATA_HOME"] = str(Path(folder) / "data")  # a throw-away network and backup
        home = EmulatedHome(HomeSpec(seed=3, start_epoch_s=NOW, history_days=1, gas=False))
        home.hub.device_log.add(ZNP_IEEE, new_install_code(), DeviceType.IHD)
        server = ZnpServer(EmulatedZnp(home.air, ieee=ZNP_IEEE, join_policy=JoinPolicy.ON_PERMIT))
        host, port = await server.start("127.0.0.1", 0)
        home.power_on()
        app = RunningApp(Options(source=f"znp:socket://{host}:{port}", size=SMALL))
        window = await app.start()
        shell = window.view
        assert isinstance(shell, IhdShell)
        shell.go_to("network")
        screen = shell.screen_for("network")
        screen.open_button.click()  # type: ignore[attr-defined]
        await _until(lambda: "electricity meter" in screen.joined.text())  # type: ignore[attr-defined]
        screen.code_toggle.click()  # type: ignore[attr-defined]
        screen.eui64.setText("00:0d:6f:00:0a:0b:0c")  # type: ignore[attr-defined]
        screen.install_code.setText("83FE D340 7A93 9723 A5C6 39B2 6916 D505 C3B5")  # type: ignore[attr-defined]
        screen.code_button.click()  # type: ignore[attr-defined]  # a byte short: named, not sent
        for language in ("en", "cy"):
            app.settings.set_language(language)
            await _settle()
            _save(window, name("network", language, "standard", SMALL))
        app.settings.set_language("en")
        await app.stop()
        await server.close()
        home.close()


async def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    await live()
    await ihd_more_screens()
    for language in ("en", "cy"):
        await still(HomeModel(), "searching", language)
        await still(_measured_home(NOW - 300), "out-of-date", language)
    await ppmid_screens()
    await cad_screens()
    await network_screens()
    await kiosk_screens()


if __name__ == "__main__":
    qt_messages.install()
    application = QApplication.instance() or QApplication(sys.argv[:1])
    if "--cad" in sys.argv:  # the CAD only
        qasync.run(cad_screens())
    elif "--kiosk" in sys.argv:  # kiosk mode only
        qasync.run(kiosk_screens())
    elif "--network" in sys.argv:  # Your network only
        qasync.run(network_screens())
    else:
        qasync.run(ppmid_screens() if "--ppmid" in sys.argv else main())  # --ppmid: the PPMID only
