"""The format's rules on the model: one check for the loader and every importer.

The loader points each problem at its field (and list entry) in the deck file; an importer
skips the row with the first problem's message. Both read the same `Problem`s.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.deck import (
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from quiz.deck.loader import load_deck
from quiz.deck.rules import Problem, question_problem, question_problems
from quiz.importers import QuestionBuilder, Skipped

ABC = ("A", "B", "C")


@pytest.mark.parametrize(
    ("question", "problem"),
    [
        (ChoiceQuestion(id="-", prompt="", choices=ABC, answer="A"), ("prompt", None)),
        (ChoiceQuestion(id="-", prompt="Q", choices=ABC, answer="D"), ("answer", None)),
        (ChoiceQuestion(id="-", prompt="Q", choices=("A",), answer="A"), ("choices", None)),
        (ChoiceQuestion(id="-", prompt="Q", choices=("A", ""), answer="A"), ("choices", 1)),
        (
            MultiQuestion(id="-", prompt="Q", choices=("A", "B", "A"), answers=("A",)),
            ("choices", 2),
        ),
        (MultiQuestion(id="-", prompt="Q", choices=ABC, answers=()), ("answers", None)),
        (MultiQuestion(id="-", prompt="Q", choices=ABC, answers=("A", "D")), ("answers", 1)),
        (MultiQuestion(id="-", prompt="Q", choices=ABC, answers=("A", "A")), ("answers", 1)),
        (TrueFalseQuestion(id="-", prompt="", answer=True), ("prompt", None)),
        (TextQuestion(id="-", prompt="Q", answer=""), ("answer", None)),
        (TextQuestion(id="-", prompt="Q", answer="a", accept=("b", "b")), ("accept", 1)),
        (ClozeQuestion(id="-", text="no blank"), ("text", None)),
        (ClozeQuestion(id="-", text="{{c1::}}} closes early"), ("text", None)),
        (OrderQuestion(id="-", prompt="Q", items=("A",)), ("items", None)),
        (OrderQuestion(id="-", prompt="Q", items=("A", "B", "A")), ("items", 2)),
        (TextQuestion(id="-", prompt="Q", answer="a", silence=("long-choices",)), ("silence", 0)),
    ],
)
def test_each_problem_names_its_field_and_entry(
    question: AnyQuestion, problem: tuple[str, int | None]
) -> None:
    [found] = question_problems(question)
    assert (found.field, found.entry) == problem
    assert question_problem(question) == found.message


def test_messages_name_what_is_wrong_and_hint_the_fix() -> None:
    question = MultiQuestion(id="-", prompt="Q", choices=("Gao", "Kidal"), answers=("Goa",))
    assert question_problems(question) == [
        Problem(
            "answers",
            "answer 'Goa' is not one of the choices: Gao, Kidal",
            "did you mean 'Gao'?",
            0,
        )
    ]


@pytest.mark.parametrize(
    "question",
    [
        ChoiceQuestion(id="-", prompt="Q", choices=ABC, answer="C"),
        MultiQuestion(id="-", prompt="Q", choices=ABC, answers=("C", "A")),
        TrueFalseQuestion(id="-", prompt="Q", answer=False),
        TextQuestion(id="-", prompt="Q", answer="a", accept=("b",), silence=("long-choice",)),
        ClozeQuestion(id="-", text="{{c1::Gao}} is in Mali"),
        OrderQuestion(id="-", prompt="Q", items=("A", "B")),
    ],
)
def test_a_valid_question_has_no_problem(question: AnyQuestion) -> None:
    assert question_problems(question) == []
    assert question_problem(question) == ""


DECK = """\
deck: rules
title: Rules
questions:
  - id: q
    type: choice
    prompt: Which town is on the Niger?
    choices: [Gao, "", Kidal]
    answer: Gao
"""


def test_the_loader_and_an_importer_refuse_a_question_for_the_same_reason(tmp_path: Path) -> None:
    """An empty choice: the importers refused it and the loader took it, before one check."""
    path = tmp_path / "deck.yaml"
    path.write_text(DECK, encoding="utf-8")
    [error] = load_deck(path).errors
    assert (error.line, error.column, error.message) == (7, 20, "a choice is empty")
    builder = QuestionBuilder()
    question = ChoiceQuestion(
        id="-", prompt="Which town is on the Niger?", choices=("Gao", "", "Kidal"), answer="Gao"
    )
    builder.add_question(3, question)
    assert builder.result().skipped == (Skipped(3, error.message),)
