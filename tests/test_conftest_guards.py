"""The guards in ``conftest.py`` fail a test that leaks: each is shown a small leaking test."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

CONFTEST = Path(__file__).with_name("conftest.py")


@pytest.fixture
def guarded(pytester: pytest.Pytester) -> pytest.Pytester:
    """A pytest run in a scratch folder with this suite's conftest (and so its guards)."""
    pytester.makeconftest(CONFTEST.read_text())
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    return pytester


def _fails_with(guarded: pytest.Pytester, source: str, message: str) -> None:
    guarded.makepyfile(test_leak=source)
    result = guarded.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, errors=1)  # the test body passes; its teardown fails
    result.stdout.fnmatch_lines([f"*{message}*"])


def test_a_timer_left_running_fails_the_test(guarded: pytest.Pytester) -> None:
    _fails_with(
        guarded,
        """
        from PySide6.QtCore import QTimer

        KEPT = []

        def test_leaks(qtbot):
            timer = QTimer()
            timer.start(60_000)
            KEPT.append(timer)
        """,
        "QTimers left running: repeating 60000 ms started at *test_leak.py:*",
    )


def test_a_timer_that_fires_just_after_the_test_is_waited_for(guarded: pytest.Pytester) -> None:
    guarded.makepyfile(
        test_soon="""
        from PySide6.QtCore import QTimer

        KEPT = []

        def test_soon(qtbot):
            timer = QTimer()
            timer.setSingleShot(True)
            timer.start(20)
            KEPT.append(timer)
        """
    )
    guarded.runpytest_inprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_a_thread_left_alive_fails_the_test(guarded: pytest.Pytester) -> None:
    try:
        _fails_with(
            guarded,
            """
            import threading

            def test_leaks():
                threading.Timer(30, lambda: None).start()
            """,
            "threads left alive: <Timer(Thread-*",
        )
    finally:
        for thread in threading.enumerate():
            if isinstance(thread, threading.Timer):
                thread.cancel()
                thread.join()


def test_a_model_listener_left_subscribed_fails_the_test(guarded: pytest.Pytester) -> None:
    _fails_with(
        guarded,
        """
        from han.model import HomeModel

        KEPT = []

        def test_leaks():
            model = HomeModel()
            model.subscribe(print)
            KEPT.append(model)
        """,
        "models left with listeners: 1 on <han.model.HomeModel object at *",
    )


def test_an_unexpected_warning_fails_the_test(guarded: pytest.Pytester) -> None:
    _fails_with(
        guarded,
        """
        import logging

        def test_leaks():
            logging.getLogger("somewhere").warning("the meter is %s", "gone")
        """,
        "  WARNING somewhere: the meter is gone",
    )


def test_a_warning_the_test_expects_passes(guarded: pytest.Pytester) -> None:
    guarded.makepyfile(
        test_expected="""
        import logging

        import pytest

        def test_read_through_caplog(caplog):
            logging.getLogger("somewhere").warning("the meter is gone")
            assert caplog.messages == ["the meter is gone"]

        @pytest.mark.logs_warning(r"meter is \\w+")
        def test_named_by_its_marker():
            logging.getLogger("somewhere").warning("the meter is gone")
        """
    )
    guarded.runpytest_inprocess("-p", "no:cacheprovider").assert_outcomes(passed=2)
