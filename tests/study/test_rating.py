"""The suggested rating: Again when wrong, else Easy, Good or Hard by time for the question."""

from __future__ import annotations

import pytest

from quiz.deck.model import Deck, OrderQuestion, TrueFalseQuestion
from quiz.study.rating import FAST, SLOW, expected_seconds, suggest_rating
from quiz.study.scheduler import Rating


def test_a_wrong_answer_is_again_however_fast(deck: Deck) -> None:
    for question in deck.questions:
        assert suggest_rating(question, False, 0.1) is Rating.Again


@pytest.mark.parametrize(
    ("share_of_expected", "rating"),
    [
        (0.1, Rating.Easy),
        (FAST * 0.99, Rating.Easy),
        (1.0, Rating.Good),
        (SLOW, Rating.Good),
        (SLOW * 1.01, Rating.Hard),
        (10.0, Rating.Hard),
    ],
)
def test_a_right_answer_is_rated_by_time(
    deck: Deck, share_of_expected: float, rating: Rating
) -> None:
    for question in deck.questions:
        seconds = share_of_expected * expected_seconds(question)
        assert suggest_rating(question, True, seconds) is rating, question.id


def test_more_to_read_or_do_means_more_time() -> None:
    short = TrueFalseQuestion(id="a", prompt="Mali is landlocked.", answer=True)
    wordy = TrueFalseQuestion(id="b", prompt="very " * 40 + "Mali is landlocked.", answer=True)
    two = OrderQuestion(id="c", prompt="Order them.", items=("A", "B"))
    six = OrderQuestion(id="d", prompt="Order them.", items=tuple("ABCDEF"))
    assert expected_seconds(wordy) == expected_seconds(short) + 10
    assert expected_seconds(six) > expected_seconds(two)
    assert suggest_rating(wordy, True, 12) is Rating.Good
    assert suggest_rating(short, True, 12) is Rating.Hard


def test_every_type_has_a_sensible_expected_time(deck: Deck) -> None:
    times = {question.kind: expected_seconds(question) for question in deck.questions}
    assert set(times) == {"choice", "multi", "truefalse", "text", "cloze", "order"}
    assert all(2 <= seconds <= 30 for seconds in times.values()), times
    assert times["truefalse"] < times["text"]


@pytest.mark.parametrize(
    ("share_of_expected", "rating"),
    [(0.1, Rating.Good), (1.0, Rating.Good), (SLOW * 1.01, Rating.Hard)],
)
def test_a_first_answer_is_never_suggested_easy(
    deck: Deck, share_of_expected: float, rating: Rating
) -> None:
    for question in deck.questions:
        seconds = share_of_expected * expected_seconds(question)
        assert suggest_rating(question, True, seconds, first=True) is rating, question.id
        assert suggest_rating(question, False, seconds, first=True) is Rating.Again
