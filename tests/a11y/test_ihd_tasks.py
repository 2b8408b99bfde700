"""A blind person's tasks on the IHD, through the accessibility tree and the keyboard alone: today's
cost on Now, yesterday's use on History's totals (reached by keys), and confirming a supplier message
– which the home, a served one that keeps its state in a file, must then have recorded.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.a11y.conftest import Node, walk
from tests.e2e.test_serve import ServeProcess

SPEED = "10"
"""The message that asks to be confirmed comes at 09:05, half a minute in; the power cut at 09:30
(three minutes in) comes after the test is done."""
NEW_MESSAGE = "A new message from your energy supplier"


def _named(pattern: str) -> Callable[[Node], bool]:
    return lambda node: re.match(pattern, node["name"]) is not None


def test_reading_cost_and_yesterday_by_keys_and_confirming_a_message(
    screen_reader: Any, tmp_path: Path
) -> None:
    store = tmp_path / "home.db"
    home = ServeProcess(
        "--scenario", "outage-and-messages", "--speed", SPEED, "--history-days", "14",
        "--store", str(store), "--name", "home", "--listen", "127.0.0.1:0",
    )  # fmt: skip
    try:
        url = home.read_until(r"on (tcp://127\.0\.0\.1:\d+)").group(1)
        reader = screen_reader("--source", url)
        _today(reader)
        _yesterday_by_keys(reader)
        _confirm_the_message(reader)
    finally:
        home.stop()  # it saves the home as it stops
    with sqlite3.connect(store) as database:
        (confirmed_at,) = database.execute(
            "SELECT confirmed_at_s FROM messages WHERE home = 'home' AND message_id = 2"
        ).fetchone()
    assert confirmed_at is not None, "the hub did not record the confirmation"


def _today(reader: Any) -> None:
    """Now: today's electricity, its card named and its cost and use said as words."""
    _path, today = reader.find(
        lambda node: (
            node["name"] == "Electricity today" and node.get("description", "").startswith("£")
        )  # once the price is known
    )
    assert re.match(r"^£\d+\.\d\d, [\d.]+ kilowatt hours", today["description"]), today


def _yesterday_by_keys(reader: Any) -> None:
    """Tab to the bar of screens, Right arrow to History, Tab to its Chart or Totals choice, Right
    to Totals and Space: the totals read as sentences, yesterday's use among them."""
    reader.tab_to(lambda node: node["role"] == "push button" and node["name"] == "Now")
    reader.key("Right")
    reader.focused(
        lambda node: node["name"] == "History" and node.get("description", "").startswith("On show")
    )
    chart = reader.tab_to(lambda node: node["name"] == "Chart")
    assert chart["role"] == "radio button"  # one choice of several, never a "check box"
    assert "checked" in chart["states"]
    reader.key("Right")  # arrows move between the choices, as between radio buttons
    reader.focused(lambda node: node["name"] == "Totals")
    reader.key("space")
    reader.find(
        lambda node: (
            node["name"] == "Totals"
            and node["role"] == "radio button"
            and "checked" in node["states"]
        )
    )
    _path, today = reader.find(_named(r"^Electricity, Today: "))
    assert re.match(r"^Electricity, Today: £\d+\.\d\d, [\d.]+ kilowatt hours", today["name"]), (
        today["name"]
    )
    _path, notes = reader.find(_named(r"(?s).*Electricity: Yesterday "))
    yesterday = re.search(
        r"Electricity: Yesterday ([\d.]+) kilowatt hours, £\d+\.\d\d: "
        r"(£\d+\.\d\d (less|more) than|the same as) the Monday before",
        notes["name"],
    )
    assert yesterday, notes["name"]
    assert float(yesterday.group(1)) > 0


def _confirm_the_message(reader: Any) -> None:
    """Messages: the one that asks to be confirmed, read whole, confirmed by its button's action;
    the display says when, in the home's time, and a screen reader hears it at once."""
    deadline = time.monotonic() + 90
    while reader.announcements().count(NEW_MESSAGE) < 2:
        assert time.monotonic() < deadline, reader.heard  # both messages are announced
        time.sleep(0.3)  # another process: nothing to wait on but what it said
    reader.press("push button", "Messages")  # it opens on the newest unread message
    _path, confirm = reader.named("push button", "Confirm")
    assert confirm["description"] == "Tell your supplier you have read this message"
    tree = reader.tree()
    names = {node["name"]: node for _path, node in walk(tree)}
    assert names["Message"]["description"].startswith("Planned power cut:")
    assert "Your supplier asks you to confirm you have read this message." in names
    # Received on the home's day and by its clock (the scenario's Tuesday morning).
    assert any(re.match(r"^Received Tue 13 Jan at 09:0\d$", name) for name in names), names
    reader.press("push button", "Confirm")
    said = reader.hears(lambda said: said.startswith("You confirmed this message at "))
    confirmed_at = re.match(r"^You confirmed this message at (\d\d):(\d\d)\.$", said)
    assert confirmed_at, said
    reader.find(lambda node: node["name"] == said)  # and it stays on screen
    tree = reader.tree()
    assert not any(node["name"] == "Confirm" for _path, node in walk(tree))
    minutes = int(confirmed_at.group(1)) * 60 + int(confirmed_at.group(2))
    # The home's time, as the corner clock shows it (which may lag a tick), not the display's own.
    assert abs(_clock(tree) - minutes) <= 5, (said, _clock(tree))


def _clock(tree: Node) -> int:
    """The corner clock's time, in minutes of the day."""
    for _path, node in walk(tree):
        found = re.match(r"^Time (\d\d):(\d\d)$", node["name"])
        if found:
            return int(found.group(1)) * 60 + int(found.group(2))
    raise AssertionError("no clock")
