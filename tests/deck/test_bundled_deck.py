"""The bundled question bank: valid, derived from its source, and without repeats."""

from __future__ import annotations

from itertools import combinations

import pytest
from rapidfuzz import fuzz

from quiz.deck import QUESTION_TYPES, AnyQuestion, ClozeQuestion, Deck
from quiz.deck.coverage import coverage
from quiz.deck.library import load_decks
from quiz.deck.source import read_source, split_sentences
from quiz.paths import bundled_decks_dir


@pytest.fixture(scope="module")
def deck() -> Deck:
    results = load_decks([bundled_decks_dir()])
    assert [str(e) for r in results for e in r.errors] == []
    [deck] = [r.deck for r in results if r.deck and r.deck.id == "algeria-mali-relations"]
    return deck


def asked(question: AnyQuestion) -> str:
    return question.with_blanks() if isinstance(question, ClozeQuestion) else question.prompt


def test_deck_has_every_type_and_enough_questions(deck: Deck) -> None:
    assert len(deck.questions) >= 60
    assert set(deck.count_by_type()) == set(QUESTION_TYPES)


def test_every_question_is_traceable_and_explained(deck: Deck) -> None:
    source = read_source(deck.source.file) if deck.source.file else None
    assert source is not None
    for question in deck.questions:
        assert question.section, question.id
        assert question.explain, question.id
        assert question.tags, question.id
        assert source.contains(question.quote), question.id


def test_every_fact_stating_sentence_is_quoted(deck: Deck) -> None:
    assert deck.source.file is not None
    report = coverage(read_source(deck.source.file), (q.quote for q in deck.questions))
    assert len(report.sentences) >= 15
    assert report.uncovered == ()


def test_no_two_questions_ask_the_same_thing(deck: Deck) -> None:
    for a, b in combinations(deck.questions, 2):
        similarity = fuzz.token_sort_ratio(asked(a), asked(b))
        assert similarity < 90, f"{a.id} and {b.id} ask nearly the same thing"
        same_answer = a.kind == b.kind and a.answer_text == b.answer_text
        assert not (same_answer and a.quote == b.quote), f"{a.id} repeats {b.id}"


def test_no_answer_repeats_a_fact_the_source_does_not_state(deck: Deck) -> None:
    """The article calls Tamanrasset and Adrar Provinces 'coastal cities': never repeat it."""
    assert deck.source.file is not None
    sentences = split_sentences(read_source(deck.source.file).raw)
    assert any("coastal cities" in s for s in sentences)
    for question in deck.questions:
        assert "coastal" not in question.answer_text.lower(), question.id
        assert "coastal" not in question.explain.lower(), question.id
