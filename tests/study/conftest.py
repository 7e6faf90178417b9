"""Fixtures for the study core: a clock the test sets, a real SQLite file, FSRS without fuzz."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import fsrs
import pytest

from quiz.deck.loader import load_deck_or_raise
from quiz.deck.model import Deck
from quiz.store.database import Database
from quiz.study.scheduler import StudyScheduler

START = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)

SetTime = Callable[[datetime], None]
OpenDatabase = Callable[[], Database]
Replay = Callable[[int, Sequence[tuple[int, datetime]]], list[fsrs.Card]]


class ManualClock:
    """The store's clock in tests: it says what the test last set, starting at `START`."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def set_time(clock: ManualClock) -> SetTime:
    def set_to(moment: datetime) -> None:
        clock.now = moment

    return set_to


@pytest.fixture
def open_db(tmp_path: Path, clock: ManualClock) -> Iterator[OpenDatabase]:
    """Opens the same store file each time, as a restarted app would; closes them all after."""
    opened: list[Database] = []

    def open_store() -> Database:
        opened.append(Database(tmp_path / "data" / "quiz.sqlite3", clock=clock))
        return opened[-1]

    yield open_store
    for database in opened:
        database.close()


@pytest.fixture
def db(open_db: OpenDatabase) -> Database:
    return open_db()


@pytest.fixture
def scheduler() -> StudyScheduler:
    return StudyScheduler(fuzzing=False)


@pytest.fixture
def deck() -> Deck:
    return load_deck_or_raise(Path(__file__).parents[1] / "decks" / "every-type.yaml")


@pytest.fixture
def fsrs_replay() -> Replay:
    """fsrs's own scheduler on the same ratings and times: the reference our dates must match."""

    def replay(card_id: int, reviews: Sequence[tuple[int, datetime]]) -> list[fsrs.Card]:
        reference = fsrs.Scheduler(enable_fuzzing=False)
        card = fsrs.Card(card_id=card_id, due=reviews[0][1])
        states = []
        for rating, moment in reviews:
            card, _ = reference.review_card(card, fsrs.Rating(rating), review_datetime=moment)
            states.append(card)
        return states

    return replay
