"""The figures of the statistics screen and of `quiz stats`, gathered once for both. Reads only.

A deck's score trend is its finished full runs, oldest first: a retry of the missed
questions or a stopped run would tell another story. Its best, last and count of quizzes
are the deck list's (`History.deck_scores`): the best only of a quiz over every question.
The most missed questions are those the decks at hand still hold, since showing one
needs its prompt (the store keeps only ids, and a question removed from its deck is no
longer worth drilling). The same holds for the figures per question, which only the
decks at hand can name.
Nothing here knows about Textual.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

from quiz.store.card_marks import mark_rows
from quiz.store.database import Database
from quiz.store.history import DeckScores, History, RunKind, SessionRow, deck_sizes
from quiz.store.recall import Retention, most_missed, retention
from quiz.study.progress import DayReviews, reviews_per_day
from quiz.study.review_calendar import ReviewCalendar, review_calendar

if TYPE_CHECKING:  # a deck's questions are built, and their classes defined, when reached
    from quiz.deck.deck import Deck
    from quiz.deck.model import AnyQuestion
    from quiz.store.question_stats import QuestionStats

CHART_DAYS = 30
"""Reviews per day are shown for the last 30 days, today included."""

MISSED_SHOWN = 8
"""How many of the most missed questions are listed."""


class ScoreTrend(NamedTuple):
    """The percent scores of a deck's finished full runs, oldest first (never empty), and
    the deck's scores as the deck list shows them."""

    deck_id: str
    title: str
    percents: tuple[float, ...]
    scores: DeckScores


class Missed(NamedTuple):
    """A question of a deck at hand and how often it was missed, in quizzes and reviews."""

    deck: Deck
    question: AnyQuestion
    misses: int
    attempts: int


class QuestionFigures(NamedTuple):
    """A question of a deck at hand with its quiz figures: asked, right, time, wrong picks."""

    deck: Deck
    question: AnyQuestion
    stats: QuestionStats


class Suspended(NamedTuple):
    """A deck at hand with cards suspended: how many, and how many of them are leeches."""

    deck: Deck
    cards: int
    leeches: int


class Statistics(NamedTuple):
    """Everything the statistics screen and `quiz stats` show; `runs` are newest first."""

    runs: tuple[SessionRow, ...]
    trends: tuple[ScoreTrend, ...]
    days: tuple[DayReviews, ...]
    calendar: ReviewCalendar
    retention: Retention
    missed: tuple[Missed, ...]
    questions: tuple[QuestionFigures, ...]
    """The hardest questions' figures, as many as were asked for."""
    questions_asked: int = 0
    """How many questions of the decks at hand have figures, those left out included."""
    suspended: tuple[Suspended, ...] = ()

    @property
    def reviews_in_chart(self) -> int:
        return sum(day.reviews for day in self.days)

    @property
    def anki_in_chart(self) -> int:
        """How many of the chart's reviews were merged from Anki (`quiz merge`)."""
        return sum(day.from_anki for day in self.days)


def gather_statistics(
    db: Database,
    decks: Sequence[Deck],
    now: datetime,
    *,
    deck_id: str | None = None,
    tz: tzinfo | None = None,
    per_question: int = 0,
) -> Statistics:
    """The figures of every deck, or of the deck `deck_id` only, as of `now`.

    The figures of the `per_question` hardest questions, which read every answer, only
    when asked for: the statistics screen shows some, `quiz stats` none. Only those are
    kept, so that a big deck's figures do not outlive the reading (the screen's worker).
    """
    history = History(db)
    runs = tuple(history.sessions(deck_id))
    found = question_figures(db, decks, deck_id) if per_question else []
    return Statistics(
        runs=runs,
        trends=score_trends(history, runs, deck_sizes(decks)),
        days=tuple(reviews_per_day(db, now, days=CHART_DAYS, deck_id=deck_id, tz=tz)),
        calendar=review_calendar(db, now, deck_id=deck_id, tz=tz),
        retention=retention(db, deck_id=deck_id),
        missed=missed_questions(db, decks, deck_id),
        questions=built_figures(db, found[:per_question]) if found else (),
        questions_asked=len(found),
        suspended=suspended_cards(db, decks, deck_id),
    )


