"""A connection of a worker's own, for reading the store off the UI thread."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from quiz.store.database import Database


@contextmanager
def own_connection(database: Database) -> Iterator[Database]:
    """A second connection to `database`'s file, closed on leaving; StoreError if it fails.

    The app's connection serialises its users with a lock, and the UI thread writes on it
    (an answer, a run started): a long read there in a worker would make that write wait.
    In WAL mode a reader on a connection of its own never blocks the writer.
    """
    reader = Database(database.path, clock=database.clock)
    try:
        yield reader
    finally:
        reader.close()
