"""zigpy's OTA providers, loaded only when something uses them.

``zigpy.ota`` imports ``zigpy.ota.providers`` – the firmware indexes zigpy can fetch from the
internet for other makers' devices – and with it an HTTP client (aiohttp), a JSON-schema validator
and three TLS contexts. Every ``import zigpy.application`` pays for them: about 0.3 s of CPU, a
fifth of the display's start before its first reading. This suite never turns zigpy's OTA manager
on: the virtual radio and every real radio are configured with :func:`no_ota` (a PPMID's firmware
comes from the hub's OTA server through ``han.links.ota_client``), so nothing reaches the
providers – and nothing should wait for them. (``no_ota`` names no providers: zigpy would
otherwise build its default ones while checking the configuration, OTA off or not.)

``defer()`` puts a finder before the others on ``sys.meta_path`` that hands that one module to the
standard library's :class:`importlib.util.LazyLoader`: the module is imported empty and its code
runs at the first look-up of any of its attributes. A zigpy configuration that does enable OTA, or
names a provider, gets the real module at that moment, so the most a zigpy that uses the module
early could cost is the time saved here.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types
from collections.abc import Sequence
from typing import Final

PROVIDERS: Final = "zigpy.ota.providers"


class _ProvidersFinder(importlib.abc.MetaPathFinder):
    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != PROVIDERS:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return None  # the usual finders say what is wrong
        spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


def no_ota() -> dict[str, object]:
    """zigpy's ``ota`` configuration for every radio of this suite: its OTA manager off, no
    providers."""
    return {"enabled": False, "providers": []}


def defer() -> None:
    """Import zigpy's OTA providers only when they are first used (once per process; nothing to
    do if they are imported already)."""
    if PROVIDERS in sys.modules or any(isinstance(f, _ProvidersFinder) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _ProvidersFinder())


def deferred() -> bool:
    """True while zigpy's OTA providers are imported but have not been used (nor run)."""
    module = sys.modules.get(PROVIDERS)
    # A lazy module is of the loader's own class until its code runs; ``type`` looks at none of
    # its attributes, so asking runs nothing.
    return module is not None and type(module) is not types.ModuleType
