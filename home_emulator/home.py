"""The emulated home: its meters and comms hub on the air, driven by one virtual clock.

The home steps its devices on their own cadence in emulated time (the ESME measures every 10 s),
fires scripted events when their time comes, and sends whatever its devices' bindings ask for.
Running ahead of real time is just a shorter wait between steps; when the loop falls behind (very
high speeds) it catches up in batches, yielding to the event loop between batches so the displays
keep drawing.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import partial
from zoneinfo import ZoneInfo

import numpy as np
import zigpy.types as t

from han.clock_speed import REPORT_EVERY_WALL_S
from han.clusters import PRICE_CLUSTER
from home_emulator.air.medium import Air
from home_emulator.air.virtual_radio import COORDINATOR_IEEE
from home_emulator.clock import VirtualClock
from home_emulator.devices.comms_hub import UNTIL_CANCELLED, CommsHub, HubEvent, SupplierMessage
from home_emulator.devices.device_log import DeviceType, new_install_code
from home_emulator.devices.esme import METER_ENDPOINT, Esme
from home_emulator.devices.gas import (
    DEFAULT_CALORIFIC_VALUE,
    GSME_ENDPOINT,
    MIRROR_ENDPOINT,
    GasMeter,
)
from home_emulator.devices.pairing import PairingButton, SupplierPortal
from home_emulator.devices.pulse_reader import PulseReader
from home_emulator.household.load import PROFILES, HouseholdLoad
from home_emulator.metering.auxiliary_switch import AuxiliarySwitch
from home_emulator.metering.backfill import DEFAULT_HISTORY_DAYS, Past, household_past
from home_emulator.metering.credit_engine import PrepaymentStart
from home_emulator.metering.past_cache import PastCache
from home_emulator.metering.registers import HALF_HOUR_S, LocalCalendar
from home_emulator.tariffs import (
    AnyTariff,
    Block,
    SingleRate,
    random_switch_offset,
    with_switch_offset,
)
from home_emulator.zigbee.node import EmulatedNode

LOGGER = logging.getLogger(__name__)

METER_STEP_S = 10
"""How often the ESME measures demand and updates its registers, in emulated seconds."""
_CATCH_UP_BATCH = 256
_MIN_WAIT_S = 0.001
_BEFORE_NEXT_STEP_S = 0.001

HUB_IEEE = "0d:6f:00:00:00:00:00:10"
ESME_IEEE = "0d:6f:00:00:00:00:00:01"
GENERATION_IEEE = "0d:6f:00:00:00:00:00:02"
PULSE_READER_IEEE = "0d:6f:00:00:00:00:00:30"
GSME_IEEE = "0d:6f:00:00:00:00:00:03"
"""The gas meter's own EUI-64 (its top-up codes are made for it; the HAN reads its mirror)."""


@dataclass(frozen=True)
class HomeSpec:
    seed: int = 1
    profile: str = "family_of_four"
    start_epoch_s: float | None = None
    """Emulated start; None means "now"."""
    speed: float = 1.0
    history_days: int = DEFAULT_HISTORY_DAYS
    """How much past a new home comes with (24 months; tests may ask for less)."""
    electricity_tariff: AnyTariff | None = None
    gas_tariff: AnyTariff | None = None
    gas: bool | None = None
    """Whether the home has a gas meter; None: if the household burns gas."""
    calorific_value: Decimal = DEFAULT_CALORIFIC_VALUE
    auxiliary_switch: AuxiliarySwitch | None = None
    """A variant ESME's auxiliary load control switch (storage heating on a calendar)."""
    randomise_switching: bool = False
    """Shift the ESME's tariff and switch times by its own random 0–1799 s, as GB meters may."""
    generation_meter: bool | None = None
    """A second ESME metering the generator (PV); None: if the household generates."""
    electricity_prepayment: PrepaymentStart | None = None
    pulse_reader: bool = False
    """Also an LED-pulse reader on the ESME (a Home Automation power sensor, not a SMETS2 device)."""
    """Prepayment mode for the ESME, and its credit at the start; None for credit mode."""
    gas_prepayment: PrepaymentStart | None = None
    """Prepayment mode for the GSME (it has its own credit, keys and valve); None for credit mode."""
    smets1_foc: bool = False
    """SMETS1 meters enrolled in the DCC: top-ups in whole pounds, the gas meter's summer days
    stopping at 23:00 (``metering.smets1``), one firmware update on the HAN at a time."""
    display_ieee: str | None = str(COORDINATOR_IEEE)
    """A display already in the hub's device log (as an installer would leave an IHD); None for none."""


