"""The rules of each question type, written once for the loader and the importers.

`validate.py` makes sure each field has the right shape; the rules here check what the
fields mean together (the answer is among the choices, a cloze has a blank) on the model
object. The loader points each broken rule at its line in the deck file, and adds the
one rule that needs the source file (the quote is in it); an importer, which has no such
line, skips the row with the rule's message. So every deck an importer writes loads.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from quiz.deck import fields as F
from quiz.deck.model import (
    QUESTION_CLASSES,
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from quiz.deck.source import SourceText
from quiz.words import did_you_mean

if TYPE_CHECKING:
    from quiz.deck.validate import DeckValidator, Entries

EMPTY_DELETION_HINT = (
    "write the hidden words after 'c1::'; an answer ends at the first '::' or '}}', "
    "so '{{c1::}}}' is an empty blank followed by '}'"
)
"""`{{c1::}}}` reads as an empty blank followed by `}`, in Anki as here: say why."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One broken rule: the field it concerns (the entry, for a list) and what is wrong."""

    field: str
    message: str
    hint: str = ""
    entry: int | None = None


def question_problems(question: AnyQuestion) -> list[Problem]:
    """Every rule `question` breaks, in the order of its fields; empty when it keeps them."""
    return [*_silence(question.silence), *_type_problems(question)]


def question_problem(question: AnyQuestion) -> str:
    """Why `question` breaks the format's rules, in one phrase, or '' when it keeps them."""
    problems = question_problems(question)
    return problems[0].message if problems else ""


def _type_problems(question: AnyQuestion) -> Iterator[Problem]:
    match question:
        case ChoiceQuestion():
            return _choice(question)
        case MultiQuestion():
            return _multi(question)
        case TrueFalseQuestion():
            return _prompt(question.prompt)
        case TextQuestion():
            return _text(question)
        case ClozeQuestion():
            return _cloze(question)
        case OrderQuestion():
            return _order(question)


# -- per type ---------------------------------------------------------------------------


def _choice(question: ChoiceQuestion) -> Iterator[Problem]:
    yield from _prompt(question.prompt)
    yield from _options(question.choices)
    if question.answer not in question.choices:
        yield _not_a_choice("answer", question.answer, question.choices)


def _multi(question: MultiQuestion) -> Iterator[Problem]:
    yield from _prompt(question.prompt)
    yield from _options(question.choices)
    if not question.answers:
        yield Problem("answers", "'answers' is empty", "list every right choice")
    yield from _distinct(question.answers, "answers", "answer")
    for index, answer in enumerate(question.answers):
        if answer not in question.choices:
            yield _not_a_choice("answers", answer, question.choices, index)


def _text(question: TextQuestion) -> Iterator[Problem]:
    yield from _prompt(question.prompt)
    if not question.answer:
        yield Problem("answer", "the answer is empty")
    yield from _distinct(question.accept, "accept", "accepted answer")


def _cloze(question: ClozeQuestion) -> Iterator[Problem]:
    deletions = question.deletions
    if not deletions:
        yield Problem("text", "the cloze text has no deletion", "mark each blank as {{c1::answer}}")
    elif any(not d.answer.strip() for d in deletions):
        yield Problem("text", "a cloze deletion is empty", EMPTY_DELETION_HINT)
    yield from _blank_forms(question)


def _blank_forms(question: ClozeQuestion) -> Iterator[Problem]:
    """Each blank `accept` names is one of the text's, and lists distinct forms."""
    names = question.blank_names
    for index, (name, forms) in enumerate(question.accept):
        if name not in names:
            known = "its blanks are " + ", ".join(names) if names else "mark the blanks first"
            hint = did_you_mean(name.casefold(), names, known)
            yield Problem("accept", f"the text has no blank '{name}'", hint, index)
        for form in sorted({form for form in forms if forms.count(form) > 1}):
            yield Problem("accept", f"'{form}' is listed twice for '{name}'", entry=index)


