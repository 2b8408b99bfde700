"""The one event primitive: followers come and go, and one follower's error is its own."""

from __future__ import annotations

import gc
import logging
import textwrap
from pathlib import Path

import pytest
from mypy import api as mypy_api

from han.events import Emitter, Unsubscribe
from han.model import Field, HomeModel, MeterKey, ModelChange


def test_followers_hear_each_event_until_they_leave() -> None:
    emitter: Emitter[int] = Emitter("counter")
    first: list[int] = []
    second: list[int] = []
    leave_first = emitter.subscribe(first.append)
    emitter.subscribe(second.append)
    emitter.emit(1)
    leave_first()
    leave_first()  # leaving twice is harmless
    emitter.emit(2)
    assert first == [1]
    assert second == [1, 2]
    assert emitter.listener_count == 1


def test_the_same_callable_subscribed_twice_hears_twice_and_leaves_once_per_subscription() -> None:
    emitter: Emitter[str] = Emitter("words")
    heard: list[str] = []
    leave = emitter.subscribe(heard.append)
    emitter.subscribe(heard.append)
    emitter.emit("a")
    leave()
    emitter.emit("b")
    assert heard == ["a", "a", "b"]


def test_a_failing_follower_is_logged_and_the_others_still_hear(
    caplog: pytest.LogCaptureFixture,
) -> None:
    emitter: Emitter[int] = Emitter("counter")
    heard: list[int] = []

    def broken(value: int) -> None:
        raise RuntimeError(f"cannot show {value}")

    emitter.subscribe(broken)
    emitter.subscribe(heard.append)
    with caplog.at_level(logging.ERROR, logger="han.events"):
        emitter.emit(7)  # does not raise
    assert heard == [7]
    [record] = caplog.records
    assert "counter" in record.getMessage()
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], RuntimeError)
    assert "cannot show 7" in caplog.text  # the traceback is in the log


def test_a_follower_may_leave_or_be_removed_during_a_delivery() -> None:
    emitter: Emitter[int] = Emitter("counter")
    heard: list[str] = []
    leaves: dict[str, Unsubscribe] = {}

    def first(value: int) -> None:
        heard.append(f"first {value}")
        leaves["first"]()  # leaves itself
        leaves["third"]()  # and removes one not yet called

    def second(value: int) -> None:
        heard.append(f"second {value}")

    def third(value: int) -> None:
        heard.append(f"third {value}")

    leaves["first"] = emitter.subscribe(first)
    emitter.subscribe(second)
    leaves["third"] = emitter.subscribe(third)
    emitter.emit(1)
    emitter.emit(2)
    assert heard == ["first 1", "second 1", "second 2"]
    assert emitter.listener_count == 1


def test_a_follower_who_joins_during_a_delivery_hears_the_next_event() -> None:
    emitter: Emitter[int] = Emitter("counter")
    late: list[int] = []

    def recruiter(value: int) -> None:
        if value == 1:
            emitter.subscribe(late.append)

    emitter.subscribe(recruiter)
    emitter.emit(1)
    emitter.emit(2)
    assert late == [2]


def test_the_model_delivers_its_change_as_announced_and_counts_its_followers() -> None:
    model = HomeModel()
    heard: list[ModelChange] = []
    before = model.listener_count
    leave = model.subscribe(heard.append)
    change = ModelChange(MeterKey("00:11", 1), frozenset({Field.DEMAND_KW, Field.AMBIENT}))
    model.announce(change)
    leave()
    assert heard == [change]
    assert heard[0] is change
    assert model.listener_count == before


def test_a_misspelt_field_or_a_wrong_payload_fails_the_type_check(tmp_path: Path) -> None:
    source = tmp_path / "follower.py"
    source.write_text(
        textwrap.dedent(
            """
            from han.events import Emitter
            from han.model import Field, ModelChange

            ModelChange(None, frozenset({Field.DEMAND_KWH}))
            ModelChange(None, frozenset({"demand_kw"}))
            emitter: Emitter[ModelChange] = Emitter("home model")
            emitter.emit(Field.DEMAND_KW)

            def on_text(text: str) -> None: ...

            emitter.subscribe(on_text)

            def on_change(change: ModelChange) -> bool:
                return "demand_kw" in change.fields
            """
        )
    )
    # mypy switches Python's automatic garbage collection on; the app keeps it off (app/host/qt_gc.py),
    # so the tests after this one must find it as it was.
    collecting = gc.isenabled()
    try:
        out, _err, status = mypy_api.run(
            [
                "--follow-imports=silent",
                "--ignore-missing-imports",
                "--no-incremental",
                "--strict-equality",
                "--cache-dir=/dev/null",
                str(source),
            ]
        )
    finally:
        if not collecting:
            gc.disable()
    assert status == 1
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["5", "6", "8", "12", "15"], out
