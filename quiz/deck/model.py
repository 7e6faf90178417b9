"""The immutable model of a deck: one frozen class per question type, and the `Deck`.

Everything downstream (the quiz session, the scheduler, the Anki exporter, the tests)
shares these classes. They hold data only: no YAML, no I/O, no Textual, no genanki.
The loader is the only place that builds them, after validation, so code that receives
a `Deck` may trust every invariant the format promises (answers among the choices,
at least one cloze deletion, and so on). The `Deck` and its `Source` are defined in
`quiz.deck.deck` and offered here too: a deck from the cache, counted or checked
without building a question, needs none of the question classes (each frozen class
costs about a millisecond to define, a tenth of `quiz check`'s start-up for the lot).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

from quiz.deck.deck import QUESTION_TYPES as QUESTION_TYPES
from quiz.deck.deck import Deck as Deck
from quiz.deck.deck import Source as Source


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    """What every question type has in common.

    Each concrete type adds its answer fields and an `answer_text` property: the
    correct answer as a learner reads it on the feedback screen.

    `id` is the question's identity for ever: history, study schedules and Anki notes
    are keyed by (deck id, question id), so editing the text keeps them all.
    `silence` names `quiz check` warnings the author has judged not to apply.
    `line` and `column` point authors back at the YAML; they take no part in equality.
    """

    kind: ClassVar[str] = ""

    id: str
    prompt: str
    section: str = ""
    explain: str = ""
    quote: str = ""
    tags: tuple[str, ...] = ()
    silence: tuple[str, ...] = ()
    line: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class ChoiceQuestion(Question):
    """Pick the one right answer among `choices`."""

    kind: ClassVar[str] = "choice"

    choices: tuple[str, ...]
    answer: str

    @property
    def answer_text(self) -> str:
        return self.answer


@dataclass(frozen=True, slots=True, kw_only=True)
class MultiQuestion(Question):
    """Pick every right answer among `choices`; `answers` keeps the deck's order."""

    kind: ClassVar[str] = "multi"

    choices: tuple[str, ...]
    answers: tuple[str, ...]

    @property
    def answer_text(self) -> str:
        return ", ".join(self.answers)


@dataclass(frozen=True, slots=True, kw_only=True)
class TrueFalseQuestion(Question):
    """Judge a statement; the only type whose answer is not text."""

    kind: ClassVar[str] = "truefalse"

    answer: bool

    @property
    def answer_text(self) -> str:
        return "True" if self.answer else "False"


@dataclass(frozen=True, slots=True, kw_only=True)
class TextQuestion(Question):
    """Type the answer; `accept` lists other spellings that count as right."""

    kind: ClassVar[str] = "text"

    answer: str
    accept: tuple[str, ...] = ()

    @property
    def answer_text(self) -> str:
        return self.answer


@dataclass(frozen=True, slots=True)
class Deletion:
    """One `{{cN::answer::hint}}` blank of a cloze text."""

    number: int
    answer: str
    hint: str = ""


CLOZE_DELETION = re.compile(
    r"\{\{c(\d{1,4})::((?:(?!::|\{\{|\}\}).)*)(?:::((?:(?!\{\{|\}\}).)*))?\}\}", re.DOTALL
)
"""Anki's cloze syntax; the exporter hands the text to Anki unchanged.

The answer ends at the first `::` (a hint follows) or `}}`; neither answer nor hint
may hold `{{`. That keeps matching linear: with `(.*?)` every unclosed `{{c1::` read
on to the end of the text, and a few thousand of them took minutes. Numbers have at
most four digits, as Anki's do in practice (`int()` refuses more than 4,300).
"""


BlankForms = tuple[tuple[str, tuple[str, ...]], ...]
"""Other forms that count as right, per blank name: `(("c1", ("separatist",)),)`."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ClozeQuestion(Question):
    """Fill the blanks of `text`, written with Anki's cloze deletions.

    A cloze has no prompt of its own: the prompt is the text with its blanks shown.
    `accept` gives a blank (`c1`, as the text numbers it) other forms that count as
    right, as a text question's `accept` does: a blank holds one key word, and a learner
    who knows the fact may put it in another word.
    """

    kind: ClassVar[str] = "cloze"

    text: str
    prompt: str = ""
    accept: BlankForms = ()

    @property
    def deletions(self) -> tuple[Deletion, ...]:
        """The blanks, in reading order."""
        return tuple(
            Deletion(int(m[1]), m[2], m[3] or "") for m in CLOZE_DELETION.finditer(self.text)
        )

    @property
    def blank_names(self) -> tuple[str, ...]:
        """The names `accept` may give, `c1`, `c2`..., in reading order, each once."""
        return tuple(dict.fromkeys(blank_name(d.number) for d in self.deletions))

    def accepted(self, deletion: Deletion) -> tuple[str, ...]:
        """What counts as right in `deletion`: its answer, then the other forms of its blank."""
        name = blank_name(deletion.number)
        others = (form for blank, forms in self.accept if blank == name for form in forms)
        return (deletion.answer, *others)

    def with_blanks(self, blank: str = "[...]") -> str:
        """The text with each deletion replaced by `blank` (or its hint, when it has one)."""
        return CLOZE_DELETION.sub(lambda m: f"[{m[3]}]" if m[3] else blank, self.text)

    def filled(self) -> str:
        """The text with every blank filled in: the full sentence."""
        return CLOZE_DELETION.sub(lambda m: m[2], self.text)

    @property
    def answer_text(self) -> str:
        return "; ".join(d.answer for d in self.deletions)


def blank_name(number: int) -> str:
    """A blank's name as `accept` writes it: `c1` for `{{c1::...}}`."""
    return f"c{number}"


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderQuestion(Question):
    """Put `items` in order; the deck lists them in the correct order."""

    kind: ClassVar[str] = "order"

    items: tuple[str, ...]

    @property
    def answer_text(self) -> str:
        return " → ".join(self.items)


AnyQuestion = (
    ChoiceQuestion
    | MultiQuestion
    | TrueFalseQuestion
    | TextQuestion
    | ClozeQuestion
    | OrderQuestion
)

QUESTION_CLASSES: dict[str, type[AnyQuestion]] = {
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
"""Each question type's class by its YAML `type`: what the validator and the cache build."""
