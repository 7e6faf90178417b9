"""Checking one answer against one question, and the points it earns. Pure; no UI, no store.

What a learner gives, by question type (`Given`):

- `choice`: the text of the picked choice;
- `multi`: the set of picked choice texts;
- `truefalse`: a bool;
- `text`: the typed string;
- `cloze`: one typed string per blank, in reading order;
- `order`: the items in the order the learner left them.

Points are in [0, 1]; a question is *correct* only with the full point. Partial credit:

- `multi`: (right picks − wrong picks) / number of right answers, never below 0, so
  ticking every box earns nothing and one wrong tick cancels one right one;
- `order`: the share of neighbouring pairs of the correct order that the learner kept
  next to each other and in order, so one item out of place costs one or two pairs,
  not every position after it;
- `cloze`: the share of blanks filled right, each blank checked like a `text` answer
  (its deletion, or a form its `accept` gives it).

`choice`, `truefalse` and `text` earn 1 or 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from quiz.deck.model import (
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from quiz.play.textmatch import ENGLISH_ARTICLES, Match, match_text

Given = str | bool | tuple[str, ...] | frozenset[str]
"""An answer as the learner gave it; which form depends on the question type."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of one answer: points earned and what to tell the learner."""

    points: float
    expected: str
    note: str = ""

    @property
    def correct(self) -> bool:
        return self.points >= 1.0

    @property
    def partial(self) -> bool:
        return 0.0 < self.points < 1.0


def check_answer(
    question: AnyQuestion, given: Given, articles: tuple[str, ...] = ENGLISH_ARTICLES
) -> Verdict:
    """Score `given` against `question`; raises TypeError for a given of the wrong form.

    `articles` are those of the deck's language, dropped from the start of typed answers.
    """
    match question, given:
        case ChoiceQuestion(), str():
            return _whole(question, given == question.answer)
        case MultiQuestion(), frozenset():
            return Verdict(multi_points(question.answers, given), question.answer_text)
        case TrueFalseQuestion(), bool():
            return _whole(question, given is question.answer)
        case TextQuestion(), str():
            found = match_text(given, (question.answer, *question.accept), articles)
            return Verdict(float(found is not None), question.answer_text, _spelling(found))
        case ClozeQuestion(), tuple():
            return _check_cloze(question, given, articles)
        case OrderQuestion(), tuple():
            return Verdict(order_points(question.items, given), question.answer_text)
    raise TypeError(f"a {question.kind} question cannot take {type(given).__name__} {given!r}")


def _whole(question: AnyQuestion, right: bool) -> Verdict:
    return Verdict(1.0 if right else 0.0, question.answer_text)


def multi_points(answers: tuple[str, ...], picked: frozenset[str]) -> float:
    """(right picks − wrong picks) / number of right answers, floored at 0."""
    right = len(picked & set(answers))
    wrong = len(picked - set(answers))
    return max(0.0, (right - wrong) / len(answers))


def order_points(items: tuple[str, ...], given: tuple[str, ...]) -> float:
    """The share of the correct order's neighbouring pairs kept together and in order."""
    if sorted(given) != sorted(items):
        return 0.0
    if len(items) < 2:
        return 1.0
    position = {item: index for index, item in enumerate(given)}
    kept = sum(position[after] == position[before] + 1 for before, after in pairwise(items))
    return kept / (len(items) - 1)


def _check_cloze(
    question: ClozeQuestion, given: tuple[str, ...], articles: tuple[str, ...]
) -> Verdict:
    deletions = question.deletions
    if len(given) != len(deletions):
        raise TypeError(f"cloze '{question.id}' has {len(deletions)} blanks, got {len(given)}")
    found = [
        match_text(typed, question.accepted(d), articles)
        for typed, d in zip(given, deletions, strict=True)
    ]
    right = sum(f is not None for f in found)
    note = " ".join(filter(None, (_spelling(f) for f in found)))
    return Verdict(right / len(deletions), question.answer_text, note)


def _spelling(found: Match | None) -> str:
    """Tell the learner the exact spelling when a typo was forgiven."""
    if found is None or found.exact:
        return ""
    return f"Accepted with a typo; the exact spelling is “{found.expected}”."


def given_text(question: AnyQuestion, given: Given) -> str:
    """The learner's answer as they would read it back on the feedback screen."""
    match given:
        case bool():
            return "True" if given else "False"
        case str():
            return given
        case frozenset():
            choices = question.choices if isinstance(question, MultiQuestion) else sorted(given)
            return ", ".join(c for c in choices if c in given) or "(nothing picked)"
    separator = " → " if isinstance(question, OrderQuestion) else "; "
    return separator.join(given)
