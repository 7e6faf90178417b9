"""The rules of each question type, checked after the fields themselves are well formed.

`validate.py` makes sure each field has the right shape; this module checks what the
fields mean together (the answer is among the choices, a cloze has a blank, the quote
is in the source) and builds the model object when all is well.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import yaml

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
from quiz.deck.source import SourceText

if TYPE_CHECKING:
    from quiz.deck.validate import DeckValidator, Entries


EMPTY_DELETION_HINT = (
    "write the hidden words after 'c1::'; an answer ends at the first '::' or '}}', "
    "so '{{c1::}}}' is an empty blank followed by '}'"
)
"""`{{c1::}}}` reads as an empty blank followed by `}`, in Anki as here: say why."""


class QuestionRules:
    """Checks one question's fields against each other and builds it."""

    def __init__(self, validator: DeckValidator, source: SourceText | None) -> None:
        self.validator = validator
        self.source = source

    def build(self, kind: str, values: dict[str, Any], entries: Entries) -> AnyQuestion | None:
        before = len(self.validator.errors)
        self.quote(values["quote"], entries)
        self.silence(values["silence"], entries)
        check: Callable[[dict[str, Any], Entries], None] = getattr(self, kind)
        check(values, entries)
        if len(self.validator.errors) > before:
            return None
        return BUILDERS[kind](**values)

    def error(self, node: yaml.Node, message: str, hint: str = "") -> None:
        self.validator.error(node, message, hint)

    # -- per type -----------------------------------------------------------------------

    def choice(self, values: dict[str, Any], entries: Entries) -> None:
        self.options(values["choices"], entries["choices"][1], "choices")
        answer = values["answer"]
        if answer not in values["choices"]:
            self.not_a_choice(entries["answer"][1], answer, values["choices"])

    def multi(self, values: dict[str, Any], entries: Entries) -> None:
        self.options(values["choices"], entries["choices"][1], "choices")
        node = entries["answers"][1]
        if not values["answers"]:
            self.error(node, "'answers' is empty", "list every right choice")
        self.distinct(values["answers"], node, "answer")
        for answer, item in zip(values["answers"], node.value, strict=True):
            if answer not in values["choices"]:
                self.not_a_choice(item, answer, values["choices"])

    def truefalse(self, values: dict[str, Any], entries: Entries) -> None:
        """A statement and a boolean: the field checks already said all there is."""

    def text(self, values: dict[str, Any], entries: Entries) -> None:
        if values["accept"]:  # None when 'accept' is not a list of texts, already reported
            self.distinct(values["accept"], entries["accept"][1], "accepted answer")

    def cloze(self, values: dict[str, Any], entries: Entries) -> None:
        question = ClozeQuestion(id="-", text=values["text"])
        node = entries["text"][1]
        if not question.deletions:
            self.error(node, "the cloze text has no deletion", "mark each blank as {{c1::answer}}")
        elif any(not d.answer.strip() for d in question.deletions):
            self.error(node, "a cloze deletion is empty", EMPTY_DELETION_HINT)

    def order(self, values: dict[str, Any], entries: Entries) -> None:
        node = entries["items"][1]
        if len(values["items"]) < F.MIN_ITEMS:
            self.error(node, f"'items' needs at least {F.MIN_ITEMS} entries, in the right order")
        self.distinct(values["items"], node, "item")

    # -- shared checks ------------------------------------------------------------------

    def options(self, choices: tuple[str, ...], node: yaml.Node, name: str) -> None:
        if not F.MIN_CHOICES <= len(choices) <= F.MAX_CHOICES:
            self.error(
                node,
                f"'{name}' needs {F.MIN_CHOICES} to {F.MAX_CHOICES} options, not {len(choices)}",
            )
        self.distinct(choices, node, "choice")

    def distinct(self, values: tuple[str, ...], node: yaml.Node, what: str) -> None:
        seen: set[str] = set()
        for value, item in zip(values, node.value, strict=True):
            if value in seen:
                self.error(item, f"{what} '{value}' is listed twice")
            seen.add(value)

    def not_a_choice(self, node: yaml.Node, answer: str, choices: tuple[str, ...]) -> None:
        close = difflib.get_close_matches(answer, choices, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "copy it from the choices"
        self.error(node, f"answer '{answer}' is not one of the choices: {', '.join(choices)}", hint)

    def silence(self, names: tuple[str, ...], entries: Entries) -> None:
        if not names:
            return
        for name, item in zip(names, entries["silence"][1].value, strict=True):
            if name not in F.WARNINGS:
                close = difflib.get_close_matches(name, F.WARNINGS, n=1)
                hint = (
                    f"did you mean '{close[0]}'?"
                    if close
                    else "warnings are " + ", ".join(F.WARNINGS)
                )
                self.error(item, f"unknown warning '{name}' in 'silence'", hint)

    def quote(self, quote: str, entries: Entries) -> None:
        if not quote or self.source is None or self.source.contains(quote):
            return
        closest = self.source.closest(quote)
        hint = f"the closest passage is '{closest}'" if closest else "copy it from the source"
        self.error(
            entries["quote"][1],
            f"the quote is not in the source file '{self.source.path.name}'",
            hint,
        )


BUILDERS: dict[str, type[AnyQuestion]] = {
    cls.kind: cls
    for cls in (
        ChoiceQuestion,
        MultiQuestion,
        TrueFalseQuestion,
        TextQuestion,
        ClozeQuestion,
        OrderQuestion,
    )
}
