"""Deck files: the format, the loader and the immutable model. Knows nothing of any UI."""

from quiz.deck.errors import DeckError, DeckLoadError
from quiz.deck.library import find_deck_files, load_decks
from quiz.deck.loader import LoadResult, load_deck, load_deck_or_raise
from quiz.deck.model import (
    QUESTION_TYPES,
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    Deck,
    Deletion,
    MultiQuestion,
    OrderQuestion,
    Question,
    Source,
    TextQuestion,
    TrueFalseQuestion,
)

__all__ = [
    "QUESTION_TYPES",
    "AnyQuestion",
    "ChoiceQuestion",
    "ClozeQuestion",
    "Deck",
    "DeckError",
    "DeckLoadError",
    "Deletion",
    "LoadResult",
    "MultiQuestion",
    "OrderQuestion",
    "Question",
    "Source",
    "TextQuestion",
    "TrueFalseQuestion",
    "find_deck_files",
    "load_deck",
    "load_deck_or_raise",
    "load_decks",
]
