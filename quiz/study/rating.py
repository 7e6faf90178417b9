"""The rating the app suggests after an answer, from correctness and time. Pure functions.

A wrong answer is Again. A right one is Good, Easy when it came in under half the
expected time, Hard when it took more than twice that. A card's first answer is never
suggested Easy, however fast: Easy sends a card seen once 8 days away, and one quick
right answer (a lucky guess among four choices) is no evidence for that; it is Good
(10 minutes) instead, and the learner may still press 4. The expected time is the time to
read what the card shows plus a time to answer that grows with the work the question
type asks for (one click, a few clicks, typing, one blank or item after another). The
learner may always change the suggestion: this only saves a key press most of the time.
Nothing here knows about the store or the UI.
"""

from __future__ import annotations

from typing import assert_never

from quiz.deck.model import (
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from quiz.study.scheduler import Rating

WORDS_PER_SECOND = 4.0
"""About 240 words a minute: an adult's silent reading speed."""

FAST = 0.5
"""Answers right in under this share of the expected time are suggested Easy."""

SLOW = 2.0
"""Answers right in more than this multiple of the expected time are suggested Hard."""


def suggest_rating(
    question: AnyQuestion, correct: bool, seconds: float, *, first: bool = False
) -> Rating:
    """The rating to preselect after the learner answered `question` in `seconds`;
    `first` when the card was never reviewed before (then never Easy)."""
    if not correct:
        return Rating.Again
    expected = expected_seconds(question)
    if seconds < FAST * expected:
        return Rating.Good if first else Rating.Easy
    if seconds > SLOW * expected:
        return Rating.Hard
    return Rating.Good


def expected_seconds(question: AnyQuestion) -> float:
    """How long a learner who knows the answer takes: reading it, then answering it."""
    match question:
        case ChoiceQuestion(prompt=prompt, choices=choices):
            return _reading(prompt, *choices) + 2.0
        case MultiQuestion(prompt=prompt, choices=choices):
            return _reading(prompt, *choices) + 1.0 * len(choices)
        case TrueFalseQuestion(prompt=prompt):
            return _reading(prompt) + 1.5
        case TextQuestion(prompt=prompt):
            return _reading(prompt) + 6.0
        case ClozeQuestion():
            return _reading(question.with_blanks()) + 5.0 * len(question.deletions)
        case OrderQuestion(prompt=prompt, items=items):
            return _reading(prompt, *items) + 2.0 * len(items)
        case _:
            assert_never(question)


def _reading(*texts: str) -> float:
    return sum(len(text.split()) for text in texts) / WORDS_PER_SECOND
