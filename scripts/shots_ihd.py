"""The IHD's screenshots: every screen live on the emulated home (English and Welsh, standard and
high contrast at 800×480, 1024×600, large text, a desktop window), the searching and out-of-date
states, and Your network on the emulated coordinator."""

from __future__ import annotations

import asyncio
import os
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QWidget
from shots_common import (
    NOW,
    SCREENS,
    SMALL,
    WIDE,
    longest_scenario_message,
    name,
    save,
    settle,
    until,
)

from app.connection.sources import home_of
from app.host.context import ExperienceContext
from app.host.running import RunningApp
from app.host.window import HostWindow
from app.settings.display_settings import DisplaySettings
from app.settings.options import Options
from app.ui import i18n
from han.model import AmbientLevel, Field, HomeModel, Measured, MeterKey, ModelChange
from ihd.shell import IhdShell


def _unread_again(model: HomeModel) -> None:
    """Visiting Messages reads them; each language and theme should show the home screen's entry."""
    for message in model.messages.values():
        message.read = False
    model.announce(ModelChange(None, frozenset({Field.MESSAGES})))


async def live() -> None:
    app = RunningApp(Options(speed=60, seed=3, size=SMALL))
    window = await app.start()
    shell = window.view
    assert isinstance(shell, IhdShell)
    home = home_of(app.source)
    session = app.session
    assert session is not None
    now_screen = shell.screen_for("now")
    await until(lambda: now_screen.cost_per_hour.value.text().startswith("£"))  # type: ignore[attr-defined]
    await until(lambda: session.hub is not None and session.hub.attached.is_set())
    home.send_message("Your new tariff starts on 1 July.")
    home.send_message("Engineers visit your street Tue 9-11am. Supply may be off.", confirm=True)
    await until(lambda: app.model.unread_messages == 2)
    for language in ("en", "cy"):
        for theme in ("standard", "contrast"):
            app.settings.set_language(language)
            app.settings.set_theme(theme)
            _unread_again(app.model)
            for screen in SCREENS:
                shell.go_to(screen)
                await settle()
                await save(window, name(screen, language, theme, SMALL))
    app.settings.set_language("en")
    for theme, size in (("large", SMALL), ("standard", (1280, 720))):
        app.settings.set_theme(theme)
        window.resize(*size)
        _unread_again(app.model)
        shell.go_to("now")
        await settle()
        await save(window, name("now", "en", theme, size))
    # The other common touchscreen (7" 1024×600): every screen, in both languages.
    app.settings.set_theme("standard")
    window.resize(*WIDE)
    for language in ("en", "cy"):
        app.settings.set_language(language)
        _unread_again(app.model)
        for screen in SCREENS:
            shell.go_to(screen)
            await settle()
            await save(window, name(screen, language, "standard", WIDE))
    app.settings.set_language("en")
    await app.stop()


async def long_message() -> None:
    """The longest message a scenario may send, read whole in large Welsh at 800×480: its body
    scrolls inside the card while Confirm stays on screen – ``ihd-messages-long-cy-large-800x480.png``
    at its start, ``ihd-messages-long-end-cy-large-800x480.png`` after PageDown."""
    app = RunningApp(Options(speed=60, seed=3, size=SMALL, theme="large", language="cy"))
    window = await app.start()
    shell = window.view
    assert isinstance(shell, IhdShell)
    home = home_of(app.source)
    session = app.session
    assert session is not None
    await until(lambda: session.hub is not None and session.hub.attached.is_set())
    text = longest_scenario_message()
    home.send_message(text, confirm=True)
    await until(lambda: any(m.text == text for m in app.model.messages.values()))
    shell.go_to("messages")
    await settle()
    await save(window, name("messages-long", "cy", "large", SMALL))
    messages = shell.screen_for("messages")
    while messages.scroll_pages(+1) and not _at_the_end(messages):  # PageDown, as a person would
        await settle()
    await settle()
    await save(window, name("messages-long-end", "cy", "large", SMALL))
    await app.stop()


