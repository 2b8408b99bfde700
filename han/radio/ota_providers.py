"""zigpy's OTA providers, loaded only when something uses them.

``zigpy.ota`` imports ``zigpy.ota.providers`` – the firmware indexes zigpy can fetch from the
internet for other makers' devices – and with it an HTTP client (aiohttp), a JSON-schema validator
and three TLS contexts. Every ``import zigpy.application`` pays for them: about 0.3 s of CPU, a
fifth of the display's start before its first reading. This suite never turns zigpy's OTA manager
on: the virtual radio and every real radio are configured with :func:`no_ota` (a PPMID's firmware
comes from the hub's OTA server through ``han.links.ota_client``), so nothing reaches the
providers – and nothing should wait for them. (``no_ota`` names no providers: zigpy would
otherwise build its default ones while checking the configuration, OTA off or not.)

``defer()`` puts a finder before the others on ``sys.meta_path`` that imports the providers' module
as an empty module of the same name; the first look-up of a name it does not have yet runs the
real module's code in it. A zigpy configuration that does enable OTA, or names a provider, gets the
real module at that moment, so the most a zigpy that uses the module early could cost is the time
saved here.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import threading
import types
from collections.abc import Sequence
from typing import Final

PROVIDERS: Final = "zigpy.ota.providers"

_loading = threading.Lock()


class _RunOnFirstUse(types.ModuleType):
    """A module whose code has not run yet; it runs at the first look-up of a missing name."""

    def __getattr__(self, name: str) -> object:
        _run(self)
        return getattr(self, name)


def _run(module: types.ModuleType) -> None:
    with _loading:  # two threads asking at once: one runs the module, the other waits for it
        if not _waiting(module):
            return
        spec = module.__spec__
        assert spec is not None
        real = spec.loader_state
        assert isinstance(real, importlib.machinery.ModuleSpec)
        assert real.loader is not None
        ordinary: type[types.ModuleType] = types.ModuleType
        module.__class__ = ordinary  # from here on an ordinary module, as if imported as usual
        module.__spec__, module.__loader__, module.__file__ = real, real.loader, real.origin
        setattr(module, "__cached__", real.cached)  # noqa: B010 - not in ModuleType's stubs
        try:
            real.loader.exec_module(module)
        except BaseException:
            module.__class__ = _RunOnFirstUse  # the next look-up tries again, and says why
            module.__spec__, module.__loader__ = spec, spec.loader
            raise


def _waiting(module: types.ModuleType) -> bool:
    return type(module) is _RunOnFirstUse


class _RunOnFirstUseLoader(importlib.abc.Loader):
    def exec_module(self, module: types.ModuleType) -> None:
        """Nothing yet: the module's code runs when it is first used. (Its class changes only
        now, so the import system's own look-ups while it set the module up ran nothing.)"""
        module.__class__ = _RunOnFirstUse


class _ProvidersFinder(importlib.abc.MetaPathFinder):
    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != PROVIDERS:
            return None
        real = importlib.machinery.PathFinder.find_spec(fullname, path)
        if real is None or real.loader is None:
            return None  # the usual finders say what is wrong
        return importlib.machinery.ModuleSpec(
            fullname, _RunOnFirstUseLoader(), origin=real.origin, loader_state=real
        )


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
    return module is not None and _waiting(module)
