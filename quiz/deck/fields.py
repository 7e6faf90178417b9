"""The deck format, described once.

The loader validates against these tables and `schema.py` turns them into a JSON Schema
for editors, so the two can never disagree. Adding a field means adding a row here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

FieldKind = Literal["slug", "text", "texts", "blanks", "bool", "source", "questions"]

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""Deck and question ids: lowercase letters and digits, words joined by single hyphens."""

LANGUAGE = re.compile(r"[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*")
"""A language tag as BCP 47 writes it: `fr`, `pt-BR`. Only its first part picks articles.
Written without flags, so the JSON Schema's pattern is the same expression."""

MIN_CHOICES, MAX_CHOICES = 2, 10
MIN_ITEMS = 2


def slugify(text: str) -> str:
    """A readable id from free text: 'Where is Gao?' → 'where-is-gao'."""
    folded = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", folded))


@dataclass(frozen=True, slots=True)
class Field:
    """One key of a mapping in the format: its name, what it holds, and why it is there."""

    name: str
    kind: FieldKind
    doc: str
    required: bool = False
    """Must be given; a required text must not be empty either."""
    entries: tuple[int, int | None] = (0, None)
    """How many entries a list holds, at least and at most (None: no limit)."""
    distinct: bool = False
    """A list whose entries must differ (for a cloze's `accept`, each blank's forms)."""
    filled: bool = False
    """A list none of whose entries may be empty."""
    alone: bool = False
    """A list whose one entry may be written alone, without brackets: `tags: history`."""
    pattern: re.Pattern[str] | None = None
    """What a text must match."""
    known: tuple[str, ...] = ()
    """The only values a list's entries may take."""


DECK_FIELDS = (
    Field("deck", "slug", "Stable id of the deck; history and Anki ids derive from it.", True),
    Field("title", "text", "The deck's name as learners see it.", True),
    Field("description", "text", "A sentence or two about what the deck covers."),
    Field("source", "source", "Where the questions come from."),
    Field(
        "language",
        "text",
        "The language of the answers, as a tag such as en or fr: it names the articles a "
        "typed answer may start with (en, fr, es, it, pt and de are known). Default en.",
        pattern=LANGUAGE,
    ),
    Field(
        "articles",
        "texts",
        "The articles a typed answer may start with, when they are not the language's "
        'known ones: [le, la, les, "l\'"]; [] for none.',
    ),
    Field("questions", "questions", "The questions, in the order authors keep them.", True),
)

SOURCE_FIELDS = (
    Field("title", "text", "Title of the source, with its revision or edition."),
    Field("url", "text", "Where the source can be read."),
    Field("license", "text", "The source's license, e.g. CC BY-SA 4.0."),
    Field(
        "file", "text", "A copy of the source, relative to the deck file; enables the quote check."
    ),
)

WARNINGS = {
    "answer-in-prompt": "the answer appears word for word in the prompt",
    "long-choice": "one choice is far longer than the others, which gives it away",
    "same-prompt": "another question has the same prompt",
    "redundant-accept": "an accepted answer equals the answer as the quiz compares answers",
    "lenient-distractor": "a wrong choice would be accepted as the answer if typed",
    "whole-sentence-cloze": "a cloze deletion hides the whole sentence",
    "ambiguous-date": "a typed date in digits reads as two dates, day/month or month/day",
    "answer-elsewhere": "the answer is printed in another question's prompt, items or choices",
    "crowded-sentence": "more questions than the limit quote one sentence of the source",
}
"""The weak-question warnings `quiz check` gives, by the name `silence:` uses."""

COMMON_FIELDS = (
    Field(
        "id", "slug", "Stable id, unique in the deck; never reuse it for another question.", True
    ),
    Field("type", "text", "choice, multi, truefalse, text, cloze or order.", True),
    Field("section", "text", "The part of the source the question tests."),
    Field("explain", "text", "Shown after answering: why the answer is right."),
    Field("quote", "text", "Verbatim passage of source.file that the question is derived from."),
    Field("tags", "texts", "Labels for filtering and for Anki tags.", alone=True),
    Field(
        "silence",
        "texts",
        "Warnings of `quiz check` that do not apply to this question.",
        known=tuple(WARNINGS),
    ),
)


PROMPT = Field("prompt", "text", "The question as the learner reads it.", True)

CHOICES = Field(
    "choices",
    "texts",
    f"{MIN_CHOICES} to {MAX_CHOICES} distinct options.",
    True,
    entries=(MIN_CHOICES, MAX_CHOICES),
    distinct=True,
    filled=True,
)

TYPE_FIELDS: dict[str, tuple[Field, ...]] = {
    "choice": (
        PROMPT,
        CHOICES,
        Field("answer", "text", "The right option, written as in `choices`.", True),
    ),
    "multi": (
        PROMPT,
        CHOICES,
        Field(
            "answers",
            "texts",
            "Every right option: a non-empty subset of `choices`.",
            True,
            entries=(1, None),
            distinct=True,
        ),
    ),
    "truefalse": (
        PROMPT,
        Field("answer", "bool", "true or false.", True),
    ),
    "text": (
        PROMPT,
        Field("answer", "text", "The answer as it should be spelled.", True),
        Field(
            "accept",
            "texts",
            "Other answers that count as right (spellings, forms).",
            distinct=True,
        ),
    ),
    "cloze": (
        Field(
            "text",
            "text",
            "A sentence with Anki cloze deletions: {{c1::answer}} or {{c1::answer::hint}}.",
            True,
        ),
        Field(
            "accept",
            "blanks",
            "Other answers that count as right, per blank: {c1: [form, other form], c2: [...]}.",
            distinct=True,
        ),
    ),
    "order": (
        PROMPT,
        Field(
            "items",
            "texts",
            "Two or more items, listed in the correct order.",
            True,
            entries=(MIN_ITEMS, None),
            distinct=True,
        ),
    ),
}