def _at_the_end(screen: QWidget) -> bool:
    bar = screen.text.verticalScrollBar()  # type: ignore[attr-defined]
    return bool(bar.value() == bar.maximum())


async def still(model: HomeModel, state: str, language: str) -> None:
    settings = DisplaySettings(language=language)
    i18n.use_language(language)
    shell = IhdShell(ExperienceContext(model, now=lambda: NOW, settings=settings))
    window = HostWindow("In-Home Display", shell, SMALL, settings)
    window.show()
    await settle()
    await save(window, name(state, language, "standard", SMALL))
    window.close()


def measured_home(at: float) -> HomeModel:
    model = HomeModel()
    meter = model.meter(MeterKey("0d:6f:00:00:00:00:00:01", 1))
    meter.demand_kw = Measured(Decimal("2.874"), at)
    meter.today_import_kwh = Measured(Decimal("9.41"), at)
    meter.ambient = Measured(AmbientLevel.MEDIUM, at)
    meter.tariff.unit_price_gbp_per_kwh = Measured(Decimal("0.2450"), at)
    meter.tariff.standing_charge_gbp_per_day = Measured(Decimal("0.6012"), at)
    model.mark_connected()
    return model


async def ihd_more_screens() -> None:
    """History, Tariff, Budget and Credit on an emulated Economy 7 prepayment home with gas, its
    history store back-filled from the meters: ``ihd-<screen>-<language>-<theme>-800x480.png``."""
    import tempfile
    from datetime import datetime
    from decimal import Decimal
    from zoneinfo import ZoneInfo

    from app.history.backfill import HistoryBackfill
    from app.history.store import HistoryStore
    from han.session import HanSession
    from home_emulator.api.home import (
        EmulatedHome,
        HomeSpec,
        PrepaymentStart,
        VirtualRadio,
        economy7,
        units,
    )

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
    await until(lambda: len(session.links) == 2)
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
                        await settle()
                        chart = history.chart  # type: ignore[attr-defined]
                        bars = range(chart.bar_count)
                        recorded = [i for i in bars if chart.value(i) == chart.value(i)]
                        chart.choose(recorded[-1])  # the latest half hour with a record
                    await settle()
                    await save(window, name(screen, language, theme, SMALL))
                shell.go_to("history")
                history.totals_button.click()  # type: ignore[attr-defined]
                await settle()
                await save(window, name("history-totals", language, theme, SMALL))
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
                await settle()
                await save(window, name(screen, language, "standard", WIDE))
        settings.set_language("en")
        window.view.close()
        window.close()
        await store.close()
    await session.stop()
    await radio.shutdown()
    home.close()


async def network_screens() -> None:
    """Your network on the emulated Z-Stack coordinator, its meters waiting to be permitted:
    ``ihd-network-<language>-standard-800x480.png`` after opening it and a meter joining."""
    import tempfile

    from home_emulator.api.coordinator import ZNP_IEEE, EmulatedZnp, JoinPolicy, ZnpServer
    from home_emulator.api.home import DeviceType, EmulatedHome, HomeSpec, new_install_code

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
        await until(lambda: "electricity meter" in screen.joined.text())  # type: ignore[attr-defined]
        screen.code_toggle.click()  # type: ignore[attr-defined]
        screen.eui64.setText("00:0d:6f:00:0a:0b:0c")  # type: ignore[attr-defined]
        screen.install_code.setText("83FE D340 7A93 9723 A5C6 39B2 6916 D505 C3B5")  # type: ignore[attr-defined]
        screen.code_button.click()  # type: ignore[attr-defined]  # a byte short: named, not sent
        for language in ("en", "cy"):
            app.settings.set_language(language)
            await settle()
            await save(window, name("network", language, "standard", SMALL))
        app.settings.set_language("en")
        await app.stop()
        await server.close()
        home.close()
