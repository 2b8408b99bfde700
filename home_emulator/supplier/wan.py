"""The simulated WAN: what the supplier (through the DCC) can do to the home from outside.

Change tariffs, send and cancel messages, disconnect and re-arm supply (either fuel), top up, switch
payment mode, add or remove devices in the hub's device log, swap a PPMID, and offer firmware.
Every action is logged by the hub, as a real one records service requests.
"""

from __future__ import annotations

from decimal import Decimal

import zigpy.types as t

from han.clusters import DEVICE_MANAGEMENT_CLUSTER
from han.domain.firmware_status import version_text
from han.formats.firmware import FirmwareImage
from home_emulator.devices.comms_hub import HubEvent, SupplierMessage
from home_emulator.devices.device_log import DeviceLogEntry, DeviceType, new_install_code
from home_emulator.devices.esme import METER_ENDPOINT, Esme
from home_emulator.devices.gas import GasMeter
from home_emulator.home import EmulatedHome
from home_emulator.metering.credit_engine import PrepaymentStart, units
from home_emulator.supplier.tenancy import change_tenancy
from home_emulator.tariffs import ZIGBEE_EPOCH_S, AnyTariff

SUPPLIER_PROVIDER_ID = 0x0000_0001
"""The emulated supplier's provider id in the Smart Energy commands it has the meters send."""


