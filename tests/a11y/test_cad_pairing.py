"""Pairing a CAD without sight: what a person does – press the hub's pairing button (on the embedded
home, the demo panel's button stands for it), read the passkey on the hub's label, type it into the
CAD's passkey field and press Enter – done through the accessibility tree and the keyboard alone.
"""

from __future__ import annotations

import re
from typing import Any

PAIRED = "Paired. This CAD can now read your meters."


def test_pairing_a_cad_by_its_passkey_with_keys(screen_reader: Any) -> None:
    reader = screen_reader("--mode", "cad")
    reader.named("label", "Pair this CAD with your smart meters")
    tree = reader.tree()
    names = {node["name"]: node for _path, node in reader.walk(tree)}
    assert names["With the hub's passkey"]["role"] == "page tab"
    assert names["Through your supplier"]["role"] == "page tab"
    assert names["CIN from the IHD"]["role"] == "text"  # its own name, not its group's

    reader.press("push button", "Press the pairing button on the hub")
    reader.hears(lambda said: said == "The hub is listening for 3 minutes.")
    _path, label = reader.find(lambda node: node["name"].startswith("Passkey on the hub's label: "))
    passkey = re.fullmatch(r"Passkey on the hub's label: (\d{10})", label["name"])
    assert passkey, label["name"]

    reader.focus("text", "Hub passkey")
    field = reader.focused(lambda node: node["name"] == "Hub passkey")
    assert field["role"] == "text"
    assert field["description"] == "Ten-digit passkey"
    reader.type(passkey.group(1))
    reader.find(lambda node: node["name"] == "Hub passkey" and node.get("text") == passkey.group(1))
    reader.key("Return")
    reader.hears(lambda said: said == PAIRED)
    reader.named("page tab", "Live")  # the paired CAD's views, in place of the pairing screen
    reader.named("page tab", "This CAD")
