"""Packet captures of the emulated HAN: exact header bytes, and Wireshark dissecting a whole session."""

from __future__ import annotations

import asyncio
import io
import itertools
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import zigpy.types as t

from home_emulator.air.medium import Air
from home_emulator.air.pcap import (
    ApsDelivery,
    PcapWriter,
    SenderCounters,
    aps_header,
    mac_header,
    nwk_header,
    pcap_global_header,
    record,
    zigbee_frame,
)
from home_emulator.air.virtual_radio import COORDINATOR_IEEE
from home_emulator.zigbee.zcl_server import ServerCluster
from tests.conftest import OpenEmulatedHan

SCRIPTS = Path(__file__).resolve().parents[3] / "scripts"
ESME_NWK = 0x1001
ESME_IEEE = t.EUI64.convert("0d:6f:00:00:00:00:00:01")
# Report Attributes, server to client, no default response: Instantaneous Demand (int24) = 523 W.
DEMAND_REPORT = bytes.fromhex("18 01 0a 00 04 2a 0b 02 00")


def nwk(address: int) -> t.AddrModeAddress:
    return t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=t.NWK(address))


def report_packet(*, src: int = ESME_NWK, dst: t.AddrModeAddress | None = None) -> t.ZigbeePacket:
    return t.ZigbeePacket(
        src=nwk(src),
        src_ep=t.uint8_t(1),
        dst=dst if dst is not None else nwk(0x0000),
        dst_ep=t.uint8_t(1),
        profile_id=t.uint16_t(0x0109),
        cluster_id=t.uint16_t(0x0702),
        data=t.SerializableBytes(DEMAND_REPORT),
    )


def fresh_counters() -> dict[int, SenderCounters]:
    return {}


def frame_of(packet: t.ZigbeePacket, direction: str, senders: dict[int, SenderCounters]) -> bytes:
    return zigbee_frame(packet, direction, lambda src: senders.setdefault(src, SenderCounters()))


# Header builders -----------------------------------------------------------------------------


def test_a_unicast_report_has_the_exact_bytes_zigbee_specifies() -> None:
    frame = frame_of(report_packet(), "up", fresh_counters())
    expected = bytes.fromhex(
        "61 88"  # MAC: data, ack request, PAN ID compression, short/short, 2003
        " 00 62 1a 00 00 01 10"  # sequence 0, PAN 0x1A62, dst 0x0000, src 0x1001
        " 48 00"  # NWK: data, protocol version 2, discover route enable, no security
        " 00 00 01 10 1e 00"  # dst 0x0000, src 0x1001, radius 30, sequence 0
        " 00 01 02 07 09 01 01 00"  # APS: unicast data; dst ep 1, 0x0702, 0x0109, src ep 1, counter 0
    )
    assert frame == expected + DEMAND_REPORT


def test_builders_lay_out_fields_little_endian() -> None:
    assert mac_header(
        0x2A, pan_id=0x1A62, dst=0x1234, src=0xABCD, ack_request=False
    ) == bytes.fromhex("41 88 2a 62 1a 34 12 cd ab")
    assert nwk_header(7, dst=0x1234, src=0x0000, radius=5, discover_route=False) == bytes.fromhex(
        "08 00 34 12 00 00 05 07"
    )
    assert aps_header(
        9,
        delivery=ApsDelivery.UNICAST,
        cluster_id=0x0700,
        profile_id=0x0109,
        src_endpoint=2,
        dst_endpoint=3,
    ) == bytes.fromhex("00 03 00 07 09 01 02 09")


def test_a_broadcast_goes_to_every_mac_with_no_ack_and_broadcast_delivery() -> None:
    packet = report_packet(
        dst=t.AddrModeAddress(
            addr_mode=t.AddrMode.Broadcast,
            address=t.BroadcastAddress.ALL_ROUTERS_AND_COORDINATOR,
        )
    )
    packet.src = None  # zigpy leaves the source empty on what the coordinator sends
    frame = frame_of(packet, "down", fresh_counters())
    mac, nwk_part, aps = frame[:9], frame[9:17], frame[17:25]
    assert mac == bytes.fromhex("41 88 00 62 1a ff ff 00 00")  # no ack request, MAC dst 0xFFFF
    assert nwk_part == bytes.fromhex("08 00 fc ff 00 00 1e 00")  # route discovery suppressed
    assert aps[0] == ApsDelivery.BROADCAST << 2
    assert aps[1] == 1  # a broadcast still names the destination endpoint


