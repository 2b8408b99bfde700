"""The Status screen in words – Qt-free: the link to the meters, every paired device with its kind,
signal and when it was last heard, the HAN's clock, and frames that could not be read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from app.host.context import DeviceKind, PairedDevice
from app.wording import PLAIN_ENGLISH, Wording, fill
from han.freshness import quiet_after_wall_s
from han.model import HomeModel, LinkState
from ihd.view_models.home import age_note

STRONG_LQI: Final = 170
FAIR_LQI: Final = 100
STRONG_RSSI_DBM: Final = -70
FAIR_RSSI_DBM: Final = -85
"""Rules of thumb for 2.4 GHz ZigBee: below "fair" frames start to go missing."""

QUIET_AFTER_S: Final = {
    DeviceKind.ELECTRICITY_METER: 60.0,
    DeviceKind.GAS_METER: 60 * 60.0,  # the gas meter wakes every half hour
    DeviceKind.COMMS_HUB: 10 * 60.0,
    DeviceKind.POWER_SENSOR: 2 * 60.0,  # reports at least every minute
    DeviceKind.OTHER: 10 * 60.0,
}
"""How long (the meters' time) each kind of device may stay silent before the screen says how long
ago it was heard."""

FASTER_CLOCK: Final = 1.5
"""A HAN clock running faster than this (an emulated home) is worth saying so: a real HAN, and
an emulated one at ×1, runs at 1 within what whole-second readings can tell."""


def speed_figure(rate: float) -> Decimal:
    """The pace of the meters' clock as a person reads it: whole times below 10, two significant
    figures above (×29.8 measured is "30", ×99,870 is "100,000")."""
    figure = Decimal(rate)
    if rate < 10:
        return figure.quantize(Decimal(1))
    return Decimal(f"{figure:.2g}").quantize(Decimal(1))


@dataclass(frozen=True)
class DeviceRow:
    kind: str
    identity: str
    """The end of the device's radio address, as printed on its label."""
    signal: str
    signal_detail: str
    bars: int
    """0 to 3 bars to draw; 0 when the signal is not known."""
    last_heard: str
    quiet: bool
    """Not heard for longer than this kind of device should be."""


@dataclass(frozen=True)
class StatusPage:
    connected: bool
    connection: str
    han_time: str
    han_time_note: str
    devices: tuple[DeviceRow, ...]
    unreadable_frames: str


def signal_bars(lqi: int | None, rssi_dbm: int | None) -> int:
    if lqi is not None:
        return 3 if lqi >= STRONG_LQI else 2 if lqi >= FAIR_LQI else 1
    if rssi_dbm is not None:
        return 3 if rssi_dbm >= STRONG_RSSI_DBM else 2 if rssi_dbm >= FAIR_RSSI_DBM else 1
    return 0


class StatusViewModel:
    def __init__(
        self,
        model: HomeModel,
        devices: Callable[[], Sequence[PairedDevice]],
        wording: Wording = PLAIN_ENGLISH,
    ) -> None:
        self._model = model
        self._devices = devices
        self._wording = wording

    def page(self, now: float) -> StatusPage:
        w = self._wording
        connected = self._model.link is LinkState.CONNECTED
        clock = self._model.han_clock
        han_now = self._model.han_now(now)
        note = ""
        if clock is not None and clock.rate > FASTER_CLOCK:
            note = fill(
                w.translate(
                    "StatusScreen", "The meters' clock runs %1 times faster than real time."
                ),
                w.number(speed_figure(clock.rate), 0),
            )
        elif clock is None:
            note = w.translate("StatusScreen", "The hub has not told the time yet.")
        return StatusPage(
            connected=connected,
            connection=(
                w.translate("StatusScreen", "Connected to your smart meters")
                if connected
                else w.translate("StatusScreen", "Looking for your meter…")
            ),
            han_time=fill(
                w.translate("StatusScreen", "Smart meter time: %1, %2"),
                w.day(han_now),
                w.clock(han_now),
            ),
            han_time_note=note,
            devices=tuple(self._row(device, now) for device in self._devices()),
            unreadable_frames=fill(
                w.translate("StatusScreen", "Radio messages that could not be read: %1"),
                w.number(Decimal(self._model.undecodable_frames), 0),
            ),
        )

    def _kind(self, device: PairedDevice) -> str:
        w = self._wording
        if device.kind is DeviceKind.COMMS_HUB:
            return w.translate("StatusScreen", "Communications hub")
        if device.kind is DeviceKind.ELECTRICITY_METER:
            return w.translate("StatusScreen", "Electricity meter")
        if device.kind is DeviceKind.GAS_METER:
            return w.translate("StatusScreen", "Gas meter")
        if device.kind is DeviceKind.POWER_SENSOR:
            return w.translate("StatusScreen", "Power sensor")
        return w.translate("StatusScreen", "Other device")

    def _row(self, device: PairedDevice, now: float) -> DeviceRow:
        w = self._wording
        bars = signal_bars(device.lqi, device.rssi_dbm)
        if device.via_hub:
            signal = w.translate("StatusScreen", "Through the hub")
            detail = ""
            bars = 0
        else:
            signal = {
                0: w.translate("StatusScreen", "Not known"),
                1: w.translate("StatusScreen", "Weak"),
                2: w.translate("StatusScreen", "Fair"),
                3: w.translate("StatusScreen", "Strong"),
            }[bars]
            parts = []
            if device.lqi is not None:
                parts.append(f"LQI {device.lqi}")
            if device.rssi_dbm is not None:
                parts.append(f"{device.rssi_dbm} dBm".replace("-", "−"))
            detail = ", ".join(parts)
        heard = self._heard_at(device)
        if heard is None:
            last_heard, quiet = w.translate("StatusScreen", "Not heard yet"), True
        else:
            model = self._model
            # Silence and the time it is told in are the meters' own, like the corner clock.
            quiet = now - heard > quiet_after_wall_s(model, QUIET_AFTER_S[device.kind])
            last_heard = w.clock(model.han_now(heard), seconds=True)
            if quiet:
                silence = model.han_now(now) - model.han_now(heard)
                last_heard += " – " + age_note(silence, w)
        return DeviceRow(
            kind=self._kind(device),
            identity=device.ieee[-8:].upper(),
            signal=signal,
            signal_detail=detail,
            bars=bars,
            last_heard=last_heard,
            quiet=quiet,
        )

    def _heard_at(self, device: PairedDevice) -> float | None:
        """A meter's last reading says more than its last frame (which may be a poll's answer)."""
        if device.meter is not None:
            meter = self._model.meters.get(device.meter)
            if meter is not None and meter.last_updated is not None:
                return meter.last_updated
        return device.last_heard