class SupplierWan:
    def __init__(self, home: EmulatedHome) -> None:
        self.home = home
        self._issuer_event_id = int(home.now_s)  # rising across WAN objects, as events must

    def _log(self, what: str) -> None:
        self.home.hub.events.append(HubEvent(self.home.now_s, "WAN", what))

    def change_tariff(self, fuel: str, tariff: AnyTariff) -> None:
        meter = self.home.gas if fuel == "gas" else self.home.esme
        if meter is None:
            raise ValueError("this home has no gas meter")
        meter.change_tariff(tariff)
        self._log(f"{fuel} tariff changed to {getattr(tariff, 'name', tariff)}")

    def send_message(
        self, text: str, *, confirm: bool = False, importance: str = "medium"
    ) -> SupplierMessage:
        message = self.home.send_message(text, confirm=confirm, importance=importance)
        self._log(f"message #{message.message_id} sent")
        return message

    def cancel_message(self, message_id: int) -> None:
        self.home.cancel_message(message_id)
        self._log(f"message #{message_id} cancelled")

    def _meter(self, fuel: str) -> Esme | GasMeter:
        if fuel == "gas":
            if self.home.gas is None:
                raise ValueError("this home has no gas meter")
            return self.home.gas
        if fuel != "electricity":
            raise ValueError(f"fuel must be electricity or gas, not {fuel!r}")
        return self.home.esme

    def disable_supply(self, fuel: str = "electricity") -> None:
        self._meter(fuel).disable_supply()
        self._log(f"{fuel} supply disabled")

    def arm_supply(self, fuel: str = "electricity") -> None:
        self._meter(fuel).arm_supply()
        where = "at the gas meter" if fuel == "gas" else "at home"
        self._log(f"{fuel} supply armed: waiting for someone {where} to enable it")

    def set_payment_mode(
        self, prepayment: PrepaymentStart | None, fuel: str = "electricity"
    ) -> None:
        """Credit ↔ prepayment (GBCS ChangePaymentMode); None switches to credit mode."""
        meter = self._meter(fuel)
        engine = prepayment.engine(self.home.hub.zone) if prepayment is not None else None
        meter.prepay.set_engine(engine)
        if isinstance(meter, GasMeter):
            meter.credit.sync()
        self._log(f"{fuel} switched to " + ("prepayment" if engine else "credit") + " mode")

    def add_credit(self, pounds: Decimal, fuel: str = "electricity") -> None:
        """A remote top-up (paid online or by phone): credit applied like any top-up."""
        meter = self._meter(fuel)
        prepay = meter.prepay
        engine = prepay.engine
        if engine is None:
            raise ValueError(f"the {fuel} meter is in credit mode: there is no credit to add")
        engine.top_up(units(pounds))
        if engine.disconnected and engine.available > 0:
            engine.disconnected = False
            meter.arm_supply()
        prepay.publish()
        if isinstance(meter, GasMeter):
            meter.credit.sync()
        self._log(f"£{pounds} {fuel} credit added remotely")

    def reset_maximum_demand(self) -> None:
        """Start the maximum-demand registers afresh (e.g. at a change of tenancy or of agreement)."""
        for meter in (self.home.esme, self.home.generation):
            if meter is not None:
                meter.registers.import_demand.reset()
                meter.registers.export_demand.reset()
                meter.advance_to(meter.time_s)  # serve the reset registers at once
        self._log("maximum demand registers reset")

    def change_of_tenancy(self, move_in_s: float | None = None) -> None:
        """A new occupant (DCC change of tenancy): histories before the move-in are hidden from
        the home's devices and the maximum-demand registers start afresh."""
        boundary = change_tenancy(self.home, self.home.now_s if move_in_s is None else move_in_s)
        self.reset_maximum_demand()
        self._issuer_event_id += 1
        self.home.esme.node.to_bound(  # the displays bound to it forget what came before
            METER_ENDPOINT,
            DEVICE_MANAGEMENT_CLUSTER,
            "publish_change_of_tenancy",
            {
                "provider_id": SUPPLIER_PROVIDER_ID,
                "issuer_event_id": self._issuer_event_id,
                "tariff_type": 0x00,  # delivered
                "implementation_date_time": boundary - ZIGBEE_EPOCH_S,
                "proposed_tenancy_change_control": 0,
            },
        )
        # reset_maximum_demand has the ESMEs serve their histories again, now hidden; the gas
        # mirror's follow when the gas meter next wakes (on the half hour), as on a real HAN.
        self._log(f"change of tenancy: histories before {boundary} hidden")

    def pair_device(
        self, eui64: str, install_code: bytes, device_type: DeviceType
    ) -> DeviceLogEntry:
        entry = self.home.hub.device_log.add(t.EUI64.convert(eui64), install_code, device_type)
        self._log(f"{device_type.value} {eui64} added to the device log")
        return entry

    def swap_ppmid(
        self, old_eui64: str, new_eui64: str, install_code: bytes | None = None
    ) -> DeviceLogEntry:
        """Replace a PPMID (the 2021 SMETS1 uplift allows it): the new one is added to the device
        log before the old one is removed, so the home is never without one for long; from then on
        the hub refuses every frame from the old one."""
        old, new = t.EUI64.convert(old_eui64), t.EUI64.convert(new_eui64)
        log = self.home.hub.device_log
        entry = log.entries.get(old)
        if entry is None or entry.device_type is not DeviceType.PPMID:
            raise ValueError(f"{old_eui64} is not a PPMID in the device log")
        if old == new:
            raise ValueError("the replacement must be another device")
        added = log.add(new, install_code or new_install_code(), DeviceType.PPMID)
        log.remove(old)
        self._log(f"PPMID {old_eui64} replaced by {new_eui64}")
        return added

    def offer_firmware(self, eui64: str, image: FirmwareImage) -> None:
        """Send a firmware image to a device through the hub's OTA server."""
        device = t.EUI64.convert(eui64)
        if not self.home.hub.device_log.admits(device):
            raise ValueError(f"{eui64} is not in the device log")
        self.home.hub.ota.offer(device, image)
        self.home.send_hub_frames()
        self._log(f"firmware {version_text(image.file_version)} offered to {eui64}")

    def unpair_device(self, eui64: str) -> None:
        self.home.hub.device_log.remove(t.EUI64.convert(eui64))
        self._log(f"{eui64} removed from the device log")
