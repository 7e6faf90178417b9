"""A year of study reviews and quiz answers written straight into a store, for the calendar
of reviews: hundreds of rows in two statements, where saving each through the app would
take a transaction apiece."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from quiz.store.database import Database
from quiz.store.instants import timestamp

TODAY = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
"""The tests' clock (`STILL` in the Pilot tests): a Monday."""


def add_history(
    db: Database, days: Iterable[tuple[datetime, int, int]], deck_id: str = "every-type"
) -> None:
    """For each (moment, reviews, answers): that many study reviews and quiz answers then."""
    days = list(days)
    with db.transaction() as connection:
        session = connection.execute(
            "INSERT INTO sessions (deck_id, deck_title, started_at, question_count)"
            " VALUES (?, 'Every type', ?, 1)",
            (deck_id, timestamp(days[0][0])),
        ).lastrowid
        connection.executemany(
            "INSERT INTO reviews (deck_id, question_id, rating, reviewed_at, log)"
            " VALUES (?, 'capital', 3, ?, '{}')",
            [(deck_id, timestamp(at)) for at, reviews, _ in days for _ in range(reviews)],
        )
        connection.executemany(
            "INSERT INTO answers (session_id, deck_id, question_id, given, correct, points,"
            " seconds, answered_at) VALUES (?, ?, 'capital', '\"Bamako\"', 1, 1, 2, ?)",
            [(session, deck_id, timestamp(at)) for at, _, answers in days for _ in range(answers)],
        )


def a_year() -> list[tuple[datetime, int, int]]:
    """A year up to `TODAY`, studied this morning: most days busy, some idle, a streak of
    six days (today and the five before it, after an idle day) and a busiest day, Tue 7
    Oct 2025, with 24 answers."""
    days = []
    for back in range(371):
        reviews, answers = back * 7 % 11 or int(back < 6), back % 4 * (back % 3 == 0)
        if back == 90:
            reviews, answers = 20, 4
        if back != 6 and reviews + answers:
            days.append((TODAY - timedelta(days=back, hours=1), reviews, answers))
    return days
