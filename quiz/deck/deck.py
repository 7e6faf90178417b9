"""A deck as a whole: its id, title, source, language and questions, apart from the
question classes (`quiz.deck.model`, which offers these too).

Apart so that a deck from the cache opens without defining the question classes: its
questions are built when first reached (`quiz.deck.questions`), and `quiz check` of an
unchanged deck, or `quiz stats`, may never reach one. Named tuples, not frozen
dataclasses as the questions are: `dataclasses` imports `inspect` (with `ast`, `dis` and
`tokenize`), a third of what `import yaml` costs, and those two commands need no other
dataclass; a change is made with `_replace`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from quiz.deck.languages import ENGLISH, KNOWN_ARTICLES

if TYPE_CHECKING:  # it builds questions of the model, which offers this module's classes
    from quiz.deck.questions import Questions

QUESTION_TYPES = ("choice", "multi", "truefalse", "text", "cloze", "order")
"""The question types, in the order the app lists them everywhere."""


class Source(NamedTuple):
    """Where a deck's questions come from; `file` enables the quote check."""

    title: str = ""
    url: str = ""
    license: str = ""
    file: Path | None = None


class Deck(NamedTuple):
    """One YAML file: a titled, ordered collection of questions with stable ids.

    `questions` builds each question when first reached (`quiz.deck.questions`): a big
    deck opens, and its list entry is counted, without building them all. `articles` are
    those a typed answer may start with (`the MNLA` for `MNLA`): the ones the deck lists,
    or those of its `language`. `path` takes no part in equality: a deck is what it holds.
    """

    id: str
    title: str
    questions: Questions
    description: str = ""
    source: Source = Source()
    language: str = ENGLISH
    articles: tuple[str, ...] = KNOWN_ARTICLES[ENGLISH]
    path: Path | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Deck):
            return NotImplemented
        return self[:-1] == other[:-1]

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self[:-1])

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
