"""The start's imports run with the cycle collector paused, and what they made is left out of
later collections; the collector's own state is as it was before."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from app.host.start_collection import collection_paused


@pytest.fixture
def collector() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.unfreeze()  # the test process's objects go back to the usual generations
    if enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_no_collection_inside_and_the_collector_as_before_after(
    collector: None, enabled: bool
) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled() is enabled


def test_what_the_imports_made_is_frozen_out_of_collections(collector: None) -> None:
    before = gc.get_freeze_count()
    with collection_paused():
        made = [[index] for index in range(1000)]
    assert gc.get_freeze_count() >= before + len(made)
    assert gc.get_count()[0] < len(made)


def test_the_collector_is_restored_when_an_import_fails(collector: None) -> None:
    gc.enable()
    with pytest.raises(ImportError), collection_paused():
        raise ImportError("no such module")
    assert gc.isenabled()
