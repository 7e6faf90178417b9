"""`quiz check`'s warnings for a deck, kept beside the deck in the deck cache.

Finding them needs the answer checking (rapidfuzz, numbers in words, units): most of
what `quiz check` took to start once the deck itself came from the cache. They depend
on three things, all in the name they are kept under, so that any of them changing is
a miss:

- the deck file's bytes and its source file's (the crowded-sentence warning reads the
  source): the deck cache's `cache_key` for the deck, made of both files' hashes;
- the code that finds them: this package's modules and rapidfuzz's (`code_fingerprint`),
  and Python's version (its Unicode tables fold the answers);
- the form the warnings are kept in (`marshal`'s version).

The code is fingerprinted by each `.py` file's inode, size, modification and change
times, not by its bytes: hashing the package's megabyte of source would cost much of
what the cache saves, and a developer editing a rule must miss at once. The change time
(ctime) is what makes that sound: unlike the modification time, which `cp -p` or
`touch -d` may set back, it cannot be set from user space, and every write, rename or
replacement of a file moves it, as reinstalling the app or rapidfuzz does.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from functools import cache
from pathlib import Path

from quiz.deck.cache import save, saved
from quiz.deck.errors import DeckError
from quiz.deck.result import LoadResult

PACKAGE = Path(__file__).parent

Row = tuple[int, int, str, str, str, str]
"""A warning less its path (the deck's, where it is now): line, column, message, hint,
severity and code."""


def lint_cached(result: LoadResult, folder: Path) -> list[DeckError]:
    """`lint_deck(result.deck)`, kept in the deck cache `folder` for the next check of the
    same deck, source and code; found afresh when the deck is not in the cache."""
    deck = result.deck
    assert deck is not None, "a deck that loaded"
    assert deck.path is not None, "decks are linted as loaded from their files"
    name = entry_name(result.cache_key) if result.cache_key else None
    kept = saved(folder, name) if name else None
    if kept is not None:
        warnings = _warnings(kept, deck.path)
        if warnings is not None:
            return warnings
    from quiz.lint import lint_deck  # the answer checking: only for what is not kept

    warnings = lint_deck(deck)
    if name:
        save(folder, name, marshal.dumps(tuple(_row(warning) for warning in warnings)))
    return warnings


def entry_name(cache_key: str) -> str:
    """The name a deck's warnings are kept under: its files' hashes and the code's."""
    digest = hashlib.sha256(cache_key.encode())
    digest.update(code_fingerprint().encode())
    return digest.hexdigest()


@cache
def code_fingerprint() -> str:
    """What identifies the code that finds warnings (see the module's docstring)."""
    parts = [sys.version, str(marshal.version), files_fingerprint(PACKAGE)]
    rapidfuzz = _module_file("rapidfuzz")
    if rapidfuzz is not None:
        parts.append(files_fingerprint(rapidfuzz.parent))
    return "\n".join(parts)


def files_fingerprint(folder: Path) -> str:
    """Each `.py` file below `folder` by its path, inode, size, modification and change
    times, in path order; about a millisecond for this package's files."""
    found = []
    for parent, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(names):
            if name.endswith(".py"):
                found.append(f"{parent}/{name} {_stamp(os.path.join(parent, name))}")
    return "\n".join(found)


def _stamp(path: str) -> str:
    try:
        stat = os.stat(path)
    except OSError:  # removed meanwhile: the next check sees the change
        return "gone"
    return f"{stat.st_ino} {stat.st_size} {stat.st_mtime_ns} {stat.st_ctime_ns}"


def _module_file(name: str) -> Path | None:
    """Where the top-level module `name` would be imported from, without importing it."""
    from importlib.util import find_spec

    spec = find_spec(name)
    return Path(spec.origin) if spec is not None and spec.origin else None


def _row(warning: DeckError) -> Row:
    return (
        warning.line,
        warning.column,
        warning.message,
        warning.hint,
        warning.severity,
        warning.code,
    )


def _warnings(kept: bytes, path: Path) -> list[DeckError] | None:
    """The warnings `kept`, at `path`; None when the entry is damaged or not ours."""
    try:
        rows = marshal.loads(kept)
        return [
            DeckError(path, line, column, message, hint, severity, code)
            for line, column, message, hint, severity, code in rows
        ]
    except (EOFError, ValueError, TypeError):
        return None
