"""How a count reads in a message ("1 deck", "3 decks"), and a near miss's "did you mean":
one wording for every command."""

from __future__ import annotations

from collections.abc import Iterable


def plural(n: int, word: str, many: str = "") -> str:
    """`n` and `word`, with an `s` unless `n` is one, or `many` for a plural of its own;
    `n` with its thousands marked (`2,014 answers`)."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {many or word + 's'}"


def did_you_mean(word: str, options: Iterable[str], otherwise: str = "") -> str:
    """`did you mean 'Migration'?` for the option closest to a mistyped `word`, else
    `otherwise` (what the options are, or how to find them)."""
    import difflib  # only a mistyped name needs it: kept out of every command's start-up

    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else otherwise
