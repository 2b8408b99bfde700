"""Pairing a CAD without sight: what a person does – press the hub's pairing button (on the embedded
home, the demo panel's button stands for it), read the passkey on the hub's label, type it into the
CAD's passkey field and press Enter – or, through the supplier, have the supplier send a CIN (the
demo panel again), read the CIN the in-home display shows, type it and call the supplier – done
through the accessibility tree and the keyboard alone.
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


def test_pairing_a_cad_through_the_supplier_with_the_cin_the_ihd_shows(
    screen_reader: Any,
) -> None:
    reader = screen_reader("--mode", "cad")
    reader.press("page tab", "Through your supplier")
    reader.find(lambda node: node["name"].startswith("Ask your energy supplier to pair this CAD"))

    reader.press("push button", "Supplier sends a CIN to the IHD")
    reader.hears(lambda said: said == "The supplier has sent a CIN to your in-home display.")
    _path, shown = reader.find(
        lambda node: node["name"].startswith("The in-home display shows: CIN ")
    )
    cin = re.fullmatch(r"The in-home display shows: CIN (\d+)", shown["name"])
    assert cin, shown["name"]

    reader.focus("text", "CIN from the IHD")
    reader.focused(lambda node: node["name"] == "CIN from the IHD")
    reader.type(cin.group(1))
    reader.find(
        lambda node: node["name"] == "CIN from the IHD" and node.get("text") == cin.group(1)
    )
    reader.press("push button", "Call the supplier")
    reader.hears(lambda said: said == PAIRED)
    reader.named("page tab", "Live")