def test_a_group_frame_carries_the_group_instead_of_an_endpoint() -> None:
    packet = report_packet(
        dst=t.AddrModeAddress(addr_mode=t.AddrMode.Group, address=t.Group(0x0ABC))
    )
    frame = frame_of(packet, "up", fresh_counters())
    assert frame[5:7] == b"\xff\xff"  # MAC broadcast
    assert frame[11:13] == b"\xfd\xff"  # NWK: every rx-on-when-idle device
    assert frame[17:20] == bytes.fromhex("0c bc 0a")  # group delivery, group 0x0ABC
    assert frame[20:22] == bytes.fromhex("02 07")  # then the cluster, as for unicasts


def test_an_ieee_destination_is_resolved_through_the_air() -> None:
    air = Air()
    try:
        packet = report_packet()
        packet.dst = t.AddrModeAddress(addr_mode=t.AddrMode.IEEE, address=COORDINATOR_IEEE)
        buffer = io.BytesIO()
        with record(air, buffer, clock=lambda: 0.0, coordinator_ieee=COORDINATOR_IEEE) as writer:
            air.to_coordinator(packet)
            assert writer.frames_written == 1
        assert air.taps == []
        frame = buffer.getvalue()[24 + 16 :]
        assert frame[5:7] == b"\x00\x00"  # the coordinator's short address, resolved
    finally:
        air.close()


def test_an_unknown_ieee_destination_travels_in_the_nwk_header() -> None:
    packet = report_packet()
    packet.dst = t.AddrModeAddress(addr_mode=t.AddrMode.IEEE, address=ESME_IEEE)
    frame = frame_of(packet, "down", fresh_counters())
    assert frame[9:11] == bytes.fromhex("48 08")  # destination IEEE address present
    assert frame[11:13] == b"\xfe\xff"  # no short address known
    assert frame[17:25] == ESME_IEEE.serialize()


def test_sequence_numbers_wrap_at_256_per_sender() -> None:
    senders = fresh_counters()
    frames = [frame_of(report_packet(), "up", senders) for _ in range(257)]
    mac_seq, nwk_seq, aps_counter = 2, 16, 24
    for offset in (mac_seq, nwk_seq, aps_counter):
        assert [frame[offset] for frame in frames[254:]] == [254, 255, 0]
    other = frame_of(report_packet(src=0x2002), "up", senders)
    assert other[mac_seq] == 0  # each radio keeps its own counters


# The pcap file -------------------------------------------------------------------------------


def test_the_global_header_is_classic_libpcap_for_802_15_4_without_fcs() -> None:
    assert pcap_global_header() == bytes.fromhex(
        "d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00 ff ff 00 00 e6 00 00 00"
    )


def test_records_carry_the_clock_and_the_frame_length() -> None:
    times = iter([1_780_000_000.25, 1_780_000_010.9999996])
    buffer = io.BytesIO()
    with PcapWriter(buffer, clock=lambda: next(times)) as writer:
        writer(report_packet(), "up")
        writer(report_packet(), "up")
        frame_length = 25 + len(DEMAND_REPORT)
        data = buffer.getvalue()
    records = []
    offset = 24
    while offset < len(data):
        seconds, micros, captured, original = struct.unpack_from("<IIII", data, offset)
        records.append((seconds, micros, captured, original))
        offset += 16 + captured
    assert offset == len(data)
    assert records == [
        (1_780_000_000, 250_000, frame_length, frame_length),
        (1_780_000_011, 0, frame_length, frame_length),  # rounding carries into the second
    ]


def test_frames_after_close_are_dropped_not_raised_into_the_air(tmp_path: Path) -> None:
    path = tmp_path / "han.pcap"
    writer = PcapWriter(path)
    writer(report_packet(), "up")
    writer.close()
    writer(report_packet(), "up")
    writer.close()
    assert writer.frames_written == 1
    assert path.stat().st_size == 24 + 16 + 25 + len(DEMAND_REPORT)


# Wireshark ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tshark() -> str:
    """tshark, installed with apt-get first where that is possible (root on Debian: CI, dev VMs)."""
    if not load_system_packages().ensure_debian_packages(
        ["tshark"], reason="to dissect the emulated HAN's captures"
    ):
        pytest.skip("tshark is not installed and cannot be installed here (needs root on Debian)")
    found = shutil.which("tshark")
    assert found is not None
    return found


def load_system_packages() -> ModuleType:
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    import system_packages

    return system_packages


