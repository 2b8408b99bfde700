"""A code's journey in words: checked here, sent, and the meter's answer explained."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from app.host.context import CommandFailed
from han.domain.credit import SupplyAnswer, SupplyState, TopUpAnswer, TopUpOutcome
from han.model import HanClock, HomeModel, MeterKey
from ppmid.view_models.actions import EmergencyCreditViewModel, SupplyViewModel
from ppmid.view_models.top_up import Tone, TopUpViewModel
from tests.ppmid.conftest import Kit

KNOWN = "73947252416745201637"


class FakeMeter:
    def __init__(self, answer: TopUpAnswer | None = None, *, fails: bool = False) -> None:
        self.answer = answer
        self.fails = fails
        self.sent: list[tuple[MeterKey, str]] = []
        self.commands: list[str] = []

    async def confirm_message(self, message_id: int) -> None:
        raise AssertionError("not a PPMID command")

    async def top_up(self, meter: MeterKey, code: str) -> TopUpAnswer:
        if self.fails:
            raise CommandFailed("no answer")
        self.sent.append((meter, code))
        assert self.answer is not None
        return self.answer

    async def activate_emergency_credit(self, meter: MeterKey) -> bool:
        if self.fails:
            raise CommandFailed("no answer")
        self.commands.append("emergency")
        return True

    async def enable_supply(self, meter: MeterKey) -> SupplyAnswer:
        if self.fails:
            raise CommandFailed("no answer")
        self.commands.append("enable")
        return SupplyAnswer.ON


def _typed(
    kit: type[Kit], meter: FakeMeter, code: str = KNOWN, model: HomeModel | None = None
) -> TopUpViewModel:
    view_model = TopUpViewModel(model or kit.prepay_model(), meter, now=lambda: kit.NOW)
    for digit in code:
        view_model.press(digit)
    return view_model


async def test_an_accepted_code_says_what_was_added_and_the_new_balance(kit: type[Kit]) -> None:
    meter = FakeMeter(TopUpAnswer(TopUpOutcome.ACCEPTED, Decimal("10.00"), Decimal("14.32")))
    view_model = _typed(kit, meter)
    result = await view_model.send()
    assert result.text == "£10.00 added – new balance £14.32"
    assert result.tone is Tone.GOOD
    assert meter.sent[0][1] == KNOWN
    assert view_model.entry.digits == ""


async def test_a_wrong_check_digit_is_caught_without_sending(kit: type[Kit]) -> None:
    meter = FakeMeter()
    view_model = _typed(kit, meter, KNOWN[:-1] + "8")
    result = await view_model.send()
    assert result.text == "That code isn't right – please check the digits"
    assert meter.sent == []
    assert view_model.entry.digits == KNOWN[:-1] + "8"  # left to correct


async def test_a_short_code_is_not_sent(kit: type[Kit]) -> None:
    meter = FakeMeter()
    view_model = _typed(kit, meter, KNOWN[:12])
    assert not view_model.can_send
    assert view_model.progress() == "12 of 20 digits"
    assert (await view_model.send()).text == "Please enter all 20 digits of your code"
    assert meter.sent == []


async def test_every_refusal_is_explained(kit: type[Kit]) -> None:
    expected = {
        TopUpOutcome.ALREADY_USED: "This code has already been used",
        TopUpOutcome.INVALID: "This code is not for this meter",
        TopUpOutcome.TOO_LARGE: "That is more than one top-up can add",
        TopUpOutcome.MAX_CREDIT_REACHED: "That would take your credit over the limit",
        TopUpOutcome.NOT_WHOLE_POUNDS: "This meter only accepts whole pounds",
    }
    for outcome, words in expected.items():
        meter = FakeMeter(TopUpAnswer(outcome, Decimal(0), Decimal("4.32")))
        result = await _typed(kit, meter).send()
        assert (result.text, result.tone) == (words, Tone.PROBLEM)


async def test_a_locked_keypad_says_when_to_try_again_by_the_han_clock(kit: type[Kit]) -> None:
    model = kit.prepay_model()
    han_now = kit.NOW + 7 * 3600  # the emulated home runs ahead of the display
    model.han_clock = HanClock(han_now, kit.NOW)
    meter = FakeMeter(TopUpAnswer(TopUpOutcome.KEYPAD_LOCKED, Decimal(0), None))
    result = await _typed(kit, meter, model=model).send()
    then = datetime.fromtimestamp(han_now + 3600, ZoneInfo("Europe/London"))  # GB time
    assert result.text == f"Too many wrong codes – try again at about {then:%H:%M}"


async def test_a_meter_that_does_not_answer(kit: type[Kit]) -> None:
    result = await _typed(kit, FakeMeter(fails=True)).send()
    assert result.text == "The meter did not answer – please try again"


async def test_emergency_credit_is_explained_then_activated(kit: type[Kit]) -> None:
    from han.clusters.prepayment import CreditStatus

    model = kit.prepay_model("0.50", flags=CreditStatus.EMERGENCY_CREDIT_AVAILABLE)
    meter = FakeMeter()
    view_model = EmergencyCreditViewModel(model, meter)
    assert view_model.explanation() == (
        "You can use £5.00 of emergency credit. It is a loan: it will be taken back from your "
        "next top-up."
    )
    result = await view_model.activate()
    assert result.tone is Tone.GOOD
    assert meter.commands == ["emergency"]
    offered_none = EmergencyCreditViewModel(kit.prepay_model(), meter)
    assert (await offered_none.activate()).text == "Emergency credit is not available now."


async def test_the_supply_is_enabled_only_when_armed(kit: type[Kit]) -> None:
    meter = FakeMeter()
    refused = await SupplyViewModel(kit.prepay_model(supply=SupplyState.OFF), meter).enable()
    assert refused.text.startswith("Your supply is not ready to be turned on.")
    assert meter.commands == []
    view_model = SupplyViewModel(kit.prepay_model(supply=SupplyState.ARMED), meter)
    assert "heaters, cookers and irons are switched off" in view_model.safety()
    assert (await view_model.enable()).text == "Your supply is on."
    assert meter.commands == ["enable"]
