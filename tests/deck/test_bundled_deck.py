"""The bundled question bank: valid, derived from its source, without repeats, and fair to
a learner who knows the facts: natural phrasings of a right answer are accepted."""

from __future__ import annotations

from itertools import combinations

import pytest
from rapidfuzz import fuzz

from quiz.deck import QUESTION_TYPES, AnyQuestion, ClozeQuestion, Deck, TextQuestion
from quiz.deck.coverage import coverage
from quiz.deck.library import load_decks
from quiz.deck.source import read_source, split_sentences
from quiz.paths import bundled_decks_dir
from quiz.play.scoring import check_answer

DEFINITIONAL = "Algeria–Mali relations refers to bilateral relations between Algeria and Mali."
"""The one source sentence no question quotes: it restates the title (decks/README.md)."""

RIGHT = {
    "mnla-partner": ["MNLA", "the MNLA", "National Movement for the Liberation of Azawad"],
    "drone-type": ["Akinci", "Akıncı", "Bayraktar Akıncı", "the Akinci"],
    "drone-announcer": [
        "Ministry of National Defense",
        "Algerian Ministry of National Defense",
        "MDN",
        "Defence Ministry",
    ],
    "seizure-rebellion": ["Tuareg", "the Tuareg rebellion", "2012 Tuareg rebellion"],
    "insurgency-location": ["northern Mali", "North Mali", "the north"],
    "likely-aircraft": ["MIG-29", "a MiG-29", "MiG 29"],
    "border-desert": ["Sahara", "the Sahara desert"],
    "azawad-inhabitants": ["Tuareg", "the Tuareg", "Tuaregs"],
    "algerian-embassy-city": ["Bamako"],
    "drone-town": ["Tin Zaouatine", "Tinzaouaten"],
    "recall-date": ["December 2023", "Dec 2023", "December of 2023"],
    "drone-date": ["March 31st 2025", "31 March 2025", "31/03/2025"],
    "flight-ban-date": ["April 7, 2025", "7th of April 2025", "2025-04-07"],
    "hostage-count": ["Seven", "7", "seven hostages"],
    "territorial-integrity": ["territorial integrity"],
    "al-qaeda-region": ["Maghreb", "the Maghreb", "Islamic Maghreb", "Maghrib"],
    "flight-ban-reason": ["recurring", "repeated", "persistent", "Recuring"],
    "recall-accusation": ["rebel", "rebels", "separatist", "Separatists"],
}
"""What a learner who knows the fact would type, question by question."""

WRONG = {
    "border-desert": ["Sahel", "the Sahel"],
    "flight-ban-date": ["07/04/2025", "4/7/2025", "8 April 2025"],
    "drone-date": ["31 March 2024"],
    "hostage-count": ["8", "Six"],
    "mnla-partner": ["AQIM"],
    "likely-aircraft": ["MiG-21"],
    "al-qaeda-region": ["Sahel", "Sahara"],
    "flight-ban-reason": ["single", "accidental"],
    "recall-accusation": ["Islamist", "jihadist"],
}
"""Answers that must stay wrong: the article's error, the day/month order the checker
refuses to guess (7/4 is 7 April or 4 July), and near misses."""


@pytest.fixture(scope="module")
def deck() -> Deck:
    results = load_decks([bundled_decks_dir()])
    assert [str(e) for r in results for e in r.errors] == []
    [deck] = [r.deck for r in results if r.deck and r.deck.id == "algeria-mali-relations"]
    return deck


def asked(question: AnyQuestion) -> str:
    return question.with_blanks() if isinstance(question, ClozeQuestion) else question.prompt


def test_deck_has_every_type_and_enough_questions(deck: Deck) -> None:
    assert 50 <= len(deck.questions) <= 60
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
    assert report.uncovered == (DEFINITIONAL,)


def test_no_two_questions_ask_the_same_thing(deck: Deck) -> None:
    for a, b in combinations(deck.questions, 2):
        similarity = fuzz.token_sort_ratio(asked(a), asked(b))
        assert similarity < 90, f"{a.id} and {b.id} ask nearly the same thing"
        same_answer = a.kind == b.kind and a.answer_text == b.answer_text
        assert not (same_answer and a.quote == b.quote), f"{a.id} repeats {b.id}"


def test_no_answer_repeats_a_fact_the_source_does_not_state(deck: Deck) -> None:
    """The article calls Tamanrasset and Adrar Provinces 'coastal cities', the Sahel a
    desert, and has Mali accuse its own ambassador: questions may cite these as the
    article's words, but never teach them as answers."""
    assert deck.source.file is not None
    sentences = split_sentences(read_source(deck.source.file).raw)
    assert any("coastal cities" in s for s in sentences)
    for question in deck.questions:
        taught = " ".join((question.answer_text, *getattr(question, "choices", ()))).lower()
        assert "coastal" not in taught, question.id
        assert "sahel" not in taught, question.id
        assert "coastal" not in question.explain.lower(), question.id
        assert "accusing him" not in asked(question), question.id


def typed(deck: Deck, question_id: str, answer: str) -> bool:
    [question] = [q for q in deck.questions if q.id == question_id]
    given = (answer,) if isinstance(question, ClozeQuestion) else answer
    return check_answer(question, given).correct


@pytest.mark.parametrize(
    ("question_id", "answer"), [(q, a) for q, answers in RIGHT.items() for a in answers]
)
def test_natural_phrasings_of_a_right_answer_are_accepted(
    deck: Deck, question_id: str, answer: str
) -> None:
    assert typed(deck, question_id, answer)


@pytest.mark.parametrize(
    ("question_id", "answer"), [(q, a) for q, answers in WRONG.items() for a in answers]
)
def test_wrong_and_ambiguous_answers_are_refused(deck: Deck, question_id: str, answer: str) -> None:
    assert not typed(deck, question_id, answer)


def test_every_typed_question_has_its_phrasings_tested(deck: Deck) -> None:
    typed_ids = {q.id for q in deck.questions if isinstance(q, TextQuestion | ClozeQuestion)}
    assert typed_ids == set(RIGHT)