Action = Callable[[], None]


class EmulatedHome:
    def __init__(  # noqa: C901 - wires every device of the home once, in the order the HAN needs them
        self,
        spec: HomeSpec | None = None,
        *,
        air: Air | None = None,
        past_cache: PastCache | None = None,
    ) -> None:
        spec = spec or HomeSpec()
        if spec.profile not in PROFILES:
            known = ", ".join(sorted(PROFILES))
            raise ValueError(f"unknown household profile {spec.profile!r} (known: {known})")
        start = spec.start_epoch_s if spec.start_epoch_s is not None else time.time()
        start = math.floor(start / METER_STEP_S) * METER_STEP_S
        self.spec = spec
        self.air = air or Air()
        self.clock = VirtualClock(start, speed=spec.speed)
        self.hub = CommsHub(ieee=HUB_IEEE, nwk=0x0001)
        self.air.admits = self.hub.device_log.admits
        self.air.role_of = self.hub.device_log.role_of
        load = HouseholdLoad(spec.seed, PROFILES[spec.profile])
        has_gas = load.has_gas if spec.gas is None else spec.gas
        has_generation_meter = (
            load.has_generation if spec.generation_meter is None else spec.generation_meter
        )
        calendar = LocalCalendar(self.hub.zone)
        if past_cache is None:
            past = household_past(load, calendar, until_s=int(start), days=spec.history_days)
        else:  # the app's embedded home: yesterday and before are usually on disk already
            past = past_cache.household_past(
                load,
                calendar,
                until_s=int(start),
                days=spec.history_days,
                seed=spec.seed,
                profile=spec.profile,
                summed=_at_one_price(spec),
            )
        tariff, switch = spec.electricity_tariff, spec.auxiliary_switch
        if spec.randomise_switching:
            offset = random_switch_offset(ESME_IEEE)
            if tariff is not None and not isinstance(tariff, Block | SingleRate):
                tariff = with_switch_offset(tariff, offset)
            if switch is not None:
                switch = replace(switch, offset_s=offset)
        electricity_past = past.electricity(with_export=load.has_generation)
        if switch is not None:
            electricity_past = _with_switched_load(electricity_past, switch, self.hub.zone)
        self.esme = Esme(
            ieee=ESME_IEEE,
            nwk=0x1001,
            load=load,
            start_epoch_s=start,
            tariff=tariff,
            auxiliary_switch=switch,
            past=electricity_past,
        )
        self.generation: Esme | None = None
        if has_generation_meter and past.generation_w is not None:
            self.generation = Esme(
                ieee=GENERATION_IEEE,
                nwk=0x1002,
                load=load,
                start_epoch_s=start,
                past=past.generation(),
                measures_generation=True,
                site_id="1900098765432",
            )
        self.gas: GasMeter | None = None
        if has_gas:
            self.gas = GasMeter(
                load=load,
                start_epoch_s=start,
                tariff=spec.gas_tariff,
                calorific_value=spec.calorific_value,
                past=past.gas() if past.gas_w is not None else None,
                history_days=spec.history_days,
                ieee=GSME_IEEE,
                gpf_nwk=self.hub.nwk,
                smets1_foc=spec.smets1_foc,
            )
            self.hub.node.endpoints[MIRROR_ENDPOINT] = self.gas.endpoint
        self.pulse_reader = (
            PulseReader(ieee=PULSE_READER_IEEE, nwk=0x1003, esme=self.esme)
            if spec.pulse_reader
            else None
        )
        if spec.electricity_prepayment is not None:
            self.esme.prepay.set_engine(spec.electricity_prepayment.engine(self.hub.zone))
        if spec.gas_prepayment is not None:
            if self.gas is None:
                raise ValueError("gas prepayment needs a gas meter in the home")
            self.gas.prepay.set_engine(spec.gas_prepayment.engine(self.hub.zone))
            self.gas.credit.sync()
        if spec.smets1_foc:  # S1SR 18.6(b): a SMETS1 meter takes top-ups in whole pounds only
            self.esme.prepay.gate.smets1 = True
            if self.gas is not None:
                self.gas.prepay.gate.smets1 = True
            # S1SR 18.63–18.65: one firmware update on the HAN at a time; a second stops the first.
            self.hub.ota.one_update_per_han = True
        log = self.hub.device_log
        log.add(self.hub.node.ieee, new_install_code(), DeviceType.GPF)
        log.add(self.esme.node.ieee, new_install_code(), DeviceType.ESME)
        if self.generation is not None:
            log.add(self.generation.node.ieee, new_install_code(), DeviceType.ESME)
        if self.gas is not None:
            log.add(t.EUI64.convert(GSME_IEEE), new_install_code(), DeviceType.GSME)
        if spec.display_ieee is not None:
            log.add(t.EUI64.convert(spec.display_ieee), new_install_code(), DeviceType.IHD)
        self.hub.advance_to(start)
        self.now_s = float(start)
        self.pairing = PairingButton(self.hub, self.air, self)
        self.portal = SupplierPortal(
            self.hub, self.air, self, partial(self.send_message, importance="high")
        )
        self._next_step_s = start + METER_STEP_S
        self.hub.live_now = self.time_now
        self._agenda: list[tuple[float, int, Action]] = []
        self._agenda_order = itertools.count()
        self.reports_sent = 0

    @property
    def nodes(self) -> list[EmulatedNode]:
        meters = [self.esme] if self.generation is None else [self.esme, self.generation]
        sensors = [] if self.pulse_reader is None else [self.pulse_reader.node]
        return [self.hub.node, *(meter.node for meter in meters), *sensors]

    def _log_refusal(self, detail: str) -> None:
        self.hub.events.append(HubEvent(self.now_s, "refused", detail))

    def power_on(self) -> None:
        """The hub and the meters join the HAN (the coordinator interviews them as they do)."""
        reader = self.pulse_reader.node if self.pulse_reader is not None else None
        for node in self.nodes:
            node.on_refused = self._log_refusal
            self.air.join(node, outside_the_han=node is reader)

    # Time -----------------------------------------------------------------------------------

    def time_now(self) -> float:
        """The home's time at this instant: the virtual clock, kept within the step the meters have
        reached (a home catching up, or stepped by hand, is where its meters are)."""
        return min(max(self.clock.now(), self.now_s), self._next_step_s - _BEFORE_NEXT_STEP_S)

    def schedule(self, at_s: float, action: Action) -> None:
        """Run ``action`` when emulated time reaches ``at_s`` (before that step's reports)."""
        heapq.heappush(self._agenda, (at_s, next(self._agenda_order), action))

    def step(self) -> float:
        """Advance every device to the next measurement instant and send due reports."""
        now = self._next_step_s
        while self._agenda and self._agenda[0][0] <= now:
            at_s, _, action = heapq.heappop(self._agenda)
            self._advance_devices(max(self.now_s, at_s - at_s % METER_STEP_S))
            action()
        self._advance_devices(now)
        self._han_traffic(now)
        # Reporting intervals stretch with the clock's speed, so frames per wall second stay few.
        floor_s = self.clock.speed * REPORT_EVERY_WALL_S
        for node in self.nodes:
            if node.powered:
                for packet in node.take_outbox():
                    self._transmit(packet)
                for packet in node.reports(now, floor_s):
                    self._transmit(packet)
        self._next_step_s = now + METER_STEP_S
        return now

    def _han_traffic(self, now: float) -> None:
        """What the HAN carries whoever listens: on each half hour the meters ask the hub the
        time, and the gas meter, awake, pushes its readings to the gas proxy."""
        if now % HALF_HOUR_S == 0 and self.esme.node.powered:
            self.air.between_nodes(self.hub.time_request(self.esme.node, METER_ENDPOINT))
        if self.gas is not None and self.gas.node.outbox:
            self.air.between_nodes(self.hub.time_request(self.gas.node, GSME_ENDPOINT))
            for packet in self.gas.node.take_outbox():
                self.air.between_nodes(packet)

    def _advance_devices(self, epoch_s: float) -> None:
        self.hub.advance_to(epoch_s)
        self.esme.advance_to(epoch_s)
        if self.generation is not None:
            self.generation.advance_to(epoch_s)
        if self.pulse_reader is not None:
            self.pulse_reader.advance_to(epoch_s)
        if self.gas is not None:
            self.gas.advance_to(epoch_s)
            for command, fields in self.gas.price.take_pending():
                self.hub.node.to_bound(MIRROR_ENDPOINT, PRICE_CLUSTER, command, fields)
        self.now_s = epoch_s

    def _transmit(self, packet: t.ZigbeePacket) -> None:
        self.air.to_coordinator(packet)
        self.reports_sent += 1

    async def run(self) -> None:
        """Join the HAN and follow the virtual clock until cancelled."""
        self.power_on()
        await self.run_until(float("inf"))

    # What happens in the home ---------------------------------------------------------------

    def send_message(
        self,
        text: str,
        *,
        confirm: bool = False,
        importance: str = "medium",
        message_id: int | None = None,
        duration_min: int = UNTIL_CANCELLED,
    ) -> SupplierMessage:
        """A supplier message, pushed by the hub to every display bound to its Messaging server."""
        message, packets = self.hub.send_message(
            text,
            confirm=confirm,
            importance=importance,
            message_id=message_id,
            duration_min=duration_min,
        )
        if self.hub.node.powered:
            for packet in packets:
                self._transmit(packet)
        return message

    def send_hub_frames(self) -> None:
        """Send what the hub has queued (e.g. Image Notify) now rather than at the next step."""
        if self.hub.node.powered:
            for packet in self.hub.node.take_outbox():
                self._transmit(packet)

    def cancel_message(self, message_id: int) -> None:
        for packet in self.hub.cancel_message(message_id):
            if self.hub.node.powered:
                self._transmit(packet)

    def power_cut(self, duration_s: float) -> None:
        """Mains lost now, back after ``duration_s``: meters and hub go quiet, nothing is consumed."""
        self._set_mains(False)
        self.schedule(self.now_s + duration_s, lambda: self._set_mains(True))

    def _set_mains(self, on: bool) -> None:
        if on:
            self.hub.mains_restored(self.now_s)
        else:
            self.hub.mains_lost(self.now_s)
        self.esme.mains_on = on
        if self.generation is not None:
            self.generation.mains_on = on
        if self.gas is not None:
            self.gas.mains_on = on  # the boiler needs mains too
        for node in self.nodes:
            node.powered = on

    async def run_until(self, epoch_s: float) -> None:
        """Follow the virtual clock until emulated time reaches ``epoch_s``."""
        while self._next_step_s <= epoch_s:
            wait = self.clock.wall_seconds_until(self._next_step_s)
            if wait > 0:
                await asyncio.sleep(min(max(wait, _MIN_WAIT_S), 1.0))
                continue
            now = min(self.clock.now(), epoch_s)
            for _ in range(_CATCH_UP_BATCH):
                if self._next_step_s > now:
                    break
                self.step()
            await asyncio.sleep(0)

    async def run_flat_out(
        self, epoch_s: float, on_progress: Callable[[float], None] | None = None
    ) -> None:
        """Step to ``epoch_s`` as fast as the machine allows, for a run nobody watches: the clock
        is held at each batch's instant so that whatever reads it sees the home's own time, and its
        speed still sets the reporting floor, as it would for a display."""
        self.clock.pause()
        while self._next_step_s <= epoch_s:
            for _ in range(_CATCH_UP_BATCH):
                if self._next_step_s > epoch_s:
                    break
                self.step()
            self.clock.jump_to(max(self.now_s, self.clock.now()))
            if on_progress is not None:
                on_progress(self.now_s)
            await asyncio.sleep(0)

    def close(self) -> None:
        self.air.close()


