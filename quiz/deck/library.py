"""Finding deck files in folders and loading several decks at once."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path

from quiz.deck.cache import load_deck_cached
from quiz.deck.errors import DeckError
from quiz.deck.result import LoadResult
from quiz.paths import default_decks_dir

DECK_SUFFIXES = (".yaml", ".yml")


def find_deck_files(paths: Iterable[Path]) -> list[Path]:
    """Deck files named directly, and every .yaml/.yml file below the folders named.

    Raises FileNotFoundError for a path that does not exist: that is a usage error,
    not a problem inside a deck.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in DECK_SUFFIXES))
        elif path.exists():
            found.append(path)
        else:
            raise FileNotFoundError(path)
    return list(dict.fromkeys(found))


def load_decks(
    paths: Iterable[Path] | None = None, *, cache: Path | None = None
) -> list[LoadResult]:
    """Load every deck under `paths` (default: `./decks` or the bundled decks), one result
    per file.

    With a `cache` folder, unchanged decks come from there (see `quiz.deck.cache`).
    Two files that claim the same deck id would share history and Anki notes, so the
    second one gets an error.
    """
    files = find_deck_files(paths or [default_decks_dir()])
    load: Callable[[Path], LoadResult]
    if cache is not None:
        load = partial(load_deck_cached, folder=cache)
    else:
        from quiz.deck.loader import load_deck  # YAML and the validator, when needed

        load = load_deck
    results = [load(path) for path in files]
    return _reject_duplicate_deck_ids(results)


def _reject_duplicate_deck_ids(results: list[LoadResult]) -> list[LoadResult]:
    first: dict[str, Path] = {}
    checked = []
    for result in results:
        deck = result.deck
        if deck is not None and deck.id in first:
            error = DeckError(
                result.path,
                1,
                1,
                f"deck id '{deck.id}' is already used by {first[deck.id]}",
                "give each deck its own 'deck:' id",
            )
            result = replace(result, deck=None, errors=(*result.errors, error))
        elif deck is not None:
            first[deck.id] = result.path
        checked.append(result)
    return checked
