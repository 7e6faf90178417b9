"""Saving a quiz run to the history as it goes, without ever stopping the quiz.

The quiz must go on when the store cannot be written (a read-only disk, a locked file
that stays locked): the first failure is reported once through `report` and the run
carries on unsaved. Knows the session and the history, nothing of any UI.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TypeVar

from quiz.play.scoring import Given
from quiz.play.session import AnswerRecord, QuizSession
from quiz.store.database import StoreError
from quiz.store.history import History

T = TypeVar("T")


def given_json(given: Given) -> str:
    """The stored form of an answer: JSON, with a set of picks as a sorted list."""
    value = sorted(given) if isinstance(given, frozenset) else given
    return json.dumps(value, ensure_ascii=False)


class RunRecorder:
    """Writes one run's session row, each answer as it is given, and the finish."""

    def __init__(
        self, history: History | None, session: QuizSession, report: Callable[[str], None]
    ) -> None:
        self._history = history
        self._report = report
        self._session_id: int | None = None
        if history is not None:
            self._session_id = self._save(
                lambda h: h.start(session.deck.id, session.deck.title, session.mode, session.total)
            )

    @property
    def saving(self) -> bool:
        return self._history is not None and self._session_id is not None

    def answered(self, record: AnswerRecord) -> None:
        """Commit one answer before the learner sees the feedback."""
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
        session_id = self._session_id
        if session_id is not None:
            self._save(lambda h: h.finish(session_id))

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
