"""Saving a quiz run to the history as it goes, without ever stopping the quiz.

The quiz must go on when the store cannot be written (a read-only disk, a locked file
that stays locked): the first failure is reported once through `report` and the run
carries on unsaved. Knows the session and the history, nothing of any UI.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from quiz.deck.model import AnyQuestion, Deck, MultiQuestion
from quiz.play.session import AnswerRecord, QuizSession, Seconds
from quiz.store.database import StoreError
from quiz.store.history import History

if TYPE_CHECKING:
    from quiz.play.scoring import Given  # the checking itself is imported when first used

T = TypeVar("T")


def given_json(given: Given) -> str:
    """The stored form of an answer: JSON, with a set of picks as a sorted list."""
    value = sorted(given) if isinstance(given, frozenset) else given
    return json.dumps(value, ensure_ascii=False)


def given_from_json(question: AnyQuestion, text: str) -> Given:
    """An answer as `given_json` stored it, read back for `question` (a resumed run). Only
    a list becomes a set of picks, so an answer of another form (the question's type has
    changed since) stays one the answer check refuses."""
    value = json.loads(text)
    if isinstance(question, MultiQuestion) and isinstance(value, list):
        return frozenset(value)
    return tuple(value) if isinstance(value, list) else value


def resumed_session(history: History, deck: Deck, session_id: int, clock: Seconds) -> QuizSession:
    """The stopped run `session_id` of `deck`, to carry on where it was left (StoreError when
    the store cannot be read, ValueError when nothing of it can be resumed)."""
    plan = history.plan(session_id)
    if plan is None:
        raise ValueError("that quiz was saved without its questions' order")
    at = deck.questions.positions()
    answered = [
        (saved.question_id, given_from_json(deck.questions[at[qid]], saved.given), saved.seconds)
        for saved in history.answers(session_id)
        if (qid := saved.question_id) in at
    ]
    return QuizSession.resumed(deck, plan, answered, clock=clock)


class RunRecorder:
    """Writes one run's session row with its first answer, each answer as it is given,
    and the finish. A run left before any answer leaves no row: it is not history.

    `session_id` names the row of a resumed run, which its answers go on adding to.
    """

    def __init__(
        self,
        history: History | None,
        session: QuizSession,
        report: Callable[[str], None],
        session_id: int | None = None,
    ) -> None:
        self._history = history
        self._session = session
        self._report = report
        self._session_id = session_id

    @property
    def saving(self) -> bool:
        return self._history is not None

    @property
    def session_id(self) -> int | None:
        """The run's row, once its first answer is saved."""
        return self._session_id

    def answered(self, record: AnswerRecord) -> None:
        """Commit one answer before the learner sees the feedback."""
        if self._session_id is None:
            self._session_id = self._save(self._start)
        session_id = self._session_id
        if session_id is not None:
            self._save(
                lambda h: h.record(
                    session_id,
                    record.question.id,
                    given_json(record.given),
                    record.verdict.points,
                    record.seconds,
                )
            )

    def finished(self) -> None:
        """Mark the run finished, worth what the session asked and scored: a resumed run
        that left out questions since removed counts out of those it asked, as its results do."""
        session_id = self._session_id
        session = self._session
        if session_id is not None:
            self._save(lambda h: h.finish(session_id, (session.total, session.score)))

    def _start(self, history: History) -> int:
        session = self._session
        plan = (session.questions.ids(), session.seed)
        deck = session.deck
        options = session.options.to_json()
        return history.start(
            deck.id, deck.title, session.mode, session.total, plan=plan, options=options
        )

    def _save(self, write: Callable[[History], T]) -> T | None:
        if self._history is None:
            return None
        try:
            return write(self._history)
        except StoreError as exc:
            self._history = None
            self._session_id = None
            self._report(f"History not saved: {exc}")
            return None
