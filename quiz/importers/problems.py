"""Why an imported question would not load: the deck format's rules, checked on the model.

The loader checks the same rules on YAML nodes, to point at a line of a deck file; an
importer has no such line, only a row or a note to skip with one plain reason. Checking
here keeps every deck an importer writes loadable. Knows nothing of files or formats.
"""

from __future__ import annotations

from collections import Counter

from quiz.deck import fields as F
from quiz.deck.model import (
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)


def question_problem(question: AnyQuestion) -> str:
    """Why `question` breaks the format's rules, or '' when it keeps them all."""
    if not isinstance(question, ClozeQuestion) and not question.prompt:
        return "the prompt is empty"
    match question:
        case ChoiceQuestion():
            right = "" if question.answer in question.choices else "the answer is not a choice"
            return _options_problem(question.choices) or right
        case MultiQuestion():
            return _options_problem(question.choices) or _answers_problem(question)
        case TrueFalseQuestion():
            return ""
        case TextQuestion():
            if not question.answer:
                return "the answer is empty"
            return _repeated(question.accept, "accepted answer")
        case ClozeQuestion():
            return _cloze_problem(question)
        case OrderQuestion():
            if len(question.items) < F.MIN_ITEMS:
                return f"an order question needs at least {F.MIN_ITEMS} items"
            return _repeated(question.items, "item")


def _options_problem(choices: tuple[str, ...]) -> str:
    if not F.MIN_CHOICES <= len(choices) <= F.MAX_CHOICES:
        return f"a question needs {F.MIN_CHOICES} to {F.MAX_CHOICES} choices, not {len(choices)}"
    if not all(choices):
        return "a choice is empty"
    return _repeated(choices, "choice")


def _answers_problem(question: MultiQuestion) -> str:
    if not question.answers:
        return "no choice is marked right"
    if not set(question.answers) <= set(question.choices):
        return "an answer is not a choice"
    return _repeated(question.answers, "answer")


def _cloze_problem(question: ClozeQuestion) -> str:
    deletions = question.deletions
    if not deletions:
        return "the cloze has no complete deletion like {{c1::answer}}"
    return "a cloze deletion is empty" if any(not d.answer.strip() for d in deletions) else ""


def _repeated(values: tuple[str, ...], what: str) -> str:
    twice = [value for value, count in Counter(values).items() if count > 1]
    return f"{what} '{twice[0]}' is listed twice" if twice else ""
