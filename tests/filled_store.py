"""A history that the statistics tests share: two quizzes and three reviews of every-type."""

from __future__ import annotations

from quiz.store.database import Database
from quiz.store.history import History, RunKind
from quiz.study.cards import record_review
from quiz.study.scheduler import Rating, StudyScheduler

IDS = ("capital", "colonies", "sunni", "ban-date", "missions", "events")
"""The questions of tests/decks/every-type.yaml, in file order."""


def fill(database: Database) -> None:
    """Two quizzes (50%, then 100%) and three reviews, one of them a flip."""
    history = History(database)
    for right in (IDS[3:], IDS):
        run = history.start("every-type", "Every type [bold]test[/bold]", RunKind.FULL, len(IDS))
        for question in IDS:
            history.record(run, question, '"x"', float(question in right), 2.0)
        history.finish(run)
    scheduler = StudyScheduler(fuzzing=False)
    record_review(database, scheduler, "every-type", "capital", Rating.Again, correct=False)
    record_review(database, scheduler, "every-type", "sunni", Rating.Good, correct=True)
    record_review(database, scheduler, "every-type", "events", Rating.Good)  # a flip
