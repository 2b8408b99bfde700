"""Every attribute the project declares has the id and ZCL type of the ZSE 1.4 tables.

The reference is tests/fixtures/zse/*.csv, written from the Zigbee Alliance's ZCL cluster XML
(csa-iot/data-model: Metering.xml, Price.xml) and the generated ZigbeeNet cluster classes
(Prepayment); tests/fixtures/zse/README.md names the sources and the cases where they differ.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from zigpy.zcl import Cluster

from han.clusters import GBMetering, GBPrepayment, GBPrice
from han.clusters.messaging import Utf8String

ZSE_TABLES = Path(__file__).parents[1] / "fixtures" / "zse"


def _zse_table(name: str) -> dict[int, tuple[str, str]]:
    with (ZSE_TABLES / f"{name}.csv").open(newline="") as table:
        return {int(row["id"], 16): (row["name"], row["type"]) for row in csv.DictReader(table)}


CLUSTERS = [("metering", GBMetering), ("prepayment", GBPrepayment), ("price", GBPrice)]


@pytest.mark.parametrize(("table", "cluster"), CLUSTERS, ids=[name for name, _ in CLUSTERS])
def test_every_declared_attribute_has_the_zse_type(table: str, cluster: type[Cluster]) -> None:
    zse = _zse_table(table)
    declared = {attr.id: attr for attr in cluster.AttributeDefs}
    assert sorted(declared) == sorted(zse), "the table and the cluster list different attributes"
    wrong = [
        f"0x{attr_id:04X} {zse[attr_id][0]}: declared {attr.zcl_type.name}, ZSE {zse[attr_id][1]}"
        for attr_id, attr in sorted(declared.items())
        if attr.zcl_type.name != zse[attr_id][1]
    ]
    assert wrong == []


def test_the_month_histories_and_the_currency_scaling_factor() -> None:
    """The cases the tables caught: months overflow uint24, the scaling factor is an enum."""
    metering = _zse_table("metering")
    months = [*range(0x0440, 0x045B, 2), *range(0x0C40, 0x0C5B, 2)]
    assert len(months) == 28
    assert {metering[attr_id][1] for attr_id in months} == {"uint32"}
    assert _zse_table("prepayment")[0x0502] == ("CurrencyScalingFactor", "enum8")
    assert GBPrepayment.AttributeDefs.currency_scaling_factor.zcl_type.name == "enum8"


def test_a_message_with_two_octet_letters_is_read_whole() -> None:
    """The length octet counts UTF-8 octets: "£" and the Welsh "ŵ" cost no letters at the end."""
    text = "Dyled: £3.50 yr wythnos o ddydd Llun ymlaen. Diolch – Ŵyr y Gŵr"
    wire = Utf8String(text).serialize()
    assert wire[0] == len(text.encode("utf8"))
    assert Utf8String.deserialize(wire + b"\x01") == (text, b"\x01")