def test_present_tools_need_no_install(capsys: pytest.CaptureFixture[str]) -> None:
    packages = load_system_packages()
    assert packages.ensure_debian_packages(["python3"], reason="test", commands=[sys.executable])
    assert capsys.readouterr().out == ""


def test_without_root_nothing_is_installed_and_nothing_raises(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    packages = load_system_packages()
    monkeypatch.setattr(packages.os, "geteuid", lambda: 1000, raising=False)
    monkeypatch.setattr(
        packages.subprocess, "run", lambda *a, **k: pytest.fail("must not run apt-get")
    )
    assert not packages.ensure_debian_packages(["no-such-tool-xyz"], reason="test")


def dissect(tshark: str, capture: Path) -> str:
    result = subprocess.run(
        [tshark, "-n", "-r", str(capture), "-V"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return result.stdout


def frames_of(dissection: str) -> list[str]:
    return re.split(r"^(?=Frame \d+:)", dissection, flags=re.MULTILINE)[1:]


def reported_value(frame: str, attribute: str) -> int:
    """The value Wireshark shows for ``attribute`` in a Report Attributes frame."""
    match = re.search(
        rf"Attribute: {re.escape(attribute)}\n\s+Data Type: .*\n\s+\w+: (-?\d+)", frame
    )
    assert match is not None, f"{attribute} not in:\n{frame}"
    return int(match.group(1))


async def test_wireshark_dissects_a_whole_session_down_to_metering_attributes(
    emulated_han: OpenEmulatedHan, tshark: str, tmp_path: Path
) -> None:
    capture = tmp_path / "han.pcap"
    async with emulated_han(power_on=False) as han:
        with record(han.home.air, capture, clock=han.home.clock.now) as writer:
            han.home.power_on()  # after the tap is in place: the capture starts with the interview
            await han.meter_ready()
            for _ in range(3):
                han.home.step()
            await han.until(lambda: writer.frames_written > 0)
        demand_w = han.home.esme.demand_w
        summation_wh = han.home.esme.import_joules // 3600
        written = writer.frames_written

    # The HAN is closed; tshark runs off the loop only so the test never blocks it.
    frames = frames_of(await asyncio.to_thread(dissect, tshark, capture))

    assert len(frames) == written
    assert not [frame for frame in frames if "Malformed" in frame or "Expert Info" in frame]
    assert all(
        re.search(r"Protocols in frame: wpan:zbee_nwk:zbee_aps:zbee_(zcl|zdp)", f) for f in frames
    )
    everything = "".join(frames)
    assert "Node Descriptor Response" in everything
    assert "Simple Descriptor Response" in everything
    assert "Input Cluster: Simple Metering (0x0702)" in everything
    assert "Profile: Smart Energy (0x0109)" in everything
    assert "Cluster: Simple Metering (0x0702)" in everything
    reports = [
        frame
        for frame in frames
        if "Command: Report Attributes" in frame and "Cluster: Simple Metering (0x0702)" in frame
    ]
    assert reports, "no metering reports in the capture"
    last = reports[-1]
    assert reported_value(last, "Instantaneous Demand (0x0400)") == demand_w
    assert reported_value(last, "Current Summation Delivered (0x0000)") == summation_wh


def read_response(cluster: ServerCluster, attribute_ids: list[int]) -> t.ZigbeePacket:
    """The emulated meter's Read Attributes Response, from the server cluster that serves it."""
    records = b"".join(record.serialize() for record in cluster.read(attribute_ids))
    data = bytes([0x18, 0x07, 0x01]) + records  # global, server to client, tsn 7, read response
    packet = report_packet()
    packet.cluster_id = t.uint16_t(cluster.cluster_id)
    packet.data = t.SerializableBytes(data)
    return packet


def test_wireshark_reads_the_zse_types_of_months_and_currency_scaling(
    tshark: str, tmp_path: Path
) -> None:
    """Months are uint32 and the currency scaling factor enum8 on the air, as ZSE 1.4 has them
    (tests/fixtures/zse/): Wireshark's Smart Energy dissector decodes them as such."""
    metering = ServerCluster(
        0x0702,
        {
            "current_month_consumption_delivered": 20_000_000,  # beyond uint24
            "previous_month_alternative13_consumption_delivered": 17_000_000,
        },
    )
    prepayment = ServerCluster(0x0705, {"currency_scaling_factor": 0x02})
    capture = tmp_path / "types.pcap"
    with PcapWriter(capture, clock=lambda: 1_750_000_000.0) as writer:
        writer(read_response(metering, [0x0440, 0x0C5A]), "up")
        writer(read_response(prepayment, [0x0502]), "up")
    dissection = dissect(tshark, capture)
    assert "Malformed" not in dissection
    for attribute, value in (
        ("Current Month Consumption Delivered (0x0440)", 20_000_000),
        ("Previous Month 13 Alternative Consumption Delivered (0x0c5a)", 17_000_000),
    ):
        assert re.search(
            rf"Attribute: {re.escape(attribute)}\n\s+Status: Success \(0x00\)\n"
            rf"\s+Data Type: 32-Bit Unsigned Integer \(0x23\)\n\s+Uint32: {value} ",
            dissection,
        ), dissection
    assert re.search(
        r"Attribute: Currency Scaling Factor \(0x0502\)\n\s+Status: Success \(0x00\)\n"
        r"\s+Data Type: 8-Bit Enumeration \(0x30\)",
        dissection,
    ), dissection


def test_a_capture_stamps_the_pan_of_the_network_the_frames_were_on() -> None:
    air = Air()
    try:
        stream = io.BytesIO()
        with record(air, stream) as writer:
            writer(report_packet(), "up")
            air.pan_id = 0xBDC7  # a coordinator formed its own network meanwhile
            writer(report_packet(), "up")
            frames = _records_of(stream.getvalue())
    finally:
        air.close()
    assert [struct.unpack_from("<H", frame, 3)[0] for frame in frames] == [0x1A62, 0xBDC7]


def _records_of(capture: bytes) -> list[bytes]:
    frames, offset = [], 24
    while offset < len(capture):
        _, _, length, _ = struct.unpack_from("<IIII", capture, offset)
        frames.append(capture[offset + 16 : offset + 16 + length])
        offset += 16 + length
    return frames


GSME, GPF = "0x1004", "0x0001"


def test_with_no_display_the_gas_meter_pushes_to_the_gas_proxy_every_half_hour(
    tshark: str, tmp_path: Path
) -> None:
    """`run --pcap` of a dual-fuel home with nobody watching: what a SMETS2 HAN carries anyway.

    Each half hour the GSME wakes, asks the hub the time and pushes summation, today's energy and
    today's cost to the GPF mirror (GBCS 10.4.2.8); the ESME asks the hub the time too."""
    capture = tmp_path / "dual-fuel.pcap"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "home_emulator",
            "run",
            "--scenario",
            "family-dual-fuel",
            "--for",
            "2h",
            "--speed",
            "100000",
            "--history-days",
            "2",
            "--pcap",
            str(capture),
        ],
        capture_output=True,
        check=True,
        timeout=120,
    )
    frames = frames_of(dissect(tshark, capture))
    assert not [frame for frame in frames if "Malformed" in frame or "Expert Info" in frame]

    def epoch(frame: str) -> float:
        match = re.search(r"Epoch Time: ([\d.]+) seconds", frame)
        assert match is not None
        return float(match.group(1))

    def between(frame: str, src: str, dst: str) -> bool:
        return f"Source: {src}" in frame and f"Destination: {dst}" in frame

    pushes = [f for f in frames if between(f, GSME, GPF) and "Report Attributes" in f]
    metering = [f for f in pushes if "Cluster: Simple Metering (0x0702)" in f]
    cost = [f for f in pushes if "Cluster: Pre-Payment (0x0705)" in f]
    assert len(metering) == len(cost) == 4  # 2 h: a wake every 30 emulated minutes
    assert [epoch(b) - epoch(a) for a, b in itertools.pairwise(metering)] == [1800.0] * 3
    for frame in metering:
        assert "Destination Endpoint: 2" in frame  # the GPF's mirror
        assert "Current Summation Delivered (0x0000)" in frame
        assert "Current Day Alternative Consumption Delivered (0x0c01)" in frame
    assert all("Current Day Cost Consumption Delivered (0x051c)" in frame for frame in cost)
    summations = [reported_value(f, "Current Summation Delivered (0x0000)") for f in metering]
    assert summations == sorted(summations)

    time_answers = [f for f in frames if "Cluster: Time (0x000a)" in f and "Response" in f]
    assert sum(between(f, GPF, GSME) for f in time_answers) == 4
    assert sum(between(f, GPF, "0x1001") for f in time_answers) == 4  # the ESME
    assert all("Destination PAN: 0x1a62" in frame for frame in frames)