def score_trends(
    history: History, runs: Sequence[SessionRow], sizes: Mapping[str, int]
) -> tuple[ScoreTrend, ...]:
    """One trend per deck with a finished full run, the deck played most recently first;
    `runs` come newest first, as `History.sessions` gives them. The `sizes` of the decks
    at hand tell their quizzes over every question; a deck not at hand has no best."""
    titles: dict[str, str] = {}
    percents: dict[str, list[float]] = {}
    for run in runs:
        if run.mode is not RunKind.FULL or run.finished_at is None:
            continue
        titles.setdefault(run.deck_id, run.deck_title)
        percents.setdefault(run.deck_id, []).append(run.percent)
    scores = history.deck_scores({deck: sizes.get(deck) for deck in percents})
    return tuple(
        ScoreTrend(deck, titles[deck], tuple(reversed(shares)), scores[deck])
        for deck, shares in percents.items()
    )


def missed_questions(
    db: Database, decks: Sequence[Deck], deck_id: str | None = None, limit: int = MISSED_SHOWN
) -> tuple[Missed, ...]:
    """The `limit` questions missed most often among those the `decks` still hold."""
    at = {deck.id: (deck, deck.questions.positions()) for deck in decks}
    found = []
    for missed in most_missed(db, deck_id=deck_id, among=at.keys(), limit=None):
        deck, positions = at[missed.deck_id]
        position = positions.get(missed.question_id)
        if position is not None:
            question = deck.questions[position]
            found.append(Missed(deck, question, misses=missed.misses, attempts=missed.attempts))
        if len(found) == limit:
            break
    return tuple(found)


def suspended_cards(
    db: Database, decks: Sequence[Deck], deck_id: str | None = None
) -> tuple[Suspended, ...]:
    """The decks at hand (or the deck `deck_id`) with suspended cards among their questions."""
    found = []
    for deck in decks:
        if deck_id not in (None, deck.id):
            continue
        current = set(deck.questions.ids())
        marks = [m for m in mark_rows(db, deck.id) if m.suspended_at and m.question_id in current]
        if marks:
            found.append(Suspended(deck, len(marks), sum(m.leech_at is not None for m in marks)))
    return tuple(found)


FoundFigures: TypeAlias = tuple["Deck", int, float]
"""A question asked in a quiz, before its question is built or its answers are read: its
deck, its position there and its share of right answers."""


def question_figures(
    db: Database, decks: Sequence[Deck], deck_id: str | None = None
) -> list[FoundFigures]:
    """Every question of the `decks` asked in a quiz, least often right first; questions
    as hard as each other keep the order of the decks and of their lines.

    SQLite counts the answers, and no question is built (`built_figures` does both for
    those kept): a 100,000-question deck's questions, built, would stay in the deck long
    after the screen that read them, for every collection of Python's cycle collector to
    walk.
    """
    from quiz.store.question_stats import asked_and_right  # only for --questions, the screen

    found: list[FoundFigures] = []
    for deck in decks:
        if deck_id in (None, deck.id):
            counts = asked_and_right(db, deck.id)
            found += [
                (deck, n, right / asked)
                for n, question_id in enumerate(deck.questions.ids())
                for asked, right in [counts.get(question_id, (0, 0))]
                if asked
            ]
    found.sort(key=lambda figures: figures[2])
    return found


def built_figures(db: Database, found: Sequence[FoundFigures]) -> tuple[QuestionFigures, ...]:
    """The figures of the questions `question_figures` found, their questions built and
    their answers read."""
    from quiz.store.question_stats import question_stats

    kept = [(deck, deck.questions[position]) for deck, position, _ in found]
    stats: dict[str, dict[str, QuestionStats]] = {}
    for deck_id in dict.fromkeys(deck.id for deck, _ in kept):
        among = [question.id for deck, question in kept if deck.id == deck_id]
        stats[deck_id] = question_stats(db, deck_id, among=among)
    return tuple(
        QuestionFigures(deck, question, stats[deck.id][question.id]) for deck, question in kept
    )
