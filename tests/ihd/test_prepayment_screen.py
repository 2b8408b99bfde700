"""The IHD's read-only Prepayment screen: the meter's balance, through the air."""

from __future__ import annotations

import time
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext
from han.model import Fuel
from home_emulator.metering.credit_engine import PrepaymentStart, units
from ihd.pages.more import MoreScreen
from ihd.pages.prepayment import PrepaymentScreen
from ihd.view_models.prepayment import PrepaymentViewModel
from tests.conftest import OpenEmulatedHan
from tests.ihd.conftest import Display
from tests.ihd.screen_of import screen_of
from tests.value_of import value_of

WEEKDAY_MORNING = datetime(2026, 1, 13, 11, 0, tzinfo=ZoneInfo("Europe/London")).timestamp()


async def test_the_screen_shows_the_meters_balance(
    emulated_han: OpenEmulatedHan, qtbot: QtBot
) -> None:
    start = PrepaymentStart(balance=units("4.32"))
    async with emulated_han(start_epoch_s=WEEKDAY_MORNING, electricity_prepayment=start) as han:
        await han.meter_ready()
        meter = next(m for m in han.model.meters.values() if m.credit.in_prepayment)
        await han.until(lambda: meter.credit.balance_gbp is not None)
        screen = PrepaymentScreen(ExperienceContext(han.model, now=time.time))
        qtbot.addWidget(screen)
        card = screen.cards[Fuel.ELECTRICITY]
        assert value_of(meter.credit.balance_gbp) == Decimal("4.32")
        assert card.balance.text() == "£4.32"
        assert card.balance.property("stale") == "false"
        assert "Emergency credit" in card.emergency.text()
        assert not screen.none.isVisibleTo(screen)
        screen.close()


def test_more_offers_credit_only_while_a_meter_is_in_prepayment(
    display: Display, qtbot: QtBot
) -> None:
    from han.domain.credit import PaymentMode
    from han.model import Measured

    shell = display.shell
    assert shell.nav.buttons["prepayment"].isHidden()  # never on the bar: More offers it
    shell.go_to("more")
    more = screen_of(shell, "more", MoreScreen)
    assert not more.buttons["prepayment"].isVisible()
    assert more.buttons["tariff"].isVisible()
    assert PrepaymentViewModel(display.model).cards(0.0) == ()

    meter = display.model.electricity_import_meter()
    assert meter is not None
    meter.credit.mode = Measured(PaymentMode.PREPAYMENT, 0.0)
    more.refresh()
    assert more.buttons["prepayment"].isVisible()
    qtbot.mouseClick(more.buttons["prepayment"], Qt.MouseButton.LeftButton)
    assert shell.current_key() == "prepayment"
    assert shell.nav.current() == "more"  # the bar shows where it was reached from
