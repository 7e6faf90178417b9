"""Card state and reviews in a real SQLite file: saved as they happen, whole, and kept."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path

import fsrs
import pytest

from quiz.store.cards import new_cards_since
from quiz.store.database import Database, StoreError
from quiz.study.cards import load_card, load_cards, record_review, undo_review
from quiz.study.scheduler import CardState, Rating, StudyScheduler, card_key

Replay = Callable[[int, Sequence[tuple[int, datetime]]], list[fsrs.Card]]


def test_a_question_never_reviewed_is_a_new_card_due_now(db: Database) -> None:
    card = load_card(db, "every-type", "capital")
    assert card == CardState.new(card_key("every-type", "capital"), db.now())
    assert db.query("SELECT COUNT(*) AS n FROM cards")[0]["n"] == 0


def test_reviews_follow_fsrs_and_are_logged(
    db: Database,
    scheduler: StudyScheduler,
    set_time: Callable[[datetime], None],
    fsrs_replay: Replay,
) -> None:
    start, reviews = db.now(), []
    for rating, days in [(3, 0), (3, 0.01), (1, 3), (3, 3.01), (4, 12)]:
        set_time(start + timedelta(days=days))
        saved = record_review(
            db, scheduler, "d", "q", Rating(rating), correct=rating > 1, seconds=5
        )
        reviews.append((rating, db.now()))
        assert saved.card == load_card(db, "d", "q")
        assert saved.reviewed_at == db.now()
    expected = fsrs_replay(card_key("d", "q"), reviews)[-1]
    card = load_card(db, "d", "q")
    assert (card.due, card.stability, card.difficulty) == (
        expected.due,
        expected.stability,
        expected.difficulty,
    )
    rows = db.query("SELECT rating, correct, seconds, reviewed_at, log FROM reviews ORDER BY id")
    assert [(r["rating"], r["correct"], r["seconds"]) for r in rows] == [
        (rating, int(rating > 1), 5.0) for rating, _ in reviews
    ]
    assert [json.loads(r["log"])["review_datetime"] for r in rows] == [
        moment.isoformat() for _, moment in reviews
    ]


def test_state_survives_closing_and_reopening_the_store(
    open_db: Callable[[], Database], scheduler: StudyScheduler
) -> None:
    first = open_db()
    saved = record_review(first, scheduler, "d", "q", Rating.Good, correct=True, seconds=3)
    first.close()
    again = open_db()
    assert load_card(again, "d", "q") == saved.card
    assert load_cards(again, "d") == {"q": saved.card}


def test_a_killed_study_process_loses_no_finished_review(tmp_path: Path) -> None:
    store = tmp_path / "killed.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_CHILD, str(store)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "reviewed"
    child.kill()
    child.wait()
    db = Database(store)
    try:
        assert set(load_cards(db, "d")) == {"q1", "q2"}
        assert db.query("SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 2
    finally:
        db.close()


KILLED_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from quiz.study.cards import record_review
    from quiz.store.database import Database
    from quiz.study.scheduler import Rating, StudyScheduler

    db = Database(Path(sys.argv[1]))
    for question in ("q1", "q2"):
        record_review(db, StudyScheduler(), "d", question, Rating.Good)
    print("reviewed", flush=True)
    time.sleep(60)
    """
)


def test_a_failed_write_leaves_card_and_log_as_they_were(
    db: Database, scheduler: StudyScheduler, set_time: Callable[[datetime], None]
) -> None:
    before = record_review(db, scheduler, "d", "q", Rating.Good, correct=True).card
    with db.transaction() as connection:
        connection.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON reviews BEGIN SELECT RAISE(ABORT, 'full'); END"
        )
    set_time(before.due)
    with pytest.raises(StoreError, match="cannot write"):
        record_review(db, scheduler, "d", "q", Rating.Again, correct=False)
    assert load_card(db, "d", "q") == before
    assert db.query("SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 1


def test_a_damaged_card_is_reported_in_one_sentence_and_left_alone(db: Database) -> None:
    with db.transaction() as connection:
        connection.execute("INSERT INTO cards VALUES ('d', 'q', '{\"state\": 1', 'x')")
    with pytest.raises(StoreError, match=r"^the study state of question 'q' of deck 'd' in .*"):
        load_card(db, "d", "q")
    assert db.query("SELECT state FROM cards")[0]["state"] == '{"state": 1'


def test_new_cards_since_counts_only_first_reviews(
    db: Database, scheduler: StudyScheduler, set_time: Callable[[datetime], None]
) -> None:
    start = db.now()
    record_review(db, scheduler, "d", "old", Rating.Good)
    set_time(start + timedelta(days=1))
    for question in ("old", "fresh", "fresh"):
        record_review(db, scheduler, "d", question, Rating.Again)
    record_review(db, scheduler, "other-deck", "fresh", Rating.Again)
    assert new_cards_since(db, "d", start + timedelta(hours=1)) == 1
    assert new_cards_since(db, "d", start) == 2


def test_an_undo_refuses_a_card_rated_again_since(
    db: Database, scheduler: StudyScheduler, set_time: Callable[[datetime], None]
) -> None:
    """Another window rated the card after this one: undoing this one's review would wipe
    that rating, so nothing changes and one sentence says why."""
    first = record_review(db, scheduler, "d", "q", Rating.Good)
    set_time(db.now() + timedelta(minutes=10))
    second = record_review(db, scheduler, "d", "q", Rating.Good)
    with pytest.raises(StoreError, match="'q' of deck 'd' was reviewed again elsewhere since"):
        undo_review(db, first)
    assert load_card(db, "d", "q") == second.card
    assert db.query("SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 2
    undo_review(db, second)
    assert load_card(db, "d", "q") == first.card
    undo_review(db, first)
    assert db.query("SELECT COUNT(*) AS n FROM cards")[0]["n"] == 0
    assert db.query("SELECT COUNT(*) AS n FROM reviews")[0]["n"] == 0
