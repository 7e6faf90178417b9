"""What loading one deck file gives, apart from the loader so the deck cache can hand it
back without importing YAML and the validator."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from quiz.deck.deck import Deck
from quiz.deck.errors import DeckError


class LoadResult(NamedTuple):
    """What loading one file gave: a deck when there were no errors, and the errors.
    `folder`: not a deck file but a folder that could not be listed (its one error)."""

    path: Path
    deck: Deck | None
    errors: tuple[DeckError, ...] = ()
    folder: bool = False
    cache_key: str = ""
    """What the deck cache knows these bytes by, with those of the deck's source file (see
    `quiz.deck.cache`), for what is worked out from the deck to be kept beside it; empty
    when the deck is not in the cache."""

    @property
    def ok(self) -> bool:
        return self.deck is not None and not self.errors