def _order(question: OrderQuestion) -> Iterator[Problem]:
    yield from _prompt(question.prompt)
    if len(question.items) < F.MIN_ITEMS:
        yield Problem("items", f"'items' needs at least {F.MIN_ITEMS} entries, in the right order")
    yield from _distinct(question.items, "items", "item")


# -- shared checks ----------------------------------------------------------------------


def _prompt(prompt: str) -> Iterator[Problem]:
    if not prompt:
        yield Problem("prompt", "the prompt is empty")


def _options(choices: tuple[str, ...]) -> Iterator[Problem]:
    if not F.MIN_CHOICES <= len(choices) <= F.MAX_CHOICES:
        yield Problem(
            "choices",
            f"'choices' needs {F.MIN_CHOICES} to {F.MAX_CHOICES} options, not {len(choices)}",
        )
    for index, choice in enumerate(choices):
        if not choice:
            yield Problem("choices", "a choice is empty", "remove it or write it", index)
    yield from _distinct(choices, "choices", "choice")


def _distinct(values: tuple[str, ...], field: str, what: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield Problem(field, f"{what} '{value}' is listed twice", entry=index)
        seen.add(value)


def _not_a_choice(
    field: str, answer: str, choices: tuple[str, ...], entry: int | None = None
) -> Problem:
    hint = did_you_mean(answer, choices, "copy it from the choices")
    message = f"answer '{answer}' is not one of the choices: {', '.join(choices)}"
    return Problem(field, message, hint, entry)


def _silence(names: tuple[str, ...]) -> Iterator[Problem]:
    for index, name in enumerate(names):
        if name not in F.WARNINGS:
            hint = did_you_mean(name, F.WARNINGS, "warnings are " + ", ".join(F.WARNINGS))
            yield Problem("silence", f"unknown warning '{name}' in 'silence'", hint, index)


# -- the loader's side ------------------------------------------------------------------


class QuestionRules:
    """Checks one question of a deck file against the rules and builds it."""

    def __init__(self, validator: DeckValidator, source: SourceText | None) -> None:
        self.validator = validator
        self.source = source

    def build(self, kind: str, values: dict[str, Any], entries: Entries) -> AnyQuestion | None:
        """The question, or None after reporting each rule it breaks at its node.

        A field whose shape was wrong (None, already reported) is checked as empty, so
        the question's other rules are still reported in this pass.
        """
        before = len(self.validator.errors)
        question = QUESTION_CLASSES[kind](
            **{n: _EMPTY[n] if v is None else v for n, v in values.items()}
        )
        self.quote(question.quote, entries)
        for problem in question_problems(question):
            self.validator.error(_node(entries, problem), problem.message, problem.hint)
        return None if len(self.validator.errors) > before else question

    def quote(self, quote: str, entries: Entries) -> None:
        if not quote or self.source is None or self.source.contains(quote):
            return
        closest = self.source.closest(quote)
        hint = f"the closest passage is '{closest}'" if closest else "copy it from the source"
        self.validator.error(
            entries["quote"][1],
            f"the quote is not in the source file '{self.source.path.name}'",
            hint,
        )


def _node(entries: Entries, problem: Problem) -> yaml.Node:
    """Where a problem is in the file: its field's value, the entry of a list, or the
    key of a mapping's entry."""
    node = entries[problem.field][1]
    if problem.entry is not None and isinstance(node, yaml.SequenceNode):
        entry: yaml.Node = node.value[problem.entry]
        return entry
    if problem.entry is not None and isinstance(node, yaml.MappingNode):
        key: yaml.Node = node.value[problem.entry][0]
        return key
    return node


_EMPTY: dict[str, Any] = {
    f.name: () if f.kind in ("texts", "blanks") else ""
    for table in (F.COMMON_FIELDS, *F.TYPE_FIELDS.values())
    for f in table
}
"""Each question field's empty value, by name: what a field of the wrong shape is checked as."""
