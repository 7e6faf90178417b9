"""What the last export to each package file held: table `exported_notes`.

Anki's import never deletes a note, so a question removed from its deck has to stay in
every later package written to the same file, for the learner to find and delete. That
takes, per file, each note as it was last written (content and change time), not only its
hash: the question itself is gone from the YAML. The exporter hands its notes in as JSON
text and reads them back; nothing here knows Anki.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quiz.store.database import Database
from quiz.store.note_versions import QuestionKey

INSERT = """
INSERT INTO exported_notes
    (output, deck_id, question_id, note_type, content, changed_at, removed)
VALUES (?, ?, ?, ?, ?, ?, ?)
"""


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
    notes = [
        ExportedNote(
            deck_id=row["deck_id"],
            question_id=row["question_id"],
            note_type=row["note_type"],
            content=row["content"],
            changed_at=row["changed_at"],
            removed=bool(row["removed"]),
        )
        for row in rows
    ]
    return {note.key: note for note in notes}


def record_export(db: Database, output: str, notes: Iterable[ExportedNote]) -> None:
    """Replace the record of `output` with the notes just written to it, all at once."""
    with db.transaction() as connection:
        connection.execute("DELETE FROM exported_notes WHERE output = ?", (output,))
        connection.executemany(
            INSERT,
            [
                (
                    output,
                    note.deck_id,
                    note.question_id,
                    note.note_type,
                    note.content,
                    note.changed_at,
                    int(note.removed),
                )
                for note in notes
            ],
        )
