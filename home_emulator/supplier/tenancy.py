"""Change of tenancy: the householder's view of the meters starts at the move-in.

GB meters keep counting across a change of tenancy, but the new occupant – and any device they
pair, an IHD or a CAD – may not see what the previous one used: the profile, the daily, weekly and
monthly history and the cost history all begin at the move-in. Periods that began earlier are
served as "no record" (an unsupported attribute, a profile that ends there), exactly like the time
before the meter was installed. The move-in is kept by the home store (``home_store_tenancy``), so a
restored home still hides the old occupant's data.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from home_emulator.home import EmulatedHome
from home_emulator.metering.registers import HALF_HOUR_S, CumulativeRegister


def consumer_registers(home: EmulatedHome) -> Iterator[CumulativeRegister]:
    """Every register whose history the householder sees: import, export and cost of each ESME,
    and the gas meter's volume, energy and cost."""
    for esme in (home.esme, home.generation):
        if esme is not None:
            yield from _fuel_registers(esme.registers)
    if home.gas is not None:
        yield home.gas.volume
        yield from _fuel_registers(home.gas.registers)


def _fuel_registers(registers: Any) -> Iterator[CumulativeRegister]:
    yield registers.imported
    if registers.exported is not None:
        yield registers.exported
    yield registers.cost


def move_in_boundary(move_in_s: float) -> int:
    """The half hour the move-in falls in starts the new tenancy (histories are kept by half hour:
    a half hour shared by both occupants is the new one's, so nothing of theirs is hidden)."""
    return int(move_in_s) - int(move_in_s) % HALF_HOUR_S


def change_tenancy(home: EmulatedHome, move_in_s: float) -> int:
    """Hide every period begun before the move-in; returns the boundary used."""
    boundary = move_in_boundary(move_in_s)
    if boundary > home.now_s:
        raise ValueError("a move-in cannot be in the future")
    for register in consumer_registers(home):
        register.visible_from_s = boundary
    return boundary


def tenancy_start(home: EmulatedHome) -> int | None:
    return next((r.visible_from_s for r in consumer_registers(home)), None)
