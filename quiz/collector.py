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
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """For 100,000 questions, the collector took two thirds of the loading time; it
    resumes afterwards, as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def freeze_survivors() -> None:
    """Move every object alive now out of the collector's sight for good.

    For what lives as long as the process (modules, loaded decks): while the app
    starts, the collector would scan them again and again, a tenth of a second before
    the first question. Objects made later are collected as usual.
    """
    gc.freeze()
