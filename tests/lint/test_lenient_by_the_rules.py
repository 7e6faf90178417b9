"""`quiz check` warns when a wrong choice would be accepted by the newer answer rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.deck.loader import load_deck_or_raise
from quiz.lint import lint_deck

DECK = """deck: lint
title: Lint
questions:
  - id: q
    type: choice
    prompt: Which one?
    choices: [{answer}, {distractor}, Kidal]
    answer: {answer}
"""


def lenient(tmp_path: Path, answer: str, distractor: str) -> list[str]:
    path = tmp_path / "lint.yaml"
    path.write_text(DECK.format(answer=answer, distractor=distractor), encoding="utf-8")
    return [w.message for w in lint_deck(load_deck_or_raise(path))]


@pytest.mark.parametrize(
    ("answer", "distractor"),
    [
        ("Seven", "'7'"),
        ("the Sahara", "Sahara"),
        ("December 2023", "Dec 2023"),
        ("2 km", "two kilometres"),
        ("30%", "thirty per cent"),
    ],
)
def test_a_distractor_the_rules_accept_is_warned(
    tmp_path: Path, answer: str, distractor: str
) -> None:
    shown = distractor.strip("'")
    assert lenient(tmp_path, answer, distractor) == [
        f"the wrong choice '{shown}' would be accepted as the answer if typed"
    ]


@pytest.mark.parametrize(
    ("answer", "distractor"),
    [("Seven", "Six"), ("December 2023", "Nov 2023"), ("2 km", "2 miles"), ("Gao", "Mao")],
)
def test_a_near_miss_is_not(tmp_path: Path, answer: str, distractor: str) -> None:
    assert lenient(tmp_path, answer, distractor) == []


def test_the_deck_s_own_articles_count(tmp_path: Path) -> None:
    path = tmp_path / "lint.yaml"
    deck = DECK.format(answer="la France", distractor="France").replace(
        "title: Lint\n", "title: Lint\nlanguage: fr\n"
    )
    path.write_text(deck, encoding="utf-8")
    assert [w.code for w in lint_deck(load_deck_or_raise(path))] == ["lenient-distractor"]
    path.write_text(deck.replace("language: fr", "language: en"), encoding="utf-8")
    assert [w.code for w in lint_deck(load_deck_or_raise(path))] == []
