"""Deck files: the format, the loader and the immutable model. Knows nothing of any UI.

The package itself offers the model and the errors; the loader (`quiz.deck.loader`)
and the finding of deck files (`quiz.deck.library`) are imported from their modules,
so a deck served from the cache opens without importing YAML and the validator.
"""

from quiz.deck.errors import DeckError, DeckLoadError
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
from quiz.deck.questions import Questions

__all__ = [
    "QUESTION_TYPES",
    "AnyQuestion",
    "ChoiceQuestion",
    "ClozeQuestion",
    "Deck",
    "DeckError",
    "DeckLoadError",
    "Deletion",
    "MultiQuestion",
    "OrderQuestion",
    "Question",
    "Questions",
    "Source",
    "TextQuestion",
    "TrueFalseQuestion",
]
