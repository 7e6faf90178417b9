"""Export carries progress (issue 16.1–16.3, 16.7), checked by importing with the official
`anki` library and its "import any learning progress" option (`with_scheduling`).

The terminal's reviews happen on the store's clock, in the days before the real time the
test runs (Anki's importer counts days up to now, so an export from the future is not a
thing a learner can make); the import happens now, days after the export.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from anki.collection import Collection

from quiz.cli import main
from quiz.paths import store_path
from quiz.store.database import Database
from quiz.study.cards import record_review
from quiz.study.scheduler import Rating, StudyScheduler

from .conftest import EVERY_TYPE, ManualClock, anki_db
from .learning import (
    DECK,
    FAKETIME,
    Learner,
    anki_cards,
    anki_due_day,
    import_with_scheduling,
    revlog_count,
    run_in_zone,
)

STUDY: dict[str, list[Rating]] = {
    "capital": [Rating.Good, Rating.Good, Rating.Good],  # review, a few days out
    "colonies": [Rating.Good, Rating.Good, Rating.Again],  # relearning after a lapse
    "sunni": [Rating.Good],  # learning, due in minutes
    "missions": [Rating.Easy, Rating.Good],  # a cloze question: review
}
"""Ratings per question, one review per day; `ban-date` and `events` are never studied."""


def assert_same_schedule(col: Collection, learner: Learner, question_id: str) -> None:
    """Anki's cards of the question are due when, and hold what, the terminal's card does."""
    card = learner.cards()[question_id]
    assert card.stability is not None
    assert card.difficulty is not None
    for anki_card in anki_cards(col, question_id):
        if card.phase == "review":
            assert (anki_card.type, anki_card.queue) == (2, 2)
            assert anki_due_day(col, anki_card) == card.due.astimezone().date()
        else:
            assert anki_card.queue == 1, question_id  # learning and relearning
            assert anki_card.type == (1 if card.phase == "learning" else 3)
            assert anki_card.due == int(card.due.timestamp())
        memory = anki_card.memory_state
        assert memory is not None
        # Anki keeps 32-bit floats, stability rounded to 4 decimals and difficulty to 3.
        assert memory.stability == pytest.approx(card.stability, abs=6e-5)
        assert memory.difficulty == pytest.approx(card.difficulty, abs=6e-4)
    first = anki_cards(col, question_id)[0]
    assert revlog_count(col, first) == learner.review_count(question_id)


def test_studied_cards_keep_queue_due_day_reviews_and_memory_in_anki(
    learner: Learner, fresh_col: Callable[[], Collection], tmp_path: Path
) -> None:
    learner.study(STUDY)
    package = tmp_path / "study.apkg"
    learner.export(package)

    col = fresh_col()
    import_with_scheduling(col, package)
    col.set_config("fsrs", True)

    phases = {question_id: learner.cards()[question_id].phase for question_id in STUDY}
    assert phases == {
        "capital": "review",
        "colonies": "relearning",
        "sunni": "learning",
        "missions": "review",
    }
    for question_id in STUDY:
        assert_same_schedule(col, learner, question_id)
    assert anki_cards(col, "colonies")[0].lapses == 1
    assert anki_cards(col, "capital")[0].reps == 3
    for never in ("ban-date", "events"):
        assert [(c.type, c.queue) for c in anki_cards(col, never)] == [(0, 0)]
    total = sum(learner.review_count(question_id) for question_id in STUDY)
    assert anki_db(col).scalar("SELECT count(*) FROM revlog") == total == 9


def test_the_review_log_keeps_time_rating_and_phase(
    learner: Learner, fresh_col: Callable[[], Collection], tmp_path: Path
) -> None:
    learner.study({"colonies": STUDY["colonies"]})
    learner.export(tmp_path / "study.apkg")
    col = fresh_col()
    import_with_scheduling(col, tmp_path / "study.apkg")

    card = anki_cards(col, "colonies")[0]
    rows = anki_db(col).all(
        "SELECT id, ease, ivl, type FROM revlog WHERE cid = ? ORDER BY id", card.id
    )
    reviewed = learner.db.query(
        "SELECT reviewed_at FROM reviews WHERE question_id = 'colonies' ORDER BY id"
    )
    times = [int(datetime.fromisoformat(row[0]).timestamp() * 1000) for row in reviewed]
    assert [row[0] for row in rows] == times
    assert [row[1] for row in rows] == [3, 3, 1]
    # Learning (10 minutes, as −seconds), then review (days), then a lapse in review.
    assert [row[3] for row in rows] == [0, 0, 1]
    assert rows[0][2] == -600
    assert rows[1][2] > 0
    assert rows[2][2] == -600


def test_a_second_export_adds_no_review_twice_and_anki_keeps_the_cards_it_has(
    learner: Learner, fresh_col: Callable[[], Collection], tmp_path: Path
) -> None:
    """Anki's rules (rslib import_export/package/apkg/import/cards.rs, anki 26.9.3): a card
    whose note and template Anki already has is left as it is; review-log rows come in
    only with the cards the import adds, and a row whose id Anki has is skipped."""
    first, second = tmp_path / "first.apkg", tmp_path / "second.apkg"
    learner.study({"capital": [Rating.Good, Rating.Good]})
    learner.export(first)
    learner.study({"capital": [Rating.Good], "sunni": [Rating.Good]})
    learner.export(second)

    col = fresh_col()
    import_with_scheduling(col, first)
    before = anki_cards(col, "capital")[0]
    import_with_scheduling(col, first)
    import_with_scheduling(col, second)
    after = anki_cards(col, "capital")[0]
    assert (after.due, after.reps, revlog_count(col, after)) == (before.due, 2, 2)
    sunni = anki_cards(col, "sunni")[0]  # new in the first package, studied since
    assert (sunni.type, sunni.queue, revlog_count(col, sunni)) == (0, 0, 0)

    fresh = fresh_col()
    import_with_scheduling(fresh, second)
    fresh.set_config("fsrs", True)
    assert_same_schedule(fresh, learner, "capital")
    assert revlog_count(fresh, anki_cards(fresh, "capital")[0]) == 3


@pytest.mark.skipif(FAKETIME is None, reason="needs faketime (apt-get install faketime)")
@pytest.mark.parametrize("at", ["03:30", "12:00"])
@pytest.mark.parametrize("zone", ["America/Los_Angeles", "Asia/Tokyo"])
def test_the_due_day_is_the_same_east_and_west_of_utc(zone: str, at: str) -> None:
    """The first test again, in a process started in `zone` at `at` there (before and after
    Anki's 4 a.m. rollover)."""
    test = f"{__file__}::test_studied_cards_keep_queue_due_day_reviews_and_memory_in_anki"
    run_in_zone(test, zone, f"2026-12-04 {at}:00")


def test_no_progress_leaves_every_card_new(
    tmp_path: Path, fresh_col: Callable[[], Collection]
) -> None:
    store = Database(store_path())
    try:
        scheduler = StudyScheduler(fuzzing=False)
        record_review(store, scheduler, DECK, "capital", Rating.Good)
    finally:
        store.close()
    shared, mine = tmp_path / "share.apkg", tmp_path / "mine.apkg"
    assert main(["export", str(EVERY_TYPE), "-o", str(shared), "--no-progress"]) == 0
    assert main(["export", str(EVERY_TYPE), "-o", str(mine)]) == 0

    col = fresh_col()
    import_with_scheduling(col, shared)
    assert anki_db(col).scalar("SELECT count(*) FROM cards WHERE type != 0") == 0
    assert anki_db(col).scalar("SELECT count(*) FROM revlog") == 0
    other = fresh_col()
    import_with_scheduling(other, mine)
    assert anki_db(other).scalar("SELECT count(*) FROM cards WHERE type != 0") == 1
    assert anki_db(other).scalar("SELECT count(*) FROM revlog") == 1


def test_a_card_overdue_in_the_terminal_is_due_today_in_anki(
    learner: Learner, clock: ManualClock, fresh_col: Callable[[], Collection], tmp_path: Path
) -> None:
    clock.now -= timedelta(days=40)
    learner.study({"capital": [Rating.Good, Rating.Good]})
    learner.export(tmp_path / "study.apkg")
    col = fresh_col()
    import_with_scheduling(col, tmp_path / "study.apkg")

    assert learner.cards()["capital"].due < datetime.now(UTC) - timedelta(days=20)
    assert_same_schedule(col, learner, "capital")  # a day number before Anki's today
    card = anki_cards(col, "capital")[0]
    col.decks.select(card.did)
    assert col.sched.counts()[2] == 1  # in today's reviews
