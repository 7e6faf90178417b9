"""How scores and times read, the same on every screen and in `quiz stats`. Pure text.

A deck's line of scores (`played_line`) and a retry's mark (`retry_mark`) are written
here alone, so the deck list, the statistics screen and `quiz stats` cannot tell them
differently.
"""

from __future__ import annotations

from datetime import datetime

from quiz.store.history import DeckScores, RunKind, SessionRow
from quiz.words import plural

RETRY_MARK = " (retry)"
"""After a retry's deck title in a list of runs: a retry of missed questions is no quiz."""


def points(value: float) -> str:
    """`4` for whole points, `4.5` or `4.33` for partial ones."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def percent(value: float) -> str:
    return f"{value:.0f}%"


def score(earned: float, possible: float) -> str:
    """`4.5 / 6`."""
    return f"{points(earned)} / {points(possible)}"


def when(moment: datetime) -> str:
    """`2026-01-05 10:30`: a saved time, in the learner's own time zone."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def duration(seconds: float) -> str:
    """`2:05`, or `1:02:05` past an hour."""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def played_line(scores: DeckScores | None) -> str:
    """`best 80% · last 60% · 3 quizzes · 1 retry`, or that the deck was never played. The
    best is of a finished quiz over every question; the last says how far it went; the
    quizzes count stopped ones, and the retries of missed questions are counted apart."""
    if scores is None:
        return "not played yet"
    parts = [f"best {percent(scores.best)}"] if scores.best is not None else []
    parts += [f"last {last_run(scores.last)}", plural(scores.runs, "quiz", "quizzes")]
    if scores.retries:
        parts.append(plural(scores.retries, "retry", "retries"))
    return " · ".join(parts)


def last_run(row: SessionRow) -> str:
    """`60%`, or `stopped at 12 of 64` for a quiz left before its end."""
    if row.finished_at is None:
        return f"stopped at {row.answered} of {row.question_count}"
    return percent(row.percent)


def retry_mark(row: SessionRow) -> str:
    """`RETRY_MARK` for a retry, to put after its deck's title; nothing for a quiz."""
    return RETRY_MARK if row.mode is RunKind.RETRY else ""
