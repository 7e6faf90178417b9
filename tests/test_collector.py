"""Python's cycle collector paused around work that makes many long-lived objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from quiz.collector import cycle_collector_paused


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    """Each test starts with the collector on, and leaves it as it found it."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_resumes_after_a_pause() -> None:
    with cycle_collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_left_off_stays_off() -> None:
    gc.disable()
    with cycle_collector_paused():
        pass
    assert not gc.isenabled()


def test_overlapping_pauses_resume_when_the_last_ends() -> None:
    """Two workers' pauses overlap, the first ending first: the second's read must not
    run with the collector back on (as in two threads, one after the other here)."""
    first, second = cycle_collector_paused(), cycle_collector_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()
