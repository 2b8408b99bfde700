"""A meter's supply switch – the ESME's contactor or the GSME's valve – and who may move it.

The supplier (or the credit engine) turns a supply off and re-arms it; only someone at the premises
turns an armed supply back on, so that nothing comes on unattended. The electricity meter accepts
that confirmation from its button or from a PPMID (LocalChangeSupply); a gas valve opens only at the
gas meter itself, because a person must be there to check that no gas appliance was left on.
"""

from __future__ import annotations

from collections.abc import Callable

SUPPLY_OFF, SUPPLY_ARMED, SUPPLY_ON = 0, 1, 2
"""Metering SupplyStatus values."""


class SupplyRefused(PermissionError):
    """A supply change the meter does not allow (e.g. enabling a supply that is not armed)."""


class SupplySwitch:
    """The state of one supply; ``on_change`` is told whenever it moves."""

    def __init__(self, on_change: Callable[[int], None], status: int = SUPPLY_ON) -> None:
        self.status = status
        self._on_change = on_change

    def _move(self, status: int) -> None:
        if status != self.status:
            self.status = status
            self._on_change(status)

    def disable(self) -> None:
        """The supplier or the credit engine turns the supply off."""
        self._move(SUPPLY_OFF)

    def arm(self) -> None:
        """Remote re-arm: the supply may come back once someone at the premises confirms."""
        if self.status == SUPPLY_OFF:
            self._move(SUPPLY_ARMED)

    def enable_locally(self) -> None:
        """Someone at the premises confirms: only an armed supply comes on."""
        if self.status == SUPPLY_ON:
            return
        if self.status != SUPPLY_ARMED:
            raise SupplyRefused("the supply is not armed: the supplier must re-arm it first")
        self._move(SUPPLY_ON)
