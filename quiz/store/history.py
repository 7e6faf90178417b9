"""Quiz history: the tables `sessions` and `answers`, written as a quiz goes, read for stats.

A session row is written when a quiz starts, each answer is its own committed
transaction that also adds its points to the session's score, and finishing sets
`finished_at` with what the run asked and scored (a resumed run may ask fewer). So a
quiz killed halfway keeps every answer it saved and its score so far, and shows up as
unfinished. Nothing here knows about Textual or the quiz session.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from quiz.store.database import Database
from quiz.store.instants import from_timestamp, timestamp

if TYPE_CHECKING:
    from quiz.deck.deck import Deck


class RunKind(StrEnum):
    """What a run went over; the values are what the column `sessions.mode` holds."""

    FULL = "quiz"
    """A run over a deck's questions: the runs counted as a deck's quizzes (finished or
    stopped), its last and, when finished over every question, its best."""

    RETRY = "retry"
    """A run over the questions missed in another run: no quiz, counted apart."""


class SessionRow(NamedTuple):
    """One quiz run as saved."""

    id: int
    deck_id: str
    deck_title: str
    mode: RunKind
    started_at: datetime
    finished_at: datetime | None
    question_count: int
    answered: int
    score: float
    max_score: float
    resumable: bool = False
    """Stopped with its question order saved, and questions left: it can be resumed."""

    @property
    def percent(self) -> float:
        return 100 * self.score / self.max_score if self.max_score else 0.0


class RunPlan(NamedTuple):
    """What resuming a run needs: its questions in the order they were to be asked, the
    seed its choices were shown in, what kind of run it was, and the options it was
    started with as `quiz.play.selection` wrote them (None: saved without them)."""

    question_ids: tuple[str, ...]
    seed: int
    mode: RunKind
    options: str | None = None


class DeckScores(NamedTuple):
    """How a deck's quizzes went: a 1-question retry is not weighed like a 64-question quiz.

    `best`: the best percent of a finished quiz over every question (None before one, and
    for a deck whose size is not known); `last`: the latest quiz, finished or stopped, over
    all or some questions; `runs`: the quizzes, stopped ones included; `retries`: the
    retries of missed questions, counted apart. The deck list, the statistics screen and
    `quiz stats` all show these, read by `History.deck_scores` alone.
    """

    best: float | None
    last: SessionRow
    runs: int
    retries: int = 0


class SavedAnswer(NamedTuple):
    """One answer as saved; `given` is the JSON the recorder wrote."""

    question_id: str
    given: str
    correct: bool
    points: float
    seconds: float
    answered_at: datetime


class History:
    """Reads and writes quiz runs in the store."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def start(
        self,
        deck_id: str,
        deck_title: str,
        mode: RunKind,
        question_count: int,
        *,
        plan: tuple[Sequence[str], int] | None = None,
        options: str | None = None,
    ) -> int:
        """Save a new run and return its id; the run is worth one point per question.
        `plan` (the question ids in order, the seed) lets a stopped run be resumed, and
        `options` (text the store keeps as given) start it again as it was started."""
        import json  # only a run that can be resumed: `quiz stats` reads no plan

        questions, seed = (json.dumps(list(plan[0])), plan[1]) if plan else (None, None)
        with self.database.transaction() as connection:
            cursor = connection.execute(
                "INSERT INTO sessions (deck_id, deck_title, mode, started_at, question_count,"
                " max_score, questions, seed, options) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    deck_id,
                    deck_title,
                    mode,
                    self._now(),
                    question_count,
                    question_count,
                    questions,
                    seed,
                    options,
                ),
            )
            return int(cursor.lastrowid or 0)

    def record(
        self,
        session_id: int,
        question_id: str,
        given: str,
        points: float,
        seconds: float,
    ) -> None:
        """Save one answer and add its points to the run's score, in one commit."""
        with self.database.transaction() as connection:
            connection.execute(
                "INSERT INTO answers (session_id, deck_id, question_id, given, correct, points,"
                " seconds, answered_at) SELECT ?, deck_id, ?, ?, ?, ?, ?, ? FROM sessions"
                " WHERE id = ?",
                (
                    session_id,
                    question_id,
                    given,
                    points >= 1.0,
                    points,
                    seconds,
                    self._now(),
                    session_id,
                ),
            )
            connection.execute(
                "UPDATE sessions SET score = score + ? WHERE id = ?", (points, session_id)
            )

    def finish(self, session_id: int, counted: tuple[int, float] | None = None) -> None:
        """Mark the run as completed. `counted` (the questions asked, the points scored)
        sets what it is worth in the same commit, one point per question: a resumed run
        leaves out questions removed from the deck since, so it asks fewer than it was
        started with, and each view of it must show the score its results showed."""
        questions, score = counted if counted else (None, None)
        with self.database.transaction() as connection:
            connection.execute(
                "UPDATE sessions SET finished_at = ?, question_count = coalesce(?, question_count),"
                " max_score = coalesce(?, max_score), score = coalesce(?, score) WHERE id = ?",
                (self._now(), questions, questions, score, session_id),
            )

    def sessions(self, deck_id: str | None = None) -> list[SessionRow]:
        """Every run, newest first; only one deck's when `deck_id` is given."""
        rows = self.database.query(
            f"SELECT s.*, {_ANSWERED} FROM sessions s WHERE s.mode IN (?, ?)"
            f" AND (? IS NULL OR s.deck_id = ?) {_NEWEST_FIRST}",
            (RunKind.FULL, RunKind.RETRY, deck_id, deck_id),
        )
        return [_session_row(row) for row in rows]

    def recent(self, limit: int) -> list[SessionRow]:
        """The latest `limit` runs of any deck, newest first: read from the index on the
        start time, so a history of fifty thousand runs is no slower than one of five."""
        rows = self.database.query(
            f"SELECT s.*, {_ANSWERED} FROM (SELECT * FROM sessions WHERE mode IN (?, ?)"
            f" {_NEWEST_FIRST} LIMIT ?) s {_NEWEST_FIRST}",
            (RunKind.FULL, RunKind.RETRY, limit),
        )
        return [_session_row(row) for row in rows]

    def latest_run(
        self, deck_id: str, modes: Sequence[RunKind] = tuple(RunKind)
    ) -> SessionRow | None:
        """The deck's latest run of one of `modes` (a quiz or a retry), None before its first."""
        rows = self.database.query(
            f"SELECT s.*, {_ANSWERED} FROM sessions s WHERE s.deck_id = ?"
            f" AND s.mode IN ({', '.join('?' * len(modes))}) {_NEWEST_FIRST} LIMIT 1",
            (deck_id, *modes),
        )
        return _session_row(rows[0]) if rows else None

    def plan(self, session_id: int) -> RunPlan | None:
        """How a run was to go, or None for a run saved without its plan (before resuming)."""
        rows = self.database.query(
            "SELECT questions, seed, mode, options FROM sessions"
            " WHERE id = ? AND questions IS NOT NULL",
            (session_id,),
        )
        if not rows:
            return None
        [row] = rows
        import json

        questions = tuple(json.loads(row["questions"]))
        return RunPlan(questions, row["seed"], RunKind(row["mode"]), row["options"])

    def answers(self, session_id: int) -> list[SavedAnswer]:
        """The answers of one run, in the order they were given."""
        rows = self.database.query(
            "SELECT question_id, given, correct, points, seconds, answered_at FROM answers"
            " WHERE session_id = ? ORDER BY id",
            (session_id,),
        )
        return [
            SavedAnswer(
                row["question_id"],
                row["given"],
                bool(row["correct"]),
                row["points"],
                row["seconds"],
                from_timestamp(row["answered_at"]),
            )
            for row in rows
        ]

    def missed_questions(self, deck_id: str) -> frozenset[str]:
        """The deck's questions whose latest quiz answer was not right: missed in earlier
        quizzes, and not answered right since."""
        rows = self.database.query(
            "SELECT question_id FROM answers a WHERE deck_id = ? AND id ="
            " (SELECT max(id) FROM answers b WHERE b.deck_id = a.deck_id"
            " AND b.question_id = a.question_id) AND NOT correct",
            (deck_id,),
        )
        return frozenset(row["question_id"] for row in rows)

    def deck_scores(self, sizes: Mapping[str, int | None]) -> dict[str, DeckScores]:
        """The scores of each deck of `sizes` (questions per deck id, `deck_sizes`) that has
        a quiz; the size tells a run over every question from one over some, and a deck
        whose size is None (its file is not at hand) has no best. SQLite sums each deck's
        runs in the index on the deck, so a heavy learner's history is never read whole."""
        scores: dict[str, DeckScores] = {}
        for deck_id, size in sizes.items():
            last = self.latest_run(deck_id, (RunKind.FULL,))
            if last is None:
                continue
            [row] = self.database.query(
                "SELECT SUM(mode = ?) AS runs, SUM(mode = ?) AS retries, MAX(CASE WHEN mode = ?"
                " AND finished_at IS NOT NULL AND question_count >= ? THEN"
                " CASE WHEN max_score THEN 100.0 * score / max_score ELSE 0.0 END END) AS best"
                " FROM sessions WHERE deck_id = ?",
                (RunKind.FULL, RunKind.RETRY, RunKind.FULL, size, deck_id),
            )
            scores[deck_id] = DeckScores(row["best"], last, row["runs"], row["retries"])
        return scores

    def _now(self) -> str:
        return timestamp(self.database.now())


def deck_sizes(decks: Iterable[Deck]) -> dict[str, int]:
    """How many questions a quiz of each deck asks to be over every question, for
    `History.deck_scores`: the deck's questions as it is now."""
    return {deck.id: len(deck.questions) for deck in decks}


_ANSWERED = "(SELECT count(*) FROM answers a WHERE a.session_id = s.id) AS answered"
"""The answers a run `s` has saved, counted in the index on the run."""

_NEWEST_FIRST = "ORDER BY started_at DESC, id DESC"


def _session_row(row: sqlite3.Row) -> SessionRow:
    return SessionRow(
        id=row["id"],
        deck_id=row["deck_id"],
        deck_title=row["deck_title"],
        mode=RunKind(row["mode"]),
        started_at=from_timestamp(row["started_at"]),
        finished_at=from_timestamp(row["finished_at"]) if row["finished_at"] else None,
        question_count=row["question_count"],
        answered=row["answered"],
        score=row["score"],
        max_score=row["max_score"],
        resumable=row["questions"] is not None
        and row["finished_at"] is None
        and row["answered"] < row["question_count"],
    )
