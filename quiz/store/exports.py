"""What the last export to each package file held: table `exported_notes`.

Anki's import never deletes a note, so a question removed from its deck has to stay in
every later package written to the same file, for the learner to find and delete. That
takes, per file, each note as it was last written (content and change time), not only its
hash: the question itself is gone from the YAML. The exporter hands its notes in as JSON
text and reads them back; nothing here knows Anki.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quiz.store.database import Database
from quiz.store.note_versions import QuestionKey

INSERT = """
INSERT INTO exported_notes
    (output, deck_id, question_id, note_type, content, changed_at, removed)
VALUES (?, ?, ?, ?, ?, ?, ?)
"""

DELETE_ONE = "DELETE FROM exported_notes WHERE output = ? AND deck_id = ? AND question_id = ?"


@dataclass(frozen=True, slots=True)
class ExportedNote:
    """One note as a package file got it; `content` is the exporter's own JSON."""

    deck_id: str
    question_id: str
    note_type: str
    content: str
    changed_at: int
    removed: bool

    @property
    def key(self) -> QuestionKey:
        return (self.deck_id, self.question_id)


def last_export(db: Database, output: str) -> dict[QuestionKey, ExportedNote]:
    """The notes last written to `output` (a resolved path); empty if it never was."""
    rows = db.query(
        "SELECT deck_id, question_id, note_type, content, changed_at, removed"
        " FROM exported_notes WHERE output = ?",
        (output,),
    )
    # By position, in the SELECT's order: a file can hold tens of thousands of notes.
    return {
        (deck_id, question_id): ExportedNote(
            deck_id, question_id, note_type, content, changed_at, bool(removed)
        )
        for deck_id, question_id, note_type, content, changed_at, removed in rows
    }


def record_export(
    db: Database,
    output: str,
    notes: Sequence[ExportedNote],
    previous: Mapping[QuestionKey, ExportedNote] | None = None,
) -> None:
    """Make the record of `output` the notes just written to it, all at once.

    `previous` is the record `last_export` read before this export: rows still the same
    are left alone, so exporting unchanged decks again writes nothing. Without it the
    record is replaced whole. A changed row is deleted and inserted, like any other.
    """
    stale: list[QuestionKey] = []
    fresh = list(notes)
    if previous is not None:
        current = {note.key for note in notes}
        fresh = [note for note in notes if previous.get(note.key) != note]
        stale = [key for key in previous if key not in current]
        stale += [note.key for note in fresh if note.key in previous]
    with db.transaction() as connection:
        if previous is None:
            connection.execute("DELETE FROM exported_notes WHERE output = ?", (output,))
        connection.executemany(DELETE_ONE, [(output, *key) for key in stale])
        connection.executemany(INSERT, [_row(output, note) for note in fresh])


def _row(output: str, note: ExportedNote) -> tuple[object, ...]:
    return (
        output,
        note.deck_id,
        note.question_id,
        note.note_type,
        note.content,
        note.changed_at,
        int(note.removed),
    )
