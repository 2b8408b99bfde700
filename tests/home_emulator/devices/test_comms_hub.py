"""The comms hub's services on the air: time, supplier messages, device log, power cuts."""

from __future__ import annotations

import pytest
import zigpy.types as t

from han.links.han_clock import next_clock
from home_emulator.air.medium import NotAdmitted
from home_emulator.clock import VirtualClock
from home_emulator.devices.comms_hub import OUTAGE_ALERT_AFTER_S, ZIGBEE_EPOCH_S
from home_emulator.devices.device_log import DeviceLog, DeviceType, NotInDeviceLog, new_install_code
from home_emulator.home import EmulatedHome, HomeSpec
from home_emulator.zigbee.node import EmulatedNode
from tests.conftest import OpenEmulatedHan


async def test_the_display_follows_the_hans_time_even_when_it_runs_fast(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han() as han:
        await han.meter_ready()
        await han.until(lambda: han.session.hub is not None and han.session.hub.attached.is_set())
        clock = han.model.han_clock
        assert clock is not None
        assert clock.han_s == pytest.approx(han.home.now_s, abs=10)
        for _ in range(360):  # an emulated hour
            han.home.step()
        hub = han.session.hub
        assert hub is not None
        await hub.read_time()
        later = han.model.han_clock
        assert later is not None
        assert later.han_s == pytest.approx(han.home.now_s, abs=10)


def test_the_han_clock_rate_comes_from_two_readings() -> None:
    first = next_clock(None, han_s=1000.0, read_at=50.0)
    assert (first.rate, first.now(52.0)) == (1.0, 1002.0)
    fast = next_clock(first, han_s=1000.0 + 3600, read_at=52.0)  # an hour in two seconds
    assert fast.rate == 1800.0
    assert fast.now(53.0) == 1000.0 + 3600 + 1800
    assert next_clock(fast, han_s=fast.han_s + 1, read_at=52.1).rate == 1800.0  # too soon to judge
    paused = next_clock(fast, han_s=fast.han_s, read_at=60.0)
    assert paused.rate == 0.0


async def test_a_supplier_message_reaches_the_model_and_its_confirmation_reaches_the_hub(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han() as han:
        await han.meter_ready()
        await han.until(lambda: han.session.hub is not None and han.session.hub.attached.is_set())
        sent = han.home.send_message(
            "Your new tariff starts on Monday.", confirm=True, importance="high"
        )
        await han.until(lambda: sent.message_id in han.model.messages)
        shown = han.model.messages[sent.message_id]
        assert shown.text == "Your new tariff starts on Monday."
        assert shown.confirmation_required
        assert shown.importance == "high"
        assert han.model.unread_messages == 1
        hub = han.session.hub
        assert hub is not None
        await hub.confirm(sent.message_id)
        assert han.home.hub.messages[sent.message_id].confirmed_at_s is not None
        assert han.model.unread_messages == 0
        assert any(event.kind == "message confirmed" for event in han.home.hub.events)


async def test_a_message_sent_while_the_display_was_away_is_fetched_on_attach(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han(power_on=False) as han:
        han.home.hub.advance_to(han.home.now_s)
        message, packets = han.home.hub.send_message("Meter reading due")
        assert packets == []  # nobody bound yet
        han.home.power_on()
        await han.until(lambda: message.message_id in han.model.messages)


async def test_a_cancelled_message_leaves_the_display(emulated_han: OpenEmulatedHan) -> None:
    async with emulated_han() as han:
        await han.meter_ready()
        await han.until(lambda: han.session.hub is not None and han.session.hub.attached.is_set())
        sent = han.home.send_message("Planned work tonight")
        await han.until(lambda: sent.message_id in han.model.messages)
        for packet in han.home.hub.cancel_message(sent.message_id):
            han.home.air.to_coordinator(packet)
        await han.until(lambda: sent.message_id not in han.model.messages)


async def test_a_display_not_in_the_device_log_hears_nothing(emulated_han: OpenEmulatedHan) -> None:
    async with emulated_han(display_ieee=None) as han:
        for _ in range(30):
            han.home.step()
        import asyncio

        await asyncio.sleep(0.05)
        assert han.session.links == {}
        assert han.model.electricity_import_meter() is None


def test_a_node_not_in_the_device_log_cannot_join() -> None:
    from home_emulator.home import EmulatedHome, HomeSpec

    home = EmulatedHome(HomeSpec(start_epoch_s=1_780_000_000))
    stranger = EmulatedNode(
        ieee=t.EUI64.convert("11:22:33:44:55:66:77:88"),
        nwk=0x3333,
        manufacturer_code=1,
        endpoints={},
    )
    with pytest.raises(NotAdmitted, match="not in the hub's device log"):
        home.air.join(stranger)
    home.close()


def test_device_log_entries_need_a_valid_install_code_and_return_from_history() -> None:
    log = DeviceLog()
    eui = t.EUI64.convert("00:11:22:33:44:55:66:77")
    with pytest.raises(ValueError, match="install code"):
        log.add(eui, b"\x00" * 18, DeviceType.CAD)
    log.add(eui, new_install_code(), DeviceType.CAD)
    log.remove(eui)
    assert not log.admits(eui)
    assert log.historic[0].eui64 == eui
    log.add(eui, new_install_code(), DeviceType.CAD)
    assert log.admits(eui)
    assert log.historic == []
    with pytest.raises(NotInDeviceLog):
        log.remove(t.EUI64.convert("99:99:99:99:99:99:99:99"))


def test_a_power_cut_silences_the_home_and_alerts_after_three_minutes() -> None:
    from home_emulator.home import EmulatedHome, HomeSpec

    home = EmulatedHome(HomeSpec(start_epoch_s=1_780_000_000))
    home.power_on()
    before = home.esme.import_joules
    home.power_cut(300)
    for _ in range(20):  # 200 s: still dark, nothing counted
        home.step()
    assert home.esme.import_joules == before
    # A name: asserting the attribute itself would fix its type for mypy, and power comes back.
    powered_in_the_cut = home.esme.node.powered
    assert not powered_in_the_cut
    assert home.hub.outage_alerted
    for _ in range(20):
        home.step()
    assert home.esme.node.powered
    assert home.esme.import_joules > before
    kinds = [event.kind for event in home.hub.events]
    assert kinds[-3:] == ["mains lost", "power outage alert", "mains restored"]
    alert = home.hub.events[-2]
    assert alert.at_s == home.hub.events[-3].at_s + OUTAGE_ALERT_AFTER_S
    home.close()


def test_the_hubs_time_server_tells_zigbee_time() -> None:
    from home_emulator.home import EmulatedHome, HomeSpec

    home = EmulatedHome(HomeSpec(start_epoch_s=1_780_000_000))
    home.step()
    assert home.hub.time.get("time") == int(home.now_s) - ZIGBEE_EPOCH_S
    # June: British Summer Time, local time one hour ahead.
    assert home.hub.time.get("local_time") - home.hub.time.get("time") == 3600
    home.close()


def test_the_hubs_clock_ticks_every_second_between_the_meters_steps() -> None:
    wall = [100.0]
    home = EmulatedHome(HomeSpec(start_epoch_s=1_780_000_000, history_days=2))
    home.clock = VirtualClock(home.now_s, wall=lambda: wall[0])

    def told() -> int:
        (record,) = home.hub.time.read([0x0000])
        assert record.value is not None
        return int(record.value.value) + ZIGBEE_EPOCH_S

    wall[0] += 3.7  # between two of the meters' 10-second steps
    assert told() == 1_780_000_003
    wall[0] += 20  # the meters have not caught up: the hub is where they are
    assert told() == 1_780_000_009
    for _ in range(360):  # stepped by hand an hour ahead of the clock
        home.step()
    assert told() == 1_780_003_600
    home.close()


async def test_a_message_is_received_and_confirmed_on_the_hans_clock(
    emulated_han: OpenEmulatedHan,
) -> None:
    async with emulated_han() as han:  # the home's May 2026, not the computer's today
        await han.meter_ready()
        await han.until(lambda: han.session.hub is not None and han.session.hub.attached.is_set())
        hub = han.session.hub
        assert hub is not None
        for _ in range(30):
            han.home.step()
        await hub.read_time()  # five minutes on, stepped by hand
        sent = han.home.send_message("Please confirm", confirm=True)
        await han.until(lambda: sent.message_id in han.model.messages)
        shown = han.model.messages[sent.message_id]
        assert shown.received_at == pytest.approx(sent.start_s, abs=10)
        await hub.confirm(sent.message_id)
        confirmed_at_s = han.home.hub.messages[sent.message_id].confirmed_at_s
        assert confirmed_at_s is not None
        assert shown.confirmed_at == pytest.approx(confirmed_at_s, abs=10)
