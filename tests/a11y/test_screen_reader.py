"""A blind person's tasks, done through the accessibility tree a screen reader reads (AT-SPI) on the
real app in a real X11 window: by roles, names, actions and keys, never by where things are drawn.
"""

from __future__ import annotations

import re
import time
from typing import Any

from han.formats.utrn import encode_utrn
from home_emulator.devices.esme import SUPPLIER_ORIGINATOR, default_keys, supplier_key
from home_emulator.home import ESME_IEEE

CLOCK = re.compile(r"^Time \d\d:\d\d$")


def _vend(pounds: int) -> str:
    """A code the supplier would sell for the emulated home's meter, its first."""
    keys = default_keys(ESME_IEEE)
    return encode_utrn(
        supplier_private_key=supplier_key(),
        meter_public_key=keys.meter_private_key.public_key(),
        originator=SUPPLIER_ORIGINATOR,
        target=keys.target,
        counter=1 << 32,
        pounds=pounds,
    )


def test_the_ihd_reads_its_screens_as_buttons_and_its_readings_as_sentences(
    screen_reader: Any,
) -> None:
    reader = screen_reader()
    _path, now = reader.find(
        lambda node: node["name"] == "Now" and "kilowatts" in node.get("description", "")
    )
    # Today's electricity cost, in one sentence with its unit spelt out.
    assert re.match(
        r"^Electricity now [\d.]+ kilowatts, costing (\d+ pence|£[\d.]+) an hour, "
        r"use is (low|medium|high), updated \d\d:\d\d$",
        now["description"],
    ), now["description"]
    tree = reader.tree()
    names = {node["name"]: node for _path, node in reader.walk(tree)}
    bar = names["Screens"]
    tabs = [node for node in bar["children"] if node["role"] != "label"]
    assert [node["role"] for node in tabs] == ["push button"] * 6  # never "check box"
    assert [node["name"] for node in tabs][:2] == ["Now", "History"]
    assert tabs[0]["description"].startswith("On show.")
    assert any(CLOCK.match(node["name"]) for _path, node in reader.walk(tree))
    assert any(name.startswith("Updated ") for name in names), "Last updated without its time"
    assert any(re.match(r"^Right now: (Low|Medium|High)$", name) for name in names)
    panels = {node["name"]: node for _path, node in reader.walk(tree) if node["role"] == "panel"}
    today = panels["Electricity today"]
    assert re.match(r"^£[\d.]+, [\d.]+ kilowatt hours", today["description"]), today

    # Pressing a screen's button by its action shows that screen, and the bar says so.
    reader.press("push button", "History")
    reader.find(
        lambda node: node["name"] == "History" and node.get("description", "").startswith("On show")
    )


def test_a_top_up_on_the_ppmid_by_actions_alone(screen_reader: Any) -> None:
    reader = screen_reader("--mode", "ppmid")
    reader.press("push button", "Top up")
    code = _vend(10)
    for digit in code:
        reader.press("push button", digit)
    _path, typed = reader.find(lambda node: node["name"] == "Top-up code")
    groups = " ".join(code[i : i + 4] for i in range(0, 20, 4))
    assert typed.get("description") == groups  # read back in groups of four
    reader.press("push button", "Send")
    reader.find(lambda node: "£10.00 added" in node["name"])
    deadline = time.monotonic() + 10
    while not any("£10.00 added" in said for said in reader.announcements()):
        assert time.monotonic() < deadline, reader.heard  # the answer is announced too
        time.sleep(0.3)


def test_a_top_up_code_typed_on_the_keyboard(screen_reader: Any) -> None:
    """The same top-up with the code typed and sent by keys, as a keyboard user does it."""
    reader = screen_reader("--mode", "ppmid")
    reader.press("push button", "Top up")
    code = _vend(10)
    reader.find(lambda node: node["name"] == "Top-up code")
    reader.type(code)
    groups = " ".join(code[i : i + 4] for i in range(0, 20, 4))
    reader.find(lambda node: node["name"] == "Top-up code" and node.get("description") == groups)
    reader.key("Return")
    reader.hears(lambda said: "£10.00 added" in said)
