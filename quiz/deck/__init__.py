"""Deck files: the format, the loader and the immutable model. Knows nothing of any UI.

The package offers the model and the errors, each imported when first asked for
(`quiz.deck.Deck`): importing one module of the package, `quiz.deck.errors` say, then
defines no question class, which a deck from the cache does not need (see
`quiz.deck.deck`). The loader (`quiz.deck.loader`) and the finding of deck files
(`quiz.deck.library`) are imported from their modules, so a deck served from the cache
opens without importing YAML and the validator.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.deck.deck import QUESTION_TYPES, Deck, Source
    from quiz.deck.errors import DeckError, DeckLoadError
    from quiz.deck.model import (
        AnyQuestion,
        ChoiceQuestion,
        ClozeQuestion,
        Deletion,
        MultiQuestion,
        OrderQuestion,
        Question,
        TextQuestion,
        TrueFalseQuestion,
    )
    from quiz.deck.questions import Questions

HOMES = {
    "QUESTION_TYPES": "quiz.deck.deck",
    "Deck": "quiz.deck.deck",
    "Source": "quiz.deck.deck",
    "DeckError": "quiz.deck.errors",
    "DeckLoadError": "quiz.deck.errors",
    "Questions": "quiz.deck.questions",
    **dict.fromkeys(
        (
            "AnyQuestion",
            "ChoiceQuestion",
            "ClozeQuestion",
            "Deletion",
            "MultiQuestion",
            "OrderQuestion",
            "Question",
            "TextQuestion",
            "TrueFalseQuestion",
        ),
        "quiz.deck.model",
    ),
}
"""The module that defines each name the package offers."""

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


def __getattr__(name: str) -> object:
    """A name of `__all__`, from its module (PEP 562): imported when first asked for."""
    home = HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'quiz.deck' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(home), name)
