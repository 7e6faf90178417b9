"""The format's rules on imported questions: whatever an importer builds must load."""

from __future__ import annotations

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
from quiz.importers.problems import question_problem

ABC = ("A", "B", "C")


@pytest.mark.parametrize(
    ("question", "problem"),
    [
        (ChoiceQuestion(id="-", prompt="", choices=ABC, answer="A"), "the prompt is empty"),
        (ChoiceQuestion(id="-", prompt="Q", choices=ABC, answer="D"), "the answer is not a choice"),
        (
            ChoiceQuestion(id="-", prompt="Q", choices=("A",), answer="A"),
            "a question needs 2 to 10 choices, not 1",
        ),
        (ChoiceQuestion(id="-", prompt="Q", choices=("A", ""), answer="A"), "a choice is empty"),
        (
            MultiQuestion(id="-", prompt="Q", choices=("A", "B", "A"), answers=("A",)),
            "choice 'A' is listed twice",
        ),
        (MultiQuestion(id="-", prompt="Q", choices=ABC, answers=()), "no choice is marked right"),
        (
            MultiQuestion(id="-", prompt="Q", choices=ABC, answers=("A", "D")),
            "an answer is not a choice",
        ),
        (TextQuestion(id="-", prompt="Q", answer=""), "the answer is empty"),
        (
            TextQuestion(id="-", prompt="Q", answer="a", accept=("b", "b")),
            "accepted answer 'b' is listed twice",
        ),
        (
            ClozeQuestion(id="-", text="no blank"),
            "the cloze has no complete deletion like {{c1::answer}}",
        ),
        (
            OrderQuestion(id="-", prompt="Q", items=("A",)),
            "an order question needs at least 2 items",
        ),
        (OrderQuestion(id="-", prompt="Q", items=("A", "A")), "item 'A' is listed twice"),
    ],
)
def test_a_broken_question_gets_one_plain_reason(question: AnyQuestion, problem: str) -> None:
    assert question_problem(question) == problem


@pytest.mark.parametrize(
    "question",
    [
        ChoiceQuestion(id="-", prompt="Q", choices=ABC, answer="C"),
        MultiQuestion(id="-", prompt="Q", choices=ABC, answers=("C", "A")),
        TrueFalseQuestion(id="-", prompt="Q", answer=False),
        TextQuestion(id="-", prompt="Q", answer="a", accept=("b",)),
        ClozeQuestion(id="-", text="{{c1::Gao}} is in Mali"),
        OrderQuestion(id="-", prompt="Q", items=("A", "B")),
    ],
)
def test_a_valid_question_has_no_problem(question: AnyQuestion) -> None:
    assert question_problem(question) == ""
