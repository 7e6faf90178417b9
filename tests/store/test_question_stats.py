"""Per-question figures from real quiz answers in a real SQLite file."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from quiz.deck.loader import load_deck_or_raise
from quiz.question_report import question_lines
from quiz.store.database import Database
from quiz.store.history import History, RunKind
from quiz.store.question_stats import asked_and_right, question_stats

DECK = Path(__file__).parents[1] / "decks" / "every-type.yaml"


def test_asked_right_median_and_wrong_picks(tmp_path: Path) -> None:
    database = Database(tmp_path / "q.sqlite3", clock=lambda: datetime(2026, 1, 1, tzinfo=UTC))
    history = History(database)
    for given, points, seconds in (("Gao", 0.0, 4.0), ("Bamako", 1.0, 2.0), ("Gao", 0.0, 9.0)):
        session = history.start("every-type", "Every type", RunKind.FULL, 1)
        history.record(session, "capital", json.dumps(given), points, seconds)
    sunni = history.start("every-type", "Every type", RunKind.FULL, 1)
    history.record(sunni, "sunni", json.dumps(True), 1.0, 1)

    stats = question_stats(database, "every-type")

    capital = stats["capital"]
    assert (capital.asked, capital.right, capital.median_seconds) == (3, 1, 4.0)
    assert capital.wrong_picks == {json.dumps("Gao"): 2}
    lines = question_lines(load_deck_or_raise(DECK), stats)
    assert lines[1].split() == ["capital", "3", "33%", "4.0s"]
    assert lines[2:5] == ["      2× Gao", "      0× [A] Kidal", "      0× Timbuktu"]
    assert lines[5].split() == ["sunni", "1", "100%", "1.0s"]


def test_counts_by_sqlite_and_figures_of_some_questions(tmp_path: Path) -> None:
    """The statistics screen sorts by SQLite's counts, then reads the answers of the
    questions it shows only."""
    database = Database(tmp_path / "q.sqlite3")
    history = History(database)
    for question, points in (("capital", 0.0), ("capital", 1.0), ("sunni", 1.0), ("capital", 0.0)):
        history.record(
            history.start("every-type", "E", RunKind.FULL, 1), question, '"x"', points, 2
        )
    history.record(history.start("other", "O", RunKind.FULL, 1), "capital", '"x"', 1.0, 2)

    assert asked_and_right(database, "every-type") == {"capital": (3, 1), "sunni": (1, 1)}
    some = question_stats(database, "every-type", among=["sunni"])
    assert list(some) == ["sunni"]
    assert (some["sunni"].asked, some["sunni"].right) == (1, 1)
