"""A cache of loaded decks on disk, so a big deck opens without parsing its YAML again.

An entry is named by a hash of the deck file's bytes, so it follows what the file says,
not where it is or when it was touched: an edit that keeps the size and restores the old
modification time (`cp -p`, `rsync -t`, unzip) is loaded afresh, and a copy of a deck at
another path reuses the entry of the first. Each entry also holds the hash of the
quote-check source file's bytes, the app's version and this cache's format; any of them
differing is a miss. The folder holds at most `MAX_CACHE_BYTES`: after each write the
entries used longest ago are removed first (a hit marks its entry as used).

Only files this module wrote in the app's own cache folder are ever unpickled, never a
user's file. Knows nothing of Textual. A hit is a deck that loaded without errors from
exactly these bytes, so `quiz check` may use it too. What is worked out from a deck can
be kept beside its entry (`saved` and `save`, under a name made from the result's
`cache_key`): `quiz check` keeps its warnings there (`quiz.lint_cache`), bounded and
pruned with the decks.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from quiz import __version__
from quiz.collector import cycle_collector_paused
from quiz.deck.deck import Deck
from quiz.deck.limits import MAX_BYTES
from quiz.deck.result import LoadResult
from quiz.files import FileProblem, open_plain_file

CACHE_FORMAT = 8
"""Bump when `Deck` or anything it holds changes shape, so old pickles are not read, or
when a deck that loaded may now be refused (4: a source file outside the deck's folder;
5: a cloze's `accept`; 6: questions kept encoded, built when reached; 7: `Deck` defined
in `quiz.deck.deck`, which old pickles do not name; 8: `Deck` and `Source` named tuples)."""

MAX_CACHE_BYTES = 256 * 2**20
"""The most the cache folder holds: a 100,000-question deck takes about 15 MB."""

SUFFIX = ".pickle"


def load_deck_cached(path: Path, folder: Path) -> LoadResult:
    """`load_deck(path)`, served from `folder` while a deck with the same bytes was loaded.

    A deck that comes from the cache or goes into it carries a `cache_key`: the hashes of
    its file's bytes and of its source file's.
    """
    digest = _file_digest(path)
    entry = folder / f"{digest}{SUFFIX}" if digest is not None else None
    if entry is not None:
        hit = _read(entry, path)
        if hit is not None:
            deck, link = hit
            return LoadResult(path, deck, cache_key=_cache_key(entry, link))
    from quiz.deck.loader import load_deck  # YAML and the validator, only on a miss

    result = load_deck(path)
    if entry is None or not result.ok or result.deck is None:
        return result
    return _stored(result, result.deck, entry)


def _stored(result: LoadResult, deck: Deck, entry: Path) -> LoadResult:
    """`result` once its deck is saved as `entry`, with its `cache_key`; as it was when
    the deck cannot be saved."""
    link = _source_link(deck)

    def dump(file: BinaryIO) -> None:
        pickle.dump((_stamp(), link, deck), file, pickle.HIGHEST_PROTOCOL)

    if not _write(entry, dump):
        return result
    _prune(entry.parent, keep=entry)
    return result._replace(cache_key=_cache_key(entry, link))


def _cache_key(entry: Path, link: tuple[str, str | None] | None) -> str:
    """The deck's hash, then its source file's when it has one; empty when that file could
    not be read (nothing worked out from it can be kept)."""
    if link is None:
        return entry.stem
    return f"{entry.stem}-{link[1]}" if link[1] is not None else ""


def saved(folder: Path, name: str) -> bytes | None:
    """What `save` kept under `name` in the cache `folder`, or None; a hit marks it used."""
    entry = folder / f"{name}{SUFFIX}"
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    _mark_used(entry)
    return data


def save(folder: Path, name: str, data: bytes) -> None:
    """Keep `data` under `name` (a hash) beside the decks, within the cache's bound."""
    entry = folder / f"{name}{SUFFIX}"
    if _write(entry, lambda file: file.write(data)):
        _prune(folder, keep=entry)


def _file_digest(path: Path) -> str | None:
    """A hash of the file's bytes, or None when it cannot be read.

    SHA-256 runs at over 1 GB/s here (the CPU's SHA instructions): 20 ms for the 18 MB
    of 100,000 questions, against about a tenth of a second to unpickle their records.
    """
    try:
        with open_plain_file(path, MAX_BYTES) as file:  # never a pipe, read in chunks
            return hashlib.file_digest(file, "sha256").hexdigest()
    except (OSError, FileProblem):
        return None


def _stamp() -> tuple[str, int, int]:
    """What must match besides the bytes: an entry from another version (of quiz, of this
    format, or of `marshal`, which encodes the questions) is not read."""
    return (__version__, CACHE_FORMAT, marshal.version)


def _source_link(deck: Deck) -> tuple[str, str | None] | None:
    """The source file as the deck names it (relative to the deck's folder) and its hash.

    Stored relative, so a copy of the deck in another folder checks the source beside
    it; None when the deck has no source file.
    """
    file = deck.source.file
    if file is None:
        return None
    folder = deck.path.parent if deck.path is not None else Path()
    named = str(file.relative_to(folder)) if file.is_relative_to(folder) else str(file)
    return named, _file_digest(file)


def _read(entry: Path, path: Path) -> tuple[Deck, tuple[str, str | None] | None] | None:
    """The cached deck placed at `path`, if `entry` holds one whose source file is
    unchanged, and the source's name and hash (`_source_link`)."""
    try:
        # A big deck's records are millions of strings and tuples: nothing for it to find.
        with entry.open("rb") as file, cycle_collector_paused():
            stamp, link, deck = pickle.load(file)
    except Exception:  # a damaged or foreign pickle fails in many ways: load the YAML
        return None
    if stamp != _stamp() or not isinstance(deck, Deck):
        return None
    source = deck.source
    if link is not None:
        named, digest = link
        file = path.parent / named
        if digest is None or _file_digest(file) != digest:
            return None
        source = source._replace(file=file)
    _mark_used(entry)
    return deck._replace(path=path, source=source), link


def _write(entry: Path, dump: Callable[[BinaryIO], object]) -> bool:
    """Save what `dump` writes atomically, True when saved; a cache that cannot be written
    only costs the next load its time."""
    import tempfile  # only a miss writes: a hit need not load it

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as file:
            dump(file)
        os.replace(name, entry)
    except (OSError, ValueError, pickle.PicklingError):  # ValueError: from marshal
        Path(name).unlink(missing_ok=True)
        return False
    return True


def _mark_used(entry: Path) -> None:
    """Touch a hit, so pruning removes the entries used longest ago first."""
    with contextlib.suppress(OSError):  # a read-only cache still serves its entries
        os.utime(entry)


def _prune(folder: Path, keep: Path) -> None:
    """Remove the entries used longest ago until the folder holds at most `MAX_CACHE_BYTES`.

    `keep`, just written, stays even when it alone is larger. Another process may be
    pruning or reading too: an entry gone meanwhile is simply skipped, or loaded afresh.
    """
    try:
        entries = [(p.stat(), p) for p in folder.iterdir() if p.suffix == SUFFIX]
    except OSError:
        return
    total = sum(stat.st_size for stat, _ in entries)
    for stat, entry in sorted(entries, key=lambda e: e[0].st_mtime_ns):
        if total <= MAX_CACHE_BYTES:
            return
        if entry == keep:
            continue
        try:
            entry.unlink()
        except OSError:
            continue
        total -= stat.st_size
