"""The home store's tenancy section: the move-in, so a restored home still hides what the
previous occupant used."""

from __future__ import annotations

from typing import Any

from home_emulator.home import EmulatedHome
from home_emulator.store.snapshot import register_extension
from home_emulator.supplier.tenancy import consumer_registers, tenancy_start


class TenancySection:
    section = "tenancy"

    def capture(self, home: EmulatedHome) -> Any:
        start = tenancy_start(home)
        return None if start is None else {"move_in_s": start}

    def restore(self, home: EmulatedHome, state: Any) -> None:
        for register in consumer_registers(home):
            register.visible_from_s = int(state["move_in_s"])
        # The ESMEs published their histories while being restored, before the move-in was
        # known: publish again, hidden. (The gas mirror's were restored as served.)
        for esme in (home.esme, home.generation):
            if esme is not None:
                esme.advance_to(esme.time_s)


register_extension(TenancySection())
