"""Which questions a run asks, given the learner's options."""

from __future__ import annotations

from quiz.deck import Deck
from quiz.play.selection import QuizOptions, select_questions


def ids(deck: Deck, options: QuizOptions, seed: int = 1) -> list[str]:
    return [q.id for q in select_questions(deck, options, seed)]


def test_all_in_deck_order_without_shuffle(every_type: Deck) -> None:
    assert ids(every_type, QuizOptions(shuffle=False)) == [q.id for q in every_type.questions]


def test_shuffle_is_seeded(every_type: Deck) -> None:
    options = QuizOptions()
    assert ids(every_type, options, 3) == ids(every_type, options, 3)
    assert sorted(ids(every_type, options, 3)) == sorted(q.id for q in every_type.questions)
    assert len({tuple(ids(every_type, options, seed)) for seed in range(10)}) > 1


def test_count_caps_the_run(every_type: Deck) -> None:
    assert ids(every_type, QuizOptions(count=2, shuffle=False)) == ["capital", "colonies"]
    assert len(ids(every_type, QuizOptions(count=99))) == 6


def test_section_filter(every_type: Deck) -> None:
    places = QuizOptions(sections=frozenset({"Places"}), shuffle=False)
    assert ids(every_type, places) == ["capital", "sunni", "missions"]


def test_tag_filter_keeps_questions_with_any_included_tag(every_type: Deck) -> None:
    aviation = QuizOptions(tags=frozenset({"aviation", "religion"}), shuffle=False)
    assert ids(every_type, aviation) == ["sunni", "ban-date"]


def test_filters_combine(every_type: Deck) -> None:
    options = QuizOptions(sections=frozenset({"History"}), tags=frozenset({"aviation"}))
    assert ids(every_type, options) == ["ban-date"]
    nothing = QuizOptions(sections=frozenset({"History"}), tags=frozenset({"religion"}))
    assert ids(every_type, nothing) == []
