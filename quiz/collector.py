"""Python's cycle collector, kept away from work that makes many objects which live on.

Loading a deck, unpickling one from the cache and importing Textual each make from
thousands to millions of objects that stay alive, and the collector would walk them
all again every few thousand allocations. They form no cycles to speak of, so
reference counting frees what dies all the same.

The app's workers pause it too, around a read of the history that makes objects by the
hundred thousand: a collection holds the whole interpreter, the UI thread included, and
those reads set off full ones of a tenth of a second and more. The pause is around a call,
so its temporaries are freed before the collector resumes, and only its result is left.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_pauses_lock = threading.Lock()
_pauses = 0
"""How many `cycle_collector_paused` blocks are under way, in any thread."""
_resume = False
"""Whether the collector was on when the first of them began."""


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """For 100,000 questions, the collector took two thirds of the loading time; it
    resumes afterwards, as it was.

    The collector is one switch for every thread: two workers' pauses overlap (the deck
    list's figures read again while a study sitting reads its queue), and the first to
    end must not turn it back on under the other, whose read would then set off full
    collections as before. So it resumes when the last pause under way ends.
    """
    global _pauses, _resume
    with _pauses_lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()


def freeze_survivors() -> None:
    """Move every object alive now out of the collector's sight, until `thaw_survivors`.

    For what lives as long as the process (modules, loaded decks) or the app (its
    screens, styles and caches, once the first screen is up): the collector would scan
    them again and again, a tenth of a second before the first question, and every full
    collection after it would walk Textual's hundred thousand objects, 40 to 140 ms with
    every key press and redraw waiting. Objects made later are collected as usual.
    """
    gc.freeze()


def thaw_survivors() -> None:
    """Give what `freeze_survivors` set aside back to the collector, as an app closes:
    in a process that runs one app after another (the tests), each app's objects become
    garbage once it is gone, to be collected, not kept for good."""
    gc.unfreeze()
