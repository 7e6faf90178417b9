"""How a count reads in a message ("1 deck", "3 decks"): one wording for every command."""

from __future__ import annotations


def plural(n: int, word: str) -> str:
    """`n` and `word`, with an `s` unless `n` is one; for words whose plural adds an `s`."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
