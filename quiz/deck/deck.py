"""A deck as a whole: its id, title, source, language and questions, apart from the
question classes (`quiz.deck.model`, which offers these too).

Apart so that a deck from the cache opens without defining the question classes: its
questions are built when first reached (`quiz.deck.questions`), and `quiz check` of an
unchanged deck, or `quiz stats`, may never reach one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.deck.languages import ENGLISH, KNOWN_ARTICLES

if TYPE_CHECKING:  # it builds questions of the model, which offers this module's classes
    from quiz.deck.questions import Questions

QUESTION_TYPES = ("choice", "multi", "truefalse", "text", "cloze", "order")
"""The question types, in the order the app lists them everywhere."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """Where a deck's questions come from; `file` enables the quote check."""

    title: str = ""
    url: str = ""
    license: str = ""
    file: Path | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Deck:
    """One YAML file: a titled, ordered collection of questions with stable ids.

    `questions` builds each question when first reached (`quiz.deck.questions`): a big
    deck opens, and its list entry is counted, without building them all. `articles` are
    those a typed answer may start with (`the MNLA` for `MNLA`): the ones the deck lists,
    or those of its `language`.
    """

    id: str
    title: str
    questions: Questions
    description: str = ""
    source: Source = field(default_factory=Source)
    language: str = ENGLISH
    articles: tuple[str, ...] = KNOWN_ARTICLES[ENGLISH]
    path: Path | None = field(default=None, compare=False)

    def count_by_type(self) -> dict[str, int]:
        """How many questions of each type, in the canonical type order, zeros left out."""
        counts = Counter(self.questions.kinds())
        return {kind: counts[kind] for kind in QUESTION_TYPES if counts[kind]}

    @property
    def sections(self) -> tuple[str, ...]:
        """The sections its questions name, in first-seen order."""
        return tuple(dict.fromkeys(section for section in self.questions.sections() if section))

    @property
    def tags(self) -> tuple[str, ...]:
        """The tags its questions carry, in first-seen order."""
        return tuple(dict.fromkeys(tag for tags in self.questions.tag_lists() for tag in tags))
