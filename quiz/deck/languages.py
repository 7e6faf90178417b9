"""A deck's language and the articles its answers may start with.

A typed answer is checked without its leading article (`the MNLA` for `MNLA`). Which words
are articles depends on the language: a deck names its language in its header, and
lists its articles when they are not known here. No I/O; the loader resolves the header
into the `articles` of the `Deck`.
"""

from __future__ import annotations

import re

ENGLISH = "en"

KNOWN_ARTICLES: dict[str, tuple[str, ...]] = {
    "en": ("the", "a", "an"),
    "fr": ("le", "la", "les", "l'", "un", "une", "des"),
    "es": ("el", "la", "los", "las", "un", "una", "unos", "unas"),
    "it": ("il", "lo", "la", "i", "gli", "le", "l'", "un", "uno", "una", "un'"),
    "pt": ("o", "a", "os", "as", "um", "uma", "uns", "umas"),
    "de": ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer"),
}
"""The definite and indefinite articles of the languages a deck may name without listing
them, by ISO 639-1 code. An article that ends in an apostrophe is elided: `l'Algérie`."""

ARTICLE = re.compile(r"[^\W\d_]+['’]?")
"""One article: letters, and an apostrophe when it is elided."""


def known_articles(language: str) -> tuple[str, ...] | None:
    """The articles of `language` (a tag such as `fr` or `fr-CA`), if they are known here."""
    return KNOWN_ARTICLES.get(language.split("-")[0].lower())
