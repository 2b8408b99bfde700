"""Names and addresses of the emulator, with the standard library only: the app asks these before
its heavy imports (Qt, zigpy, numpy), so importing this module must stay that light."""

from __future__ import annotations

from typing import Final

from home_emulator.air.address import SCHEME, parse_address
from home_emulator.metering.past_name import todays_past_name

__all__ = ["PAST_RENDERER", "SCHEME", "parse_address", "todays_past_name"]

PAST_RENDERER: Final = "home_emulator.metering.past_cache"
"""The module that ``python -m`` runs to render a home's past and keep it under
:func:`todays_past_name`, ahead of the home that will read it (its ``--help`` says what it takes)."""
