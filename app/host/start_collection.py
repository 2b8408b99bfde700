"""The start's imports run without Python's cycle collector.

Starting the app imports some 700 modules (zigpy's clusters, the domain, the embedded home, Qt),
which make a few hundred thousand objects that live as long as the process. Left automatic, the
collector walks them again and again while they are being made – some 200 collections, ~55 ms of a
start here and three times that on a Pi-class core – and finds nothing to free: a module's objects
are not garbage. So the collector is paused for the imports, and what they made is then frozen out
of every later collection (``gc.freeze``): the collector of the running app
(:mod:`app.host.qt_gc`) walks only what the app makes after. The price is that the few cycles an
import leaves behind as garbage are kept, not freed.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """No automatic collection inside; after, what was made inside is left out of collections."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
