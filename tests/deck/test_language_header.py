"""A deck names its language, or lists its articles, and typed answers follow it."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.deck.loader import load_deck, load_deck_or_raise
from quiz.play.session import QuizSession

QUESTION = """\
questions:
  - id: q
    type: text
    prompt: Quel pays ?
    answer: l'Algérie
"""


def deck_file(tmp_path: Path, header: str) -> Path:
    path = tmp_path / "deck.yaml"
    path.write_text(f"deck: langue\ntitle: Langue\n{header}{QUESTION}", encoding="utf-8")
    return path


def right(path: Path, typed: str) -> bool:
    """Right as the quiz checks it, and not as a forgiven typo."""
    deck = load_deck_or_raise(path)
    verdict = QuizSession(deck, deck.questions, seed=1).answer(typed).verdict
    return verdict.correct and not verdict.note


@pytest.mark.parametrize(
    "header",
    ["language: fr\n", "language: fr-CA\n", 'articles: [le, la, les, "l\'"]\n'],
)
def test_a_french_deck_drops_french_articles(tmp_path: Path, header: str) -> None:
    path = deck_file(tmp_path, header)
    assert right(path, "Algérie")
    assert right(path, "l’algerie")
    assert not right(path, "the Algérie")  # English's are not French's
    assert not right(path, "Algeria")


def test_a_deck_names_english_unless_it_says_otherwise(tmp_path: Path) -> None:
    deck = load_deck_or_raise(deck_file(tmp_path, ""))
    assert (deck.language, deck.articles) == ("en", ("the", "a", "an"))
    assert not right(deck_file(tmp_path, ""), "Algérie")


def test_listed_articles_win_over_the_language(tmp_path: Path) -> None:
    deck = load_deck_or_raise(deck_file(tmp_path, "language: nl\narticles: [de, het, een]\n"))
    assert (deck.language, deck.articles) == ("nl", ("de", "het", "een"))
    assert load_deck_or_raise(deck_file(tmp_path, "language: fr\narticles: []\n")).articles == ()


@pytest.mark.parametrize(
    ("header", "error"),
    [
        (
            "language: nl\n",
            "3:11: the articles of the language 'nl' are not known "
            "(list them, as in 'articles: [the, a, an]', or write 'articles: []')",
        ),
        (
            "language: French\n",
            "3:11: 'language' must be a language tag such as 'en' or 'fr', not 'French' "
            "(the tag names the articles a typed answer may start with)",
        ),
        (
            "articles: [le, la lune]\n",
            "3:16: the article 'la lune' is not one word "
            '(write each article as a word, with its apostrophe when elided: "l\'")',
        ),
        ("articles: le\n", "3:11: 'articles' must be a list (write it as [a, b] or as '- ' lines)"),
    ],
)
def test_what_the_header_refuses(tmp_path: Path, header: str, error: str) -> None:
    result = load_deck(deck_file(tmp_path, header))
    assert [f"{e.line}:{e.column}: {e.message} ({e.hint})" for e in result.errors] == [error]
