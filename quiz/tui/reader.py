"""A connection of a worker's own, for reading the store off the UI thread."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from quiz.collector import cycle_collector_paused
from quiz.store.database import Database


@contextmanager
def own_connection(database: Database) -> Iterator[Database]:
    """A second connection to `database`'s file, closed on leaving; StoreError if it fails.

    The app's connection serialises its users with a lock, and the UI thread writes on it
    (an answer, a run started): a long read there in a worker would make that write wait.
    In WAL mode a reader on a connection of its own never blocks the writer.

    Python's cycle collector waits meanwhile: a read of a million answers makes objects by
    the hundred thousand, and each full collection they set off holds the interpreter, UI
    thread included, for a tenth of a second or more (they are freed as they die anyway).
    """
    reader = Database(database.path, clock=database.clock)
    try:
        with cycle_collector_paused():
            yield reader
    finally:
        reader.close()
