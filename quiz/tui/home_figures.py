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
from quiz.store.history import DeckScores, History, SessionRow, deck_sizes
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


def stopped_runs(history: History, decks: Sequence[Deck]) -> dict[str, SessionRow]:
    """Each deck's last run, where it can be resumed."""
    latest = {deck.id: history.latest_run(deck.id) for deck in decks}
    return {deck_id: row for deck_id, row in latest.items() if row is not None and row.resumable}


def read_home_figures(database: Database, decks: Sequence[Deck]) -> HomeFigures:
    """Read everything the home screen shows, on a connection of its own (for a worker).

    SQLite does the counting, each figure from an index: the worker holds Python's lock
    for little more than the rows shown, so the screen draws at its own pace meanwhile.
    """
    now = database.now()
    try:
        with own_connection(database) as reader:
            history = History(reader)
            return HomeFigures(
                now,
                scores=history.deck_scores(deck_sizes(decks)),
                progress={deck.id: deck_progress(reader, deck, now) for deck in decks},
                recent=history.recent(RECENT_ROWS),
                stopped=stopped_runs(history, decks),
            )
    except StoreError as exc:
        return HomeFigures(now, error=str(exc))