def _at_one_price(spec: HomeSpec) -> bool:
    """Whether every meter's registers read no more of the complete past days than their half-hour
    sums: one price for each fuel (no per-slot prices, no block thresholds crossed mid-half-hour)
    and no load switch reshaping the slots."""
    return (
        spec.auxiliary_switch is None
        and (spec.electricity_tariff is None or isinstance(spec.electricity_tariff, SingleRate))
        and (spec.gas_tariff is None or isinstance(spec.gas_tariff, SingleRate))
    )


def _with_switched_load(past: Past, switch: AuxiliarySwitch, zone: ZoneInfo) -> Past:
    """The past as the meter recorded it, with the auxiliary load on in its switched periods (the
    switch's load adds to import; with export it first cancels against it, as the meter nets)."""
    if past.summed_import_j is not None:  # a switch reshapes slots: sums will not do
        raise ValueError("a switched load needs the past's slots, not its half-hour sums")
    n = past.import_j.size
    starts = past.first_slot_s + 10 * np.arange(n, dtype=np.float64)
    added = switch.on_slots(starts, zone).astype(np.int64) * switch.load_w * 10
    if past.export_j is None:
        return Past(past.first_slot_s, past.import_j + added, None)
    net = past.import_j - past.export_j + added
    return Past(past.first_slot_s, np.maximum(net, 0), np.maximum(-net, 0))
