"""Finding deck files in folders and loading several decks at once."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from quiz.deck.cache import load_deck_cached
from quiz.deck.errors import DeckError
from quiz.deck.result import LoadResult
from quiz.files import os_reason
from quiz.paths import default_decks_dir

DECK_SUFFIXES = (".yaml", ".yml")


def find_deck_files(paths: Iterable[Path]) -> list[Path | DeckError]:
    """Deck files named directly, and every .yaml/.yml file below the folders named.

    A folder below that cannot be listed is an error in its place, not a folder
    without decks. Raises FileNotFoundError for a path that does not exist: that is a
    usage error, not a problem inside a deck. A path that is there but is no file (a
    pipe, a device, a link that loops) is passed on for the loader to say so.
    """
    found: list[Path | DeckError] = []
    for path in paths:
        if path.is_dir():
            found.extend(_folder_decks(path))
        elif os.path.lexists(path):
            found.append(path)
        else:
            raise FileNotFoundError(path)
    return list(dict.fromkeys(found))


def _folder_decks(folder: Path) -> list[Path | DeckError]:
    """Deck files below `folder`, in path order, and the folders that cannot be listed.

    Links to folders are not followed (a link to a parent would never end); links to
    files are read as the files they lead to.
    """
    found: list[Path | DeckError] = []

    def unlistable(exc: OSError) -> None:
        path = Path(exc.filename) if exc.filename else folder
        found.append(DeckError(path, 1, 1, f"cannot list the folder: {os_reason(exc)}"))

    for parent, _, names in os.walk(folder, onerror=unlistable):
        found.extend(p for p in map(Path(parent).joinpath, names) if p.suffix in DECK_SUFFIXES)
    return sorted(found, key=lambda item: item if isinstance(item, Path) else item.path)


def load_decks(
    paths: Iterable[Path] | None = None, *, cache: Path | None = None
) -> list[LoadResult]:
    """Load every deck under `paths` (default: `./decks` or the bundled decks), one result
    per file.

    With a `cache` folder, unchanged decks come from there (see `quiz.deck.cache`);
    anything but a plain file goes straight to the loader, which says what it is.
    A folder that cannot be listed gives a result with its error and no deck.
    Two files that claim the same deck id would share history and Anki notes, so the
    second one gets an error.
    """

    def load(item: Path | DeckError) -> LoadResult:
        if isinstance(item, DeckError):
            return LoadResult(item.path, None, (item,), folder=True)
        if cache is not None and os.path.isfile(item):
            return load_deck_cached(item, folder=cache)
        from quiz.deck.loader import load_deck  # YAML and the validator, when needed

        return load_deck(item)

    results = [load(item) for item in find_deck_files(paths or [default_decks_dir()])]
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
            result = result._replace(deck=None, errors=(*result.errors, error))
        elif deck is not None:
            first[deck.id] = result.path
        checked.append(result)
    return checked
