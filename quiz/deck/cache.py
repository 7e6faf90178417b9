"""A cache of loaded decks on disk, so a big deck opens without parsing its YAML again.

Holds pickles of decks that loaded without errors, one file per deck file, each keyed by
what would change the result: the deck file's path, size and modification time, those
of its quote-check source file, the app's version and this cache's format. Only files
this module wrote in the app's own cache folder are ever unpickled, never a user's file.
Knows nothing of Textual; `quiz check` does not use it, as it must always validate.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import replace
from pathlib import Path

from quiz import __version__
from quiz.collector import cycle_collector_paused
from quiz.deck.model import Deck
from quiz.deck.result import LoadResult

CACHE_FORMAT = 1
"""Bump when `Deck` or anything it holds changes shape, so old pickles are not read."""

Stamp = tuple[object, ...]


def load_deck_cached(path: Path, folder: Path) -> LoadResult:
    """`load_deck(path)`, served from `folder` while the deck file is unchanged."""
    stamp = _file_stamp(path)
    entry = folder / f"{hashlib.sha256(str(path.resolve()).encode()).hexdigest()}.pickle"
    if stamp is not None:
        deck = _read(entry, stamp)
        if deck is not None:
            return LoadResult(path, replace(deck, path=path))
    from quiz.deck.loader import load_deck  # YAML and the validator, only on a miss

    result = load_deck(path)
    if stamp is not None and result.ok and result.deck is not None:
        _write(entry, stamp, result.deck)
    return result


def _file_stamp(path: Path) -> Stamp | None:
    """What identifies this version of a file, or None when it cannot be read."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (str(path.resolve()), stat.st_size, stat.st_mtime_ns, __version__, CACHE_FORMAT)


def _source_stamp(deck: Deck) -> Stamp | None:
    """The quote checks read the source file: an edit there must reload the deck."""
    return _file_stamp(deck.source.file) if deck.source.file is not None else None


def _read(entry: Path, stamp: Stamp) -> Deck | None:
    """The cached deck, if `entry` holds one for exactly this deck and source file."""
    try:
        # Unpickling a big deck makes as many objects as loading it, for the same reason.
        with entry.open("rb") as file, cycle_collector_paused():
            cached_stamp, source_stamp, deck = pickle.load(file)
    except Exception:  # a damaged or foreign pickle fails in many ways: load the YAML
        return None
    if cached_stamp != stamp or not isinstance(deck, Deck) or source_stamp != _source_stamp(deck):
        return None
    return deck


def _write(entry: Path, stamp: Stamp, deck: Deck) -> None:
    """Save atomically; a cache that cannot be written only costs the next load its time."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            pickle.dump((stamp, _source_stamp(deck), deck), file, pickle.HIGHEST_PROTOCOL)
        os.replace(name, entry)
    except (OSError, pickle.PicklingError):
        Path(name).unlink(missing_ok=True)
