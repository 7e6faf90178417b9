"""A deck's questions are built as they are reached: a big cached deck opens, is counted and
starts a quiz without building the questions nobody asks for."""

from __future__ import annotations

import pickle
import random
import shutil
from pathlib import Path

import pytest

from quiz.deck import questions as deck_questions
from quiz.deck.cache import load_deck_cached
from quiz.deck.loader import load_deck_or_raise
from quiz.deck.model import AnyQuestion, Deck
from quiz.deck.questions import Questions
from quiz.play.selection import QuizOptions, select_questions
from quiz.play.session import QuizSession

EVERY_TYPE = Path(__file__).parent.parent / "decks" / "every-type.yaml"


@pytest.fixture
def cached(tmp_path: Path) -> Deck:
    """The every-type deck as a second opening reads it: from the cache."""
    path = tmp_path / "every-type.yaml"
    shutil.copy(EVERY_TYPE, path)
    load_deck_cached(path, tmp_path / "cache")
    deck = load_deck_cached(path, tmp_path / "cache").deck
    assert deck is not None
    return deck


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The types of the questions built from the cache's encoding, in order."""
    made: list[str] = []
    decode = deck_questions.decoded

    def counting(kind: str, data: bytes) -> AnyQuestion:
        made.append(kind)
        return decode(kind, data)

    monkeypatch.setattr(deck_questions, "decoded", counting)
    return made


def test_counting_a_cached_deck_builds_no_question(cached: Deck, builds: list[str]) -> None:
    deck = load_deck_or_raise(EVERY_TYPE)
    assert len(cached.questions) == len(deck.questions)
    assert cached.questions.ids() == [q.id for q in deck.questions]
    assert cached.count_by_type() == deck.count_by_type()
    assert (cached.sections, cached.tags) == (deck.sections, deck.tags)
    assert builds == []


def test_filtering_a_cached_deck_builds_no_question(cached: Deck, builds: list[str]) -> None:
    """The options dialog counts the matches on every tick: a big deck must not be built."""
    places = frozenset({"Places"})
    options = QuizOptions(sections=places, tags=frozenset({"religion"}), shuffle=False)
    assert select_questions(cached, options, 7).ids() == ["sunni"]
    assert builds == []


def test_a_quiz_builds_each_question_once_as_it_reaches_it(cached: Deck, builds: list[str]) -> None:
    session = QuizSession.start(cached, QuizOptions(), seed=7)
    first = session.current
    assert builds == [first.kind]
    assert session.current is first  # kept, not built again
    assert cached.questions[cached.questions.ids().index(first.id)] is first  # and shared
    assert session.questions.ids() == [q.id for q in session.questions]
    assert len(builds) == len(cached.questions)  # every question, once


def test_the_order_for_a_seed_is_the_order_of_a_shuffled_tuple() -> None:
    """Shuffling positions draws as shuffling the questions did: a seed keeps its order."""
    deck = load_deck_or_raise(EVERY_TYPE)
    expected = list(deck.questions)
    random.Random(f"7:{deck.id}").shuffle(expected)
    assert list(select_questions(deck, QuizOptions(), 7)) == expected


def test_questions_compare_slice_and_pickle_as_a_tuple_of_them() -> None:
    deck = load_deck_or_raise(EVERY_TYPE)
    questions = deck.questions
    as_tuple = tuple(questions)
    assert questions == as_tuple
    assert questions[1:3] == as_tuple[1:3]
    assert questions[-1] == as_tuple[-1]
    assert questions.select([2, 0]) == (as_tuple[2], as_tuple[0])
    assert hash(questions) == hash(Questions.of(as_tuple))
    again = pickle.loads(pickle.dumps(questions))
    assert again == questions
    assert [q.line for q in again] == [q.line for q in questions]  # lines are kept too
    assert questions != as_tuple[:-1]
