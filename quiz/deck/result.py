"""What loading one deck file gives, apart from the loader so the deck cache can hand it
back without importing YAML and the validator."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from quiz.deck.errors import DeckError
from quiz.deck.model import Deck


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What loading one file gave: a deck when there were no errors, and the errors.
    `folder`: not a deck file but a folder that could not be listed (its one error)."""

    path: Path
    deck: Deck | None
    errors: tuple[DeckError, ...] = field(default=())
    folder: bool = False

    @property
    def ok(self) -> bool:
        return self.deck is not None and not self.errors
