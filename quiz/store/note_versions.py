"""When each exported question's content last changed: table `note_versions`.

Anki updates a note on re-import only when the incoming note is strictly newer than the
one in the collection, and then replaces all of it. So a note must carry the time its
content last changed, not the export time: an unchanged question keeps its old time (a
learner's own edit in Anki, being newer, survives), a changed one gets a new time (and
reaches the learner). A removed question's note, tagged as removed, is versioned here like
any other, so if the question comes back its note is newer than the removal and loses the
tag. The exporter hands in content hashes; nothing here knows Anki.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from quiz.store.database import Database

QuestionKey = tuple[str, str]
"""(deck id, question id)."""

UPSERT = """
INSERT INTO note_versions (deck_id, question_id, content_hash, changed_at) VALUES (?, ?, ?, ?)
ON CONFLICT (deck_id, question_id)
DO UPDATE SET content_hash = excluded.content_hash, changed_at = excluded.changed_at
"""


def record_versions(db: Database, hashes: Mapping[QuestionKey, str]) -> dict[QuestionKey, int]:
    """Compare content hashes with the last export's, record the new ones, return the times.

    A new or changed question gets the store's current time, and always a time later
    than its previous one, so Anki sees it as newer even if the clock went back or two
    exports fall in the same second. Questions no longer exported keep their row: if
    one comes back unchanged, the learner's note needs no update.
    """
    now = int(db.now().timestamp())
    with db.transaction() as connection:
        known = _known_versions(connection, {deck_id for deck_id, _ in hashes})
        times: dict[QuestionKey, int] = {}
        changed: list[QuestionKey] = []
        for key, digest in hashes.items():
            old_digest, old_time = known.get(key, ("", 0))
            if digest == old_digest:
                times[key] = old_time
            else:
                times[key] = max(now, old_time + 1)
                changed.append(key)
        connection.executemany(UPSERT, [(*key, hashes[key], times[key]) for key in changed])
    return times


def _known_versions(
    connection: sqlite3.Connection, deck_ids: set[str]
) -> dict[QuestionKey, tuple[str, int]]:
    """The stored (content hash, change time) of every question of these decks."""
    known: dict[QuestionKey, tuple[str, int]] = {}
    for deck_id in deck_ids:
        rows = connection.execute(
            "SELECT question_id, content_hash, changed_at FROM note_versions WHERE deck_id = ?",
            (deck_id,),
        )
        known.update({(deck_id, question_id): (digest, at) for question_id, digest, at in rows})
    return known
