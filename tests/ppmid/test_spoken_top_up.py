"""With speech on, the PPMID reads a typed code back in groups of four and says the answer."""

from __future__ import annotations

from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.host.context import ExperienceContext
from app.settings.display_settings import DisplaySettings, SoundMode
from han.model import HomeModel
from ppmid.top_up_screen import TopUpScreen
from tests.kept_voice import KeptVoice


class NoWhere:
    def go_to(self, key: str) -> None: ...

    def page_for(self, key: str) -> object:
        raise KeyError(key)


async def test_digits_are_read_back_in_fours_and_the_answer_is_said(qtbot: QtBot) -> None:
    voice = KeptVoice()
    context = ExperienceContext(
        HomeModel(), settings=DisplaySettings(sound=SoundMode.SPEAK), sound=voice
    )
    screen = TopUpScreen(context, NoWhere())  # type: ignore[arg-type]
    qtbot.addWidget(screen)
    QTest.keyClicks(screen, "123456789")
    assert voice.said == ["1 2 3 4", "5 6 7 8"]
    await screen.submit()  # what Enter does
    assert voice.said[-1] == screen.result.text() != ""


def test_nothing_is_said_with_speech_off(qtbot: QtBot) -> None:
    voice = KeptVoice()
    screen = TopUpScreen(ExperienceContext(HomeModel(), sound=voice), NoWhere())  # type: ignore[arg-type]
    qtbot.addWidget(screen)
    QTest.keyClicks(screen, "12345678")
    assert voice.said == []
