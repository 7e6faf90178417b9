"""How each question fares with learners: asked, right, time, and the wrong choices picked.

Read from the quiz history (`answers`). Authors use it to find questions that are too
easy, too hard or misleading, and distractors that never tempt anyone.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from quiz.store.database import Database


@dataclass(slots=True)
class QuestionStats:
    """One question's figures over every quiz answer saved for it."""

    question_id: str
    asked: int = 0
    right: int = 0
    seconds: list[float] = field(default_factory=list)
    wrong_picks: Counter[str] = field(default_factory=Counter)

    @property
    def share_right(self) -> float:
        return self.right / self.asked if self.asked else 0.0

    @property
    def median_seconds(self) -> float:
        from statistics import median  # only `quiz stats --questions` needs it

        return median(self.seconds) if self.seconds else 0.0


def question_stats(
    database: Database, deck_id: str, among: Collection[str] | None = None
) -> dict[str, QuestionStats]:
    """Figures per question id of one deck (of the questions `among` only, when given);
    `wrong_picks` counts the given wrong answers."""
    only = "" if among is None else " AND question_id IN (SELECT value FROM json_each(?))"
    rows = database.query(
        "SELECT question_id, given, correct, seconds FROM answers WHERE deck_id = ?"
        f"{only} ORDER BY id",
        (deck_id, *([] if among is None else [json.dumps(list(among))])),
    )
    stats: dict[str, QuestionStats] = {}
    for row in rows:
        entry = stats.setdefault(row["question_id"], QuestionStats(row["question_id"]))
        entry.asked += 1
        entry.seconds.append(row["seconds"])
        if row["correct"]:
            entry.right += 1
        else:
            entry.wrong_picks[row["given"]] += 1
    return stats


def asked_and_right(database: Database, deck_id: str) -> dict[str, tuple[int, int]]:
    """How often each question of the deck was asked and answered right, counted by SQLite.

    What a table of the hardest questions is sorted by: a million answers read into
    Python would take seconds, and freeing them at once holds every other thread.
    """
    rows = database.query(
        "SELECT question_id, COUNT(*), SUM(correct != 0) FROM answers WHERE deck_id = ?"
        " GROUP BY question_id",
        (deck_id,),
    )
    return {question_id: (asked, right) for question_id, asked, right in rows}
