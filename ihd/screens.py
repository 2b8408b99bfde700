"""The IHD's screens, in the order the navigation bar shows them.

A screen joins the display by adding a ``ScreenDescriptor`` here: its key, the word and icon of its
navigation button, what the button's description says, how to build it, and optionally a count to
show on its button (unread messages). The shell (``ihd/shell.py``) needs nothing else. Six buttons
fit the bar at 800 px; screens beyond those name the screen that offers them (``under="more"``): they
have no button on the bar, and More lists them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from app.wording import QT_TRANSLATE_NOOP
from han.model import HomeModel

if TYPE_CHECKING:
    from app.host.context import ExperienceContext
    from ihd.screen import IhdScreen, Navigator

ScreenFactory = Callable[["ExperienceContext", "Navigator"], "IhdScreen"]


def _no_count(model: HomeModel) -> int:
    return 0


@dataclass(frozen=True)
class ScreenDescriptor:
    key: str
    label: str
    """The navigation button's word, marked with ``QT_TRANSLATE_NOOP("Navigation", …)``."""
    description: str
    """What the screen is for (the button's accessible description), marked the same way."""
    icon: str
    """A name in ``app.ui.icons.DRAWINGS``."""
    create: ScreenFactory
    count: Callable[[HomeModel], int] = _no_count
    """A number for the button ("Messages (2)"): 0 shows none."""
    under: str | None = None
    """The key of the screen that offers this one (More) when it has no button on the bar."""


def _now(context: ExperienceContext, navigator: Navigator) -> IhdScreen:
    from ihd.pages.home import HomeScreenView

    return HomeScreenView(context, navigator)


def _history(context: ExperienceContext, navigator: Navigator) -> IhdScreen:
    from ihd.history.screen import HistoryScreen

    return HistoryScreen(context, navigator)


def _tariff(context: ExperienceContext, navigator: Navigator) -> IhdScreen:
    from ihd.pages.tariff import TariffScreen

    return TariffScreen(context, navigator)


def _budget(context: ExperienceContext, navigator: Navigator) -> IhdScreen:
    from ihd.pages.budget import BudgetScreen

    return BudgetScreen(context, navigator)


def _prepayment(context: ExperienceContext, navigator: Navigator) -> IhdScreen:
    from ihd.pages.prepayment import PrepaymentScreen

    return PrepaymentScreen(context, navigator)


def _more(context: ExperienceContext, navigator: Navigator) -> IhdScreen:
    from ihd.pages.more import MoreScreen

    # The screens this shell was given, not the global list: a shell with other screens offers those.
    return MoreScreen(context, navigator, offered=navigator.offered_by("more"))


def _messages(context: ExperienceContext, navigator: Navigator) -> IhdScreen:
    from ihd.pages.messages import MessagesScreen

    return MessagesScreen(context, navigator)


def _status(context: ExperienceContext, navigator: Navigator) -> IhdScreen:
    from ihd.pages.status import StatusScreen

    return StatusScreen(context, navigator)


def _settings(context: ExperienceContext, navigator: Navigator) -> IhdScreen:
    from ihd.pages.settings import SettingsScreen

    return SettingsScreen(context, navigator)


def _network(context: ExperienceContext, navigator: Navigator) -> IhdScreen:
    from ihd.pages.network import NetworkScreen

    return NetworkScreen(context, navigator)


def _unread(model: HomeModel) -> int:
    return model.unread_messages


SCREENS: Final[tuple[ScreenDescriptor, ...]] = (
    ScreenDescriptor(
        "now",
        QT_TRANSLATE_NOOP("Navigation", "Now"),
        QT_TRANSLATE_NOOP("Navigation", "Your energy use and cost right now and today"),
        "now",
        _now,
    ),
    ScreenDescriptor(
        "history",
        QT_TRANSLATE_NOOP("Navigation", "History"),
        QT_TRANSLATE_NOOP("Navigation", "Your energy use and cost by half hour, day and month"),
        "history",
        _history,
    ),
    ScreenDescriptor(
        "messages",
        QT_TRANSLATE_NOOP("Navigation", "Messages"),
        QT_TRANSLATE_NOOP("Navigation", "Messages from your energy supplier"),
        "messages",
        _messages,
        _unread,
    ),
    ScreenDescriptor(
        "status",
        QT_TRANSLATE_NOOP("Navigation", "Status"),
        QT_TRANSLATE_NOOP("Navigation", "Connection to your smart meters and their signal"),
        "status",
        _status,
    ),
    ScreenDescriptor(
        "settings",
        QT_TRANSLATE_NOOP("Navigation", "Settings"),
        QT_TRANSLATE_NOOP("Navigation", "Language, text size, colours and sound"),
        "settings",
        _settings,
    ),
    ScreenDescriptor(
        "more",
        QT_TRANSLATE_NOOP("Navigation", "More"),
        QT_TRANSLATE_NOOP("Navigation", "Tariff, budget and prepayment credit"),
        "more",
        _more,
    ),
    ScreenDescriptor(
        "tariff",
        QT_TRANSLATE_NOOP("Navigation", "Tariff"),
        QT_TRANSLATE_NOOP("Navigation", "Your prices now and next, and the standing charge"),
        "tariff",
        _tariff,
        under="more",
    ),
    ScreenDescriptor(
        "budget",
        QT_TRANSLATE_NOOP("Navigation", "Budget"),
        QT_TRANSLATE_NOOP("Navigation", "Your spending against your budget"),
        "budget",
        _budget,
        under="more",
    ),
    ScreenDescriptor(
        "prepayment",
        QT_TRANSLATE_NOOP("Navigation", "Credit"),
        QT_TRANSLATE_NOOP("Navigation", "Your prepayment credit, emergency credit and debt"),
        "prepayment",
        _prepayment,
        under="more",
    ),
    ScreenDescriptor(
        "network",
        QT_TRANSLATE_NOOP("Navigation", "Your network"),
        QT_TRANSLATE_NOOP("Navigation", "Add a device to this display's own network, back it up"),
        "status",
        _network,
        under="more",
    ),
)
