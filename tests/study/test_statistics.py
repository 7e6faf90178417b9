"""The figures behind the statistics screen and `quiz stats`."""

from __future__ import annotations

import pickle

import pytest

from quiz.deck import questions
from quiz.deck.model import AnyQuestion, Deck
from quiz.deck.questions import Questions
from quiz.store.database import Database
from quiz.store.history import History, RunKind
from quiz.study.cards import record_review
from quiz.study.scheduler import Rating, StudyScheduler
from quiz.study.statistics import (
    CHART_DAYS,
    built_figures,
    gather_statistics,
    missed_questions,
    question_figures,
    score_trends,
)


def quiz(
    history: History, deck_id: str, right: int, of: int, *, mode: RunKind = RunKind.FULL
) -> int:
    run = history.start(deck_id, f"Title of {deck_id}", mode, of)
    for number in range(of):
        history.record(run, f"q{number}", '"x"', float(number < right), 1.0)
    return run


def test_trends_are_finished_full_quizzes_oldest_first_latest_deck_first(db: Database) -> None:
    history = History(db)
    history.finish(quiz(history, "a", 1, 2))
    quiz(history, "a", 2, 2)  # stopped: not a score
    history.finish(quiz(history, "a", 1, 1, mode=RunKind.RETRY))  # a retry: another story
    history.finish(quiz(history, "b", 4, 5))
    history.finish(quiz(history, "a", 2, 2))
    trends = score_trends(history, history.sessions(), {"a": 2})
    assert [(t.deck_id, t.title, t.percents) for t in trends] == [
        ("a", "Title of a", (50.0, 100.0)),
        ("b", "Title of b", (80.0,)),
    ]
    a, b = (trend.scores for trend in trends)  # the deck list's: History.deck_scores
    assert (a.best, a.last.percent, a.runs, a.retries) == (100.0, 100.0, 3, 1)
    assert (b.best, b.runs) == (None, 1)  # not at hand: no size tells a whole-deck quiz
    assert [t.deck_id for t in score_trends(history, history.sessions("b"), {})] == ["b"]


def test_the_most_missed_are_those_the_decks_still_hold(
    db: Database, deck: Deck, scheduler: StudyScheduler
) -> None:
    for question in ("capital", "capital", "sunni", "events", "missions"):
        record_review(db, scheduler, deck.id, question, Rating.Again)
    record_review(db, scheduler, "other", "q", Rating.Again)
    smaller = deck._replace(questions=Questions.of(q for q in deck.questions if q.id != "sunni"))
    missed = missed_questions(db, [smaller], limit=2)
    assert [(m.question.id, m.misses, m.attempts) for m in missed] == [
        ("capital", 2, 2),
        ("events", 1, 1),
    ]
    assert missed[0].deck is smaller
    assert missed_questions(db, [smaller], deck_id="other") == ()


def test_gather_reads_every_figure_at_once(
    db: Database, deck: Deck, scheduler: StudyScheduler
) -> None:
    record_review(db, scheduler, deck.id, "capital", Rating.Again, correct=False)
    record_review(db, scheduler, deck.id, "sunni", Rating.Good, correct=True)
    statistics = gather_statistics(db, [deck], db.now())
    assert len(statistics.days) == CHART_DAYS
    assert statistics.reviews_in_chart == 2
    assert (statistics.retention.reviews, statistics.retention.recalled) == (2, 1)
    assert [m.question.id for m in statistics.missed] == ["capital"]
    assert statistics.trends == ()
    assert gather_statistics(db, [deck], db.now(), deck_id="other").reviews_in_chart == 0
    assert statistics.questions == ()


def test_each_questions_figures_only_when_asked_for(db: Database, deck: Deck) -> None:
    """`quiz stats` prints no figures per question: it does not read every answer for them."""
    history = History(db)
    run = history.start(deck.id, deck.title, RunKind.FULL, 1)
    history.record(run, "capital", '"Gao"', 0.0, 3.0)
    history.finish(run)
    plain = gather_statistics(db, [deck], db.now())
    full = gather_statistics(db, [deck], db.now(), per_question=10)
    assert plain.questions == ()
    assert [(f.question.id, f.stats.asked) for f in full.questions] == [("capital", 1)]
    assert plain.runs == full.runs == tuple(history.sessions())


def test_only_the_hardest_questions_figures_are_kept(db: Database, deck: Deck) -> None:
    """The statistics screen shows a few hundred: a big deck's every question's figures
    would stay in memory as long as it is open, for Python's cycle collector to walk."""
    history = History(db)
    run = history.start(deck.id, deck.title, RunKind.FULL, 2)
    history.record(run, "capital", '"Gao"', 1.0, 3.0)
    history.record(run, "sunni", '"x"', 0.0, 3.0)
    hardest = gather_statistics(db, [deck], db.now(), per_question=1)
    assert [f.question.id for f in hardest.questions] == ["sunni"]
    assert hardest.questions_asked == 2


def test_only_the_kept_questions_are_built(
    db: Database, deck: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deck read from the cache builds a question when it is first reached and keeps it:
    the figures of questions left out must not build theirs (100,000 of them would stay
    in the deck for the cycle collector to walk, the screen long closed)."""
    cached = pickle.loads(pickle.dumps(deck))
    built: list[str] = []
    decode = questions.decoded

    def counted(kind: str, data: bytes) -> AnyQuestion:
        built.append(kind)
        return decode(kind, data)

    monkeypatch.setattr(questions, "decoded", counted)
    history = History(db)
    run = history.start(deck.id, deck.title, RunKind.FULL, 2)
    history.record(run, "capital", '"Gao"', 1.0, 3.0)
    history.record(run, "sunni", '"x"', 0.0, 3.0)
    hardest = gather_statistics(db, [cached], db.now(), per_question=1)
    assert [f.question.id for f in hardest.questions] == ["sunni"]
    assert len(built) == 1


def test_question_figures_are_hardest_first_over_the_decks_at_hand(
    db: Database, deck: Deck
) -> None:
    other = deck._replace(id="other", questions=deck.questions[:2])
    history = History(db)
    for deck_id, question, right in (
        ("every-type", "capital", 1.0),
        ("every-type", "capital", 0.0),
        ("every-type", "sunni", 1.0),
        ("every-type", "events", 0.0),
        ("every-type", "gone", 0.0),  # no longer in the deck: nothing to name it by
        ("other", "colonies", 0.0),
        ("other", "capital", 0.0),
    ):
        history.record(
            history.start(deck_id, deck_id, RunKind.FULL, 1), question, '"x"', right, 1.0
        )
    found = built_figures(db, question_figures(db, [deck, other]))
    assert [(f.deck.id, f.question.id, f.stats.share_right) for f in found] == [
        ("every-type", "events", 0.0),  # as hard: in the order of the decks, then of the lines
        ("other", "capital", 0.0),
        ("other", "colonies", 0.0),
        ("every-type", "capital", 0.5),
        ("every-type", "sunni", 1.0),
    ]
    assert found[1].deck is other
    hardest = built_figures(db, question_figures(db, [deck, other], "every-type"))
    assert [f.question.id for f in hardest] == [
        "events",
        "capital",
        "sunni",
    ]
