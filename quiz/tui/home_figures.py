"""What the deck list and the recent quizzes show, read from the store off the UI thread.

A heavy learner's history holds a million answers: reading it takes longer than a key
press may wait, so the home screen shows its decks at once and a thread worker reads
these figures, touching no widget, then hands them over in a message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from quiz.deck.model import Deck
from quiz.store.database import Database, StoreError
from quiz.store.history import DeckScores, History, SessionRow
from quiz.study.progress import DeckProgress, deck_progress
from quiz.tui.reader import own_connection

RECENT_ROWS = 5


@dataclass(frozen=True, slots=True)
class HomeFigures:
    """Each deck's scores and study counts at `now`, the latest runs, or why they're missing."""

    now: datetime
    scores: Mapping[str, DeckScores] = field(default_factory=dict)
    progress: Mapping[str, DeckProgress] = field(default_factory=dict)
    recent: Sequence[SessionRow] = ()
    stopped: Mapping[str, SessionRow] = field(default_factory=dict)
    """Each deck's last run, where it was stopped and can be resumed."""
    error: str = ""


def stopped_runs(rows: Sequence[SessionRow]) -> dict[str, SessionRow]:
    """Of `rows` (newest first), each deck's latest run, where it can be resumed."""
    latest: dict[str, SessionRow] = {}
    for row in rows:
        latest.setdefault(row.deck_id, row)
    return {deck_id: row for deck_id, row in latest.items() if row.resumable}


def read_home_figures(database: Database, decks: Sequence[Deck]) -> HomeFigures:
    """Read everything the home screen shows, on a connection of its own (for a worker)."""
    now = database.now()
    try:
        with own_connection(database) as reader:
            history = History(reader)
            runs = history.sessions()
            return HomeFigures(
                now,
                scores=history.deck_scores({deck.id: len(deck.questions) for deck in decks}),
                progress={deck.id: deck_progress(reader, deck, now) for deck in decks},
                recent=runs[:RECENT_ROWS],
                stopped=stopped_runs(runs),
            )
    except StoreError as exc:
        return HomeFigures(now, error=str(exc))
